"""Push tests run with VAPID keys, the fake push service, a sender and a worker."""

import pytest

from mentoring.push import keys
from mentoring.push.sender import Sender
from mentoring.push.worker import Worker

from ..fake_push import FakePushService


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
    sender = Sender(keys.load(vapid_settings), timeout=2, allow_private=True)
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
