"""Mood test data: check-ins written straight to the database, many at once when needed."""

import uuid
from datetime import datetime, time, timedelta

from peewee import fn

from mentoring.clock import to_local, to_utc, utcnow
from mentoring.mood.models import CheckIn, CheckInTag
from mentoring.mood.sharing import save_sharing


def add_checkin(user, mood, local_at=None, note="", note_shared=False, sleep_hours=None, energy=None,
                emotions=(), activities=()):
    """One check-in at the user's local wall time `local_at` (default now)."""
    at = utcnow() if local_at is None else to_utc(local_at, user.timezone)
    checkin = CheckIn.create(
        user=user, client_id=uuid.uuid4().hex, at=at, local_date=to_local(at, user.timezone).date(), mood=mood,
        note=note, note_shared=note_shared, sleep_hours=sleep_hours, energy=energy,
    )
    rows = [{"checkin": checkin.id, "kind": "emotion", "name": n} for n in emotions]
    rows += [{"checkin": checkin.id, "kind": "activity", "name": n} for n in activities]
    if rows:
        CheckInTag.insert_many(rows).execute()
    return checkin


def add_daily(users, days, end=None, mood=lambda user, i: 3 + (i % 3) - 1, hour=20, tags=True):
    """A check-in a day for `days` days ending today (local) for each user, inserted in bulk."""
    rows, tag_rows = [], []
    for user in users:
        today = to_local(end or utcnow(), user.timezone).date()
        for i in range(days):
            day = today - timedelta(days=i)
            at = to_utc(datetime.combine(day, time(hour, 0)), user.timezone)
            rows.append({
                "user": user.id, "client_id": uuid.uuid4().hex, "at": at, "local_date": day,
                "mood": mood(user, i), "sleep_hours": 6 + (i % 4), "energy": 1 + i % 5, "note": f"note {i}",
                "note_shared": i % 2 == 0, "created_at": at, "updated_at": at,
            })
    before = CheckIn.select(fn.MAX(CheckIn.id)).scalar() or 0
    for start in range(0, len(rows), 2000):
        CheckIn.insert_many(rows[start:start + 2000]).execute()
    if tags:
        ids = [c.id for c in CheckIn.select(CheckIn.id).where(CheckIn.id > before).order_by(CheckIn.id)]
        for n, checkin_id in enumerate(ids):
            tag_rows.append({"checkin": checkin_id, "kind": "emotion", "name": ("calm", "tired", "anxious")[n % 3]})
            tag_rows.append({"checkin": checkin_id, "kind": "activity", "name": ("exercise", "work")[n % 2]})
        for start in range(0, len(tag_rows), 2000):
            CheckInTag.insert_many(tag_rows[start:start + 2000]).execute()


def sharing(user, checkins=True, measures=False):
    return save_sharing(user, share_checkins=checkins, share_measures=measures)
