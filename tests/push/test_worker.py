"""One worker pass: claims, sends, and acts on every answer the push service can give."""

from datetime import datetime, time, timedelta

import pytest
from playhouse.test_utils import count_queries

from mentoring.clock import utcnow
from mentoring.push.models import DeliveryAttempt, PushPreference, Subscription
from mentoring.push.outbox import Notification, topic_key
from mentoring.push.worker import BACKOFF_BASE, MAX_ATTEMPTS

from .support import add_device, queue

NOW = datetime(2025, 6, 2, 12, 0)  # 13:00 in London, where the test people live


def reload(row):
    return type(row).get_by_id(row.id)


def attempts(notification):
    return list(DeliveryAttempt.select().where(DeliveryAttempt.notification == notification.id).order_by(DeliveryAttempt.id))


def test_it_sends_a_due_notification_once(world, fake_push, worker, url):
    device, _ = add_device(world.mentee, fake_push)
    notification = queue(world.mentee, "meeting_reminder", NOW, url="/meetings/7")
    assert worker(NOW).sent == 1
    assert worker(NOW + timedelta(minutes=1)).sent == 0
    [payload] = fake_push.payloads()
    assert payload["url"] == url("push.open_notification", notification_id=notification.id)
    assert payload["title"] == "Meeting reminder"
    notification = reload(notification)
    assert notification.status == Notification.SENT and notification.sent_at == NOW
    assert notification.attempts == 1 and notification.claim_token is None
    assert [a.outcome for a in attempts(notification)] == ["ok"]
    assert reload(device).last_success_at == NOW


def test_it_leaves_notifications_that_are_not_due(world, fake_push, worker):
    add_device(world.mentee, fake_push)
    later = queue(world.mentee, at=NOW + timedelta(minutes=5))
    assert worker(NOW).sent == 0
    assert reload(later).status == Notification.PENDING
    assert worker(NOW + timedelta(minutes=5)).sent == 1


def test_it_sends_to_every_device_of_the_person(world, fake_push, worker):
    _, phone = add_device(world.mentee, fake_push, "Phone")
    _, tablet = add_device(world.mentee, fake_push, "Tablet")
    queue(world.mentee)
    worker(NOW)
    assert sorted(r.sid for r in fake_push.accepted()) == sorted([phone.sid, tablet.sid])


def test_it_sends_the_urgency_ttl_and_topic(world, fake_push, worker):
    add_device(world.mentee, fake_push)
    queue(world.mentee, "checkin_reminder", topic=topic_key("checkin"), expires_at=NOW + timedelta(minutes=30))
    worker(NOW)
    headers = fake_push.accepted()[0].headers
    assert headers["topic"] == topic_key("checkin")
    assert headers["urgency"] == "normal"
    # Never longer than the reminder stays worth having.
    assert headers["ttl"] == "1800"


@pytest.mark.parametrize("status", [404, 410])
def test_it_deletes_a_subscription_the_service_says_is_gone(world, fake_push, worker, status):
    device, _ = add_device(world.mentee, fake_push)
    notification = queue(world.mentee)
    fake_push.answer(status)
    report = worker(NOW)
    assert report.failed == 1
    assert not Subscription.select().where(Subscription.id == device.id).exists()
    [attempt] = attempts(notification)
    assert (attempt.outcome, attempt.status_code, attempt.subscription_id) == ("gone", status, None)
    assert reload(notification).status == Notification.FAILED


def test_it_logs_and_drops_a_notification_the_service_finds_too_large(world, fake_push, worker):
    device, _ = add_device(world.mentee, fake_push)
    notification = queue(world.mentee)
    fake_push.answer(413)
    assert worker(NOW).dropped == 1
    assert reload(notification).status == Notification.DROPPED
    assert [(a.outcome, a.status_code) for a in attempts(notification)] == [("too_large", 413)]
    assert reload(device).last_success_at is None
    assert worker(NOW + timedelta(hours=1)).handled == 0


def test_it_retries_after_429_no_sooner_than_retry_after(world, fake_push, worker):
    add_device(world.mentee, fake_push)
    notification = queue(world.mentee)
    fake_push.answer(429, retry_after="600")
    assert worker(NOW).retried == 1
    notification = reload(notification)
    assert notification.status == Notification.PENDING and notification.attempts == 1
    assert notification.due_at >= NOW + timedelta(seconds=600)
    assert "429" in notification.last_error
    assert worker(NOW + timedelta(seconds=599)).sent == 0
    assert worker(notification.due_at).sent == 1
    assert [a.outcome for a in attempts(notification)] == ["retry", "ok"]


