"""Helpers for the push tests: a device on the fake service, a queued notification."""

from datetime import datetime, timedelta

from mentoring.push.models import Subscription
from mentoring.push.outbox import Notification

SUBJECT = "mailto:ops@example.org"


def add_device(user, service, name="Phone"):
    """A subscription row for `user` on the fake service; returns (row, fake subscription)."""
    fake = service.subscribe()
    return Subscription.create(user=user, device_name=name, **fake.fields()), fake


def queue(user, kind="message", at=None, **fields):
    at = at or datetime(2025, 6, 2, 12, 0)
    # A year on, counted in days: the same date next year does not exist after 29 February.
    fields.setdefault("expires_at", at + timedelta(days=365))
    return Notification.create(user=user, kind=kind, url=fields.pop("url", "/"), due_at=at, created_at=at, **fields)
