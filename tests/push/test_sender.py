"""The sender against the fake push service: what it sends, and each answer it can get."""

import json
import time
from email.utils import format_datetime
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from mentoring.push import keys
from mentoring.push.models import push_origin
from mentoring.push.sender import MAX_PAYLOAD, PushError, Sender, retry_after_seconds

from ..fake_push import FakePushService
from .support import SUBJECT

PAYLOAD = json.dumps({"title": "Meeting reminder", "body": "You have a meeting coming up.", "url": "/"}).encode()


def send(sender, subscription, plaintext=PAYLOAD, **options):
    options.setdefault("ttl", 3600)
    return sender.send(subscription.fields(), plaintext, **options)


def test_it_delivers_a_payload_the_device_can_decrypt(sender, fake_push):
    device = fake_push.subscribe()
    assert send(sender, device) == 201
    [received] = fake_push.accepted()
    assert received.sid == device.sid
    assert received.plaintext == PAYLOAD


def test_its_vapid_token_names_the_origin_with_its_port(sender, fake_push):
    send(sender, fake_push.subscribe())
    claims = fake_push.accepted()[0].claims
    assert claims["aud"] == fake_push.origin
    assert claims["aud"].rsplit(":", 1)[1] == str(fake_push.server.server_port)
    assert claims["sub"] == SUBJECT
    assert time.time() < claims["exp"] <= time.time() + 24 * 3600


def test_it_signs_with_es256_and_sends_the_public_key(sender, fake_push, vapid_settings):
    send(sender, fake_push.subscribe())
    authorization = fake_push.accepted()[0].headers["authorization"]
    token = authorization.split("t=", 1)[1].split(",", 1)[0]
    assert jwt.get_unverified_header(token)["alg"] == "ES256"
    assert authorization.endswith(f"k={vapid_settings['VAPID_PUBLIC_KEY']}")


def test_it_makes_a_token_per_push_service_and_reuses_it(sender, fake_push, vapid_settings):
    with FakePushService(vapid_settings["VAPID_PUBLIC_KEY"]) as other:
        send(sender, fake_push.subscribe())
        send(sender, fake_push.subscribe())
        send(sender, other.subscribe())
        ours = [r.headers["authorization"] for r in fake_push.accepted()]
        theirs = other.accepted()[0]
    assert ours[0] == ours[1]
    assert theirs.claims["aud"] == other.origin != fake_push.origin


def test_it_renews_a_token_well_before_it_expires(vapid_settings, fake_push):
    clock = [time.time()]
    sender = Sender(keys.load(vapid_settings), clock=lambda: clock[0], allow_private=True)
    first = sender.authorization(fake_push.origin)
    clock[0] += 11.5 * 3600
    assert sender.authorization(fake_push.origin) != first
    sender.close()


@pytest.mark.parametrize("ttl", [0, 60, 86400])
def test_it_sends_the_ttl_it_is_given_even_zero(sender, fake_push, ttl):
    send(sender, fake_push.subscribe(), ttl=ttl)
    assert fake_push.accepted()[0].headers["ttl"] == str(ttl)


def test_it_sends_urgency_and_topic(sender, fake_push):
    send(sender, fake_push.subscribe(), urgency="high", topic="meeting-12")
    headers = fake_push.accepted()[0].headers
    assert headers["urgency"] == "high"
    assert headers["topic"] == "meeting-12"
    assert headers["content-encoding"] == "aes128gcm"


def test_it_leaves_out_topic_when_there_is_none(sender, fake_push):
    send(sender, fake_push.subscribe())
    assert "topic" not in fake_push.accepted()[0].headers


def test_it_accepts_a_payload_of_exactly_3993_bytes(sender, fake_push):
    assert send(sender, fake_push.subscribe(), plaintext=b"x" * MAX_PAYLOAD) == 201
    assert len(fake_push.accepted()[0].plaintext) == MAX_PAYLOAD


def test_it_refuses_a_larger_payload_before_sending(sender, fake_push):
    with pytest.raises(PushError) as caught:
        send(sender, fake_push.subscribe(), plaintext=b"x" * (MAX_PAYLOAD + 1))
    assert caught.value.permanent and caught.value.too_large
    assert fake_push.received == []


