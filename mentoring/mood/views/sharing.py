"""The mentee's sharing choices and their data to take away."""

import json

from flask import Response, flash
from flask_login import current_user

from ...access import roles
from ...clock import local_today
from ...i18n import _
from ...models import MENTEE
from ...web import form_status, redirect_to, render
from ..export import checkins_csv, everything
from ..forms import SharingForm
from ..safety_plan import plan_for
from ..sharing import save_sharing, sharing_for
from . import bp
from .common import me

mentee = roles(MENTEE)


@bp.route("/mood/sharing", methods=["GET", "POST"])
@mentee
def sharing():
    user = me()
    current = sharing_for(user)
    form = SharingForm(data={
        "share_checkins": "yes" if current.share_checkins else "no",
        "share_measures": "yes" if current.share_measures else "no",
    })
    if form.validate_on_submit():
        save_sharing(user, share_checkins=form.share_checkins.data == "yes",
                     share_measures=form.share_measures.data == "yes")
        flash(_("Saved. Your mentor sees only what you chose."), "success")
        return redirect_to("mood.sharing")
    return render("mood/sharing.html", form=form, plan=plan_for(user), match=user.active_match(),
                  status=form_status(form))


def _download(body, mimetype, extension):
    name = f"check-ins-{local_today(current_user.timezone).isoformat()}.{extension}"
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.route("/mood/export.csv")
@mentee
def export_csv():
    return _download(checkins_csv(me()), "text/csv; charset=utf-8", "csv")


@bp.route("/mood/export.json")
@mentee
def export_json():
    return _download(json.dumps(everything(me()), ensure_ascii=False, indent=2), "application/json", "json")
