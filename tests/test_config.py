import pytest

from mentoring import config
from mentoring.config import ConfigError


def settings(tmp_path, **env):
    return config.from_env(env, instance_path=tmp_path / "instance", project_root=tmp_path)


def test_development_defaults_make_a_secret_key_once_and_keep_it(tmp_path):
    first = settings(tmp_path)
    second = settings(tmp_path)
    assert len(first["SECRET_KEY"]) >= 32
    assert first["SECRET_KEY"] == second["SECRET_KEY"]
    key_file = tmp_path / "instance" / "secret_key"
    assert key_file.stat().st_mode & 0o777 == 0o600


def test_default_database_is_sqlite_under_the_project(tmp_path):
    assert settings(tmp_path)["DATABASE_URL"] == f"sqlite:///{tmp_path}/instance/mentoring.db"


def test_production_requires_a_secret_key(tmp_path):
    with pytest.raises(ConfigError, match="SECRET_KEY: required in production"):
        settings(tmp_path, MENTORING_ENV="production")


def test_production_cookies_are_secure_by_default(tmp_path):
    s = settings(tmp_path, MENTORING_ENV="production", SECRET_KEY="k" * 40)
    assert s["SESSION_COOKIE_SECURE"] is True
    assert settings(tmp_path)["SESSION_COOKIE_SECURE"] is False


def test_secrets_can_come_from_a_file(tmp_path):
    secret = tmp_path / "key"
    secret.write_text("f" * 40 + "\n")
    assert settings(tmp_path, SECRET_KEY_FILE=str(secret))["SECRET_KEY"] == "f" * 40


@pytest.mark.parametrize(
    "env, message",
    [
        ({"MENTORING_ENV": "staging"}, "MENTORING_ENV: expected one of"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY: must be at least 32 characters"),
        ({"SECRET_KEY": "k" * 40, "SECRET_KEY_FILE": "/x"}, "set SECRET_KEY or SECRET_KEY_FILE, not both"),
        ({"SECRET_KEY_FILE": "/nonexistent/key"}, "SECRET_KEY_FILE: cannot read /nonexistent/key"),
        ({"DATABASE_URL": "mysql://db/x"}, "DATABASE_URL: unsupported scheme 'mysql'"),
        ({"DATABASE_URL": "postgresql://host/"}, "names no database"),
        ({"DATABASE_URL": "sqlite://relative"}, "expected sqlite:///path"),
        ({"SESSION_COOKIE_SECURE": "maybe"}, "SESSION_COOKIE_SECURE: expected true or false"),
        ({"DATABASE_POOL_SIZE": "many"}, "DATABASE_POOL_SIZE: expected a whole number"),
        ({"DATABASE_POOL_SIZE": "0"}, "DATABASE_POOL_SIZE: must be between 1 and 200"),
        ({"VAPID_PRIVATE_KEY": "x"}, "set both or neither"),
        ({"VAPID_PRIVATE_KEY": "x", "VAPID_PUBLIC_KEY": "y"}, "VAPID_SUBJECT: expected a mailto:"),
    ],
)
def test_it_names_the_bad_setting_in_one_line(tmp_path, env, message):
    with pytest.raises(ConfigError, match=message) as raised:
        settings(tmp_path, **env)
    assert "\n" not in str(raised.value)


def test_postgresql_urls_pass_through(tmp_path):
    url = "postgresql://user:pw@db.internal:5432/mentoring"
    assert settings(tmp_path, DATABASE_URL=url)["DATABASE_URL"] == url


def test_the_app_exits_with_one_line_on_bad_config(monkeypatch):
    from mentoring import create_app

    monkeypatch.setenv("SECRET_KEY", "k" * 40)
    monkeypatch.setenv("DATABASE_URL", "mysql://nope/x")
    with pytest.raises(SystemExit) as raised:
        create_app()
    assert str(raised.value) == "Configuration error: DATABASE_URL: unsupported scheme 'mysql' (use sqlite:/// or postgresql://)"


def test_sqlite_is_synchronous_full_unless_told_otherwise(tmp_path):
    assert settings(tmp_path)["SQLITE_SYNCHRONOUS"] == "FULL"
    assert settings(tmp_path, SQLITE_SYNCHRONOUS="NORMAL")["SQLITE_SYNCHRONOUS"] == "NORMAL"


@pytest.mark.parametrize("value", ["OFF", "normal", "2", " FULL"])
def test_sqlite_synchronous_accepts_only_full_or_normal(tmp_path, value):
    with pytest.raises(ConfigError, match="SQLITE_SYNCHRONOUS: expected one of FULL, NORMAL"):
        settings(tmp_path, SQLITE_SYNCHRONOUS=value)
