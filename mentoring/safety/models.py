"""Safeguarding alerts: the one path by which risk of harm leaves a match."""

from peewee import CharField, DateTimeField, ForeignKeyField, TextField

from ..clock import utcnow
from ..db import BaseModel, JSONField
from ..models import Program, User


class SafeguardingAlert(BaseModel):
    OPEN, ACKNOWLEDGED, CLOSED = "open", "acknowledged", "closed"
    # What raised it; features add their own kinds.
    KINDS = ("phq9_item9", "risk_words", "message_report", "other")

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

    class Meta:
        table_name = "safeguarding_alerts"
        indexes = (
            # The lead's queue: a program's open alerts, oldest first.
            (("program", "status", "created_at"), False),
        )



class AlertEvent(BaseModel):
    """The history of an alert; rows are only ever added."""

    alert = ForeignKeyField(SafeguardingAlert, backref="events", on_delete="CASCADE")
    actor = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    action = CharField(max_length=20)
    note = TextField(default="")
    at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "alert_events"
        indexes = (
            # An alert's history in order.
            (("alert", "at"), False),
        )
