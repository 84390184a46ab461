"""How fast one worker sends reminders, beside the raw cost of encrypting one.

    /work/venv/bin/python -m tests.benchmarks.push [--count 1000] [--database URL]

Not a test: it prints numbers for the README. The fake push service runs in
a process of its own (it decrypts every body, which would otherwise compete
with the worker for the interpreter), and the database is a fresh SQLite file
unless --database names a PostgreSQL server (a database is made and dropped).
"""

import argparse
import json
import multiprocessing
import os
import statistics
import tempfile
import time
from datetime import timedelta

from playhouse.test_utils import count_queries

from . import scratch_postgres

PAYLOAD = json.dumps({"title": "Meeting reminder", "body": "You have a meeting coming up.",
                      "tag": "x" * 22, "url": "/notifications/123456/open"}).encode()


def _serve(application_server_key, devices, ready, stop, counts):
    from tests.fake_push import FakePushService

    with FakePushService(application_server_key) as service:
        ready.put([service.subscribe().fields() for _ in range(devices)])
        stop.wait()
        counts.put(len(service.accepted()))


class FakeServiceProcess:
    def __init__(self, application_server_key, devices):
        self.ready, self.counts = multiprocessing.Queue(), multiprocessing.Queue()
        self.stop = multiprocessing.Event()
        self.process = multiprocessing.Process(
            target=_serve, args=(application_server_key, devices, self.ready, self.stop, self.counts), daemon=True)

    def __enter__(self):
        self.process.start()
        self.subscriptions = self.ready.get(timeout=60)
        return self

    def received(self):
        self.stop.set()
        count = self.counts.get(timeout=30)
        self.process.join(timeout=30)
        return count

    def __exit__(self, *exc):
        if self.process.is_alive():
            self.process.kill()


def encryption_cost(keys, subscription, rounds):
    """Seconds per message: encrypting only, then a whole send's local work (no network)."""
    from mentoring.push.sender import Sender

    sender = Sender(keys, allow_private=True)
    for _ in range(20):
        sender.encrypt(subscription, PAYLOAD)
    samples = []
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(rounds // 5):
            sender.encrypt(subscription, PAYLOAD)
        samples.append((time.perf_counter() - started) / (rounds // 5))
    return statistics.median(samples)


def _database(url):
    """A throwaway database: a temp SQLite file, or a fresh one on the PostgreSQL server at `url`."""
    if not url:
        path = os.path.join(tempfile.mkdtemp(prefix="push-bench-"), "bench.db")
        return f"sqlite:///{path}", lambda: None
    return scratch_postgres(url, "push_bench")


def throughput(database_url, settings, count, people):
    """Notifications per second for one worker pass over `count` due notifications."""
    from mentoring import create_app
    from mentoring.clock import utcnow
    from mentoring.db import database, migrate
    from mentoring.push import keys as vapid
    from mentoring.push.models import PushPreference, Subscription
    from mentoring.push.outbox import Notification
    from mentoring.push.sender import Sender
    from mentoring.push.worker import Worker
    from tests.factories import make_program, make_user

    app = create_app({"MENTORING_ENV": "test", "SECRET_KEY": "b" * 40, "DATABASE_URL": database_url, **settings})
    migrate()
    with FakeServiceProcess(settings["VAPID_PUBLIC_KEY"], people) as service, app.app_context():
        with database.connection_context():
            program = make_program("Benchmark")
            now = utcnow()
            rows = []
            for n, fields in enumerate(service.subscriptions):
                person = make_user(program)
                Subscription.create(user=person, device_name="Phone", **fields)
                PushPreference.create(user=person, daily_cap=20)
                for k in range(count // people):
                    at = now - timedelta(seconds=1, milliseconds=n + k)
                    rows.append({"user": person.id, "kind": "meeting_reminder", "url": "/", "topic": "",
                                 "due_at": at, "created_at": at, "expires_at": at + timedelta(hours=1)})
            with database.atomic():
                for i in range(0, len(rows), 500):
                    Notification.insert_many(rows[i:i + 500]).execute()
            worker = Worker(Sender(vapid.load(settings), allow_private=True), batch=100)
            started = time.perf_counter()
            with count_queries() as counted:
                report = worker.run_pass(utcnow())
            elapsed = time.perf_counter() - started
            worker.sender.close()
            raw = raw_sends_per_second(Sender(vapid.load(settings), allow_private=True), service.subscriptions, count)
        received = service.received()
    database.close()
    return report, received, elapsed, counted.count, raw


def raw_sends_per_second(sender, subscriptions, count):
    """Encrypt and POST only, no database: the most one worker could do."""
    started = time.perf_counter()
    for n in range(count):
        sender.send(subscriptions[n % len(subscriptions)], PAYLOAD, ttl=60)
    elapsed = time.perf_counter() - started
    sender.close()
    return count / elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000, help="due notifications (default 1000)")
    parser.add_argument("--people", type=int, default=100, help="people, one device each (default 100)")
    parser.add_argument("--database", help="a PostgreSQL server URL; SQLite when left out")
    args = parser.parse_args()

    from mentoring.push import keys as vapid

    private, public = vapid.generate()
    settings = {"VAPID_PRIVATE_KEY": private, "VAPID_PUBLIC_KEY": public, "VAPID_SUBJECT": "mailto:bench@example.org"}
    keys = vapid.load(settings)

    from tests.fake_push import FakePushService

    device = FakePushService().subscribe().fields()
    encrypt = encryption_cost(keys, device, 2000)

    url, drop = _database(args.database)
    try:
        report, received, elapsed, statements, raw = throughput(url, settings, args.count, args.people)
    finally:
        drop()
    kind = "PostgreSQL" if args.database else f"SQLite (WAL, synchronous {os.environ.get('SQLITE_SYNCHRONOUS', 'FULL')})"
    per_push = elapsed / max(1, report.sent)
    print(f"cpu cores: {os.cpu_count()}, database: {kind}")
    print(f"encrypt one message (aes128gcm, ECDH P-256):  {encrypt * 1000:.2f} ms  (~{1 / encrypt:,.0f} per second)")
    print(f"one worker, {report.sent} due reminders:          {elapsed:.2f} s  ->  {report.sent / elapsed:,.0f} per second"
          f"  ({per_push * 1000:.2f} ms each; encryption is {encrypt / per_push:.0%} of it)")
    print(f"encrypt and POST only, no database:          {raw:,.0f} per second; "
          f"the worker does {report.sent / elapsed / raw:.0%} of that")
    print(f"database statements per notification: {statements / max(1, report.sent):.1f}")
    print(f"push service accepted: {received - args.count}; worker report: {report}")


if __name__ == "__main__":
    main()

