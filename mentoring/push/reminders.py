"""Reminders a person has just had, for the home screen: open, snooze, dismiss.

Action buttons on notifications do not work everywhere (not in Safari), so
"Remind me later" lives in the app.
"""

from datetime import timedelta

from ..clock import utcnow
from ..db import database
from .outbox import Notification, still_wanted
from .texts import SNOOZABLE

RECENT = timedelta(hours=12)
SNOOZE_MINUTES = (15, 60, 180)
SHOWN = 3


def recent(user, now=None):
    """Up to three reminders sent lately that are still worth acting on."""
    now = now or utcnow()
    query = (
        Notification.select()
        .where((Notification.user == user) & (Notification.status == Notification.SENT)
               & Notification.kind.in_(SNOOZABLE) & (Notification.sent_at >= now - RECENT)
               & Notification.handled_at.is_null()
               & (Notification.expires_at.is_null() | (Notification.expires_at > now)))
        .order_by(Notification.sent_at.desc(), Notification.id.desc())
        .limit(SHOWN)
    )
    shown, topics = [], set()
    for notification in query:
        # Only the newest of a topic, as on the lock screen, and only while it is still wanted
        # (a check-in reminder once today's check-in is done is not).
        if notification.topic in topics or not still_wanted(notification, user, now):
            continue
        if notification.topic:
            topics.add(notification.topic)
        shown.append(notification)
    return shown


def snooze_choices(notification, now=None):
    """Minutes on offer: only those that land before the reminder stops mattering."""
    now = now or utcnow()
    if notification.expires_at is None:
        return SNOOZE_MINUTES
    return tuple(m for m in SNOOZE_MINUTES if now + timedelta(minutes=m) < notification.expires_at)


def _mark_handled(notification, now):
    """True for the first tap only: a double tap must not snooze twice."""
    return bool(
        Notification.update(handled_at=now)
        .where((Notification.id == notification.id) & Notification.handled_at.is_null())
        .execute()
    )


def snooze(notification, minutes, now=None):
    """Queue the reminder again in `minutes`; returns the new notification, or None if already handled."""
    now = now or utcnow()
    with database.atomic():
        if not _mark_handled(notification, now):
            return None
        return Notification.create(
            user=notification.user_id, kind=notification.kind, url=notification.url,
            topic=notification.topic, urgent=notification.urgent, created_at=now,
            due_at=now + timedelta(minutes=minutes),
            expires_at=notification.expires_at or now + timedelta(minutes=minutes, hours=1),
        )


def dismiss(notification, now=None):
    return _mark_handled(notification, now or utcnow())
