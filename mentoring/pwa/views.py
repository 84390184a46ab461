"""Routes of the app on the home screen: manifest, offline page, install help."""

from flask import Blueprint, jsonify
from flask_login import current_user

from ..access import public
from ..home import add_home_card
from ..i18n import _l
from ..models import ROLES, Program
from ..safety import kept_copy
from ..web import add_account_link, add_database_fallback, add_service_worker_prelude, render
from . import compress, worker
from .manifest import manifest as build_manifest

bp = Blueprint("pwa", __name__)


@bp.route("/manifest.webmanifest")
@public
def manifest():
    response = jsonify(build_manifest())
    response.mimetype = "application/manifest+json"
    response.headers["Cache-Control"] = "no-cache"
    return response


def _program():
    if current_user.is_authenticated:
        return current_user.program
    return Program.select().order_by(Program.id).first()


@bp.route("/offline")
@public
def offline():
    """What a navigation shows without a signal; the service worker keeps a copy.

    Nothing personal: the program's crisis numbers only. The last known
    meeting and anything waiting to be sent are filled in on the phone.
    """
    program = _program()
    resources = list(program.crisis_resources()) if program else []
    if program:
        kept_copy.keep(program.id, resources)
    return _offline_page(resources)


def _offline_page(resources):
    response = render("pwa/offline.html", resources=resources, public_shell=True)
    response.headers.setdefault("Cache-Control", "no-cache")
    return response


def offline_without_database():
    # The service worker may be refreshing its copy: give it the kept numbers.
    return _offline_page(kept_copy.kept_for_session())


@bp.route("/install")
@public
def install():
    return render("pwa/install.html")


def init_app(app):
    app.register_blueprint(bp)
    add_database_fallback(app, "pwa.offline", offline_without_database)
    compress.init_app(app)
    add_service_worker_prelude(app, worker.prelude)
    for role in ROLES:
        add_home_card(app, role, "pwa/_install_card.html", lambda user: {}, 90)
    add_account_link(app, ROLES, "pwa.install", _l("Put the app on your home screen"), 10)
