"""How fast a thread, its poll and the conversation list stay with a lot of history.

Seeds 1,000 matches with 500 messages each (500,000 messages, bulk inserted),
then times requests through the whole app (routing, session, queries,
templates; no network) as one mentee and one mentor among them:

    /work/venv/bin/python -m tests.benchmarks.messaging

SQLite always; PostgreSQL too when TEST_DATABASE_URL names a server (a fresh
database is made and dropped). MATCHES and PER_MATCH in the environment make
the data smaller for a quick look. This reports numbers; it asserts nothing.
"""

import os
import re
import secrets
import statistics
import sys
import tempfile
import time
from datetime import timedelta

from peewee import fn
from playhouse.test_utils import count_queries

from mentoring import create_app
from mentoring.clock import utcnow
from mentoring.db import database, migrate, open_database
from mentoring.programs import create_program
from mentoring.messages import Conversation, Message, Participant
from mentoring.messages.sending import send
from mentoring.models import MENTEE, MENTOR, Match, User

from . import scratch_postgres

MATCHES = int(os.environ.get("MATCHES", 1000))
PER_MATCH = int(os.environ.get("PER_MATCH", 500))
RUNS = {"thread": 60, "unchanged": 400, "changed": 120, "list": 60}


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


def app_for(url):
    return create_app({
        "MENTORING_ENV": "test", "SECRET_KEY": secrets.token_hex(32), "DATABASE_URL": url,
        "WTF_CSRF_ENABLED": False,
    })


def _insert(model, rows, batch):
    for i in range(0, len(rows), batch):
        model.insert_many(rows[i:i + batch]).execute()


