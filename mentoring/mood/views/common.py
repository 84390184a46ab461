"""Pieces several mood pages share."""

from flask import session
from flask_login import current_user

from ...access import require
from ...safety import crisis_panel
from ..models import CheckIn

CRISIS_KEY = "mood_crisis"


def me():
    """The signed-in person as a plain model (not the proxy), for queries and saves."""
    return current_user._get_current_object()


def own_checkin(checkin_id):
    """One of the signed-in mentee's check-ins; anyone else's is not found."""
    return require(CheckIn.get_or_none((CheckIn.id == checkin_id) & (CheckIn.user == current_user.id)))


def show_crisis_next():
    """Ask the next page to open with the calm crisis panel."""
    session[CRISIS_KEY] = True


def pending_crisis():
    """The crisis panel's context when the last save asked for it, once."""
    if session.pop(CRISIS_KEY, None):
        return crisis_panel(me())
    return None
