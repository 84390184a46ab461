"""An append-only audit trail: every use of a staff power over someone else, every
staff look at someone's personal data, and every export.

Features call one function:

    audit.record(current_user, "password_link_made", subject=user, target=reset)

inside the transaction of the change it records (a look at data has none: the
one INSERT is atomic on its own). Safeguarding leads read the log at /audit.
"""

import re

from ..clock import utcnow
from .models import ACTIONS, AuditEvent

__all__ = ["ACTIONS", "AuditEvent", "init_app", "record"]

# Short codes, ids and ISO dates; anything longer or freer might be someone's words.
_META_TEXT = re.compile(r"^[A-Za-z0-9_.:+-]{0,40}$")
_META_KEY = re.compile(r"^[a-z][a-z0-9_]{0,30}$")


def record(actor, action, subject=None, target=None, now=None, **meta):
    """Add one event to the log; returns it.

    `target` is a model instance (its table and id are kept) or None; `meta`
    holds ids, numbers, flags, dates and short codes only.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    for key, value in meta.items():
        _check_meta(key, value)
    return AuditEvent.create(
        program=actor.program_id, actor=actor.id, subject=getattr(subject, "id", subject), action=action,
        target_type=target._meta.table_name if target is not None else "",
        target_id=target.id if target is not None else None,
        at=now or utcnow(), meta=meta,
    )


def _check_meta(key, value):
    if not _META_KEY.match(key):
        raise ValueError(f"audit metadata key {key!r} is not a plain name")
    if value is None or isinstance(value, (bool, int, float)):
        return
    if isinstance(value, str) and _META_TEXT.match(value):
        return
    raise ValueError(f"audit metadata {key!r} must be an id, a number, a date or a short code, not text")


def init_app(app):
    from .views import bp

    app.register_blueprint(bp)