def seed(batch):
    """Everything in bulk: people, matches, conversations, messages, then the summaries."""
    now = utcnow()
    program = create_program("Benchmark program", timezone="Europe/London")
    people = []
    for role in (MENTOR, MENTEE):
        people += [{"program": program.id, "role": role, "name": f"{role} {i}", "email": f"{role}{i}@bench.example",
                    "timezone": "Europe/London", "password_hash": "!", "session_token": secrets.token_hex(8)}
                   for i in range(MATCHES)]
    _insert(User, people, batch)
    ids = {role: [u.id for u in User.select(User.id).where(User.role == role).order_by(User.id)]
           for role in (MENTOR, MENTEE)}
    started = now - timedelta(days=90)
    _insert(Match, [{"program": program.id, "mentor": ids[MENTOR][i], "mentee": ids[MENTEE][i], "started_at": started}
                    for i in range(MATCHES)], batch)
    matches = list(Match.select(Match.id, Match.mentor, Match.mentee).order_by(Match.id))
    _insert(Conversation, [{"program": program.id, "match": m.id, "created_at": started} for m in matches], batch)
    conversations = {c.match_id: c.id for c in Conversation.select(Conversation.id, Conversation.match)}
    _insert(Participant, [row for m in matches for row in (
        {"conversation": conversations[m.id], "user": m.mentor_id, "role": MENTOR, "joined_at": started},
        {"conversation": conversations[m.id], "user": m.mentee_id, "role": MENTEE, "joined_at": started},
    )], batch)
    step = timedelta(days=60) / PER_MATCH
    log(f"  inserting {MATCHES * PER_MATCH:,} messages")
    for n, m in enumerate(matches):
        conversation = conversations[m.id]
        Message.insert_many([
            {"conversation": conversation, "author": m.mentee_id if i % 2 == 0 else m.mentor_id,
             "client_id": f"seed-{conversation}-{i}", "body": f"Seeded message {i} in conversation {conversation}",
             "created_at": now - timedelta(days=60) + step * i}
            for i in range(PER_MATCH)
        ]).execute()
        if n % 100 == 99:
            log(f"  {n + 1:,} conversations")
    # Summaries the app keeps as it goes: last message, count, everyone read up to 4 before the end.
    last = Message.select(Message.conversation, Message.id.alias("last_id"), Message.created_at).where(
        Message.id.in_(Message.select(fn.MAX(Message.id)).group_by(Message.conversation))
    )
    for row in last.dicts().iterator():
        Conversation.update(last_message_id=row["last_id"], last_message_at=row["created_at"],
                            message_count=PER_MATCH, version=1).where(Conversation.id == row["conversation"]).execute()
        Participant.update(last_read_message_id=row["last_id"] - 4, sent_count=PER_MATCH // 2).where(
            Participant.conversation == row["conversation"]).execute()
    database.execute_sql("ANALYZE")
    middle = matches[len(matches) // 2]
    return middle, conversations[middle.id]


def signed_in(app, user_id):
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = User.get_by_id(user_id).start_session()
        session["_fresh"] = True
    return client


def timed(fn, runs):
    samples = []
    with count_queries() as counted:
        fn()
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {
        "median": statistics.median(samples),
        "p95": samples[int(len(samples) * 0.95) - 1],
        "queries": counted.count,
    }


def measure(app, match, conversation_id):
    mentee = signed_in(app, match.mentee_id)
    mentor = signed_in(app, match.mentor_id)
    thread = f"/messages/{conversation_id}"
    htmx = {"HX-Request": "true"}
    # Poll as the open page does: for what came after its latest page.
    poll = re.search(r'hx-get="([^"]+/recent\?after=\d+)"', mentee.get(thread).get_data(as_text=True)).group(1)
    etag = mentee.get(poll, headers=htmx).headers["ETag"]

    def unchanged():
        response = mentee.get(poll, headers={**htmx, "If-None-Match": etag})
        assert response.status_code == 204, response.status_code

    mentor_side = Participant.get((Participant.conversation == conversation_id) & (Participant.user == match.mentor_id))
    sent = {"n": 0}

    def changed_poll():
        """The mentor sends one message (not timed); the mentee's next poll brings it (timed)."""
        sent["n"] += 1
        before = Conversation.get_by_id(conversation_id)
        etag = f'"v{before.version}"'
        with app.app_context():
            send(Participant.get_by_id(mentor_side.id), f"New message {sent['n']}", f"bench-{sent['n']}-{secrets.token_hex(4)}")
        url = f"{thread}/recent?after={before.last_message_id}"
        with count_queries() as counted:
            start = time.perf_counter()
            response = mentee.get(url, headers={**htmx, "If-None-Match": etag})
            took = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, response.status_code
        return took, counted.count

    def changed_samples(runs):
        changed_poll()
        samples = [changed_poll() for _ in range(runs)]
        times = sorted(t for t, _q in samples)
        return {"median": statistics.median(times), "p95": times[int(len(times) * 0.95) - 1],
                "queries": samples[-1][1]}

    return {
        "thread page": timed(lambda: mentee.get(thread), RUNS["thread"]),
        "poll, unchanged (204)": timed(unchanged, RUNS["unchanged"]),
        "poll, changed (200)": changed_samples(RUNS["changed"]),
        "conversation list": timed(lambda: mentor.get("/messages"), RUNS["list"]),
    }


def run(label, url, batch):
    log(f"{label}: migrating and seeding {MATCHES:,} matches x {PER_MATCH} messages")
    db = open_database(url)
    migrate(db)
    db.close()
    app = app_for(url)
    started = time.perf_counter()
    with app.app_context():
        database.connect(reuse_if_open=True)
        with database.atomic():
            match, conversation_id = seed(batch)
        total = Message.select().count()
        database.close()
    log(f"  seeded {total:,} messages in {time.perf_counter() - started:.0f} s; measuring")
    results = measure(app, match, conversation_id)
    if hasattr(database.obj, "close_all"):
        database.obj.close_all()
    return label, total, results


def postgres(server):
    url, drop = scratch_postgres(server, "mentoring_bench")
    try:
        return run("PostgreSQL", url, batch=5000)
    finally:
        drop()


def report(runs):
    print(f"Messaging benchmark: {MATCHES:,} matches x {PER_MATCH} messages; times in ms through the whole app")
    print()
    print("| database | request | median | p95 | queries |")
    print("|---|---|---:|---:|---:|")
    for label, _total, results in runs:
        for name, r in results.items():
            print(f"| {label} | {name} | {r['median']:.2f} | {r['p95']:.2f} | {r['queries']} |")


def main():
    runs = []
    with tempfile.TemporaryDirectory() as folder:
        runs.append(run("SQLite", "sqlite:///" + os.path.join(folder, "bench.db"), batch=500))
    server = os.environ.get("TEST_DATABASE_URL", "")
    if server.startswith("postgres"):
        runs.append(postgres(server))
    report(runs)


if __name__ == "__main__":
    main()

