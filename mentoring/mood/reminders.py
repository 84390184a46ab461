"""The daily check-in reminder, at a local time each mentee picks.

A producer the worker runs every pass: for each mentee whose time has come
today (in their own zone, whatever the DST), it queues one reminder into the
push outbox, keyed by the local date so several workers make it once. It is
skipped when today's check-in is done, both when made and again just before it
is sent (the push.still_wanted hook). Push only queues and sends; the time
each mentee picks is kept with their other notification choices.
"""

from datetime import date, timedelta

from ..clock import local_today, to_local
from ..models import MENTEE, User
from ..push.models import PushPreference
from ..push.outbox import Notification, topic_key
from ..push.rules import local_day_bounds, local_moment
from ..web import path_for
from .checkins import checked_in_on

KIND = "checkin_reminder"
TOPIC = topic_key("checkin")
# A reminder the worker could not send within this long after its time is dropped.
LATE_LIMIT = timedelta(hours=4)


def reminder_key(day):
    return f"checkin:{day.isoformat()}"


def reminder_day(notification, user):
    """The local date a check-in reminder is about."""
    if notification.key and notification.key.startswith("checkin:"):
        return date.fromisoformat(notification.key.removeprefix("checkin:"))
    return to_local(notification.due_at, user.timezone).date()


def still_wanted(notification, user, now):
    return not checked_in_on(user, reminder_day(notification, user))


def _mentees_with_a_time():
    return (
        PushPreference.select(PushPreference, User)
        .join(User, on=(PushPreference.user == User.id))
        .where(PushPreference.checkin_time.is_null(False) & User.is_active & (User.role == MENTEE))
    )


def produce(now):
    """Queue today's reminder for every mentee whose time has passed; returns how many."""
    due = []
    for prefs in _mentees_with_a_time():
        user = prefs.user
        today = local_today(user.timezone, now)
        at = local_moment(today, prefs.checkin_time, user.timezone)
        if at <= now:
            due.append((user, today, at))
    if not due:
        return 0
    existing = set(
        Notification.select(Notification.user, Notification.key)
        .where(Notification.user.in_([u.id for u, _, _ in due])
               & Notification.key.in_({reminder_key(day) for _, day, _ in due}))
        .tuples()
    )
    rows = []
    url = path_for("home.index")
    for user, day, at in due:
        key = reminder_key(day)
        if (user.id, key) in existing:
            continue
        _, day_end = local_day_bounds(at, user.timezone)
        # Recorded even when already done, so later passes need not ask again.
        done = checked_in_on(user, day)
        rows.append({
            "user": user.id, "kind": KIND, "url": url, "topic": TOPIC, "urgent": False,
            "due_at": at, "created_at": now, "key": key, "expires_at": min(day_end, at + LATE_LIMIT),
            "status": Notification.DROPPED if done else Notification.PENDING,
            "last_error": "checked in already" if done else "",
        })
    if rows:
        # Another worker may be making the same rows: the unique (user, key) keeps one.
        Notification.insert_many(rows).on_conflict_ignore().execute()
    return len(rows)
