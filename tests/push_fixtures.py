"""Fixtures for the push tests: VAPID keys, an app that has them, the fake push service.

Import what a test module needs: `from .push_fixtures import app, fake_push  # noqa: F401`.
"""

from datetime import datetime, timedelta

import pytest

from mentoring.push import keys
from mentoring.push.models import Subscription
from mentoring.push.outbox import Notification
from mentoring.push.sender import Sender
from mentoring.push.worker import Worker

from .fake_push import FakePushService

SUBJECT = "mailto:ops@example.org"


@pytest.fixture(scope="session")
def vapid_settings():
    private, public = keys.generate()
    return {"VAPID_PRIVATE_KEY": private, "VAPID_PUBLIC_KEY": public, "VAPID_SUBJECT": SUBJECT}


@pytest.fixture
def app(app, vapid_settings):
    """The suite's app, with push turned on."""
    app.config.update(vapid_settings)
    return app


@pytest.fixture
def fake_push(vapid_settings):
    with FakePushService(vapid_settings["VAPID_PUBLIC_KEY"]) as service:
        yield service


@pytest.fixture
def sender(vapid_settings):
    sender = Sender(keys.load(vapid_settings), timeout=2)
    yield sender
    sender.close()


@pytest.fixture
def worker(app, sender):
    """run(now) makes one pass inside the app, as the CLI does."""

    class Run:
        def __init__(self):
            self.worker = Worker(sender)

        def __call__(self, now):
            with app.app_context():
                return self.worker.run_pass(now)

    return Run()


def add_device(user, service, name="Phone"):
    """A subscription row for `user` on the fake service; returns (row, fake subscription)."""
    fake = service.subscribe()
    return Subscription.create(user=user, device_name=name, **fake.fields()), fake


def queue(user, kind="message", at=None, **fields):
    at = at or datetime(2025, 6, 2, 12, 0)
    # A year on, counted in days: the same date next year does not exist after 29 February.
    fields.setdefault("expires_at", at + timedelta(days=365))
    return Notification.create(user=user, kind=kind, url=fields.pop("url", "/"), due_at=at, created_at=at, **fields)
