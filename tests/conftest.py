import os
import secrets
import time
from urllib.parse import urlsplit, urlunsplit

import pytest
from flask import url_for

from mentoring import create_app
from mentoring.db import database, migrate, open_database

from . import fake_clock
from .factories import World
from .push.support import SUBJECT

SECRET = "test-secret-key-" + "x" * 32


def pytest_addoption(parser):
    parser.addoption("--fake-now", default=os.environ.get(fake_clock.ENV, ""),
                     help=f"run the session from this instant, e.g. 2028-02-29T12:00:00Z (or {fake_clock.ENV})")


def pytest_configure(config):
    # Before collection, so that nothing a test module works out on import sees the real date.
    if config.getoption("--fake-now"):
        try:
            fake_clock.start(config.getoption("--fake-now"))
        except ValueError as error:
            raise pytest.UsageError(str(error)) from None


def pytest_unconfigure(config):
    fake_clock.stop()


def pytest_report_header(config):
    clock = f"fake, from {fake_clock.current().isoformat()}, ticking" if fake_clock.active() else "real"
    return f"clock: {clock}; machine zone: {time.strftime('%Z %z')}"


@pytest.fixture(autouse=True)
def _real_clock_for_the_browser(request):
    # Chromium keeps its own clock: a page's script and the server must agree on the date.
    if not (fake_clock.active() and request.node.get_closest_marker("browser")):
        yield
        return
    fake_clock.pause()
    try:
        yield
    finally:
        fake_clock.resume()


def _postgres_admin(url):
    import psycopg2

    parts = urlsplit(url)
    conn = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    conn.autocommit = True
    return conn


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """SQLite by default; a fresh PostgreSQL database when TEST_DATABASE_URL names a server."""
    server = os.environ.get("TEST_DATABASE_URL", "")
    if not server.startswith("postgres"):
        yield "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.db")
        return
    name = f"mentoring_test_{os.getpid()}_{secrets.token_hex(3)}"
    admin = _postgres_admin(server)
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    admin.close()
    yield urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
    admin = _postgres_admin(server)
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture(scope="session")
def migrated_url(database_url):
    db = open_database(database_url)
    migrate(db)
    db.close()
    return database_url


def _wipe():
    with database.connection_context():
        tables = [t for t in database.get_tables() if t != "schema_migration"]
        if database.obj.__class__.__name__.startswith("Pooled"):
            quoted = ", ".join(f'"{t}"' for t in tables)
            database.execute_sql(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")
        else:
            database.execute_sql("PRAGMA foreign_keys = OFF")
            with database.atomic():
                for table in tables:
                    database.execute_sql(f'DELETE FROM "{table}"')
                if "sqlite_sequence" in {r[0] for r in database.execute_sql("SELECT name FROM sqlite_master")}:
                    database.execute_sql("DELETE FROM sqlite_sequence")
            database.execute_sql("PRAGMA foreign_keys = ON")


def make_app(database_url, **overrides):
    settings = {
        "MENTORING_ENV": "test",
        "SECRET_KEY": SECRET,
        "DATABASE_URL": database_url,
        "WTF_CSRF_ENABLED": False,
    }
    settings.update(overrides)
    return create_app(settings)


@pytest.fixture
def app(migrated_url, tmp_path):
    # No app context stays pushed: requests would share its `g`, and with it
    # the signed-in user of whichever request came first.
    # Each test keeps its copy of the crisis numbers apart (never in instance/).
    app = make_app(migrated_url, CRISIS_COPY_DIR=str(tmp_path / "crisis-numbers"))
    yield app
    if not database.is_closed():
        database.close()
    _wipe()
    if hasattr(database.obj, "close_all"):
        database.obj.close_all()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def world(app):
    return World()


def signed_in(app, user):
    """A test client whose session belongs to `user` (no password hashing)."""
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = user.start_session()
        session["_fresh"] = True
    return client


@pytest.fixture
def url(app):
    """url_for outside a request: url("people.person", user_id=3)."""

    def build(endpoint, **values):
        with app.test_request_context():
            return url_for(endpoint, **values)

    return build


@pytest.fixture
def as_user(app):
    return lambda user: signed_in(app, user)


@pytest.fixture(scope="session")
def vapid_settings():
    """A key pair for web push, made once per run (push tests and the browser's push test)."""
    from mentoring.push import keys

    private, public = keys.generate()
    return {"VAPID_PRIVATE_KEY": private, "VAPID_PUBLIC_KEY": public, "VAPID_SUBJECT": SUBJECT}


_ids = iter(range(1, 10**9))


@pytest.fixture
def say(app):
    """say(participant, body, at=None): send a message as them, as a request would.

    App-wide: messages' tests and the page checks that need a conversation use it.
    """
    from mentoring.messages.sending import send

    from .messages.support import fresh

    def send_as(participant, body, at=None):
        with app.app_context():
            message, _ = send(fresh(participant), body, f"test-{next(_ids):08d}", now=at)
        return message

    return send_as
