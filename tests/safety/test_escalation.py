"""Unacknowledged alerts escalate at half the deadline and at the deadline, each step once.

Runs on whichever database the suite uses (SQLite, or PostgreSQL with TEST_DATABASE_URL).
The clock is frozen: every step takes an explicit `now`.
"""

import threading
from collections import Counter
from datetime import datetime, timedelta

from mentoring.db import database
from mentoring.models import COORDINATOR
from mentoring.push.outbox import Notification
from mentoring.push.worker import Worker
from mentoring.safety import AlertEvent, SafeguardingAlert, raise_alert, record
from mentoring.safety.deadlines import add_working_days, save_safeguarding_settings
from mentoring.safety.escalation import due, escalate, escalate_one

from ..factories import make_user
from ..push.support import add_device

NOW = datetime(2026, 3, 2, 9, 0)  # a Monday


def with_deputy(world):
    deputy = make_user(world.program, COORDINATOR, name="Dee Deputy", is_safeguarding_lead=True)
    save_safeguarding_settings(world.program, deputy_ids=[deputy.id])
    return deputy


def raise_at(app, world, level="urgent", at=NOW):
    with app.app_context():
        return raise_alert(world.mentee, "other", "Needs a call", level=level, now=at)


def pushed_to(since_id=0):
    return Counter(n.user_id for n in Notification.select().where(Notification.id > since_id))


def last_push_id():
    return Notification.select().order_by(Notification.id.desc()).first().id


def steps(alert):
    return [e.action for e in AlertEvent.select().where(AlertEvent.alert == alert.id).order_by(AlertEvent.id)]


def run(app, now):
    with app.app_context():
        return escalate(now)


def test_each_level_gets_its_deadline_from_the_program(app, world):
    save_safeguarding_settings(world.program, immediate_minutes=10)
    immediate = raise_at(app, world, "immediate")
    urgent = raise_at(app, world, "urgent")
    concern = raise_at(app, world, "concern", at=datetime(2026, 3, 6, 15, 0))  # a Friday afternoon
    assert (immediate.deputies_due_at, immediate.ack_due_at) == (NOW + timedelta(minutes=5), NOW + timedelta(minutes=10))
    assert urgent.ack_due_at == NOW + timedelta(hours=4)
    # Two working days from Friday 15:00 is Tuesday 15:00, not Sunday.
    assert concern.ack_due_at == datetime(2026, 3, 10, 15, 0)


def test_working_days_follow_the_programs_clock():
    # 23:30 UTC on Friday is already Saturday morning in Auckland: counting starts Monday 09:00 there.
    assert add_working_days(datetime(2026, 3, 6, 23, 30), 1, "Pacific/Auckland") == datetime(2026, 3, 9, 20, 0)


def test_an_alert_taken_on_in_time_never_escalates(app, world):
    with_deputy(world)
    alert = raise_at(app, world)
    first = last_push_id()
    with app.app_context():
        record(alert, world.lead.id, "acknowledge", now=NOW + timedelta(minutes=30))
    assert run(app, NOW + timedelta(hours=2)) == 0
    assert run(app, NOW + timedelta(hours=5)) == 0
    assert pushed_to(first) == {}
    assert steps(alert) == ["raised", "acknowledge"]


def test_raising_tells_the_leads_who_are_not_deputies(app, world):
    deputy = with_deputy(world)
    raise_at(app, world)
    assert pushed_to() == {world.lead.id: 1}
    assert deputy.id not in pushed_to()


def test_a_program_without_a_lead_tells_every_coordinator_at_once(app, world):
    world.lead.is_safeguarding_lead = False
    world.lead.save()
    raise_at(app, world)
    assert pushed_to() == {world.lead.id: 1, world.coordinator.id: 1}


def test_half_the_deadline_goes_to_the_deputies_once(app, world):
    deputy = with_deputy(world)
    alert = raise_at(app, world)
    first = last_push_id()
    assert run(app, NOW + timedelta(hours=1, minutes=59)) == 0
    assert run(app, NOW + timedelta(hours=2)) == 1
    assert run(app, NOW + timedelta(hours=2, minutes=1)) == 0
    assert pushed_to(first) == {deputy.id: 1}
    assert SafeguardingAlert.get_by_id(alert.id).escalated_level == SafeguardingAlert.TO_DEPUTIES
    assert steps(alert) == ["raised", "to_deputies"]
    event = AlertEvent.get(AlertEvent.action == "to_deputies")
    assert event.at == NOW + timedelta(hours=2) and event.note == "Dee Deputy"


