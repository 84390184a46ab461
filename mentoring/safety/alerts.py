"""Raising and following up safeguarding alerts."""

from ..clock import utcnow
from ..db import database
from ..push import notify
from ..web import path_for
from .models import AlertEvent, SafeguardingAlert


def raise_alert(subject, kind, summary, details=None, raised_by=None, now=None):
    """Open an alert about `subject` for the program's safeguarding leads.

    `summary` is what a lead needs to follow up (who, when, which answer),
    never the rest of what the person wrote. Leads get an urgent push with
    neutral text.
    """
    now = now or utcnow()
    with database.atomic():
        alert = SafeguardingAlert.create(
            program=subject.program_id,
            subject=subject,
            raised_by=raised_by,
            kind=kind,
            summary=summary,
            details=details or {},
            created_at=now,
            updated_at=now,
        )
        AlertEvent.create(alert=alert, actor=raised_by, action="raised", at=now)
        for lead in subject.program.safeguarding_leads():
            notify(lead, "safeguarding", url=path_for("safety.alert", alert_id=alert.id), urgent=True, now=now)
    return alert


def record(alert, actor, action, note="", now=None):
    """Add to an alert's history and move its status along."""
    now = now or utcnow()
    status = {"acknowledge": SafeguardingAlert.ACKNOWLEDGED, "close": SafeguardingAlert.CLOSED,
              "reopen": SafeguardingAlert.OPEN}.get(action, alert.status)
    with database.atomic():
        AlertEvent.create(alert=alert, actor=actor, action=action, note=note, at=now)
        alert.status = status
        alert.updated_at = now
        alert.save(only=[SafeguardingAlert.status, SafeguardingAlert.updated_at])
    return alert
