"""The daily check-in reminder: at the mentee's local time, once a day, never once checked in."""

from datetime import date, datetime, time, timedelta

import pytest

from mentoring.push import checkin
from mentoring.push.models import PushPreference
from mentoring.push.outbox import Notification

from .support import add_device


@pytest.fixture
def produce(app):
    def run(now):
        with app.app_context():
            return checkin.produce(now)

    return run


@pytest.fixture
def done_days(app):
    """Days the (fake) mood feature says are checked in, per user id."""
    days = {}
    app.extensions["checked_in_on"] = lambda user, day: day in days.get(user.id, set())
    return days


def remind_at(user, wall, tz=None):
    if tz:
        user.timezone = tz
        user.save()
    return PushPreference.create(user=user, checkin_time=wall)


def reminders(user):
    return list(Notification.select().where((Notification.user == user) & (Notification.kind == checkin.KIND))
                .order_by(Notification.due_at))


def test_it_queues_the_reminder_at_the_local_time_and_not_before(world, produce):
    remind_at(world.mentee, time(20, 0))  # London, summer: 19:00 UTC
    assert produce(datetime(2025, 6, 2, 18, 59)) == 0
    assert produce(datetime(2025, 6, 2, 19, 0)) == 1
    [reminder] = reminders(world.mentee)
    assert reminder.due_at == datetime(2025, 6, 2, 19, 0)
    assert reminder.key == "checkin:2025-06-02"
    assert reminder.expires_at == datetime(2025, 6, 2, 23, 0)  # local midnight comes first


def test_it_queues_one_a_day_however_often_it_runs(world, produce):
    remind_at(world.mentee, time(20, 0))
    for minutes in range(0, 180, 7):
        produce(datetime(2025, 6, 2, 19, 0) + timedelta(minutes=minutes))
    assert produce(datetime(2025, 6, 3, 19, 0)) == 1
    assert [r.key for r in reminders(world.mentee)] == ["checkin:2025-06-02", "checkin:2025-06-03"]


def test_racing_workers_still_make_one(world, produce, monkeypatch):
    remind_at(world.mentee, time(20, 0))
    produce(datetime(2025, 6, 2, 19, 0))
    # A second worker that looked before the first one wrote: its insert must be ignored.
    monkeypatch.setattr(checkin.Notification, "select", _nothing_there(checkin.Notification.select))
    produce(datetime(2025, 6, 2, 19, 0))
    monkeypatch.undo()
    assert len(reminders(world.mentee)) == 1


def _nothing_there(select):
    def empty(*fields):
        return select(*fields).where(False)

    return empty


def test_the_worker_sends_it_with_neutral_words(world, fake_push, produce, worker):
    add_device(world.mentee, fake_push)
    remind_at(world.mentee, time(20, 0))
    at = datetime(2025, 6, 2, 19, 0)
    produce(at)
    worker(at)
    [payload] = fake_push.payloads()
    assert payload["title"] == "Time for your check-in"
    # Short-lived at the push service: it stops mattering at local midnight.
    assert int(fake_push.accepted()[0].headers["ttl"]) <= 3600


def test_it_is_skipped_when_today_is_already_done(world, fake_push, produce, worker, done_days):
    add_device(world.mentee, fake_push)
    remind_at(world.mentee, time(20, 0))
    done_days[world.mentee.id] = {date(2025, 6, 2)}
    at = datetime(2025, 6, 2, 19, 0)
    produce(at)
    assert worker(at).sent == 0
    [reminder] = reminders(world.mentee)
    assert (reminder.status, reminder.last_error) == (Notification.DROPPED, "checked in already")
    assert fake_push.received == []


def test_a_check_in_made_after_queueing_cancels_it_before_sending(world, fake_push, produce, worker, done_days):
    add_device(world.mentee, fake_push)
    remind_at(world.mentee, time(20, 0))
    produce(datetime(2025, 6, 2, 19, 0))
    done_days[world.mentee.id] = {date(2025, 6, 2)}
    assert worker(datetime(2025, 6, 2, 19, 1)).dropped == 1
    assert reminders(world.mentee)[0].last_error == "no longer needed"


