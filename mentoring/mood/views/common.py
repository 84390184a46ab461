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


def show_crisis_next(check):
    """Ask the next page to open with the calm crisis panel (check: a safety.WritingCheck)."""
    session[CRISIS_KEY] = {"told_lead": check.told_lead}


def pending_crisis():
    """The crisis panel's context when the last save asked for it, once."""
    asked = session.pop(CRISIS_KEY, None)
    if asked:
        return crisis_panel(me(), told_lead=isinstance(asked, dict) and asked.get("told_lead", False))
    return None
