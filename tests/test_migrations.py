"""Migrations: the first schema, filled, survives every later migration."""

import os
import secrets
import threading
from datetime import datetime, timedelta
from urllib.parse import urlsplit, urlunsplit

import pytest

from mentoring.db import migrate, migration_runner, open_database

from .conftest import _postgres_admin

NOW = datetime(2026, 1, 5, 9, 30)
# One row per table as the first migration made them, written with its columns only.
FIRST_SCHEMA_ROWS = [
    ("programs", {"id": 1, "name": "P", "timezone": "Europe/London", "settings": "{}", "created_at": NOW}),
    ("crisis_resources", {"id": 1, "program_id": 1, "region": "UK", "name": "Samaritans",
                          "description": "", "phone": "116 123", "sms": "", "url": "",
                          "is_emergency": False, "position": 0, "last_verified": None}),
    ("users", {"id": 1, "program_id": 1, "email": "m@x.org", "name": "Mentor", "role": "mentor",
               "timezone": "UTC", "password_hash": "h", "is_safeguarding_lead": False,
               "is_active": True, "mentor_capacity": 3, "session_token": "t1", "created_at": NOW,
               "last_login_at": None}),
    ("users", {"id": 2, "program_id": 1, "email": "e@x.org", "name": "Mentee", "role": "mentee",
               "timezone": "UTC", "password_hash": "h", "is_safeguarding_lead": False,
               "is_active": True, "mentor_capacity": 3, "session_token": "t2", "created_at": NOW,
               "last_login_at": None}),
    ("matches", {"id": 1, "program_id": 1, "mentor_id": 1, "mentee_id": 2, "status": "active",
                 "started_at": NOW, "ended_at": None, "end_reason": "", "end_note": "",
                 "created_by_id": None, "ended_by_id": None}),
    ("invites", {"id": 1, "program_id": 1, "role": "mentee", "email": "n@x.org", "token_hash": "a" * 64,
                 "created_by_id": 1, "created_at": NOW, "expires_at": NOW + timedelta(days=7),
                 "used_at": None, "revoked_at": None, "user_id": None}),
    ("password_resets", {"id": 1, "user_id": 2, "token_hash": "b" * 64, "created_by_id": None,
                         "created_at": NOW, "expires_at": NOW + timedelta(days=1), "used_at": None}),
    ("login_failures", {"id": 1, "key": "account:e@x.org", "at": NOW}),
    ("safeguarding_alerts", {"id": 1, "program_id": 1, "subject_id": 2, "raised_by_id": None,
                             "kind": "other", "summary": "s", "details": "{}", "status": "open",
                             "created_at": NOW, "updated_at": NOW}),
    ("alert_events", {"id": 1, "alert_id": 1, "actor_id": None, "action": "raised", "note": "", "at": NOW}),
    ("notifications", {"id": 1, "user_id": 2, "kind": "message", "url": "/", "topic": "", "urgent": False,
                       "due_at": NOW, "status": "pending", "attempts": 0, "claimed_until": None,
                       "sent_at": None, "last_error": "", "created_at": NOW}),
]


@pytest.fixture
def empty_database(tmp_path):
    """A database with nothing in it, of the kind the suite runs on."""
    server = os.environ.get("TEST_DATABASE_URL", "")
    if not server.startswith("postgres"):
        db = open_database(f"sqlite:///{tmp_path}/fresh.db")
        yield db
        db.close()
        return
    name = f"mentoring_migrations_{secrets.token_hex(4)}"
    admin = _postgres_admin(server)
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    db = open_database(urlunsplit(urlsplit(server)._replace(path=f"/{name}")))
    yield db
    db.close_all()
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.close()


def _insert(db, table, row):
    columns = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join([db.param] * len(row))
    db.execute_sql(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', list(row.values()))


def _counts(db, tables):
    return {t: db.execute_sql(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


def test_every_migration_keeps_the_rows_of_the_first_schema(empty_database):
    db = empty_database
    assert migrate(db, target="0001_initial") == ["0001_initial"]
    with db.connection_context():
        with db.atomic():
            for table, row in FIRST_SCHEMA_ROWS:
                _insert(db, table, row)
        tables = {t for t, _ in FIRST_SCHEMA_ROWS}
        before = _counts(db, tables)
    migrate(db)
    with db.connection_context():
        assert _counts(db, tables) == before
        email, = db.execute_sql('SELECT email FROM "users" WHERE id = 2').fetchone()
        assert email == "e@x.org"
        # 0010 gives alerts raised before it the default level and no escalation.
        alert = db.execute_sql('SELECT level, escalated_level, outcome FROM "safeguarding_alerts"').fetchone()
        assert tuple(alert) == ("urgent", 0, "")
        # 0011: a program made before it has no country yet (its coordinator chooses one).
        assert db.execute_sql('SELECT country FROM "programs"').fetchone()[0] == ""
        pending = [m.name for m in migration_runner(db).status() if not m.applied]
    assert pending == []


def test_migrating_twice_changes_nothing(empty_database):
    applied = migrate(empty_database)
    assert applied[0] == "0001_initial"
    assert migrate(empty_database) == []


def test_two_servers_migrating_at_once_both_succeed(empty_database):
    url_db = empty_database
    results, errors = [], []

    def run():
        # Each "server" has its own connection, as two processes would.
        db = type(url_db)(url_db.database, **url_db.connect_params)
        try:
            results.append(migrate(db))
        except Exception as e:  # noqa: BLE001 - the test reports any failure
            errors.append(e)
        finally:
            db.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(len(r) for r in results)[0] == 0
    assert sum(len(r) for r in results) == len(migration_runner(url_db).migrations())


def test_the_one_active_match_rule_is_enforced_by_the_database(app, world):
    from peewee import IntegrityError

    from .factories import make_match

    with pytest.raises(IntegrityError):
        make_match(world.other_mentor, world.mentee)