def test_without_the_mood_feature_nothing_counts_as_done(world, produce, app):
    app.extensions.pop("checked_in_on", None)
    remind_at(world.mentee, time(20, 0))
    produce(datetime(2025, 6, 2, 19, 0))
    assert reminders(world.mentee)[0].status == Notification.PENDING


def test_only_active_mentees_get_it(world, produce):
    remind_at(world.mentor, time(20, 0))
    remind_at(world.other_mentee, time(20, 0))
    world.other_mentee.is_active = False
    world.other_mentee.save()
    assert produce(datetime(2025, 6, 2, 19, 0)) == 0


@pytest.mark.parametrize("day, utc", [
    (date(2025, 3, 29), datetime(2025, 3, 29, 20, 0)),  # GMT
    (date(2025, 3, 30), datetime(2025, 3, 30, 19, 0)),  # BST from this morning
    (date(2025, 10, 25), datetime(2025, 10, 25, 19, 0)),  # still BST
    (date(2025, 10, 26), datetime(2025, 10, 26, 20, 0)),  # GMT again
])
def test_it_keeps_to_the_wall_clock_across_dst(world, produce, day, utc):
    remind_at(world.mentee, time(20, 0))
    assert produce(utc - timedelta(minutes=1)) == 0
    assert produce(utc) == 1
    assert reminders(world.mentee)[-1].key == f"checkin:{day.isoformat()}"


def test_a_time_skipped_by_spring_forward_comes_just_after_the_jump(world, produce):
    remind_at(world.mentee, time(1, 30))  # 30 March: 01:00 GMT jumps to 02:00 BST
    assert produce(datetime(2025, 3, 30, 1, 29)) == 0
    assert produce(datetime(2025, 3, 30, 1, 30)) == 1  # 02:30 BST


def test_a_time_repeated_in_autumn_reminds_once(world, produce):
    remind_at(world.mentee, time(1, 30))  # 26 October: 01:30 happens at 00:30 and 01:30 UTC
    assert produce(datetime(2025, 10, 26, 0, 30)) == 1
    assert produce(datetime(2025, 10, 26, 1, 30)) == 0
    assert len(reminders(world.mentee)) == 1


def test_each_mentee_is_reminded_on_their_own_local_day(world, produce):
    remind_at(world.mentee, time(8, 0), tz="Australia/Sydney")  # 08:00 AEST = 22:00 UTC the day before
    remind_at(world.other_mentee, time(20, 0), tz="America/Los_Angeles")  # 20:00 PDT = 03:00 UTC next day
    produce(datetime(2025, 6, 2, 22, 0))
    produce(datetime(2025, 6, 3, 3, 0))
    assert [r.key for r in reminders(world.mentee)] == ["checkin:2025-06-03"]
    assert [r.key for r in reminders(world.other_mentee)] == ["checkin:2025-06-02"]


def test_travelling_west_does_not_bring_a_second_reminder_the_same_day(world, produce):
    remind_at(world.mentee, time(20, 0))
    produce(datetime(2025, 6, 2, 19, 0))  # 20:00 in London
    world.mentee.timezone = "America/New_York"
    world.mentee.save()
    produce(datetime(2025, 6, 3, 0, 0))  # 20:00 in New York, still 2 June there
    assert len(reminders(world.mentee)) == 1
    produce(datetime(2025, 6, 4, 0, 0))  # 20:00 on 3 June in New York
    assert [r.key for r in reminders(world.mentee)] == ["checkin:2025-06-02", "checkin:2025-06-03"]


def test_a_reminder_the_worker_could_not_send_in_time_is_dropped(world, fake_push, produce, worker):
    add_device(world.mentee, fake_push)
    remind_at(world.mentee, time(12, 0))  # 11:00 UTC
    produce(datetime(2025, 6, 2, 11, 0))
    # The worker was down for five hours: the reminder lapsed at 16:00 local.
    assert worker(datetime(2025, 6, 2, 16, 0)).dropped == 1
    assert fake_push.received == []