def test_it_retries_after_503_with_a_growing_backoff(world, fake_push, worker):
    add_device(world.mentee, fake_push)
    notification = queue(world.mentee)
    fake_push.answer(503, times=2)
    worker(NOW)
    first = reload(notification).due_at - NOW
    assert timedelta(seconds=BACKOFF_BASE * 0.8) <= first <= timedelta(seconds=BACKOFF_BASE * 1.2)
    worker(NOW + first)
    second = reload(notification).due_at - (NOW + first)
    assert timedelta(seconds=BACKOFF_BASE * 1.6) <= second <= timedelta(seconds=BACKOFF_BASE * 2.4)
    assert worker(NOW + first + second).sent == 1


def test_it_retries_after_a_timeout(world, fake_push, worker):
    worker.worker.sender.timeout = 0.3
    add_device(world.mentee, fake_push)
    notification = queue(world.mentee)
    hold = fake_push.hold(lambda payload: True)
    assert worker(NOW).retried == 1
    hold.release()
    assert "no answer" in reload(notification).last_error
    assert worker(reload(notification).due_at).sent == 1


def late_service(worker, fake_push, times):
    """The service takes every push but answers after the sender has stopped waiting."""
    worker.worker.sender.timeout = 0.3
    fake_push.answer_late(1.0, times=times)


def test_a_push_answered_late_is_sent_once_more_then_recorded_as_unknown(world, fake_push, worker):
    add_device(world.mentee, fake_push)
    late_service(worker, fake_push, times=10)
    message = queue(world.mentee, "message")
    reminder = queue(world.mentee, "meeting_reminder")
    assert worker(NOW).retried == 2
    report = worker(max(reload(message).due_at, reload(reminder).due_at))
    assert (report.unknown, report.retried, report.failed) == (2, 0, 0)
    assert worker(NOW + timedelta(days=1)).handled == 0
    # Each reached the service twice, no more; both copies share one Topic and tag.
    received = fake_push.accepted()
    assert len(received) == 4
    for notification in (message, reminder):
        copies = [r for r in received if r.payload["url"].endswith(f"/{notification.id}/open")]
        tag = topic_key(notification.kind)
        assert [(r.headers["topic"], r.payload["tag"]) for r in copies] == [(tag, tag)] * 2
        assert [a.outcome for a in attempts(notification)] == ["unknown", "unknown"]
        notification = reload(notification)
        assert (notification.status, notification.attempts) == (Notification.UNKNOWN, 2)
        assert "no answer" in notification.last_error


def test_a_push_answered_late_then_in_time_is_sent(world, fake_push, worker):
    add_device(world.mentee, fake_push)
    late_service(worker, fake_push, times=1)
    notification = queue(world.mentee, topic=topic_key("meeting-3"))
    assert worker(NOW).retried == 1
    assert worker(reload(notification).due_at).sent == 1
    assert [r.headers["topic"] for r in fake_push.accepted()] == [topic_key("meeting-3")] * 2
    assert [a.outcome for a in attempts(notification)] == ["unknown", "ok"]
    assert reload(notification).status == Notification.SENT


def test_with_no_timeout_retries_a_late_answer_is_unknown_at_once(world, fake_push, worker):
    add_device(world.mentee, fake_push)
    late_service(worker, fake_push, times=2)
    worker.worker.timeout_retries = 0
    notification = queue(world.mentee)
    assert worker(NOW).unknown == 1
    assert len(fake_push.accepted()) == 1
    assert reload(notification).status == Notification.UNKNOWN


def test_it_gives_up_after_the_last_attempt(world, fake_push, worker):
    add_device(world.mentee, fake_push)
    notification = queue(world.mentee, attempts=MAX_ATTEMPTS - 1)
    fake_push.answer(503)
    assert worker(NOW).failed == 1
    assert reload(notification).status == Notification.FAILED


def test_a_retry_goes_only_to_devices_that_missed_it(world, fake_push, worker):
    _, phone = add_device(world.mentee, fake_push, "Phone")
    _, tablet = add_device(world.mentee, fake_push, "Tablet")
    notification = queue(world.mentee)
    fake_push.answer(503, subscription=tablet)
    worker(NOW)
    assert [r.sid for r in fake_push.accepted()] == [phone.sid]
    worker(reload(notification).due_at)
    assert sorted(r.sid for r in fake_push.accepted()) == sorted([phone.sid, tablet.sid])
    assert reload(notification).status == Notification.SENT


