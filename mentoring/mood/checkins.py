"""Saving, changing and removing check-ins, and noticing risky words in a note."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ..clock import to_local, to_utc, utcnow
from ..db import create_once, database
from ..i18n import _
from ..safety import check_writing
from .models import CheckIn, CheckInTag

# How far back a check-in may be set, and how far ahead a phone's clock may run.
MAX_BACKDATE = timedelta(days=365)
CLOCK_SKEW = timedelta(minutes=10)


@dataclass
class CheckInData:
    mood: int
    emotions: list = field(default_factory=list)
    activities: list = field(default_factory=list)
    energy: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    note: str = ""
    note_shared: bool = False
    # Local wall-clock time it refers to; None means now.
    local_at: datetime | None = None


def moment(user, local_at, now=None):
    """(naive UTC, local date) for a check-in at local wall time `local_at` (None: now)."""
    now = now or utcnow()
    at = now if local_at is None else to_utc(local_at, user.timezone)
    return at, to_local(at, user.timezone).date()


def check_moment(at, now=None):
    """An error message when a check-in's time is out of range, else None."""
    now = now or utcnow()
    if at > now + CLOCK_SKEW:
        return _("That time is in the future. Choose a time that has already passed.")
    if at < now - MAX_BACKDATE:
        return _("Check-ins can be set back up to a year.")
    return None


def _fields(user, data, now):
    at, local_date = moment(user, data.local_at, now)
    return {
        "at": at,
        "local_date": local_date,
        "mood": data.mood,
        "energy": data.energy,
        "sleep_hours": data.sleep_hours,
        "sleep_quality": data.sleep_quality,
        "note": (data.note or "").strip(),
        "note_shared": bool(data.note_shared and (data.note or "").strip()),
        "updated_at": now,
    }


def _replace_tags(checkin, data):
    CheckInTag.delete().where(CheckInTag.checkin == checkin).execute()
    rows = [{"checkin": checkin.id, "kind": CheckInTag.EMOTION, "name": n} for n in dict.fromkeys(data.emotions)]
    rows += [{"checkin": checkin.id, "kind": CheckInTag.ACTIVITY, "name": n} for n in dict.fromkeys(data.activities)]
    if rows:
        CheckInTag.insert_many(rows).execute()


def save_checkin(user, client_id, data, now=None):
    """Save a new check-in once per client_id; returns (checkin, created).

    A replay of the same form (a double tap, an offline queue sending again)
    returns the check-in saved the first time and changes nothing.
    `checkin.safety` says whether to show the crisis panel (safety.check_writing).
    """
    now = now or utcnow()
    with database.atomic():
        checkin, created = create_once(
            CheckIn, {"user": user, "client_id": client_id}, created_at=now, **_fields(user, data, now)
        )
        if created:
            _replace_tags(checkin, data)
        checkin.safety = check_writing(user, [checkin.note], "checkin", before=[] if created else [checkin.note], now=now)
    return checkin, created


def update_checkin(user, checkin, data, now=None):
    now = now or utcnow()
    before = checkin.note
    with database.atomic():
        for name, value in _fields(user, data, now).items():
            setattr(checkin, name, value)
        checkin.save()
        _replace_tags(checkin, data)
        checkin.safety = check_writing(user, [checkin.note], "checkin", before=[before], now=now)
    return checkin


def delete_checkin(checkin):
    with database.atomic():
        checkin.delete_instance()


def checked_in_on(user, local_date: date) -> bool:
    """Whether `user` checked in on their own calendar day `local_date` (used by reminders)."""
    user_id = getattr(user, "id", user)
    return CheckIn.select().where((CheckIn.user == user_id) & (CheckIn.local_date == local_date)).exists()


def tags_by_checkin(checkins):
    """{checkin id: {"emotion": [...], "activity": [...]}} in one query."""
    ids = [c.id for c in checkins]
    found = {i: {CheckInTag.EMOTION: [], CheckInTag.ACTIVITY: []} for i in ids}
    if ids:
        query = CheckInTag.select().where(CheckInTag.checkin.in_(ids)).order_by(CheckInTag.id)
        for tag in query:
            found[tag.checkin_id].setdefault(tag.kind, []).append(tag.name)
    return found
