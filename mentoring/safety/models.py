"""Safeguarding alerts: the one path by which risk of harm leaves a match."""

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from ..clock import utcnow
from ..db import BaseModel, JSONField
from ..i18n import _l
from ..models import CrisisResource, Program, User


class SafeguardingAlert(BaseModel):
    OPEN, ACKNOWLEDGED, CLOSED = "open", "acknowledged", "closed"
    # What raised it; features add their own kinds. The kind is the "rule"
    # that false alarms are counted against.
    KINDS = ("phq9_item9", "risk_words", "message_report", "mentor_concern", "other")
    # How fast someone must take it on, slowest first.
    CONCERN, URGENT, IMMEDIATE = "concern", "urgent", "immediate"
    LEVELS = (CONCERN, URGENT, IMMEDIATE)
    # escalated_level: how far an unacknowledged alert has gone.
    NOT_ESCALATED, TO_DEPUTIES, TO_EVERYONE = 0, 1, 2
    OUTCOMES = {
        "contacted_safe": _l("Contacted and safe"),
        "crisis_referral": _l("Referred to a crisis service"),
        "emergency_services": _l("Emergency services called"),
        "false_alarm": _l("Not a risk / false alarm"),
        "not_reached": _l("Could not reach them"),
    }

    program = ForeignKeyField(Program, on_delete="CASCADE")
    subject = ForeignKeyField(User, backref="+", on_delete="CASCADE")
    raised_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    kind = CharField(max_length=40)
    # What the lead needs to follow up: who, when, which answer. Never more.
    summary = TextField()
    # Optional structure shown under the summary: {"lines": [[label, value]],
    # "context": [{"author": name, "at": iso time, "text": excerpt}]}.
    details = JSONField(default=dict)
    status = CharField(max_length=16, default=OPEN)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    # Added by 0010_escalation.
    level = CharField(max_length=12, default=URGENT)
    # The one lead who took it on ("I'm on it").
    owner = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    acknowledged_at = DateTimeField(null=True)
    # Deadlines fixed when it was raised, so later changes to the program's
    # settings never rewrite what applied to an alert.
    deputies_due_at = DateTimeField(null=True)
    ack_due_at = DateTimeField(null=True)
    escalated_level = IntegerField(default=NOT_ESCALATED)
    closed_at = DateTimeField(null=True)
    outcome = CharField(max_length=24, default="")
    # A mentor's concern is saved once per form drawn (double taps).
    client_id = CharField(max_length=64, null=True)

    class Meta:
        table_name = "safeguarding_alerts"
        indexes = (
            (("program", "status", "created_at"), False),
            (("status", "escalated_level", "deputies_due_at"), False),
            (("raised_by", "client_id"), True),
        )

    @property
    def is_closed(self):
        return self.status == self.CLOSED

    def actions(self):
        """What a lead may record now: the actions follow the state."""
        if self.status == self.CLOSED:
            return ("reopen",)
        if self.acknowledged_at is None:
            return ("acknowledge", "note", "close")
        return ("note", "close")

    def breached(self, now):
        """Taken on after its deadline, or still waiting past it."""
        if self.ack_due_at is None:
            return False
        return (self.acknowledged_at or now) > self.ack_due_at


class AlertEvent(BaseModel):
    """The history of an alert; rows are only ever added."""

    alert = ForeignKeyField(SafeguardingAlert, backref="events", on_delete="CASCADE")
    actor = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    action = CharField(max_length=20)
    note = TextField(default="")
    at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "alert_events"
        indexes = ((("alert", "at"), False),)


class SafetyContact(BaseModel):
    """How to reach a mentee in an emergency; given by them, seen only by safeguarding leads."""

    user = ForeignKeyField(User, backref="+", on_delete="CASCADE", unique=True)
    phone = CharField(max_length=40, default="")
    contact_name = CharField(max_length=80, default="")
    contact_relation = CharField(max_length=60, default="")
    contact_phone = CharField(max_length=40, default="")
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "safety_contacts"

    # The same tel: target as crisis resources: digits and a leading + only.
    dial = staticmethod(CrisisResource.dial)

    @property
    def is_empty(self):
        return not (self.phone or self.contact_phone)


class SafeguardingExport(BaseModel):
    """Each CSV export of the safeguarding log: who took which period, and when."""

    program = ForeignKeyField(Program, on_delete="CASCADE")
    user = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    period_from = DateTimeField()
    period_to = DateTimeField()
    rows = IntegerField(default=0)
    at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "safeguarding_exports"
        indexes = ((("program", "at"), False),)
