"""What people do with meetings, and who is told.

Each function runs in one transaction: the change, the reminders it moves,
and the push that tells the other person.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..clock import to_utc, utcnow
from ..db import create_once, database
from ..models import User
from ..push import notify
from ..safety import check_writing
from .models import (
    CANCELLED,
    CONFIRMED,
    HAPPENED,
    ONCE,
    PROPOSED,
    Meeting,
    MeetingNote,
    MeetingSeries,
)
from .reminders import meeting_path, requeue_meeting, requeue_series
from .schedule import expand


@dataclass
class Plan:
    """When and how, as a person entered it in their own zone."""

    day: date
    at: time
    timezone: str
    duration: int
    mode: str
    place: str = ""
    link: str = ""
    agenda: str = ""
    repeat: str = ONCE

    @property
    def starts_at(self):
        return to_utc(datetime.combine(self.day, self.at), self.timezone)

    def fields(self):
        return {
            "timezone": self.timezone, "duration": self.duration, "mode": self.mode,
            "place": self.place if self.mode == "in_person" else "",
            "link": self.link if self.mode == "video" else "", "agenda": self.agenda,
        }


def _tell(user, kind, thing):
    notify(user, kind, url=meeting_path(thing), topic=thing.topic)


def _asked(thing, by, now, status, note=""):
    """Who must now answer or see something about `thing`."""
    thing.status = status
    thing.attention = thing.match.other(by).id
    thing.changed_by = by.id
    thing.changed_at = now
    thing.change_note = note


def _requeue(thing, now):
    if isinstance(thing, MeetingSeries):
        requeue_series(thing, thing.match, now)
    else:
        requeue_meeting(thing, thing.match, now)


def propose(user, match, plan, client_id, now=None):
    """A new meeting or series; the other person is asked. Returns (thing, created)."""
    now = now or utcnow()
    other = match.other(user)
    common = dict(
        match=match.id, status=PROPOSED, attention=other.id, changed_by=user.id, changed_at=now,
        created_at=now, **plan.fields(),
    )
    with database.atomic():
        if plan.repeat == ONCE:
            thing, created = create_once(
                Meeting, {"proposed_by": user.id, "client_id": client_id}, starts_at=plan.starts_at, **common
            )
        else:
            thing, created = create_once(
                MeetingSeries, {"proposed_by": user.id, "client_id": client_id},
                rule=plan.repeat, first_date=plan.day, start_time=plan.at, **common,
            )
        thing.match = match
        if created:
            _tell(other, "meeting_proposed", thing)
    return thing, created


def log_past(user, match, plan, client_id, now=None):
    """A meeting that already happened, written down afterwards."""
    now = now or utcnow()
    with database.atomic():
        meeting, _created = create_once(
            Meeting, {"proposed_by": user.id, "client_id": client_id},
            match=match.id, starts_at=plan.starts_at, status=CONFIRMED, outcome=HAPPENED,
            outcome_by=user.id, outcome_at=now, logged=True, created_at=now, **plan.fields(),
        )
    meeting.match = match
    return meeting


def can_accept(thing, user):
    return thing.status == PROPOSED and thing.proposed_by_id != user.id


def accept(user, thing, now=None):
    """The other person agrees; the proposer is told. False when there was nothing to accept."""
    now = now or utcnow()
    if not can_accept(thing, user):
        return False
    with database.atomic():
        proposer = thing.match.other(user)
        _asked(thing, user, now, CONFIRMED)
        thing.save()
        _requeue(thing, now)
        _tell(proposer, "meeting_changed", thing)
    return True


def materialize(occurrence):
    """An occurrence of a series gets its own row (once, however many ask at once)."""
    if not occurrence.is_virtual:
        return occurrence
    fields = {
        name: getattr(occurrence, name)
        for name in ("match_id", "starts_at", "timezone", "duration", "mode", "place", "link", "agenda",
                     "status", "proposed_by_id", "created_at")
    }
    fields["match"] = fields.pop("match_id")
    fields["proposed_by"] = fields.pop("proposed_by_id")
    row, _created = create_once(
        Meeting, {"series": occurrence.series_id, "occurrence_date": occurrence.occurrence_date}, **fields
    )
    row.series, row.match, row.rule = occurrence.series, occurrence.match, occurrence.rule
    return row


def change(user, thing, plan, reason="", now=None):
    """A new time or place. Returns the changed thing (a series may split in two)."""
    now = now or utcnow()
    with database.atomic():
        if isinstance(thing, MeetingSeries):
            return _change_series(user, thing, plan, reason, now)
        meeting = materialize(thing)
        old = (meeting.starts_at, meeting.duration, meeting.mode, meeting.place, meeting.link, meeting.agenda)
        for name, value in plan.fields().items():
            setattr(meeting, name, value)
        meeting.starts_at = plan.starts_at
        new = (meeting.starts_at, meeting.duration, meeting.mode, meeting.place, meeting.link, meeting.agenda)
        if old == new and meeting.changed_by_id == user.id:
            return meeting  # sent twice: already done
        if meeting.status == PROPOSED:
            # A counter-proposal: now it is the other person's turn.
            meeting.proposed_by = user.id
            _asked(meeting, user, now, PROPOSED, reason)
            kind = "meeting_proposed"
        else:
            _asked(meeting, user, now, CONFIRMED, reason)
            kind = "meeting_changed"
        meeting.save()
        _requeue(meeting, now)
        _tell(meeting.match.other(user), kind, meeting)
        return meeting


def _change_series(user, series, plan, reason, now):
    match = series.match
    started = series.status == CONFIRMED and bool(
        expand(series, series.occurrence_start(series.first_date) - timedelta(days=1), now)
    )
    if not started:
        # Nothing has happened yet: change it in place.
        for name, value in plan.fields().items():
            setattr(series, name, value)
        series.first_date, series.start_time, series.rule = plan.day, plan.at, plan.repeat
        if series.status == PROPOSED:
            series.proposed_by = user.id
            _asked(series, user, now, PROPOSED, reason)
            kind = "meeting_proposed"
        else:
            _asked(series, user, now, CONFIRMED, reason)
            kind = "meeting_changed"
        series.save()
        _requeue(series, now)
        _tell(match.other(user), kind, series)
        return series
    # Keep the past as it was: the old series stops where the new one starts.
    split = max(to_utc(datetime.combine(plan.day, time(0)), series.timezone), now)
    series.ends_at = split
    series.save()
    successor = MeetingSeries(
        match=match, rule=plan.repeat, first_date=plan.day, start_time=plan.at, proposed_by=user.id,
        created_at=now, **plan.fields(),
    )
    _asked(successor, user, now, CONFIRMED, reason)
    successor.save()
    later = (Meeting.series == series.id) & (Meeting.occurrence_date >= plan.day) & (Meeting.starts_at >= split)
    # A skipped occurrence meant nothing on its own; a moved one was agreed and stays.
    Meeting.delete().where(later & (Meeting.status == CANCELLED)).execute()
    Meeting.update(series=None, occurrence_date=None).where(later).execute()
    _requeue(series, now)
    _requeue(successor, now)
    _tell(match.other(user), "meeting_changed", successor)
    return successor


def cancel(user, thing, reason, now=None):
    """Called off (a single meeting), skipped (an occurrence) or ended (a series)."""
    now = now or utcnow()
    with database.atomic():
        if isinstance(thing, MeetingSeries):
            return _end_series(user, thing, reason, now)
        meeting = materialize(thing)
        if meeting.status == CANCELLED:
            return meeting
        _asked(meeting, user, now, CANCELLED, reason)
        meeting.save()
        _requeue(meeting, now)
        _tell(meeting.match.other(user), "meeting_cancelled", meeting)
        return meeting


def _end_series(user, series, reason, now):
    if series.status == CANCELLED or (series.ends_at is not None and series.ends_at <= now):
        return series
    started = bool(expand(series, series.occurrence_start(series.first_date) - timedelta(days=1), now))
    if started:
        series.ends_at = now
        _asked(series, user, now, series.status, reason)
    else:
        _asked(series, user, now, CANCELLED, reason)
    series.save()
    Meeting.update(status=CANCELLED, attention=None).where(
        (Meeting.series == series.id) & (Meeting.starts_at >= now)
    ).execute()
    _requeue(series, now)
    _tell(series.match.other(user), "meeting_cancelled", series)
    return series


def seen(user, thing):
    """The person has seen what changed; it leaves their home screen."""
    if thing.id is None or thing.attention_id != user.id:
        return False
    model = type(thing)
    return bool(model.update(attention=None).where((model.id == thing.id) & (model.attention == user.id)).execute())


def set_outcome(user, thing, outcome, now=None):
    now = now or utcnow()
    with database.atomic():
        meeting = materialize(thing)
        meeting.outcome, meeting.outcome_by, meeting.outcome_at = outcome, user.id, now
        meeting.save(only=[Meeting.outcome, Meeting.outcome_by, Meeting.outcome_at])
    return meeting


def add_note(user, thing, body, private, client_id, now=None):
    """A note on a meeting, once per client id; `note.safety` says whether to show the crisis panel."""
    now = now or utcnow()
    with database.atomic():
        meeting = materialize(thing)
        note, created = create_once(
            MeetingNote, {"author": user.id, "client_id": client_id},
            meeting=meeting.id, private=private, body=body, created_at=now,
        )
        note.safety = check_writing(user, [note.body], "meeting_note", before=[] if created else [note.body], now=now)
    return meeting, note


def visible_notes(meeting, user):
    """Shared notes and the user's own private ones, oldest first. One query."""
    if meeting.is_virtual:
        return []
    return list(
        MeetingNote.select(MeetingNote, User)
        .join(User, on=(MeetingNote.author == User.id))
        .where((MeetingNote.meeting == meeting.id) & ((~MeetingNote.private) | (MeetingNote.author == user.id)))
        .order_by(MeetingNote.created_at, MeetingNote.id)
    )
