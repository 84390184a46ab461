"""A peer-mentoring program app: create_app() builds it."""

import os
from datetime import timedelta
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from . import config as config_module

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(config=None):
    """Build the app from the environment; `config` overrides settings (tests)."""
    overrides = dict(config or {})
    app = Flask(
        __name__,
        instance_path=str(PROJECT_ROOT / "instance"),
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    env = dict(os.environ)
    env.update({k: v for k, v in overrides.items() if isinstance(v, str)})
    try:
        app.config.update(config_module.from_env(env, app.instance_path, PROJECT_ROOT))
    except config_module.ConfigError as e:
        if config is not None:
            raise
        # One clear line instead of a traceback for whoever starts the app.
        raise SystemExit(f"Configuration error: {e}") from None
    app.config.update(_derived_settings(app.config))
    app.config.update(overrides)

    if app.config["TRUSTED_PROXIES"]:
        n = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)

    _init_extensions(app)
    _init_features(app)
    return app


def _derived_settings(settings):
    secure = settings["SESSION_COOKIE_SECURE"]
    return {
        "TESTING": settings["MENTORING_ENV"] == "test",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": secure,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_DURATION": timedelta(days=30),
        "REMEMBER_COOKIE_REFRESH_EACH_REQUEST": False,
        "PERMANENT_SESSION_LIFETIME": timedelta(days=30),
        # Tokens live as long as the session: a long message typed slowly
        # must not be refused for an expired token.
        "WTF_CSRF_TIME_LIMIT": None,
        "WTF_CSRF_SSL_STRICT": secure,
        "BABEL_DEFAULT_LOCALE": "en",
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        "SEND_FILE_MAX_AGE_DEFAULT": timedelta(hours=1),
    }


def _init_extensions(app):
    from . import db, i18n, security, web

    db.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    web.init_app(app)


def _init_features(app):
    from . import (accounts, audit, cli, data_rights, goals, home, meetings, messages, mood, people, push, pwa,
                   safety)

    features = (accounts, home, people, safety, goals, mood, messages, meetings, push, pwa, audit, data_rights, cli)
    for feature in features:
        feature.init_app(app)
