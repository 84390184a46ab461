"""A person's own data: download it, see who can see it, ask for it to be deleted."""

from flask import Blueprint, flash, make_response
from flask_babel import format_date
from flask_login import current_user

from ..access import require, roles, signed_in
from ..clock import utcnow
from .. import hooks
from ..home import add_home_card
from ..push import add_producer
from ..i18n import _, _l, ngettext
from ..models import COORDINATOR, ROLES
from ..personal_data import PERSONAL_DATA
from ..web import add_account_link, form_status, redirect_to, render
from . import cli, deletion, retention
from .export import build_zip
from .forms import ConfirmDeletionForm, DataSettingsForm
from .settings import data_settings, save_data_settings

bp = Blueprint("data_rights", __name__)

NO_STORE = {"Cache-Control": "no-store"}


@bp.route("/account/data")
@signed_in
def your_data():
    return render("data_rights/your_data.html", kinds=PERSONAL_DATA,
                  pending=deletion.pending_for(current_user)), NO_STORE


@bp.route("/account/data/download")
@signed_in
def download():
    """A GET that changes nothing: the same person gets the same kind of file every time."""
    now = utcnow()
    response = make_response(build_zip(current_user._get_current_object(), now))
    response.headers.update({
        "Content-Type": "application/zip",
        "Content-Disposition": f'attachment; filename="my-data-{now:%Y-%m-%d}.zip"',
        "Cache-Control": "no-store",
    })
    return response


@bp.route("/account/delete", methods=["GET", "POST"])
@signed_in
def delete_account():
    if deletion.pending_for(current_user):
        return redirect_to("data_rights.your_data")
    form = ConfirmDeletionForm()
    if form.validate_on_submit():
        if current_user.check_password(form.password.data):
            asked = deletion.request_deletion(current_user._get_current_object())
            flash(_("Your request is in. You can cancel it until %(date)s.",
                    date=format_date(asked.due_at, "long")), "info")
            return redirect_to("data_rights.your_data")
        form.password.errors.append(_("That is not your password."))
    chosen = data_settings(current_user.program)
    return render("data_rights/delete.html", form=form, grace=chosen["deletion_grace_days"],
                  retention=_period(chosen["retention_days"]),
                  keep_messages=not chosen["delete_messages_with_account"], status=form_status(form)), NO_STORE


def _period(days):
    """Whole years read as years ("2 years"), anything else as days."""
    if days % 365 == 0:
        return ngettext("%(num)d year", "%(num)d years", days // 365)
    return ngettext("%(num)d day", "%(num)d days", days)


@bp.route("/account/delete/cancel", methods=["POST"])
@signed_in
def cancel_deletion():
    if deletion.cancel(current_user):
        flash(_("Your account will not be deleted."), "success")
    return redirect_to("data_rights.your_data")


@bp.route("/people/deletions")
@roles(COORDINATOR)
def deletions():
    return render("data_rights/deletions.html", requests=list(deletion.pending_in(current_user.program)))


@bp.route("/people/data-settings", methods=["GET", "POST"])
@roles(COORDINATOR)
def data_settings_page():
    program = current_user.program
    form = DataSettingsForm(data=data_settings(program))
    if form.validate_on_submit():
        save_data_settings(program, deletion_grace_days=form.deletion_grace_days.data,
                           retention_days=form.retention_days.data,
                           delete_messages_with_account=form.delete_messages_with_account.data)
        flash(_("Saved."), "success")
        return redirect_to("data_rights.data_settings_page")
    return render("data_rights/settings.html", form=form, status=form_status(form))


@bp.route("/people/deletions/<int:request_id>/confirm", methods=["POST"])
@roles(COORDINATOR)
def confirm_deletion(request_id):
    # Another program's request, or one's own, is not found: nobody confirms their own.
    require(deletion.in_program(request_id, current_user.program_id, exclude_user=current_user.id))
    if deletion.complete(request_id, confirmed_by=current_user._get_current_object()):
        flash(_("The account is deleted."), "success")
    return redirect_to("data_rights.deletions")


def _requests_card(user):
    """Coordinators see waiting requests on their home screen (one query; none, no card)."""
    waiting = list(deletion.pending_in(user.program_id).limit(3))
    return {"requests": waiting} if waiting else None


def _own_request_card(user):
    """Someone leaving sees, first thing, when it happens and that they can still stay."""
    # Almost nobody is leaving: the signed-in user comes with a flag that says
    # whether to look, so most home visits ask nothing here.
    if not getattr(user, "deletion_pending", True):
        return None
    pending = deletion.pending_for(user)
    return {"pending": pending} if pending else None


def init_app(app):
    app.register_blueprint(bp)
    for role in ROLES:
        add_home_card(app, role, "data_rights/_own_request_card.html", _own_request_card, 1)
    add_home_card(app, COORDINATOR, "data_rights/_requests_card.html", _requests_card, 30)
    add_account_link(app, ROLES, "data_rights.your_data", _l("Your data: download, delete, who can see it"), 90)
    add_account_link(app, [COORDINATOR], "data_rights.deletions", _l("Deletion requests"), 55)
    add_account_link(app, [COORDINATOR], "data_rights.data_settings_page", _l("Keeping and deleting data"), 56)
    # The push worker completes due deletions and applies retention on every pass.
    hooks.add(app, "accounts.user_flag", ("deletion_pending", deletion.pending_exists))
    add_producer(app, deletion.run_due)
    add_producer(app, retention.run)
    cli.init_app(app)