def test_pending_notifications_with_one_topic_become_one_push(world, fake_push, worker, url):
    add_device(world.mentee, fake_push)
    older = [queue(world.mentee, "message", NOW - timedelta(minutes=m), topic="match-1") for m in (9, 5)]
    newest = queue(world.mentee, "message", NOW - timedelta(minutes=1), topic="match-1")
    report = worker(NOW)
    assert (report.sent, report.collapsed) == (1, 2)
    [payload] = fake_push.payloads()
    assert payload["url"] == url("push.open_notification", notification_id=newest.id)
    assert payload["tag"] == "match-1"
    assert reload(newest).status == Notification.SENT
    assert {reload(n).status for n in older} == {Notification.COLLAPSED}


def test_different_topics_or_people_are_not_collapsed(world, fake_push, worker):
    add_device(world.mentee, fake_push)
    add_device(world.mentor, fake_push)
    queue(world.mentee, topic="a")
    queue(world.mentee, topic="b")
    queue(world.mentor, topic="a")
    assert worker(NOW).sent == 3


def test_a_claim_left_by_a_dead_worker_is_taken_over_once_it_expires(world, fake_push, worker):
    add_device(world.mentee, fake_push)
    notification = queue(world.mentee, claim_token="dead-host:1:x", claimed_until=utcnow() - timedelta(seconds=1))
    assert worker(NOW).sent == 1
    assert reload(notification).status == Notification.SENT


def test_a_running_claim_is_left_to_its_worker(world, fake_push, worker):
    add_device(world.mentee, fake_push)
    notification = queue(world.mentee, claim_token="busy-host:1:x", claimed_until=utcnow() + timedelta(minutes=5))
    assert worker(NOW).handled == 0
    assert fake_push.received == []
    assert reload(notification).claim_token == "busy-host:1:x"


def test_a_worker_that_lost_its_claim_does_not_overwrite_the_new_owner(world, fake_push, worker):
    notification = queue(world.mentee)
    w = worker.worker
    assert [n.id for n in w._claim_due("mine", NOW)] == [notification.id]
    Notification.update(claim_token="theirs").where(Notification.id == notification.id).execute()
    from mentoring.push.worker import PassReport

    report = PassReport()
    w._update([notification], "mine", report, status=Notification.SENT)
    assert report.lost_claims == 1
    assert reload(notification).status == Notification.PENDING


def test_two_claims_on_one_row_cannot_both_win(world, worker):
    notification = queue(world.mentee)
    w = worker.worker
    assert [n.id for n in w._claim_due("first", NOW)] == [notification.id]
    assert w._claim_due("second", NOW) == []
    assert reload(notification).claim_token == "first"


@pytest.mark.parametrize("change, reason", [
    ({"expires_at": NOW}, "expired"),
    ({}, "no device"),
])
def test_it_drops_what_cannot_or_need_not_be_sent(world, fake_push, worker, change, reason):
    if reason != "no device":
        add_device(world.mentee, fake_push)
    notification = queue(world.mentee, **change)
    assert worker(NOW).dropped == 1
    notification = reload(notification)
    assert notification.status == Notification.DROPPED and reason in notification.last_error
    assert fake_push.received == []


def test_it_drops_notifications_for_switched_off_accounts(world, fake_push, worker):
    add_device(world.mentee, fake_push)
    notification = queue(world.mentee)
    world.mentee.is_active = False
    world.mentee.save()
    assert worker(NOW).dropped == 1
    assert reload(notification).last_error == "account switched off"


def test_quiet_hours_hold_a_non_urgent_push_until_they_end(world, fake_push, worker):
    add_device(world.mentee, fake_push)
    PushPreference.create(user=world.mentee, quiet_start=time(22, 0), quiet_end=time(7, 0))
    late = datetime(2025, 6, 2, 22, 30)  # 23:30 in London (BST)
    notification = queue(world.mentee, at=late)
    assert worker(late).deferred == 1
    assert reload(notification).due_at == datetime(2025, 6, 3, 6, 0)  # 07:00 BST
    assert worker(datetime(2025, 6, 3, 5, 59)).sent == 0
    assert worker(datetime(2025, 6, 3, 6, 0)).sent == 1


def test_urgent_pushes_come_through_quiet_hours(world, fake_push, worker):
    add_device(world.lead, fake_push)
    PushPreference.create(user=world.lead, quiet_start=time(22, 0), quiet_end=time(7, 0))
    late = datetime(2025, 6, 2, 22, 30)
    queue(world.lead, "safeguarding", at=late, urgent=True)
    assert worker(late).sent == 1
    assert fake_push.accepted()[0].headers["urgency"] == "high"


