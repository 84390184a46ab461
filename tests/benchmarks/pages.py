"""How fast each page is on a large program, next to a bare Flask page.

    python -m tests.benchmarks.pages [--scale 0.1] [--seconds 4] [--clients 2]

Builds a program (tests/benchmarks/program.py: 2,000 mentees with a year of
history at scale 1.0; --scale 0.1 for 200), serves it with gunicorn on
127.0.0.1 together with a bare Flask + Jinja page running one indexed 12-row
query (tests/benchmarks/serve.py), and loads each page in turn for a few
seconds from `--clients` threads. It prints each page's requests per second
as a share of the bare page's in the same run, its median time, the app's
CPU per request, the queries it runs and its size. SQLite always;
PostgreSQL too when TEST_DATABASE_URL names a server (a fresh database is
made and dropped). It reports numbers and asserts nothing: the query counts
that must not grow are asserted in the tests.
"""

import argparse
import gzip
import http.client
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from playhouse.test_utils import count_queries

from mentoring import create_app
from mentoring.db import database, migrate, open_database

from . import program, scratch_postgres

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
PORTS = range(18500, 18600)
WORKERS = 2


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


def _settings(url, secret):
    return {"MENTORING_ENV": "production", "SECRET_KEY": secret, "DATABASE_URL": url,
            "SESSION_COOKIE_SECURE": "False"}


def _cookie(app, user_id):
    from mentoring.models import User

    value = app.session_interface.get_signing_serializer(app).dumps(
        {"_user_id": User.get_by_id(user_id).get_id(), "_fresh": True})
    return f"{app.config['SESSION_COOKIE_NAME']}={value}"


def pages(app, ids):
    """(name, role, path, extra headers) for every page measured."""
    from flask import url_for

    with app.test_request_context():
        thread = url_for("messages.thread", conversation_id=ids["conversation"])
        return [
            ("coordinator overview", "coordinator", url_for("home.index"), {}),
            ("calendar feed (10 series)", None, url_for("meetings.feed", token=ids["feed_token"]), {}),
            ("mentor home", "mentor", url_for("home.index"), {}),
            ("mentee page seen by mentor", "mentor", url_for("home.mentee", match_id=ids["match"]), {}),
            ("mentor meetings", "mentor", url_for("meetings.index"), {}),
            ("mentee home", "mentee", url_for("home.index"), {}),
            ("mentee goals", "mentee", url_for("goals.index"), {}),
            ("mentee meetings", "mentee", url_for("meetings.index"), {}),
            ("mood trends (30 days)", "mentee", url_for("mood.trends"), {}),
            ("mood trends (90 days)", "mentee", url_for("mood.trends", days=90), {}),
            ("check-in history", "mentee", url_for("mood.history"), {}),
            ("message thread", "mentee", thread, {}),
            ("conversation list", "mentor", url_for("messages.index"), {}),
            ("people", "coordinator", url_for("people.people"), {}),
            ("matches", "coordinator", url_for("people.matches"), {}),
        ]


class Server:
    """gunicorn serving tests/benchmarks/serve.py on a free port of our range."""

    def __init__(self, url, secret, conversation):
        self.env = {**os.environ, **_settings(url, secret), "BENCH_DATABASE_URL": url,
                    "BENCH_CONVERSATION": str(conversation)}

    def __enter__(self):
        for port in PORTS:
            self.port = port
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-w", str(WORKERS), "-b", f"{HOST}:{port}",
                 "--log-level", "warning", "tests.benchmarks.serve:application"],
                cwd=ROOT, env=self.env, stderr=subprocess.PIPE)
            if self._ready():
                return self
            self.proc.kill()
            self.proc.wait()
        raise RuntimeError("no free port in 18500-18599")

    def _ready(self):
        for _ in range(100):
            if self.proc.poll() is not None:
                return False
            try:
                if request(self.port, "/healthz")[0] == 200:
                    return True
            except OSError:
                time.sleep(0.2)
        return False

    def cpu_seconds(self):
        """User + system time of the workers (not the client, not the arbiter)."""
        children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text().split()
        total = 0
        for pid in children:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        return total / os.sysconf("SC_CLK_TCK")

    def __exit__(self, *exc):
        self.proc.terminate()
        self.proc.wait(timeout=30)


def request(port, path, headers=None, method="GET", body=None):
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    conn.request(method, path, body=body, headers={"Accept-Encoding": "gzip", **(headers or {})})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, data, response


def load(server, path, headers, seconds, clients, method="GET", body=None):
    """Requests per second, median and p95 ms, CPU ms per request, bytes."""
    # body(previous answer) makes each request's form, as a page would from what it shows.
    data = b""
    for _ in range(5):
        status, data, _r = request(server.port, path, headers, method, body(data) if body else None)
        assert status in (200, 204, 304), (path, status)
    times, stop, sizes = [], time.perf_counter() + seconds, []

    def client():
        answer = data
        while time.perf_counter() < stop:
            start = time.perf_counter()
            _s, answer, _r = request(server.port, path, headers, method, body(answer) if body else None)
            times.append(time.perf_counter() - start)
            sizes.append(len(answer))

    cpu, started = server.cpu_seconds(), time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed, cpu = time.perf_counter() - started, server.cpu_seconds() - cpu
    times.sort()
    return {"rps": len(times) / elapsed, "p50": statistics.median(times) * 1000,
            "p95": times[int(len(times) * 0.95) - 1] * 1000, "cpu": cpu / len(times) * 1000,
            "bytes": round(statistics.median(sizes)) if sizes else len(data)}


