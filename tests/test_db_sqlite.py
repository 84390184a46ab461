"""SQLite: durable by default, and one connection per thread, opened once."""

import threading

import pytest
from flask import url_for

from mentoring.db import database, migrate, open_database

from .conftest import make_app


@pytest.fixture
def sqlite_app(tmp_path):
    url = f"sqlite:///{tmp_path}/app.db"
    db = open_database(url)
    migrate(db)
    db.close()
    app = make_app(url)
    yield app
    if not database.is_closed():
        database.close()


@pytest.mark.parametrize("setting, pragma", [("FULL", 2), ("NORMAL", 1)])
def test_synchronous_is_set_as_configured(tmp_path, setting, pragma):
    db = open_database(f"sqlite:///{tmp_path}/x.db", synchronous=setting)
    with db.connection_context():
        assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == pragma
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_app_is_synchronous_full_by_default(sqlite_app):
    with sqlite_app.test_request_context():
        sqlite_app.preprocess_request()
        assert database.execute_sql("PRAGMA synchronous").fetchone()[0] == 2


def test_requests_in_one_thread_share_one_connection(sqlite_app, monkeypatch):
    opened = []
    real = type(database.obj)._connect
    monkeypatch.setattr(type(database.obj), "_connect", lambda db: opened.append(1) or real(db))
    client = sqlite_app.test_client()
    with sqlite_app.test_request_context():
        static, health = url_for("static", filename="css/app.css"), url_for("web.healthz")
    for path in (static, health, static, health):
        response = client.get(path)
        assert response.status_code == 200
        response.close()
    assert len(opened) == 1


def test_each_thread_has_its_own_connection(sqlite_app):
    connections = []

    def use():
        with sqlite_app.test_request_context():
            sqlite_app.preprocess_request()
            connections.append(database.connection())

    for _ in range(2):
        thread = threading.Thread(target=use)
        thread.start()
        thread.join()
    use()
    assert len({id(c) for c in connections}) == 3
