"""Notifications waiting to be pushed, one row per person and event."""

from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from ..clock import utcnow
from ..db import BaseModel
from ..models import User


class Notification(BaseModel):
    PENDING, SENT, FAILED, DROPPED = "pending", "sent", "failed", "dropped"

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

    class Meta:
        table_name = "notifications"


def notify(user, kind, url, topic="", urgent=False, due_at=None, now=None):
    """Queue a push to `user`; the worker sends it when due."""
    now = now or utcnow()
    return Notification.create(
        user=user, kind=kind, url=url, topic=topic, urgent=urgent,
        due_at=due_at or now, created_at=now,
    )


def cancel_pending(topic, user=None):
    """Withdraw notifications not yet sent under `topic` (a cancelled meeting's reminders)."""
    query = Notification.delete().where(
        (Notification.topic == topic) & (Notification.status == Notification.PENDING)
    )
    if user is not None:
        query = query.where(Notification.user == user)
    return query.execute()