def _queries(app, cookie, path, headers):
    client = app.test_client()
    client.set_cookie(*cookie.split("=", 1)) if cookie else None
    with count_queries() as counted:
        client.get(path, headers=headers)
    return counted.count


def _poll(port, cookie, thread):
    """The thread's poll address and its ETag, as the open page would send them."""
    _s, html, _r = request(port, thread, {"Cookie": cookie})
    html = gzip.decompress(html).decode() if html[:2] == b"\x1f\x8b" else html.decode()
    poll = re.search(r'hx-get="([^"]+/recent\?after=\d+)"', html).group(1).replace("&amp;", "&")
    _s, _b, response = request(port, poll, {"Cookie": cookie, "HX-Request": "true"})
    # The page sends its version as a strong ETag (gzip weakens the header).
    return poll, response.getheader("ETag").removeprefix("W/")


def measure(label, url, scale, seconds, clients):
    log(f"{label}: building a program at scale {scale}")
    db = open_database(url)
    migrate(db)
    db.close()
    secret = secrets.token_hex(32)
    app = create_app(_settings(url, secret))
    started = time.perf_counter()
    with app.app_context(), database.connection_context():
        ids = program.build(round(program.FULL_MENTEES * scale), log)
        sizes = program.counts()
        cookies = {role: _cookie(app, ids[role]) for role in ("coordinator", "mentor", "mentee")}
    log(f"  built in {time.perf_counter() - started:.0f} s: {sizes}")
    rows = []
    with Server(url, secret, ids["conversation"]) as server:
        bare = [load(server, "/__bare/", {}, seconds, clients)]
        for name, role, path, headers in pages(app, ids):
            cookie = cookies.get(role)
            headers = {**headers, **({"Cookie": cookie} if cookie else {})}
            with app.app_context():
                queries = _queries(app, cookie, path, headers)
            rows.append((name, load(server, path, headers, seconds, clients), queries))
        feed = next(path for name, _role, path, _h in pages(app, ids) if name.startswith("calendar feed"))
        etag = request(server.port, feed)[2].getheader("ETag").removeprefix("W/")
        rows.append(("calendar feed, unchanged (304)", load(server, feed, {"If-None-Match": etag}, seconds, clients), None))
        thread = next(path for name, _role, path, _h in pages(app, ids) if name == "message thread")
        poll, etag = _poll(server.port, cookies["mentee"], thread)
        headers = {"Cookie": cookies["mentee"], "HX-Request": "true", "If-None-Match": etag}
        rows.append(("message poll, unchanged", load(server, poll, headers, seconds, clients), None))
        rows.append(send_under_load(server, app, ids, cookies["mentee"], seconds))
        bare.append(load(server, "/__bare/", {}, seconds, clients))
    baseline = {key: statistics.mean(b[key] for b in bare) for key in bare[0]}
    return label, sizes, baseline, rows


def send_under_load(server, app, ids, cookie, seconds, clients=20):
    with app.test_request_context():
        from flask import url_for

        path = url_for("messages.send_message", conversation_id=ids["conversation"])
    headers = {"Cookie": cookie, "HX-Request": "true", "HX-Target": "composer", "Content-Type": "application/x-www-form-urlencoded"}

    with app.app_context(), database.connection_context():
        from mentoring.messages import Message

        first = Message.select(Message.id).where(Message.conversation == ids["conversation"]) \
            .order_by(Message.id.desc()).first().id

    def body(previous):
        """As the page sends it: the newest message it shows (from its last answer) as `last`."""
        if previous[:2] == b"\x1f\x8b":
            previous = gzip.decompress(previous)
        shown = [int(n) for n in re.findall(rb'data-message-id="(\d+)"', previous)]
        return f"body=Hello+there&client_id={secrets.token_hex(8)}&after={first}&last={max(shown, default=first)}"

    result = load(server, path, headers, seconds, clients, method="POST", body=body)
    return (f"message send, {clients} clients", result, None)


def postgres(server, scale, seconds, clients):
    url, drop = scratch_postgres(server, "mentoring_pages")
    try:
        return measure("PostgreSQL", url, scale, seconds, clients)
    finally:
        if hasattr(database.obj, "close_all"):
            database.obj.close_all()
        drop()


def report(run):
    label, sizes, bare, rows = run
    print(f"\n{label}: " + ", ".join(f"{n:,} {k}" for k, n in sizes.items()))
    print(f"bare page: {bare['rps']:.0f} req/s, p50 {bare['p50']:.1f} ms, app CPU {bare['cpu']:.1f} ms/request\n")
    print("| page | share of bare | req/s | p50 ms | p95 ms | app CPU ms | queries | bytes |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, r, queries in rows:
        print(f"| {name} | {r['rps'] / bare['rps']:.0%} | {r['rps']:.0f} | {r['p50']:.0f} | {r['p95']:.0f} "
              f"| {r['cpu']:.1f} | {'' if queries is None else queries} | {r['bytes']:,} |")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=0.1, help="share of 2,000 mentees (default 0.1)")
    parser.add_argument("--seconds", type=float, default=4, help="load per page (default 4)")
    parser.add_argument("--clients", type=int, default=2, help="concurrent clients (default 2)")
    args = parser.parse_args(argv)
    runs = []
    with tempfile.TemporaryDirectory() as folder:
        runs.append(measure("SQLite", f"sqlite:///{folder}/pages.db", args.scale, args.seconds, args.clients))
    server = os.environ.get("TEST_DATABASE_URL", "")
    if server.startswith("postgres"):
        runs.append(postgres(server, args.scale, args.seconds, args.clients))
    for run in runs:
        report(run)


if __name__ == "__main__":
    main()
