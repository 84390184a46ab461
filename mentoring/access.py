"""Who may use a route. Every view declares it with one of these decorators.

The declaration is kept on the view (`view.access`) so the access test can
refuse any route that nobody classified. Ownership (is this your match, your
goal?) is checked inside the view, answering 404 so ids reveal nothing.
"""

from functools import wraps

from flask import abort
from flask_login import current_user

from .models import COORDINATOR, MENTEE, MENTOR, Match

PUBLIC = "public"
SAFEGUARDING_LEAD = "safeguarding_lead"


def _declare(view, access):
    view.access = access
    return view


def public(view):
    """Anyone, signed in or not."""
    return _declare(view, PUBLIC)


def signed_in(view):
    """Any signed-in person, whatever their role."""
    return roles(MENTEE, MENTOR, COORDINATOR)(view)


def roles(*allowed):
    """Signed-in people whose role is one of `allowed`; others get 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not current_user.is_authenticated:
                from .security import login_manager

                return login_manager.unauthorized()
            if current_user.role not in allowed:
                abort(403)
            return view(*args, **kwargs)

        return _declare(wrapper, tuple(allowed))

    return decorator


def safeguarding_lead(view):
    """Coordinators who are the program's safeguarding lead."""

    @wraps(view)
    @roles(COORDINATOR)
    def wrapper(*args, **kwargs):
        if not current_user.is_safeguarding_lead:
            abort(403)
        return view(*args, **kwargs)

    return _declare(wrapper, SAFEGUARDING_LEAD)


def require(condition):
    """Inside a view: a missing or someone else's object is simply not found."""
    if not condition:
        abort(404)
    return condition


def mentors_match(match_id):
    """The signed-in mentor's active match `match_id` (both people loaded), or 404."""
    return require(Match.mentored_by(match_id, current_user))
