"""Page-or-fragment rendering, navigation, static URLs, errors and /healthz."""

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from flask import (
    Blueprint,
    current_app,
    g,
    jsonify,
    make_response,
    render_template,
    request,
    send_from_directory,
    url_for,
)
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from htmx_flask import Htmx
from peewee import PeeweeException
from werkzeug.exceptions import HTTPException
from werkzeug.routing import IntegerConverter
from werkzeug.security import safe_join
from werkzeug.utils import cached_property

from .access import public
from .db import database
from .i18n import _, _l

bp = Blueprint("web", __name__)


def wants_fragment():
    """htmx asked for a piece of a page: it targets an element (by id) and is not a boost,
    a history restore or an HX-Location navigation (which targets the whole body)."""
    return (
        bool(request.htmx) and bool(request.htmx.target)
        and not request.htmx.boosted and not request.htmx.history_restore_request
    )


def render(page, fragment=None, /, status=200, **context):
    """The whole page, or only `fragment` when htmx asks for it.

    Both come from the same context; the page includes the fragment, so the
    two can never drift apart.
    """
    template = fragment if fragment and wants_fragment() else page
    response = make_response(render_template(template, **context), status)
    response.vary.add("HX-Request")
    return response


def form_status(*forms, error=None):
    """422 when a form came back with problems, so htmx still shows it."""
    return 422 if error or any(f.errors for f in forms) else 200


def redirect_to(endpoint, **values):
    """A redirect that htmx follows as a whole-page navigation."""
    target = url_for(endpoint, **values)
    if request.htmx:
        return make_response("", 204, {"HX-Location": target})
    return make_response("", 303, {"Location": target})


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    label: object
    icon: str
    order: int
    # badge(user) -> a count to show (unread messages...); one query at most.
    badge: Callable | None = None
    # Other endpoints that belong to this place, when its blueprint has several.
    also: tuple = ()

    @property
    def section(self):
        return self.endpoint.split(".")[0]


def add_nav(app, role, endpoint, label, icon, order, badge=None, also=()):
    """Put a place in a role's bottom navigation (at most five fit)."""
    items = app.extensions.setdefault("nav", {}).setdefault(role, [])
    items.append(NavItem(endpoint, label, icon, order, badge, tuple(also)))
    items.sort(key=lambda item: item.order)


@dataclass(frozen=True)
class Slot:
    template: str
    loader: Callable
    order: int


def add_slot(app, key, template, loader, order):
    """Let a feature contribute a piece to a page that another feature owns.

    `loader(subject)` returns the template's context as `data`, or None to
    leave the piece out. It must run a fixed number of queries.
    """
    slots = app.extensions.setdefault("slots", {}).setdefault(key, [])
    slots.append(Slot(template, loader, order))
    slots.sort(key=lambda slot: slot.order)


def filled_slots(key, subject):
    """[(template, data)] for the pieces that have something to show."""
    filled = []
    for slot in current_app.extensions.get("slots", {}).get(key, []):
        data = slot.loader(subject)
        if data is not None:
            filled.append((slot.template, data))
    return filled


def add_account_link(app, roles, endpoint, label, order):
    """Put a settings page on the account page of people in `roles`."""
    for role in roles:
        links = app.extensions.setdefault("account_links", {}).setdefault(role, [])
        links.append(NavItem(endpoint, label, "", order))
        links.sort(key=lambda item: item.order)


def account_links():
    return current_app.extensions.get("account_links", {}).get(current_user.role, [])


def add_script(app, filename):
    """A feature's script, loaded on every page (deferred).

    Boosted navigation swaps the body and never runs scripts a page names in its
    head, so every script is loaded up front and sets itself up on each
    `htmx:load` as well as on first load.
    """
    scripts = app.extensions.setdefault("scripts", [])
    if filename not in scripts:
        scripts.append(filename)


