"""Devices that receive pushes, each person's reminder settings, and the delivery log."""

from urllib.parse import urlsplit

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TimeField

from ..clock import utcnow
from ..db import BaseModel
from ..models import User, UserSession
from .outbox import Notification

# A person rarely has more; the oldest goes when a new one comes.
MAX_DEVICES = 10


class Subscription(BaseModel):
    """One browser on one device, as pushManager.subscribe() described it."""

    user = ForeignKeyField(User, backref="+", on_delete="CASCADE")
    endpoint = CharField(max_length=1000, unique=True)
    p256dh = CharField(max_length=200)
    auth = CharField(max_length=100)
    device_name = CharField(max_length=60)
    created_at = DateTimeField(default=utcnow)
    last_success_at = DateTimeField(null=True)
    last_failure_at = DateTimeField(null=True)
    # The signed-in device that turned it on (added by 0013_devices_audit):
    # signing that device out stops its notifications too. Indexed, as foreign keys are.
    session = ForeignKeyField(UserSession, null=True, backref="+", on_delete="SET NULL")

    class Meta:
        table_name = "push_subscriptions"
        indexes = (
            # A person's devices, newest first.
            (("user", "created_at"), False),
        )

    @property
    def origin(self):
        return push_origin(self.endpoint)

    @classmethod
    def for_user(cls, user):
        return cls.select().where(cls.user == user).order_by(cls.created_at.desc(), cls.id.desc())


def push_origin(endpoint):
    """scheme://host[:port] of a push service, the `aud` its VAPID token must name."""
    parts = urlsplit(endpoint)
    default_port = {"https": 443, "http": 80}.get(parts.scheme)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != default_port else "")


class PushPreference(BaseModel):
    """When someone wants to hear from the app. No row means the defaults."""

    DEFAULT_DAILY_CAP = 5

    user = ForeignKeyField(User, backref="+", on_delete="CASCADE", unique=True)
    # Local wall-clock times in the person's own zone; start after end crosses midnight.
    quiet_start = TimeField(null=True)
    quiet_end = TimeField(null=True)
    daily_cap = IntegerField(default=DEFAULT_DAILY_CAP)
    # The check-in producer looks for people whose time has come.
    checkin_time = TimeField(null=True, index=True)
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "push_preferences"

    @classmethod
    def for_user(cls, user):
        """The saved preferences, or unsaved defaults."""
        user_id = getattr(user, "id", user)
        return cls.get_or_none(cls.user == user_id) or cls(user=user_id)

    @classmethod
    def for_users(cls, user_ids):
        """Saved preferences by user id, in one query (people without a row are absent)."""
        return {p.user_id: p for p in cls.select().where(cls.user.in_(list(user_ids)))}


class DeliveryAttempt(BaseModel):
    """One POST to a push service and what came of it."""

    OK, GONE, TOO_LARGE, RETRY, FAILED = "ok", "gone", "too_large", "retry", "failed"
    # No answer in time: the service may have taken it, so it is not "failed".
    UNKNOWN = "unknown"

    notification = ForeignKeyField(Notification, null=True, backref="+", on_delete="SET NULL")
    subscription = ForeignKeyField(Subscription, null=True, backref="+", on_delete="SET NULL")
    user = ForeignKeyField(User, backref="+", on_delete="CASCADE")
    origin = CharField(max_length=200)
    status_code = IntegerField(null=True)
    outcome = CharField(max_length=12)
    error = CharField(max_length=300, default="")
    duration_ms = IntegerField(default=0)
    # prune() deletes by age.
    at = DateTimeField(default=utcnow, index=True)

    class Meta:
        table_name = "push_attempts"
