"""Sessions, CSRF, security headers and sign-in rate limits."""

from datetime import timedelta

from flask import g, jsonify, redirect, request, url_for
from flask_login import LoginManager, current_user
from flask_wtf.csrf import CSRFProtect

from .clock import utcnow
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
    if request.endpoint != "static" and (current_user.is_authenticated or g.get("private")):
        # Personal pages stay off shared phones' caches and out of proxies.
        response.headers["Cache-Control"] = "no-store"
        response.vary.add("Cookie")
    return response


class RateLimit:
    """Failed sign-ins per account and per address within a sliding window."""

    def __init__(self, app_config):
        self.window = timedelta(minutes=app_config["LOGIN_WINDOW_MINUTES"])
        self.limits = {
            "account": app_config["LOGIN_ATTEMPTS_PER_ACCOUNT"],
            "address": app_config["LOGIN_ATTEMPTS_PER_ADDRESS"],
        }

    @staticmethod
    def keys(email, address):
        return {"account": f"account:{User.normalize_email(email)}", "address": f"address:{address}"}

    def retry_after(self, email, address, now=None):
        """Minutes until another try is allowed, or 0 when it is allowed now."""
        now = now or utcnow()
        since = now - self.window
        wait = timedelta(0)
        for kind, key in self.keys(email, address).items():
            if LoginFailure.count_since(key, since) >= self.limits[kind]:
                oldest = LoginFailure.oldest_since(key, since)
                wait = max(wait, oldest + self.window - now)
        return 0 if not wait else max(1, -(-int(wait.total_seconds()) // 60))

    def record_failure(self, email, address, now=None):
        now = now or utcnow()
        LoginFailure.insert_many(
            [{"key": key, "at": now} for key in self.keys(email, address).values()]
        ).execute()
        # Old rows only slow the counts down; trim them as we go.
        LoginFailure.delete().where(LoginFailure.at < now - 4 * self.window).execute()

    def clear_account(self, email):
        key = self.keys(email, "")["account"]
        LoginFailure.delete().where(LoginFailure.key == key).execute()