def here():
    """This page's own URL, for forms: a boosted form without an action may post elsewhere."""
    return request.full_path.rstrip("?")


def feature_scripts():
    return current_app.extensions.get("scripts", [])


def nav_items():
    """[(item, is_current)] for the signed-in person's bottom navigation."""
    if not current_user.is_authenticated:
        return []
    items = current_app.extensions.get("nav", {}).get(current_user.role, [])
    endpoint = request.endpoint or ""
    current = next((i for i in items if endpoint == i.endpoint or endpoint in i.also), None)
    if current is None:
        same_section = [i for i in items if i.section == request.blueprint]
        current = same_section[0] if len(same_section) == 1 else None
    return [(item, item is current) for item in items]


def path_for(endpoint, **values):
    """A URL path that can be built outside a request (workers, CLI)."""
    return current_app.url_map.bind("localhost").build(endpoint, values)


# "css/app.3f2a1b4c5d6e.css": a name that changes with the content, so the file
# can be cached for a year and a new version is never mistaken for the old.
HASHED_NAME = re.compile(r"^(?P<stem>.+)\.(?P<digest>[0-9a-f]{12})(?P<ext>\.[A-Za-z0-9]+)$")
IMMUTABLE = "public, max-age=31536000, immutable"


def static_digest(filename):
    """The first 12 hex digits of the SHA-256 of a static file's content."""
    digests = current_app.extensions.setdefault("static_digests", {})
    if filename not in digests or current_app.debug:
        path = Path(current_app.static_folder) / filename
        digests[filename] = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return digests[filename]


def static_url(filename):
    """A static file's URL with a digest of its content in its name."""
    stem, dot, ext = filename.rpartition(".")
    if not dot or "/" in ext:
        return url_for("static", filename=filename, v=static_digest(filename))
    return url_for("static", filename=f"{stem}.{static_digest(filename)}.{ext}")


def send_static(filename):
    """Serve static files by plain or content-hashed name.

    A hashed name whose digest is not the current one (a page from before a
    deploy asking for its old file) still gets the current file, but without
    the long cache lifetime, so nothing stale sticks.
    """
    folder = current_app.static_folder
    found = HASHED_NAME.match(filename)
    plain = safe_join(folder, filename)
    if found and not (plain and Path(plain).is_file()):
        original = found["stem"] + found["ext"]
        response = send_from_directory(folder, original)
        current = found["digest"] == static_digest(original)
        response.headers["Cache-Control"] = IMMUTABLE if current else "no-cache"
        return response
    response = send_from_directory(folder, filename)
    if request.args.get("v") == static_digest(filename):
        response.headers["Cache-Control"] = IMMUTABLE
    else:
        # Plain names (scripts a service worker imports) are checked each time.
        response.headers["Cache-Control"] = "no-cache"
    return response


ERROR_TEXT = {
    400: (_l("Something in that request was not right"), _l("Please go back and try again.")),
    403: (_l("This page isn't open to you"), _l("If you think you should see it, ask your program coordinator.")),
    404: (_l("We couldn't find that page"), _l("It may have moved, or the link may be out of date.")),
    405: (_l("That didn't work"), _l("Please go back and try again.")),
    413: (_l("That was too large to send"), _l("Please send something smaller.")),
    429: (_l("Too many tries"), _l("Please wait a little and try again.")),
    500: (_l("Something went wrong on our side"), _l("Your last change may not have been saved. Please try again in a moment.")),
    503: (_l("The app is not available right now"), _l("Please try again in a moment.")),
}


def iso_datetime(value):
    """A `<time datetime>` value. HTML allows at most three decimals of a second and
    Python writes six, so seconds it is; naive datetimes are UTC, as stored."""
    if not isinstance(value, datetime):
        return value.isoformat()
    if value.tzinfo is None:
        return value.isoformat(timespec="seconds") + "Z"
    return value.isoformat(timespec="seconds")


