"""Meetings for a match's two people: arrange, answer, move, cancel, and look back."""

from datetime import datetime, timedelta

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_login import current_user

from ..access import require, roles
from ..clock import to_local, utcnow
from ..db import database
from ..i18n import _
from ..models import MENTEE, MENTOR
from ..safety import check_writing, crisis_panel, panel_next, pending_panel
from ..web import form_status, render
from . import actions, schedule
from .actions import Plan
from .forms import CancelForm, ChangeForm, LogForm, NoteForm, OutcomeForm, ProposeForm
from .models import CANCELLED, CONFIRMED, ONCE, PROPOSED, Meeting, MeetingNote, MeetingSeries

bp = Blueprint("meetings", __name__)
members = roles(MENTEE, MENTOR)

UPCOMING = timedelta(weeks=8)
LOOK_BACK = timedelta(days=14)
PAST_PAGE = timedelta(weeks=8)
FURTHEST = timedelta(days=2 * 365)


def go(endpoint, **values):
    """303 to a page. A boosted form's XHR follows it with its htmx headers, so the
    page (not its fragment) comes back; web.redirect_to's HX-Location GET is not
    marked boosted and would get the fragment of pages that have one."""
    return redirect(url_for(endpoint, **values), 303)


def _shown_matches():
    """The reader's matches, or just the one asked for with ?match=."""
    matches = schedule.member_matches(current_user)
    match_id = request.args.get("match", type=int)
    if match_id is None:
        return matches, None
    chosen = [m for m in matches if m.id == match_id]
    require(chosen)
    return chosen, chosen[0]


def _live_series(matches, now):
    if not matches:
        return []
    by_id = {m.id: m for m in matches}
    found = list(
        MeetingSeries.select()
        .where(
            MeetingSeries.match.in_(list(by_id)) & (MeetingSeries.status != CANCELLED)
            & (MeetingSeries.ends_at.is_null() | (MeetingSeries.ends_at > now))
        )
        .order_by(MeetingSeries.created_at)
    )
    for series in found:
        series.match = by_id[series.match_id]
    return found


@bp.route("/meetings")
@members
def index():
    matches, chosen = _shown_matches()
    now = utcnow()
    items = schedule.between(matches, now - LOOK_BACK, now + UPCOMING)
    for_me, waiting = schedule.needing_attention(current_user, matches, now)
    return render(
        "meetings/index.html",
        "meetings/_list.html",
        matches=matches,
        chosen=chosen,
        upcoming=[m for m in items if m.ends_at > now],
        unmarked=schedule.unmarked(items, now),
        attention=for_me,
        waiting=waiting,
        series=_live_series(matches, now),
        now=now,
    )


@bp.route("/meetings/past")
@members
def past():
    matches, chosen = _shown_matches()
    now = utcnow()
    before = now
    raw = request.args.get("before", "")
    if raw:
        try:
            before = min(datetime.strptime(raw, "%Y-%m-%d"), now)
        except ValueError:
            abort(404)
    start = before - PAST_PAGE
    items = [m for m in schedule.between(matches, start, before) if m.ends_at <= now]
    items.reverse()
    earliest = min((m.started_at for m in matches), default=now)
    return render(
        "meetings/past.html",
        "meetings/_past_list.html",
        matches=matches,
        chosen=chosen,
        items=items,
        start=start,
        before=before,
        earlier=start.strftime("%Y-%m-%d") if start > earliest else None,
        now=now,
    )


# Arranging

def _match_choices(form, matches):
    form.match.choices = [(m.id, m.other(current_user).name) for m in matches]
    if len(matches) == 1 and not form.match.data:
        form.match.data = matches[0].id


def _plan(form, repeat=ONCE):
    return Plan(
        day=form.day.data, at=form.time.data, timezone=current_user.timezone, duration=form.duration.data,
        mode=form.mode.data, place=(form.place.data or "").strip(), link=(form.link.data or "").strip(),
        agenda=(form.agenda.data or "").strip() if hasattr(form, "agenda") else "", repeat=repeat,
    )


def _check_time(form, plan, now, future=True):
    """False (with an error beside the field) for a time that doesn't exist, has passed or is too far."""
    wall = datetime.combine(plan.day, plan.at)
    if to_local(plan.starts_at, plan.timezone).replace(tzinfo=None) != wall:
        form.time.errors.append(_("The clocks change that night, so %(time)s doesn't exist on that day. Pick another time.",
                                  time=plan.at.strftime("%H:%M")))
    elif future and plan.starts_at <= now:
        form.day.errors.append(_("That time has passed. Choose one still to come."))
    elif future and plan.starts_at > now + FURTHEST:
        form.day.errors.append(_("Choose a date within the next two years."))
    elif not future and plan.starts_at > now:
        form.day.errors.append(_("That is still to come: propose it as a meeting instead."))
    return not (form.day.errors or form.time.errors)


