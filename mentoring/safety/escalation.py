"""Escalating alerts nobody has taken on: a producer the push worker runs each pass.

Each step is claimed with one conditional UPDATE (healthchecks style):

    UPDATE safeguarding_alerts SET escalated_level = X
    WHERE id = ? AND escalated_level < X AND acknowledged_at IS NULL

Only the worker whose UPDATE changed a row sends that step's pushes and
writes it into the alert's history, in the same transaction, so any number
of workers on SQLite or PostgreSQL send each step once. If the pushes cannot
be queued the claim rolls back with them and the next pass tries again.
"""

import logging

from ..db import database
from ..models import Program
from .alerts import tell
from .deadlines import deputies, everyone_responsible
from .models import AlertEvent, SafeguardingAlert

log = logging.getLogger(__name__)

STEPS = {
    SafeguardingAlert.TO_DEPUTIES: ("to_deputies", deputies),
    SafeguardingAlert.TO_EVERYONE: ("to_everyone", everyone_responsible),
}


def due(now):
    """[(alert id, step)] for unacknowledged alerts whose next step has come; one query."""
    query = (
        SafeguardingAlert.select(SafeguardingAlert.id, SafeguardingAlert.ack_due_at)
        .where((SafeguardingAlert.status == SafeguardingAlert.OPEN)
               & (SafeguardingAlert.escalated_level < SafeguardingAlert.TO_EVERYONE)
               & (SafeguardingAlert.deputies_due_at <= now)
               & SafeguardingAlert.acknowledged_at.is_null())
        .order_by(SafeguardingAlert.deputies_due_at, SafeguardingAlert.id)
        .tuples()
    )
    return [(alert_id, _step(ack_due_at, now)) for alert_id, ack_due_at in query]


def _step(ack_due_at, now):
    # A worker that was down past the deadline goes straight to everyone.
    return SafeguardingAlert.TO_EVERYONE if ack_due_at <= now else SafeguardingAlert.TO_DEPUTIES


def claim(alert_id, step):
    """True for the one caller whose UPDATE moved the alert up to `step`."""
    changed = (
        SafeguardingAlert.update(escalated_level=step)
        .where((SafeguardingAlert.id == alert_id) & (SafeguardingAlert.escalated_level < step)
               & SafeguardingAlert.acknowledged_at.is_null())
        .execute()
    )
    return changed == 1


def escalate_one(alert_id, step, now):
    """Claim one step and, if it is ours, tell the people it reaches; True when sent."""
    action, audience = STEPS[step]
    with database.atomic():
        if not claim(alert_id, step):
            return False
        alert = SafeguardingAlert.get_by_id(alert_id)
        people = audience(Program.get_by_id(alert.program_id))
        tell(people, alert, now)
        AlertEvent.create(alert=alert, action=action, at=now,
                          note=", ".join(sorted(p.name for p in people)))
    return True


def escalate(now):
    """The producer: run every step that has come; returns how many this worker sent."""
    sent = 0
    for alert_id, step in due(now):
        try:
            sent += escalate_one(alert_id, step, now)
        except Exception:  # one bad alert must not stop the others
            log.exception("safety: escalating alert %s failed", alert_id)
    return sent
