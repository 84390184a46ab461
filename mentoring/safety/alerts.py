"""Raising and following up safeguarding alerts."""

from ..clock import utcnow
from ..db import create_once, database
from ..push import notify
from ..web import path_for
from .deadlines import deadlines, first_to_hear
from .models import AlertEvent, SafeguardingAlert


def raise_alert(subject, kind, summary, details=None, raised_by=None, now=None, level=SafeguardingAlert.URGENT,
                client_id=None):
    """Open an alert about `subject` for the program's safeguarding leads.

    `summary` is what a lead needs to follow up (who, when, which answer),
    never the rest of what the person wrote. Leads get an urgent push with
    neutral text. With a `client_id` (a form's), sending twice raises one alert.
    """
    now = now or utcnow()
    program = subject.program
    halfway, due = deadlines(program, level, now)
    fields = dict(program=subject.program_id, subject=subject, kind=kind, summary=summary,
                  details=details or {}, level=level, created_at=now, updated_at=now,
                  deputies_due_at=halfway, ack_due_at=due)
    with database.atomic():
        if client_id:
            alert, created = create_once(SafeguardingAlert, {"raised_by": raised_by, "client_id": client_id}, **fields)
            if not created:
                return alert
        else:
            alert = SafeguardingAlert.create(raised_by=raised_by, **fields)
        AlertEvent.create(alert=alert, actor=raised_by, action="raised", at=now)
        tell(first_to_hear(program), alert, now)
    return alert


def tell(people, alert, now):
    """An urgent push to each person: leads open the alert, other coordinators their home."""
    for person in people:
        endpoint = ("safety.alert", {"alert_id": alert.id}) if person.is_safeguarding_lead else ("home.index", {})
        notify(person, "safeguarding", url=path_for(endpoint[0], **endpoint[1]), urgent=True, now=now)


class StaleAction(Exception):
    """The alert moved on (someone else took it on, or closed it) since the form was drawn."""


def record(alert, actor, action, note="", now=None, outcome=""):
    """Add to an alert's history and move its status along.

    Raises StaleAction when `action` no longer fits the alert's state.
    """
    now = now or utcnow()
    with database.atomic():
        fresh = SafeguardingAlert.get_by_id(alert.id)
        if action not in fresh.actions():
            raise StaleAction(action)
        _apply(fresh, actor, action, outcome, now)
        AlertEvent.create(alert=fresh, actor=actor, action=action, note=note, at=now)
    return fresh


def _apply(alert, actor, action, outcome, now):
    values = {"updated_at": now}
    if action in ("acknowledge", "close") and alert.acknowledged_at is None:
        # Closing straight away also counts as taking it on.
        values.update(owner=actor, acknowledged_at=now)
    if action == "acknowledge":
        values["status"] = SafeguardingAlert.ACKNOWLEDGED
    elif action == "close":
        values.update(status=SafeguardingAlert.CLOSED, closed_at=now, outcome=outcome)
    elif action == "reopen":
        values.update(status=SafeguardingAlert.ACKNOWLEDGED, closed_at=None, outcome="")
    query = SafeguardingAlert.update(**values).where(SafeguardingAlert.id == alert.id)
    if "acknowledged_at" in values:
        # Two leads tapping "I'm on it" together: one owner, the other is told.
        query = query.where(SafeguardingAlert.acknowledged_at.is_null())
    if query.execute() != 1:
        raise StaleAction(action)
    for key, value in values.items():
        setattr(alert, key, value)
