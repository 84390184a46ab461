"""Your devices: where you are signed in, and signing any of them out.

A phone that was lost, sold or shared can be signed out from another one;
its cookie stops working at once and its notifications stop too.
"""

from flask import flash, g, redirect, request, url_for
from flask_login import current_user

from ..access import require, signed_in
from ..db import database
from ..i18n import _, _l
from ..models import UserSession
from ..web import render
from .views import bp

# Checked in order: Edge and Opera also say "Chrome", and Chrome also says "Safari".
BROWSERS = (
    ("Edg", _l("Edge")), ("OPR/", _l("Opera")), ("SamsungBrowser", _l("Samsung Internet")),
    ("Firefox/", _l("Firefox")), ("FxiOS", _l("Firefox")), ("CriOS", _l("Chrome")),
    ("Chrome/", _l("Chrome")), ("Chromium/", _l("Chromium")), ("Safari/", _l("Safari")),
)
# iPhones and iPads also say "like Mac OS X"; Android also says "Linux".
SYSTEMS = (
    ("iPhone", _l("iPhone")), ("iPad", _l("iPad")), ("Android", _l("Android")), ("CrOS", _l("ChromeOS")),
    ("Windows", _l("Windows")), ("Macintosh", _l("Mac")), ("Linux", _l("Linux")),
)


def _first(user_agent, table):
    return next((str(name) for needle, name in table if needle in user_agent), None)


def describe(user_agent):
    """A device in plain words from its user agent: "Chrome on Android"."""
    ua = user_agent or ""
    browser, system = _first(ua, BROWSERS), _first(ua, SYSTEMS)
    if browser and system:
        return _("%(browser)s on %(system)s", browser=browser, system=system)
    return browser or system or _("Unknown browser")


def _own_session(session_id):
    """One of the person's own sessions, open or not (a second tap finds it ended), or 404."""
    return require(UserSession.get_or_none((UserSession.id == session_id) & (UserSession.user == current_user.id)))


@bp.route("/account/devices")
@signed_in
def devices():
    """The person's open sessions, this one first: one query for them however many there are."""
    here = current_user.session_id
    rows = sorted(UserSession.open_for(current_user), key=lambda row: row.id != here)
    return render("accounts/devices.html", sessions=[(row, describe(row.user_agent), row.id == here) for row in rows])


@bp.route("/account/devices/<int:session_id>/sign-out", methods=["POST"])
@signed_in
def sign_out_device(session_id):
    row = _own_session(session_id)
    if row.id == current_user.session_id:
        # "Sign out" of this device is the ordinary sign out.
        return redirect(url_for("accounts.account"))
    with database.atomic():
        UserSession.end_where(UserSession.id == row.id)
    flash(_("%(device)s is signed out.", device=describe(row.user_agent)), "success")
    return redirect(url_for("accounts.devices"))


@bp.route("/account/devices/sign-out-others", methods=["POST"])
@signed_in
def sign_out_others():
    with database.atomic():
        ended = UserSession.end_all(current_user, keep=current_user.session_id)
    flash(_("Every other device is signed out.") if ended else _("No other device was signed in."), "success")
    return redirect(url_for("accounts.devices"))


def seen_on_page(response):
    """Note the device as in use on whole-page visits, not on every poll or fragment.

    The loader brought `session_seen_at` with the person, so this costs no query
    unless the last note is more than UserSession's SEEN_EVERY old.
    """
    user = _loaded_user()
    if user is not None and request.method == "GET" and (not request.htmx or request.htmx.boosted):
        # One conditional UPDATE, atomic on its own: no transaction needed around it.
        UserSession.seen(user.session_id, getattr(user, "session_seen_at", None))
    return response


def _loaded_user():
    """The signed-in person if this request already loaded them; never loads them for it."""
    user = g.get("_login_user")
    return user if user is not None and user.is_authenticated else None
