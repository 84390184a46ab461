"""Checking in, seeing and changing one's check-ins."""

from flask import flash, request
from flask_login import current_user

from ...access import roles
from ...clock import local_today, to_local
from ...db import database
from ...i18n import _
from ...models import MENTEE
from ...pagination import paginate
from ...safety import crisis_panel, shows_panel
from ...web import form_status, redirect_to, render, wants_fragment
from ..checkins import CheckInData, check_moment, delete_checkin, moment, save_checkin, tags_by_checkin, \
    update_checkin
from ..forms import CheckInForm
from ..models import CheckIn
from ..settings import mood_settings
from ..sharing import has_chosen, save_sharing, sharing_for
from ..vocab import tag_choices
from . import bp
from .common import me, own_checkin, pending_crisis, show_crisis_next

mentee = roles(MENTEE)


def _prepare(form, user, checkin_tags=None):
    settings = mood_settings(user.program)
    emotions = tag_choices("emotion", settings["emotions"])
    activities = tag_choices("activity", settings["activities"])
    # A check-in keeps the words it was saved with, even if the program drops one later.
    for kind, pairs in (("emotion", emotions), ("activity", activities)):
        for name in (checkin_tags or {}).get(kind, []):
            if name not in dict(pairs):
                pairs.append((name, name))
    form.set_tag_choices(emotions, activities)


def _data(form):
    return CheckInData(
        mood=form.mood.data,
        emotions=form.emotions.data or [],
        activities=form.activities.data or [],
        energy=form.energy.data,
        sleep_hours=form.sleep_hours.data,
        sleep_quality=form.sleep_quality.data,
        note=form.note.data or "",
        note_shared=form.note_shared.data,
        local_at=form.when.data,
    )


def _time_ok(form, user):
    at, _day = moment(user, form.when.data)
    error = check_moment(at)
    if error:
        form.when.errors = list(form.when.errors) + [error]
    return error is None


def _today(user):
    today = local_today(user.timezone)
    checkins = list(
        CheckIn.select().where((CheckIn.user == user) & (CheckIn.local_date == today)).order_by(CheckIn.at.desc())
    )
    return checkins, tags_by_checkin(checkins)


@bp.route("/mood/check-in", methods=["GET", "POST"])
@mentee
def checkin():
    user = me()
    first_time = not has_chosen(user)
    form = CheckInForm()
    if not first_time:
        del form.share_checkins
    _prepare(form, user)
    if form.validate_on_submit() and _time_ok(form, user):
        with database.atomic():
            if first_time:
                save_sharing(user, share_checkins=form.share_checkins.data == "yes")
            saved, created = save_checkin(user, form.client_id.data, _data(form))
        if saved.safety.shows_panel:
            show_crisis_next(saved.safety)
        flash(_("Saved. Thank you for checking in.") if created else _("That check-in was already saved."), "success")
        return redirect_to("mood.checkin")
    today, tags = _today(user)
    return render(
        "mood/checkin.html", "mood/_checkin_form.html",
        form=form, first_time=first_time, today=today, tags=tags,
        crisis=pending_crisis() if request.method == "GET" else _unsaved_crisis(form, user),
        crisis_oob=wants_fragment(), sharing=sharing_for(user), status=form_status(form),
    )


def _unsaved_crisis(form, user):
    """A form sent back with a problem still brings up the panel for risky words in its note:
    the words were written. Nobody is told, since nothing was saved."""
    if form.note.data and shows_panel(user, [form.note.data]):
        return crisis_panel(user)
    return None


@bp.route("/mood/check-ins")
@mentee
def history():
    query = CheckIn.select().where(CheckIn.user == current_user.id).order_by(CheckIn.at.desc(), CheckIn.id.desc())
    page = paginate(query, per_page=30)
    return render("mood/history.html", page=page, tags=tags_by_checkin(page.items), crisis=pending_crisis())


@bp.route("/mood/check-ins/<int:checkin_id>", methods=["GET", "POST"])
@mentee
def edit_checkin(checkin_id):
    user = me()
    found = own_checkin(checkin_id)
    tags = tags_by_checkin([found])[found.id]
    local = to_local(found.at, user.timezone).replace(tzinfo=None, second=0, microsecond=0)
    form = CheckInForm(data={
        "mood": found.mood, "energy": found.energy, "sleep_hours": found.sleep_hours,
        "sleep_quality": found.sleep_quality, "note": found.note, "note_shared": found.note_shared,
        "emotions": tags["emotion"], "activities": tags["activity"], "when": local,
    })
    del form.share_checkins
    del form.client_id
    _prepare(form, user, tags)
    if form.validate_on_submit() and _time_ok(form, user):
        data = _data(form)
        data.local_at = data.local_at or local
        update_checkin(user, found, data)
        if found.safety.shows_panel:
            show_crisis_next(found.safety)
        flash(_("Your check-in is updated."), "success")
        return redirect_to("mood.history")
    return render(
        "mood/edit_checkin.html", form=form, checkin=found, status=form_status(form),
        crisis=_unsaved_crisis(form, user) if request.method == "POST" else None,
    )


@bp.route("/mood/check-ins/<int:checkin_id>/delete", methods=["POST"])
@mentee
def delete(checkin_id):
    found = own_checkin(checkin_id)
    delete_checkin(found)
    flash(_("The check-in is deleted."), "success")
    if request.form.get("next") == "checkin":
        return redirect_to("mood.checkin")
    return redirect_to("mood.history")
