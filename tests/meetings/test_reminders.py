"""Meeting reminders go into the push outbox once, and move when the meeting does."""

import threading
from datetime import date, timedelta

import pytest

from mentoring import hooks
from mentoring.db import database
from mentoring.meetings import reminders
from mentoring.meetings.models import CANCELLED, Meeting, MeetingSeries
from mentoring.meetings.reminders import requeue_meeting, save_offsets, top_up
from mentoring.people.matching import end_match

from .support import make_meeting, make_series, pending, soon, today, utc
from mentoring.push.outbox import topic_key


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield


def test_the_worker_finds_the_producer(app):
    assert top_up in hooks.get("push.producer", app)


def test_a_confirmed_meeting_gets_24_h_and_1_h_reminders_for_both(ctx, world):
    meeting = make_meeting(world.match, soon(3))
    assert requeue_meeting(meeting, world.match) == 4
    due = {(n.user_id, n.due_at) for n in pending()}
    assert due == {(u.id, meeting.starts_at - timedelta(hours=h)) for u in (world.mentor, world.mentee) for h in (24, 1)}
    assert {(n.url, n.topic) for n in pending()} == {(f"/meetings/{meeting.id}", topic_key(f"meeting-{meeting.id}"))}


def test_reminders_already_past_are_not_queued(ctx, world):
    meeting = make_meeting(world.match, soon(0) + timedelta(minutes=30))
    assert requeue_meeting(meeting, world.match) == 0


def test_each_person_chooses_their_own(ctx, world):
    save_offsets(world.mentee, [15])
    save_offsets(world.mentor, [])
    meeting = make_meeting(world.match, soon(3))
    requeue_meeting(meeting, world.match)
    assert [(n.user_id, n.due_at) for n in pending()] == [(world.mentee.id, meeting.starts_at - timedelta(minutes=15))]


def test_changing_the_choice_moves_reminders_already_queued(ctx, world):
    meeting = make_meeting(world.match, soon(3))
    requeue_meeting(meeting, world.match)
    save_offsets(world.mentee, [2880, 180])
    mine = {n.due_at for n in pending(user=world.mentee)}
    assert mine == {meeting.starts_at - timedelta(days=2), meeting.starts_at - timedelta(hours=3)}
    assert len(pending(user=world.mentor)) == 2


def test_top_up_queues_the_next_occurrence_once(ctx, world):
    series = make_series(world.match, date(2025, 3, 18))
    now = utc(2025, 3, 19, 12)
    assert top_up(now) == 4
    assert top_up(now) == 0
    assert top_up(now + timedelta(days=2)) == 0
    # 25 March at 10:00 London (GMT) is 10:00 UTC.
    assert {n.due_at for n in pending()} == {utc(2025, 3, 24, 10), utc(2025, 3, 25, 9)}
    assert MeetingSeries.get_by_id(series.id).reminded_through == utc(2025, 3, 25, 10)


def test_top_up_follows_the_clocks_into_summer_time(ctx, world):
    make_series(world.match, date(2025, 3, 18))
    top_up(utc(2025, 3, 19, 12))
    # Once the 25 March meeting has begun, the next is 1 April, at 10:00 BST = 09:00 UTC.
    assert top_up(utc(2025, 3, 25, 10, 30)) == 4
    assert {n.due_at for n in pending() if n.due_at > utc(2025, 3, 26)} == {utc(2025, 3, 31, 9), utc(2025, 4, 1, 8)}


def test_top_up_skips_a_skipped_occurrence_and_uses_a_moved_one(ctx, world):
    series = make_series(world.match, date(2025, 3, 18))
    Meeting.create(match=world.match, series=series, occurrence_date=date(2025, 3, 25), starts_at=utc(2025, 3, 25, 10),
                   timezone="Europe/London", status=CANCELLED)
    Meeting.create(match=world.match, series=series, occurrence_date=date(2025, 4, 1), starts_at=utc(2025, 4, 2, 14),
                   timezone="Europe/London", status="confirmed")
    top_up(utc(2025, 3, 19, 12))
    reminders_ = pending()
    assert {n.due_at for n in reminders_} == {utc(2025, 4, 1, 14), utc(2025, 4, 2, 13)}
    row = Meeting.get(Meeting.occurrence_date == date(2025, 4, 1))
    assert {n.url for n in reminders_} == {f"/meetings/{row.id}"}


def test_a_proposed_series_gets_no_reminders(ctx, world):
    make_series(world.match, date(2025, 3, 18), status="proposed")
    assert top_up(utc(2025, 3, 19, 12)) == 0


def test_an_ended_match_loses_its_future_meetings_and_their_reminders(ctx, world):
    meeting = make_meeting(world.match, soon(3))
    series = make_series(world.match, today())
    requeue_meeting(meeting, world.match)
    top_up(soon(0))
    assert len({n.topic for n in pending()}) == 2
    end_match(world.match, "completed")
    top_up(soon(0))
    assert not pending()
    assert Meeting.get_by_id(meeting.id).status == CANCELLED
    assert MeetingSeries.get_by_id(series.id).ends_at is not None


def test_many_workers_topping_up_at_once_queue_each_reminder_once(app, world):
    """Several workers (threads with their own connections) race on the same series."""
    for n in range(5):
        make_series(world.match, date(2025, 3, 18) + timedelta(days=n))
    now = utc(2025, 3, 16, 12)
    start = threading.Barrier(4)
    errors = []

    def worker():
        try:
            with app.app_context(), database.connection_context():
                start.wait(timeout=10)
                top_up(now)
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not errors
    found = pending()
    assert len(found) == 5 * 4
    assert len({(n.user_id, n.topic, n.due_at) for n in found}) == len(found)


def test_topping_up_runs_a_fixed_number_of_queries(ctx, world):
    from playhouse.test_utils import count_queries

    def queries(n_series):
        MeetingSeries.delete().execute()
        for n in range(n_series):
            make_series(world.match, date(2025, 3, 18) + timedelta(days=n % 7))
        for series in MeetingSeries.select():
            series.reminded_through = utc(2025, 4, 30)
            series.save()
        with count_queries() as counted:
            top_up(utc(2025, 3, 19, 12))
        return counted.count

    assert queries(2) == queries(30)


def test_the_horizon_covers_a_monthly_gap():
    assert reminders.HORIZON >= timedelta(days=35 + 2)


def test_ending_the_match_withdraws_its_reminders_at_once(app, world, as_user, url):
    from mentoring.push import Notification

    meeting = make_meeting(world.match, soon(48))
    with app.app_context():
        requeue_meeting(meeting, world.match)
    assert Notification.select().where(Notification.status == "pending").count() > 0
    as_user(world.coordinator).post(url("people.end", match_id=world.match.id), data={"reason": "completed"})
    assert Notification.select().where(Notification.status == "pending").count() == 0
    assert Meeting.get_by_id(meeting.id).status == "cancelled"
