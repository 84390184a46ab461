"""Messaging tests send as a request would."""

import pytest

from mentoring.messages.sending import send

from .support import fresh

_ids = iter(range(1, 10**9))


@pytest.fixture
def say(app):
    """say(participant, body, at=None): send as them, as a request would (a fresh row each time)."""

    def send_as(participant, body, at=None):
        with app.app_context():
            message, _ = send(fresh(participant), body, f"test-{next(_ids):08d}", now=at)
        return message

    return send_as
