"""Notifications waiting to be pushed, one row per person and event.

Features queue with `notify()` and withdraw with `cancel_pending()`; the
worker (worker.py) claims due rows and sends them.
"""

import base64
import hashlib
from datetime import timedelta

from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from ..clock import utcnow
from ..db import BaseModel
from ..models import User

class Notification(BaseModel):
    PENDING, SENT, FAILED, DROPPED = "pending", "sent", "failed", "dropped"
    # Folded into a newer notification with the same user and topic: one push for both.
    COLLAPSED = "collapsed"
    # The push service never answered in time, even on the retry: probably delivered.
    UNKNOWN = "unknown"

    user = ForeignKeyField(User, backref="+", on_delete="CASCADE")
    kind = CharField(max_length=30)
    url = CharField(max_length=300, default="/")
    # Push services replace a waiting message with the same topic.
    topic = CharField(max_length=32, default="")
    urgent = BooleanField(default=False)
    due_at = DateTimeField()
    status = CharField(max_length=12, default=PENDING)
    attempts = IntegerField(default=0)
    claimed_until = DateTimeField(null=True)
    sent_at = DateTimeField(null=True)
    last_error = TextField(default="")
    created_at = DateTimeField(default=utcnow)
    # Added by 0006_push.
    # Which worker holds the claim; finishing requires still holding it.
    claim_token = CharField(max_length=64, null=True)
    # Past this it is not worth sending (a check-in reminder for yesterday).
    expires_at = DateTimeField(null=True)
    # Makes producers idempotent: one row per (user, key), e.g. "checkin:2025-03-30".
    key = CharField(max_length=64, null=True)
    opened_at = DateTimeField(null=True)
    # Snoozed or dismissed from the reminders card.
    handled_at = DateTimeField(null=True)

    class Meta:
        table_name = "notifications"
        indexes = (
            # The worker's due rows; a person's pending ones.
            (("status", "due_at"), False),
            (("user", "status"), False),
            # One row per producer key: workers racing to make the same reminder make one.
            (("user", "key"), True),
            # Collapsing by topic, cancel_pending(topic), and today's count for the daily cap.
            (("user", "topic", "status"), False),
            (("topic", "status"), False),
            (("user", "status", "sent_at"), False),
        )

    @property
    def is_pending(self):
        return self.status == self.PENDING


def topic_key(topic):
    """A caller's topic ("meeting-12-reminder") as it is stored and sent: a digest.

    The Topic header allows 32 URL-safe characters and travels in the clear to
    the push service (and the tag to the device), so neither gets words.
    """
    if not topic:
        return ""
    digest = hashlib.sha256(b"mentoring-topic:" + topic.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")[:22]


# How long a notification stays worth sending when the caller gives no end.
DEFAULT_LIFETIME = {
    "meeting_reminder": timedelta(hours=12),
    "checkin_reminder": timedelta(hours=6),
}
LIFETIME = timedelta(days=3)


def notify(user, kind, url, topic="", urgent=False, due_at=None, now=None, expires_at=None, key=None):
    """Queue a push to `user`; the worker sends it when due.

    `topic` groups notifications that replace each other (a newer reminder
    for the same meeting); `urgent` ones ignore quiet hours and the daily cap.
    """
    now = now or utcnow()
    due_at = due_at or now
    return Notification.create(
        user=user, kind=kind, url=url, topic=topic_key(topic), urgent=urgent,
        due_at=due_at, created_at=now, key=key,
        expires_at=expires_at or due_at + DEFAULT_LIFETIME.get(kind, LIFETIME),
    )


def cancel_pending(topic, user=None):
    """Withdraw notifications not yet sent under `topic` (a cancelled meeting's reminders)."""
    query = Notification.delete().where(
        (Notification.topic == topic_key(topic)) & (Notification.status == Notification.PENDING)
    )
    if user is not None:
        query = query.where(Notification.user == user)
    return query.execute()