@bp.route("/meetings/new", methods=["GET", "POST"])
@members
def propose():
    matches = schedule.member_matches(current_user)
    form = ProposeForm()
    if not form.is_submitted() and request.args.get("match", type=int):
        form.match.data = request.args.get("match", type=int)
    _match_choices(form, matches)
    if matches and form.validate_on_submit():
        now = utcnow()
        plan = _plan(form, form.repeat.data)
        if _check_time(form, plan, now):
            match = next(m for m in matches if m.id == form.match.data)
            with database.atomic():  # the meeting and any alert it raises, together
                thing, created = actions.propose(current_user, match, plan, form.client_id.data, now)
                _watch([plan.agenda], before=[] if created else [plan.agenda])
            if created:
                flash(_("Sent to %(name)s, who will be asked to accept it or suggest another time.",
                        name=match.other(current_user).name), "success")
            return go("meetings.meeting", ref=thing.ref)
    return render("meetings/propose.html", form=form, matches=matches, status=form_status(form))


@bp.route("/meetings/log", methods=["GET", "POST"])
@members
def log():
    matches = schedule.member_matches(current_user)
    form = LogForm()
    if not form.is_submitted() and request.args.get("match", type=int):
        form.match.data = request.args.get("match", type=int)
    _match_choices(form, matches)
    if matches and form.validate_on_submit():
        now = utcnow()
        plan = _plan(form)
        if _check_time(form, plan, now, future=False):
            match = next(m for m in matches if m.id == form.match.data)
            with database.atomic():
                meeting = actions.log_past(current_user, match, plan, form.client_id.data, now)
                # A replayed form finds the meeting saved the first time, made before `now`.
                _watch([plan.agenda], before=[] if meeting.created_at == now else [plan.agenda])
            flash(_("Saved. You can add notes below."), "success")
            return go("meetings.meeting", ref=meeting.ref)
    return render("meetings/log.html", form=form, matches=matches, status=form_status(form))


def _watch(texts, before=()):
    """What a member writes about a meeting (what to talk about, why it moved)
    goes through the one safety rule; the next page shows the panel."""
    check = check_writing(current_user, texts, "meeting", before=before)
    if check.shows_panel:
        panel_next(check, "meetings")


# One meeting, occurrence or series

def _page(thing, match, status=200, **forms):
    now = utcnow()
    crisis = forms.get("crisis") or pending_panel(current_user, "meetings")
    if isinstance(thing, MeetingSeries):
        upcoming = schedule.for_series([thing], now, now + timedelta(weeks=12))[thing.id]
        for item in upcoming:
            item.match = match
        return render("meetings/series.html", series=thing, match=match, upcoming=upcoming, now=now,
                      can_accept=actions.can_accept(thing, current_user), crisis=crisis, status=status)
    notes = actions.visible_notes(thing, current_user)
    return render(
        "meetings/meeting.html",
        "meetings/_notes.html",
        meeting=thing,
        match=match,
        notes=notes,
        now=now,
        can_accept=actions.can_accept(_answerable(thing), current_user),
        note_form=forms.get("note_form") or NoteForm(formdata=None),
        outcome_form=forms.get("outcome_form") or OutcomeForm(formdata=None, outcome=thing.outcome or None),
        crisis=crisis,
        status=status,
    )


def _over(thing, now):
    """Nothing left to change: called off, ended, or already past."""
    if thing.status == CANCELLED:
        return True
    if isinstance(thing, MeetingSeries):
        return thing.ends_at is not None and thing.ends_at <= now
    return thing.ends_at <= now


def _answerable(thing):
    """A proposal is answered as a whole: an occurrence of a proposed series answers for the series."""
    if isinstance(thing, Meeting) and thing.series_id and thing.series.status == PROPOSED:
        return thing.series
    return thing


@bp.route("/meetings/<ref>")
@members
def meeting(ref):
    thing, match = schedule.resolve(ref, current_user)
    return _page(thing, match)


@bp.route("/meetings/<ref>/accept", methods=["POST"])
@members
def accept(ref):
    thing, _match = schedule.resolve(ref, current_user)
    target = _answerable(thing)
    if actions.accept(current_user, target):
        flash(_("Accepted. %(name)s will be told.", name=target.match.other(current_user).name), "success")
    return go("meetings.meeting", ref=target.ref)


