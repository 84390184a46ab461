"""A browser's push endpoint can't aim the server at its own network."""

import pytest

from mentoring.push import keys
from mentoring.push.endpoints import endpoint_problem
from mentoring.push.models import Subscription
from mentoring.push.sender import PushError, Sender

from .support import add_device


@pytest.mark.parametrize("url", [
    "https://127.0.0.1:5432/x", "https://10.0.0.8/x", "https://192.168.1.1/x", "https://169.254.169.254/latest",
    "https://[::1]/x", "https://[fd00::1]/x", "https://localhost/x", "https://db.internal/x", "http://fcm.googleapis.com/x",
    "https://user:pw@fcm.googleapis.com/x", "https://0.0.0.0/x",
])
def test_private_or_odd_endpoints_are_refused(url):
    assert endpoint_problem(url) is not None


@pytest.mark.parametrize("url", ["https://fcm.googleapis.com/fcm/send/abc", "https://updates.push.services.mozilla.com/wpush/v2/x",
                                 "https://8.8.8.8/x"])
def test_push_services_are_accepted(url):
    assert endpoint_problem(url) is None


def test_the_sender_refuses_a_private_host_and_the_device_is_dropped(app, world, fake_push, vapid_settings):
    sender = Sender(keys.load(vapid_settings), timeout=2)
    _device, fake = add_device(world.mentee, fake_push)
    with pytest.raises(PushError) as refused:
        sender.send(fake.fields(), b'{"title": "x"}', ttl=60)
    assert refused.value.permanent and refused.value.gone
    assert fake_push.received == []
    sender.close()


def test_the_settings_form_refuses_a_loopback_endpoint(app, world, as_user, url):
    app.config["PUSH_ALLOW_PRIVATE_ENDPOINTS"] = False
    response = as_user(world.mentee).post(url("push.add_device"), data={
        "endpoint": "https://127.0.0.1:5432/x", "p256dh": "B" * 87, "auth": "A" * 22, "device_name": "Phone"})
    assert response.status_code == 422
    assert not Subscription.select().exists()
