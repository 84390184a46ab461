"""Pieces several mood pages share."""

from flask_login import current_user

from ...access import require
from ...safety import panel_next, pending_panel
from ..models import CheckIn


def me():
    """The signed-in person as a plain model (not the proxy), for queries and saves."""
    return current_user._get_current_object()


def own_checkin(checkin_id):
    """One of the signed-in mentee's check-ins; anyone else's is not found."""
    return require(CheckIn.get_or_none((CheckIn.id == checkin_id) & (CheckIn.user == current_user.id)))


def show_crisis_next(check):
    """Ask the next mood page to open with the calm crisis panel (check: a safety.WritingCheck)."""
    panel_next(check, "mood")


def pending_crisis():
    """The crisis panel's context when the last save asked for it, once."""
    return pending_panel(me(), "mood")