def error_response(status, detail=None):
    title, hint = ERROR_TEXT.get(status, ERROR_TEXT[500])
    if request.accept_mimetypes.best == "application/json":
        return jsonify(error=str(title)), status
    g.private = True
    return render_template("errors/error.html", status=status, title=title, hint=detail or hint), status


def _http_error(e):
    return error_response(e.code)


def _csrf_error(e):
    return error_response(
        400, _("This form had expired. Go back, and send it again: what you typed is still there.")
    )


def _server_error(e):
    current_app.logger.exception("Unhandled error")
    if isinstance(e, PeeweeException):
        return _database_down()
    return error_response(500)


def add_database_fallback(app, endpoint, view):
    """What `endpoint` answers when the database fails: `view()`, which must not touch it."""
    app.extensions.setdefault("database_fallbacks", {})[endpoint] = view


def _database_down():
    # Who is signed in can't be looked up: every page is drawn as for nobody,
    # so the error page (and its Get help now link) never needs the database.
    g._login_user = current_app.login_manager.anonymous_user()
    fallback = current_app.extensions.get("database_fallbacks", {}).get(request.endpoint)
    if fallback is not None:
        return fallback()
    return error_response(503)


def add_service_worker_prelude(app, make):
    """Put lines before static/sw.js when it is served; `make()` returns them.

    Browsers install a new service worker when its bytes change, so what the
    prelude says (a version, files to keep) decides when that happens.
    """
    app.extensions.setdefault("sw_prelude", []).append(make)


@bp.route("/sw.js")
@public
def service_worker():
    """The service worker, from the site root so its scope is the whole app."""
    source = (Path(current_app.static_folder) / "sw.js").read_text(encoding="utf-8")
    prelude = "".join(make() for make in current_app.extensions.get("sw_prelude", []))
    response = make_response(prelude + source)
    response.mimetype = "text/javascript"
    response.headers["Service-Worker-Allowed"] = "/"
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.route("/healthz")
@public
def healthz():
    # Never cached, and never a reason to load whoever holds the cookie.
    g.private = True
    try:
        database.execute_sql("SELECT 1")
    except PeeweeException:
        return jsonify(status="unavailable"), 503
    return jsonify(status="ok")


def _without_nul(pairs, storage):
    return storage([(k.replace("\x00", ""), v.replace("\x00", "")) for k, v in pairs.items(multi=True)])


class PlainFormData:
    """Form fields and query strings as forms expect them: text, without NULs.

    Nobody can type a NUL, and PostgreSQL refuses them in text; the app takes
    no uploads, and a file part where a text field is expected would reach the
    form as a file. Either would turn a form's normal validation answer into a
    server error, so NULs are dropped and so are file parts.
    """

    def _load_form_data(self):
        super()._load_form_data()
        self.__dict__["form"] = _without_nul(self.__dict__["form"], self.parameter_storage_class)
        self.__dict__["files"] = self.parameter_storage_class()

    @cached_property
    def args(self):
        return _without_nul(super().args, self.parameter_storage_class)


class IdConverter(IntegerConverter):
    """`<int:...>` in URLs: ids the database can hold (PostgreSQL's integer), so a
    larger one is a plain 404 and never an overflow inside a query."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


MAX_ID = 2**31 - 1


def init_app(app):
    # Before any blueprint adds a rule: rules pick their converter when added.
    app.url_map.converters["int"] = IdConverter
    Htmx(app)
    # On top of whatever request class htmx-flask installed.
    app.request_class = type("Request", (PlainFormData, app.request_class), {})
    app.register_blueprint(bp)
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.globals.update(
        static_url=static_url, nav_items=nav_items, account_links=account_links, feature_scripts=feature_scripts,
        here=here,
    )
    app.jinja_env.filters["iso_datetime"] = iso_datetime
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _server_error)
    app.view_functions["static"] = send_static
    add_database_fallback(app, "web.healthz", lambda: (jsonify(status="unavailable"), 503))
