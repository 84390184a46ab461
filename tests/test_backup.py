"""`flask backup PATH`: a consistent, checked copy of a live SQLite database, and a restore drill."""

import sqlite3
import threading
from datetime import datetime

import pytest

from mentoring.db import database, migrate, open_database
from mentoring.demo import demo_logins, seed_demo
from mentoring.messages import Participant
from mentoring.messages.sending import send

from .conftest import make_app

NOW = datetime(2025, 6, 2, 12, 0)


def run(app, *args):
    return app.test_cli_runner().invoke(args=list(args))


def row_counts(path):
    connection = sqlite3.connect(path)
    try:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        connection.close()


def fresh_app(path):
    url = f"sqlite:///{path}"
    db = open_database(url)
    migrate(db)
    db.close()
    return make_app(url)


@pytest.fixture
def lived_in(tmp_path):
    """An app on its own SQLite file holding the demo program and its history."""
    path = tmp_path / "live.db"
    app = fresh_app(path)
    with app.app_context(), database.connection_context():
        seed_demo(now=NOW)
    yield app, path
    if not database.is_closed():
        database.close()


class Writer(threading.Thread):
    """Sends messages, each its own transaction, until stopped: the app carrying on."""

    def __init__(self, app):
        super().__init__(daemon=True)
        self.app, self.sent, self.stop = app, 0, threading.Event()
        self.going = threading.Event()

    def run(self):
        with self.app.app_context(), database.connection_context():
            participant_id = Participant.select(Participant.id).order_by(Participant.id).first().id
            while not self.stop.is_set():
                send(Participant.get_by_id(participant_id), f"During the backup {self.sent}", f"drill-{self.sent:06d}")
                self.sent += 1
                self.going.set()


def test_a_backup_taken_during_writes_restores_with_everything_committed_before_it(lived_in, tmp_path):
    app, live = lived_in
    writer = Writer(app)
    writer.start()
    assert writer.going.wait(10)
    before = row_counts(live)
    sent_before = writer.sent
    result = run(app, "backup", str(tmp_path / "copy.db"))
    sent_during = writer.sent - sent_before
    writer.stop.set()
    writer.join(10)
    after = row_counts(live)

    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines() == [result.output.strip()]
    assert "integrity check ok" in result.output
    assert sent_during > 0, "the writer should have gone on during the backup"
    copy = row_counts(tmp_path / "copy.db")
    assert set(copy) == set(before)
    for table, count in before.items():
        assert count <= copy[table] <= after[table], table
    assert before["messages"] > 0 and before["users"] > 0

    restored = make_app(f"sqlite:///{tmp_path / 'copy.db'}")
    email, password = _first_login(restored)[:2]
    client = restored.test_client()
    response = client.post("/login", data={"email": email, "password": password})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def _first_login(app):
    with app.app_context(), database.connection_context():
        return demo_logins()[0]


def test_it_refuses_to_overwrite_a_file(lived_in, tmp_path):
    app, _live = lived_in
    (tmp_path / "taken.db").write_text("keep me")
    result = run(app, "backup", str(tmp_path / "taken.db"))
    assert result.exit_code != 0
    assert "exists already" in result.output
    assert (tmp_path / "taken.db").read_text() == "keep me"


def test_a_copy_that_fails_its_integrity_check_is_not_kept(lived_in, tmp_path, monkeypatch):
    app, _live = lived_in
    monkeypatch.setattr("mentoring.backup._check", _failing_check)
    result = run(app, "backup", str(tmp_path / "bad.db"))
    assert result.exit_code != 0
    assert "integrity check" in result.output
    assert not list(tmp_path.glob("bad.db*"))


def _failing_check(path):
    from mentoring.backup import BackupError

    raise BackupError("the copy failed its integrity check: page 3 is never used")


def test_on_postgresql_it_points_at_pg_dump():
    app = make_app("postgresql://nobody@127.0.0.1:1/mentoring")
    result = run(app, "backup", "/tmp/never-written.db")
    assert result.exit_code != 0
    assert len(result.output.strip().splitlines()) == 1
    assert "pg_dump" in result.output and "Backups" in result.output