def _change_defaults(thing, now):
    """The form starts from the meeting as it is, in the reader's zone."""
    start = thing.starts_at if isinstance(thing, Meeting) else None
    if start is None:
        upcoming = schedule.expand(thing, now, now + timedelta(days=40))
        start = upcoming[0].starts_at if upcoming else thing.occurrence_start(thing.first_date)
    local = to_local(start, current_user.timezone)
    values = dict(day=local.date(), time=local.time().replace(second=0, microsecond=0), duration=thing.duration,
                  mode=thing.mode, place=thing.place, link=thing.link, agenda=thing.agenda)
    if isinstance(thing, MeetingSeries):
        values["repeat"] = thing.rule
    return values


@bp.route("/meetings/<ref>/change", methods=["GET", "POST"])
@members
def change(ref):
    thing, match = schedule.resolve(ref, current_user)
    if thing is not _answerable(thing) or _over(thing, utcnow()):
        return go("meetings.meeting", ref=_answerable(thing).ref)
    now = utcnow()
    form = ChangeForm() if request.method == "POST" else ChangeForm(formdata=None, **_change_defaults(thing, now))
    if form.validate_on_submit():
        reason = (form.reason.data or "").strip()
        is_series = isinstance(thing, MeetingSeries)
        plan = _plan(form, form.repeat.data if is_series else ONCE)
        if thing.status == CONFIRMED and not reason:
            form.reason.errors.append(_("Say why in a few words, so %(name)s knows.", name=match.other(current_user).name))
        elif _check_time(form, plan, now):
            before = [thing.agenda, thing.change_note]
            with database.atomic():
                changed = actions.change(current_user, thing, plan, reason, now)
                _watch([plan.agenda, reason], before=before)
            flash(_("Changed. %(name)s will be told.", name=match.other(current_user).name), "success")
            return go("meetings.meeting", ref=changed.ref)
    return render("meetings/change.html", thing=thing, match=match, form=form, status=form_status(form))


@bp.route("/meetings/<ref>/cancel", methods=["GET", "POST"])
@members
def cancel(ref):
    thing, match = schedule.resolve(ref, current_user)
    thing = _answerable(thing)
    if _over(thing, utcnow()):
        return go("meetings.meeting", ref=thing.ref)
    form = CancelForm()
    if form.validate_on_submit():
        before = [thing.change_note]
        with database.atomic():
            done = actions.cancel(current_user, thing, form.reason.data.strip())
            _watch([form.reason.data], before=before)
        flash(_("Done. %(name)s will be told.", name=match.other(current_user).name), "success")
        return go("meetings.meeting", ref=done.ref)
    return render("meetings/cancel.html", thing=thing, match=match, form=form, status=form_status(form))


@bp.route("/meetings/<ref>/seen", methods=["POST"])
@members
def seen(ref):
    thing, _match = schedule.resolve(ref, current_user)
    actions.seen(current_user, thing)
    if request.form.get("back") == "home":
        return go("home.index")
    return go("meetings.meeting", ref=thing.ref)


@bp.route("/meetings/<ref>/outcome", methods=["POST"])
@members
def outcome(ref):
    thing, match = schedule.resolve(ref, current_user)
    require(isinstance(thing, Meeting))
    form = OutcomeForm()
    if thing.status == CANCELLED or thing.starts_at > utcnow():
        flash(_("You can say whether it happened once it has started."), "info")
        return go("meetings.meeting", ref=thing.ref)
    if form.validate_on_submit():
        meeting = actions.set_outcome(current_user, thing, form.outcome.data)
        flash(_("Thanks, noted."), "success")
        return go("meetings.meeting", ref=meeting.ref)
    return _page(thing, match, status=422, outcome_form=form)


@bp.route("/meetings/<ref>/notes", methods=["POST"])
@members
def add_note(ref):
    thing, match = schedule.resolve(ref, current_user)
    require(isinstance(thing, Meeting))
    form = NoteForm()
    if not form.validate_on_submit():
        return _page(thing, match, status=422, note_form=form)
    meeting, note = actions.add_note(current_user, thing, form.body.data.strip(), form.private.data, form.client_id.data)
    meeting.match = match
    crisis = crisis_panel(current_user, told_lead=note.safety.told_lead) if note.safety.shows_panel else None
    return _page(meeting, match, note_form=NoteForm(formdata=None), crisis=crisis)


@bp.route("/meetings/notes/<int:note_id>/delete", methods=["POST"])
@members
def delete_note(note_id):
    note = require(MeetingNote.get_or_none((MeetingNote.id == note_id) & (MeetingNote.author == current_user.id)))
    meeting = Meeting.get_by_id(note.meeting_id)
    schedule.member_match(current_user, meeting.match_id)
    note.delete_instance()
    flash(_("Note deleted."), "success")
    return go("meetings.meeting", ref=meeting.ref)
