"""Sessions, CSRF, security headers and sign-in rate limits."""

import secrets
from datetime import timedelta

from flask import current_app, g, jsonify, redirect, request, url_for
from flask_login import LoginManager, current_user
from flask_wtf.csrf import CSRFProtect
from itsdangerous import BadSignature, URLSafeSerializer

from .clock import utcnow
from .db import database
from .i18n import _l
from .models import LoginFailure, User

csrf = CSRFProtect()
login_manager = LoginManager()

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}


def init_app(app):
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.user_loader(User.from_session_id)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = _l("Please sign in to continue.")
    login_manager.login_message_category = "info"
    # "basic" and not "strong": phones change address all the time.
    login_manager.session_protection = "basic"
    login_manager.unauthorized_handler(_unauthorized)
    app.after_request(_security_headers)


def _return_path():
    """Where to come back to after signing in; None for home, where signing in lands anyway.

    Not `request.full_path`: it ends in "?" even without a query ("/login?next=/?").
    """
    if request.method != "GET":
        return None
    query = request.query_string.decode("latin-1")
    path = f"{request.path}?{query}" if query else request.path
    return None if path == url_for("home.index") else path


def _unauthorized():
    if request.accept_mimetypes.best == "application/json":
        return jsonify(error="sign in required"), 401
    target = url_for("accounts.login", next=_return_path())
    if request.headers.get("HX-Request"):
        # htmx would swap a login page into a fragment; send the whole tab there.
        return "", 401, {"HX-Redirect": target}
    return redirect(target)


def _security_headers(response):
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    # Static files are the same for everyone: they keep their long cache
    # lifetime (and skip loading the user) whoever asks.
    # g.private first: an error page (the database down, say) must not need the user loaded.
    if request.endpoint != "static" and (g.get("private") or current_user.is_authenticated):
        # Personal pages stay off shared phones' caches and out of proxies.
        response.headers["Cache-Control"] = "no-store"
        response.vary.add("Cookie")
    return response


# Failed tries are kept this long, so the person can be told of them.
KEEP_FAILURES = timedelta(days=1)


class RateLimit:
    """Sign-in tries per account (or per known device) and per address within a sliding window.

    A try is counted *before* the password is checked, so several servers
    answering at once can never let more checks through than the limit. A
    device where the person signed in before has a limit of its own: someone
    guessing elsewhere slows themselves down, not the person.
    """

    def __init__(self, app_config):
        self.window = timedelta(minutes=app_config["LOGIN_WINDOW_MINUTES"])
        self.limits = {
            "account": app_config["LOGIN_ATTEMPTS_PER_ACCOUNT"],
            "address": app_config["LOGIN_ATTEMPTS_PER_ADDRESS"],
        }

    @staticmethod
    def keys(email, address, device=None):
        account = f"device:{device}" if device else f"account:{User.normalize_email(email)}"
        return {"account": account, "address": f"address:{address}"}

    def begin(self, email, address, device=None, now=None):
        """Count this try; returns (try, minutes to wait). Wait 0: go ahead and check."""
        now = now or utcnow()
        keys = self.keys(email, address, device)
        with database.atomic():
            ids = [LoginFailure.insert(key=key, at=now).execute() for key in keys.values()]
        # Counted after our own row is committed: of tries racing each other,
        # the n-th to commit sees at least n rows, so at most `limit` go ahead.
        since = now - self.window
        wait = timedelta(0)
        for kind, key in keys.items():
            if LoginFailure.count_since(key, since) > self.limits[kind]:
                oldest = LoginFailure.oldest_since(key, since)
                wait = max(wait, oldest + self.window - now)
        attempt = Attempt(ids, keys, now)
        if wait:
            # A refused try is not a guess: it must not stretch the pause.
            attempt.forget()
            return attempt, max(1, -(-int(wait.total_seconds()) // 60))
        return attempt, 0

    def succeeded(self, attempt, user):
        """Forget the account's failures; returns how many there were since they last signed in."""
        attempt.forget()
        account = f"account:{user.email}"
        since = attempt.at - KEEP_FAILURES
        if user.last_login_at is not None:
            since = max(since, user.last_login_at)
        failed = LoginFailure.count_since(account, since)
        LoginFailure.delete().where(LoginFailure.key.in_([account, attempt.keys["account"]])).execute()
        # Old rows only slow the counts down; trim them as we go.
        LoginFailure.delete().where(LoginFailure.at < attempt.at - max(4 * self.window, KEEP_FAILURES)).execute()
        return failed


class Attempt:
    def __init__(self, ids, keys, at):
        self.ids, self.keys, self.at = ids, keys, at

    def forget(self):
        LoginFailure.delete().where(LoginFailure.id.in_(self.ids)).execute()


KNOWN_DEVICE = "known_device"


def _device_signer():
    return URLSafeSerializer(current_app.secret_key, salt="known-device")


def known_device(req, user):
    """This browser's own sign-in limit key, when the person signed in on it before."""
    if user is None:
        return None
    try:
        user_id, nonce = _device_signer().loads(req.cookies.get(KNOWN_DEVICE, ""))
    except (BadSignature, ValueError, TypeError):
        return None
    return f"{user_id}:{nonce}" if user_id == user.id else None


def remember_device(response, user, device):
    """Mark this browser as one the person signs in on (nothing personal in it)."""
    if device is None:
        value = _device_signer().dumps([user.id, secrets.token_urlsafe(12)])
        response.set_cookie(KNOWN_DEVICE, value, max_age=365 * 24 * 3600, httponly=True, samesite="Lax",
                            secure=current_app.config["SESSION_COOKIE_SECURE"])
