"""What SQLite's synchronous=FULL costs on writes, and what a request costs before any query.

    .venv/bin/python -m tests.benchmarks.durability [--sends 400] [--requests 400]

Not a test: it prints numbers for the README. For each SQLITE_SYNCHRONOUS
value it sends messages one after another (each its own transaction, as a
request does) into a fresh SQLite file, then times a static file and the
sign-in page through the whole app.
"""

import argparse
import os
import secrets
import statistics
import tempfile
import time

from mentoring import create_app
from mentoring.db import database, migrate, open_database


def app_for(url, synchronous):
    return create_app({"MENTORING_ENV": "test", "SECRET_KEY": secrets.token_hex(32), "DATABASE_URL": url,
                       "SQLITE_SYNCHRONOUS": synchronous, "WTF_CSRF_ENABLED": False})


def sends_per_second(app, count):
    from mentoring.messages import Participant, open_for_match
    from mentoring.messages.sending import send
    from mentoring.models import MENTOR
    from tests.factories import make_match, make_program, make_user

    with app.app_context():
        program = make_program("Benchmark")
        match = make_match(make_user(program, MENTOR), make_user(program))
        conversation = open_for_match(match)
        participant = Participant.get(Participant.conversation == conversation.id)
        started = time.perf_counter()
        for n in range(count):
            send(Participant.get_by_id(participant.id), f"Message {n}", f"bench-{n:06d}")
        elapsed = time.perf_counter() - started
    return count / elapsed


def request_ms(app, path, count):
    client = app.test_client()
    client.get(path)
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        response = client.get(path)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        response.close()
    return statistics.median(samples)


def run(synchronous, sends, requests):
    folder = tempfile.mkdtemp(prefix="durability-bench-")
    url = "sqlite:///" + os.path.join(folder, "bench.db")
    db = open_database(url)
    migrate(db)
    db.close()
    app = app_for(url, synchronous)
    with app.app_context():
        actual = database.execute_sql("PRAGMA synchronous").fetchone()[0]
    rate = sends_per_second(app, sends)
    with app.test_request_context():
        from flask import url_for
        static, login = url_for("static", filename="css/app.css"), url_for("accounts.login")
    static_ms, login_ms = request_ms(app, static, requests), request_ms(app, login, requests)
    if not database.is_closed():
        database.close()
    return actual, rate, static_ms, login_ms


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sends", type=int, default=400)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3, help="alternating runs per setting; medians shown")
    args = parser.parse_args()
    print(f"cpu cores: {os.cpu_count()}; {args.sends} message sends, median of {args.requests} requests, "
          f"median of {args.rounds} rounds")
    results = {"NORMAL": [], "FULL": []}
    for _ in range(args.rounds):
        for synchronous in results:
            results[synchronous].append(run(synchronous, args.sends, args.requests))
    for synchronous, runs in results.items():
        actual = {r[0] for r in runs}
        rate, static_ms, login_ms = (statistics.median(r[i] for r in runs) for i in (1, 2, 3))
        # PRAGMA synchronous: 1 is NORMAL, 2 is FULL.
        print(f"SQLITE_SYNCHRONOUS={synchronous:6} (pragma {sorted(actual)})  {rate:5.0f} message sends/s  "
              f"static file {static_ms:.2f} ms  sign-in page {login_ms:.2f} ms")


if __name__ == "__main__":
    main()