def test_with_no_deputies_chosen_every_lead_is_reminded(app, world):
    raise_at(app, world)
    first = last_push_id()
    run(app, NOW + timedelta(hours=2))
    assert pushed_to(first) == {world.lead.id: 1}


def test_the_deadline_goes_to_every_lead_and_coordinator_once(app, world, url):
    deputy = with_deputy(world)
    alert = raise_at(app, world)
    run(app, NOW + timedelta(hours=2))
    first = last_push_id()
    assert run(app, NOW + timedelta(hours=4)) == 1
    assert run(app, NOW + timedelta(hours=6)) == 0
    assert pushed_to(first) == {world.lead.id: 1, deputy.id: 1, world.coordinator.id: 1}
    pushes = {n.user_id: n for n in Notification.select().where(Notification.id > first)}
    assert all(n.urgent and n.kind == "safeguarding" for n in pushes.values())
    # A coordinator who is not a lead cannot open the alert: theirs opens home.
    assert pushes[world.coordinator.id].url == url("home.index")
    assert pushes[deputy.id].url == url("safety.alert", alert_id=alert.id)
    assert steps(alert) == ["raised", "to_deputies", "to_everyone"]


def test_a_worker_that_was_down_goes_straight_to_everyone(app, world):
    with_deputy(world)
    alert = raise_at(app, world)
    assert run(app, NOW + timedelta(hours=9)) == 1
    assert steps(alert) == ["raised", "to_everyone"]


def test_taking_it_on_stops_the_next_step(app, world):
    alert = raise_at(app, world)
    run(app, NOW + timedelta(hours=2))
    with app.app_context():
        record(alert, world.lead.id, "acknowledge", now=NOW + timedelta(hours=3))
    assert run(app, NOW + timedelta(hours=4)) == 0
    assert steps(alert) == ["raised", "to_deputies", "acknowledge"]


def test_the_push_worker_runs_escalations_and_sends_them(app, world, fake_push, worker):
    deputy = with_deputy(world)
    add_device(deputy, fake_push)
    raise_at(app, world, "immediate")
    report = worker(NOW + timedelta(minutes=8))
    assert report.sent == 1
    [payload] = fake_push.payloads()
    assert payload["title"] == "Something needs your attention"
    assert worker(NOW + timedelta(minutes=9)).sent == 0


def _race(app, now, workers=2):
    """Each thread has its own connection; all find the same steps, then claim them together."""
    start = threading.Barrier(workers)
    sent, errors = [], []

    def one():
        try:
            with app.app_context():
                database.connect(reuse_if_open=True)
                try:
                    found = due(now)
                    start.wait(timeout=10)
                    sent.append(sum(escalate_one(alert_id, step, now) for alert_id, step in found))
                finally:
                    database.close()
        except Exception as e:  # reported below, not lost in the thread
            errors.append(e)

    threads = [threading.Thread(target=one) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    return sent


def test_two_workers_racing_send_each_step_once(app, world):
    deputy = with_deputy(world)
    alerts = [raise_at(app, world) for _ in range(5)]
    database.close()
    first = last_push_id()
    sent = _race(app, NOW + timedelta(hours=2))
    assert sum(sent) == 5
    assert pushed_to(first) == {deputy.id: 5}
    sent = _race(app, NOW + timedelta(hours=4))
    assert sum(sent) == 5
    assert all(steps(a) == ["raised", "to_deputies", "to_everyone"] for a in alerts)
    assert Counter(pushed_to(first)) == {deputy.id: 10, world.lead.id: 5, world.coordinator.id: 5}


def test_two_whole_worker_passes_at_once_escalate_once(app, world, sender):
    with_deputy(world)
    alert = raise_at(app, world)
    database.close()
    errors = []

    def one():
        try:
            with app.app_context():
                database.connect(reuse_if_open=True)
                try:
                    Worker(sender).run_pass(NOW + timedelta(hours=5))
                finally:
                    database.close()
        except Exception as e:
            errors.append(e)

    threads = [threading.Thread(target=one) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    assert steps(alert) == ["raised", "to_everyone"]