def test_the_daily_cap_drops_non_urgent_pushes_beyond_it(world, fake_push, worker):
    add_device(world.mentee, fake_push)
    PushPreference.create(user=world.mentee, daily_cap=2)
    for minutes in (0, 1, 2):
        queue(world.mentee, at=NOW + timedelta(minutes=minutes), topic=f"t{minutes}")
    urgent = queue(world.mentee, "safeguarding", at=NOW + timedelta(minutes=3), urgent=True)
    report = worker(NOW + timedelta(minutes=3))
    assert (report.sent, report.dropped) == (3, 1)
    assert reload(urgent).status == Notification.SENT
    assert Notification.get(Notification.topic == "t2").last_error == "daily limit reached"


def test_the_daily_cap_starts_again_at_local_midnight(world, fake_push, worker):
    add_device(world.mentee, fake_push)
    PushPreference.create(user=world.mentee, daily_cap=1)
    evening = datetime(2025, 6, 2, 22, 30)  # 23:30 BST
    queue(world.mentee, at=evening, topic="a")
    assert worker(evening).sent == 1
    after_midnight = datetime(2025, 6, 2, 23, 1)  # 00:01 BST, a new local day
    queue(world.mentee, at=after_midnight, topic="b")
    assert worker(after_midnight).sent == 1


def test_every_producer_is_called_with_the_pass_time(app, world, worker):
    seen = []
    app.extensions["reminder_producers"].append(seen.append)
    worker(NOW)
    assert seen == [NOW]


def test_a_failing_producer_does_not_stop_the_pass(app, world, fake_push, worker, caplog):
    def broken(now):
        raise RuntimeError("boom")

    app.extensions["reminder_producers"].insert(0, broken)
    add_device(world.mentee, fake_push)
    queue(world.mentee)
    assert worker(NOW).sent == 1
    assert "producer" in caplog.text


def test_an_unexpected_error_puts_the_notification_back_for_later(world, fake_push, worker, monkeypatch):
    add_device(world.mentee, fake_push)
    notification = queue(world.mentee)
    monkeypatch.setattr("mentoring.push.worker.send_to_devices", lambda *a, **k: 1 / 0)
    assert worker(NOW).retried == 1
    notification = reload(notification)
    assert notification.status == Notification.PENDING and notification.due_at > NOW
    assert notification.claim_token is None and "ZeroDivisionError" in notification.last_error


def statements_for_a_pass(world, fake_push, worker, people):
    from ..factories import make_user

    for _ in range(people):
        person = make_user(world.program)
        add_device(person, fake_push)
        queue(person, "message")
    with count_queries() as counted:
        assert worker(NOW).sent == people
    return counted.count


def test_a_pass_costs_a_fixed_number_of_statements_per_notification(world, fake_push, worker):
    few = statements_for_a_pass(world, fake_push, worker, 2)
    more = statements_for_a_pass(world, fake_push, worker, 10)
    # Claims and preferences are read per batch; per notification: today's
    # devices, then one transaction of three writes.
    assert (more - few) / 8 <= 4


def test_a_batch_is_claimed_in_one_go_and_renewed_before_the_lease_runs_short(world, fake_push, worker, monkeypatch):
    from mentoring.push import worker as worker_module

    add_device(world.mentee, fake_push)
    first, second = queue(world.mentee), queue(world.mentee, at=NOW + timedelta(seconds=1))
    start = utcnow()
    clock = [start]
    w = worker.worker
    w.clock, w.lease = (lambda: clock[0]), timedelta(seconds=60)
    seen = []
    real_send = worker_module.send_to_devices

    def send(sender, notification, *args):
        row = reload(notification)
        seen.append((row.id, row.claimed_until))
        clock[0] += timedelta(seconds=40)  # a slow push service
        return real_send(sender, notification, *args)

    monkeypatch.setattr(worker_module, "send_to_devices", send)
    assert worker(NOW + timedelta(seconds=1)).sent == 2
    # One claim for both; before the second, 40 of 60 seconds had gone, so it was renewed.
    assert seen == [(first.id, start + timedelta(seconds=60)), (second.id, start + timedelta(seconds=100))]


def test_a_stopping_worker_hands_back_what_it_had_not_begun(world, fake_push, worker, monkeypatch):
    from mentoring.push import worker as worker_module

    add_device(world.mentee, fake_push)
    first, second = queue(world.mentee), queue(world.mentee, at=NOW + timedelta(seconds=1))
    real_send = worker_module.send_to_devices

    def send(*args):
        worker.worker.stopping = True  # SIGTERM arrives during the first send
        return real_send(*args)

    monkeypatch.setattr(worker_module, "send_to_devices", send)
    assert worker(NOW + timedelta(seconds=1)).sent == 1
    assert reload(first).status == Notification.SENT
    second = reload(second)
    assert (second.status, second.claim_token, second.claimed_until) == (Notification.PENDING, None, None)
