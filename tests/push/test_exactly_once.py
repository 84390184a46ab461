"""Three real worker processes on one database send every notification exactly once,
even when one of them is killed in the middle of a send.

Runs on whichever database the suite uses (SQLite, or PostgreSQL with TEST_DATABASE_URL).
"""

import os
import re
import signal
import subprocess
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest

from mentoring.clock import utcnow
from mentoring.models import MENTEE
from mentoring.push.models import DeliveryAttempt, PushPreference, Subscription
from mentoring.push.outbox import Notification

from .. import fake_clock
from ..conftest import SECRET
from ..factories import make_user

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
FLASK = str(Path(sys.executable).with_name("flask"))
PEOPLE, EACH = 60, 5  # 300 notifications
OPEN_URL = re.compile(r"/notifications/(\d+)/open")


@pytest.fixture
def due(world, fake_push):
    """PEOPLE people with a device each and EACH notifications due for each; returns their ids in due order."""
    start = utcnow() - timedelta(minutes=10)
    rows = []
    for n in range(PEOPLE):
        person = make_user(world.program, MENTEE)
        Subscription.create(user=person, device_name="Phone", **fake_push.subscribe().fields())
        PushPreference.create(user=person, daily_cap=20)
        for k in range(EACH):
            at = start + timedelta(milliseconds=n * EACH + k)
            rows.append({"user": person.id, "kind": "message", "url": "/", "topic": "", "due_at": at,
                         "created_at": at, "expires_at": at + timedelta(days=1)})
    Notification.insert_many(rows).execute()
    return [n.id for n in Notification.select(Notification.id).order_by(Notification.due_at, Notification.id)]


@pytest.fixture
def spawn(migrated_url, vapid_settings):
    processes = []
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VAPID_", "DATABASE_", "SECRET_KEY"))}
    env.update(MENTORING_ENV="test", SECRET_KEY=SECRET, DATABASE_URL=migrated_url, **vapid_settings)

    def start(*args):
        # Under --fake-now the workers must agree with this process on what is due.
        process = subprocess.Popen(fake_clock.command(FLASK, "--app", "app", *args), cwd=ROOT,
                                   env=fake_clock.child_env(env),
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        processes.append(process)
        return process

    yield start
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def delivered_ids(service):
    return Counter(int(OPEN_URL.fullmatch(p["url"]).group(1)) for p in service.payloads())


def assert_each_sent_once(service, ids):
    counts = delivered_ids(service)
    assert sorted(counts) == sorted(ids), "some notifications never arrived"
    assert max(counts.values()) == 1, f"sent twice: {[i for i, c in counts.items() if c > 1]}"
    statuses = Counter(s for (s,) in Notification.select(Notification.status).where(Notification.id.in_(ids)).tuples())
    assert statuses == {Notification.SENT: len(ids)}
    ok = DeliveryAttempt.select().where(DeliveryAttempt.outcome == DeliveryAttempt.OK).count()
    assert ok == len(ids)


def test_three_send_due_passes_at_once_send_each_once(due, fake_push, spawn):
    passes = [spawn("send-due", "--batch", "20") for _ in range(3)]
    outputs = [p.communicate(timeout=180)[0] for p in passes]
    assert all(p.returncode == 0 for p in passes), outputs
    assert_each_sent_once(fake_push, due)
    # All three took part: the work was shared, not done by whoever started first.
    sent_by_each = [int(re.search(r"sent (\d+)", out).group(1)) for out in outputs]
    assert sum(sent_by_each) == len(due)


def test_a_worker_killed_mid_send_loses_nothing_and_doubles_nothing(due, fake_push, spawn):
    victim_id = due[len(due) // 3]
    hold = fake_push.hold(lambda payload: payload["url"] == f"/notifications/{victim_id}/open")
    workers = [spawn("worker", "--interval", "0.2", "--timeout", "5", "--lease", "8", "--batch", "20") for _ in range(3)]

    if not hold.held.wait(timeout=60):
        for w in workers:
            w.kill()
        pytest.fail("no worker reached the held notification: " + "\n".join(w.communicate()[0] for w in workers))
    token = Notification.get_by_id(victim_id).claim_token
    victim_pid = int(token.split(":")[1])
    assert victim_pid in {w.pid for w in workers}
    os.kill(victim_pid, signal.SIGKILL)
    # The push service saw the connection drop before it accepted anything.
    assert hold.abandoned.wait(timeout=10)

    assert fake_push.wait_for(len(due), timeout=120), f"only {len(fake_push.accepted())} of {len(due)} arrived"
    survivors = [w for w in workers if w.pid != victim_pid]
    for worker in survivors:
        worker.send_signal(signal.SIGTERM)
    for worker in survivors:
        worker.wait(timeout=30)
        assert worker.returncode == 0
    assert_each_sent_once(fake_push, due)
    retried = Notification.get_by_id(victim_id)
    assert retried.claim_token is None and retried.status == Notification.SENT
