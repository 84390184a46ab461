"""The audit log: staff powers used and personal data seen, kept for the people it is about."""

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField

from ..clock import utcnow
from ..db import BaseModel, JSONField
from ..i18n import _l
from ..models import Program, User

# Every action the log knows, with how the page names it. record() refuses others,
# so a typo cannot hide an event from a filter.
ACTIONS = {
    "lead_granted": _l("Made someone a safeguarding lead"),
    "lead_removed": _l("Took away safeguarding lead"),
    "account_switched_off": _l("Switched an account off"),
    "account_switched_on": _l("Switched an account on"),
    "password_link_made": _l("Made a password link"),
    "person_viewed": _l("Opened a person's page"),
    "alert_viewed": _l("Opened a safeguarding alert"),
    "contacts_viewed": _l("Viewed emergency contacts"),
    "safeguarding_exported": _l("Exported the safeguarding log"),
    "audit_exported": _l("Exported the audit log"),
    "account_deleted": _l("Confirmed an account's deletion"),
}

# How the page names targets and metadata; the CSV keeps the raw codes.
TARGETS = {"safeguarding_alerts": _l("Alert"), "password_resets": _l("Password link"), "users": _l("Person")}
META = {"rows": _l("Rows"), "start": _l("From"), "end": _l("To"),
        "filter_person": _l("Person"), "filter_action": _l("Filter")}


class AuditEvent(BaseModel):
    """One event. Rows are only ever added: nothing in the app updates or deletes them
    (tests/audit/test_append_only.py checks the code for it)."""

    program = ForeignKeyField(Program, backref="+", on_delete="CASCADE")
    actor = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    subject = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    action = CharField(max_length=40)
    # What was acted on, by table name and id ("safeguarding_alerts", 12).
    target_type = CharField(max_length=40, default="")
    target_id = IntegerField(null=True)
    at = DateTimeField(default=utcnow)
    # Ids, counts, dates and codes only: never names, notes or any other personal text.
    meta = JSONField(default=dict)

    class Meta:
        table_name = "audit_events"
        indexes = (
            (("program", "at"), False),
            (("program", "subject", "at"), False),
            (("program", "action", "at"), False),
        )

    @property
    def label(self):
        return ACTIONS.get(self.action, self.action)

    @property
    def target_label(self):
        if not self.target_type:
            return ""
        return f"{TARGETS.get(self.target_type, self.target_type)} #{self.target_id}"

    def details(self):
        """[(label, value)] of the metadata, for the page."""
        meta = self.meta or {}
        known = [(label, meta[key]) for key, label in META.items() if meta.get(key) is not None]
        return known + [(key, value) for key, value in sorted(meta.items()) if key not in META and value is not None]