@pytest.mark.parametrize("status", [404, 410])
def test_it_reports_a_gone_subscription_for(sender, fake_push, status):
    fake_push.answer(status)
    with pytest.raises(PushError) as caught:
        send(sender, fake_push.subscribe())
    assert caught.value.gone and caught.value.permanent
    assert caught.value.status == status


def test_it_reports_a_forgotten_endpoint_as_gone(sender, fake_push):
    device = fake_push.subscribe()
    fake_push.forget(device)
    with pytest.raises(PushError) as caught:
        send(sender, device)
    assert caught.value.gone


def test_it_reports_413_as_too_large_and_permanent(sender, fake_push):
    fake_push.answer(413)
    with pytest.raises(PushError) as caught:
        send(sender, fake_push.subscribe())
    assert caught.value.too_large and caught.value.permanent and not caught.value.gone


def test_it_reports_429_as_retryable_with_retry_after_seconds(sender, fake_push):
    fake_push.answer(429, retry_after="120")
    with pytest.raises(PushError) as caught:
        send(sender, fake_push.subscribe())
    assert not caught.value.permanent
    assert caught.value.status == 429
    assert caught.value.retry_after == 120


def test_it_reads_retry_after_as_an_http_date(sender, fake_push):
    when = datetime.now(UTC) + timedelta(minutes=10)
    fake_push.answer(503, retry_after=format_datetime(when, usegmt=True))
    with pytest.raises(PushError) as caught:
        send(sender, fake_push.subscribe())
    assert not caught.value.permanent
    assert 590 <= caught.value.retry_after <= 600


def test_it_reports_503_without_retry_after_as_retryable(sender, fake_push):
    fake_push.answer(503)
    with pytest.raises(PushError) as caught:
        send(sender, fake_push.subscribe())
    assert not caught.value.permanent and caught.value.retry_after is None


def test_a_timeout_is_retryable(vapid_settings, fake_push):
    slow = Sender(keys.load(vapid_settings), timeout=0.3, allow_private=True)
    hold = fake_push.hold(lambda payload: True)
    started = time.monotonic()
    with pytest.raises(PushError) as caught:
        send(slow, fake_push.subscribe())
    hold.release()
    slow.close()
    assert time.monotonic() - started < 2
    assert not caught.value.permanent
    assert "no answer" in str(caught.value)


def test_an_unreachable_service_is_retryable(sender):
    gone = FakePushService()
    device = gone.subscribe()
    gone.server.server_close()  # nothing listens on its port any more
    with pytest.raises(PushError) as caught:
        send(sender, device)
    assert not caught.value.permanent


def test_a_rejected_vapid_key_is_permanent(sender, vapid_settings):
    _, someone_elses = keys.generate()
    with FakePushService(someone_elses) as strict:
        with pytest.raises(PushError) as caught:
            send(sender, strict.subscribe())
    assert caught.value.permanent and caught.value.status == 403 and not caught.value.gone


def test_it_keeps_the_connection_alive_between_pushes(sender, fake_push):
    device = fake_push.subscribe()
    for _ in range(3):
        send(sender, device)
    assert len(sender._connections) == 1
    assert len(fake_push.accepted()) == 3


def test_it_reconnects_when_the_service_closed_a_kept_alive_connection(sender, fake_push):
    device = fake_push.subscribe()
    send(sender, device)
    [connection] = sender._connections.values()
    connection.sock.close()
    connection.sock = None  # as if the service had hung up while idle
    assert send(sender, device) == 201


def test_retry_after_parsing_ignores_nonsense():
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds("30") == 30


@pytest.mark.parametrize("endpoint, origin", [
    ("https://fcm.googleapis.com/fcm/send/abc", "https://fcm.googleapis.com"),
    ("https://push.example.org:8443/x", "https://push.example.org:8443"),
    ("https://push.example.org:443/x", "https://push.example.org"),
    ("http://127.0.0.1:5001/push/1", "http://127.0.0.1:5001"),
])
def test_the_audience_is_the_origin_with_any_port(endpoint, origin):
    assert push_origin(endpoint) == origin
