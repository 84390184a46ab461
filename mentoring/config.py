"""Configuration from environment variables, parsed strictly.

Every setting has one name. A secret may instead come from a file named by
NAME_FILE (the way container secrets are mounted). A bad value stops the app
with one line that names the variable and says what is wrong with it.
"""

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

MODES = ("development", "production", "test")
SQLITE_SYNCHRONOUS = ("FULL", "NORMAL")


class ConfigError(Exception):
    """A setting is missing or malformed; the message names it."""


def _raw(env, name):
    """The value of NAME, or the contents of the file NAME_FILE names."""
    path = env.get(f"{name}_FILE")
    if path:
        if name in env:
            raise ConfigError(f"{name}: set {name} or {name}_FILE, not both")
        try:
            return Path(path).read_text().strip()
        except OSError as e:
            raise ConfigError(f"{name}_FILE: cannot read {path}: {e.strerror}") from None
    return env.get(name)


def env_bool(env, name, default):
    value = _raw(env, name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name}: expected true or false, got {value!r}")


def env_int(env, name, default, minimum=0, maximum=None):
    value = _raw(env, name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{name}: expected a whole number, got {value!r}") from None
    if number < minimum or (maximum is not None and number > maximum):
        top = "" if maximum is None else f" and {maximum}"
        raise ConfigError(f"{name}: must be between {minimum}{top}, got {number}")
    return number


def env_choice(env, name, default, choices):
    value = _raw(env, name) or default
    if value not in choices:
        raise ConfigError(f"{name}: expected one of {', '.join(choices)}, got {value!r}")
    return value


def database_url(env, project_root):
    """Normalise DATABASE_URL; relative SQLite paths are under the project."""
    url = _raw(env, "DATABASE_URL") or "sqlite:///instance/mentoring.db"
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else ""
        if not path:
            raise ConfigError(f"DATABASE_URL: expected sqlite:///path/to/file.db, got {url!r}")
        if path != ":memory:" and not os.path.isabs(path):
            path = str(Path(project_root) / path)
        return f"sqlite:///{path}"
    if parts.scheme in ("postgresql", "postgres"):
        if not parts.path.strip("/"):
            raise ConfigError("DATABASE_URL: the PostgreSQL URL names no database")
        return url
    raise ConfigError(
        f"DATABASE_URL: unsupported scheme {parts.scheme!r} (use sqlite:/// or postgresql://)"
    )


def secret_key(env, mode, instance_path):
    """SECRET_KEY from the environment; in development, made once and kept."""
    value = _raw(env, "SECRET_KEY")
    if value:
        if len(value) < 32:
            raise ConfigError("SECRET_KEY: must be at least 32 characters")
        return value
    if mode == "production":
        raise ConfigError("SECRET_KEY: required in production (or SECRET_KEY_FILE)")
    key_file = Path(instance_path) / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    # Created readable by the owner only: it signs every session.
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    return key


def vapid(env):
    """The VAPID key pair for web push; both or neither."""
    private = _raw(env, "VAPID_PRIVATE_KEY")
    public = _raw(env, "VAPID_PUBLIC_KEY")
    subject = _raw(env, "VAPID_SUBJECT") or ""
    if bool(private) != bool(public):
        raise ConfigError("VAPID_PRIVATE_KEY and VAPID_PUBLIC_KEY: set both or neither")
    if private and not subject.startswith("mailto:"):
        raise ConfigError("VAPID_SUBJECT: expected a mailto: address, e.g. mailto:ops@example.org")
    return {"VAPID_PRIVATE_KEY": private, "VAPID_PUBLIC_KEY": public, "VAPID_SUBJECT": subject}


def from_env(env, instance_path, project_root):
    """All settings as a dict for app.config; raises ConfigError."""
    mode = env_choice(env, "MENTORING_ENV", "development", MODES)
    production = mode == "production"
    settings = {
        "MENTORING_ENV": mode,
        "SECRET_KEY": secret_key(env, mode, instance_path),
        "DATABASE_URL": database_url(env, project_root),
        "DATABASE_POOL_SIZE": env_int(env, "DATABASE_POOL_SIZE", 10, minimum=1, maximum=200),
        # FULL: a write acknowledged to someone survives a power cut (NORMAL may lose the last ones).
        "SQLITE_SYNCHRONOUS": env_choice(env, "SQLITE_SYNCHRONOUS", "FULL", SQLITE_SYNCHRONOUS),
        "SESSION_COOKIE_SECURE": env_bool(env, "SESSION_COOKIE_SECURE", production),
        "TRUSTED_PROXIES": env_int(env, "TRUSTED_PROXIES", 0, maximum=5),
        "LOGIN_ATTEMPTS_PER_ACCOUNT": env_int(env, "LOGIN_ATTEMPTS_PER_ACCOUNT", 5, minimum=1),
        "LOGIN_ATTEMPTS_PER_ADDRESS": env_int(env, "LOGIN_ATTEMPTS_PER_ADDRESS", 30, minimum=1),
        "LOGIN_WINDOW_MINUTES": env_int(env, "LOGIN_WINDOW_MINUTES", 15, minimum=1),
        # Only the test suite's fake push service lives on a private address.
        "PUSH_ALLOW_PRIVATE_ENDPOINTS": env_bool(env, "PUSH_ALLOW_PRIVATE_ENDPOINTS", mode == "test"),
    }
    settings.update(vapid(env))
    return settings
