"""Safeguarding escalation: levels, acknowledgement deadlines, one owner, an outcome,
mentors' concerns, a mentee's contact details for emergencies, and a log of exports.

Frozen copies of the models as they were when this ran first.
"""

import datetime

from peewee import SQL, CharField, DateTimeField, ForeignKeyField, IntegerField

from mentoring.migrations import _frozen as frozen


def not_null(field, default_sql):
    field.constraints = [SQL(f"DEFAULT {default_sql}")]
    return field


def up(migrator, db):
    Base = frozen.base(db)
    User, Program = frozen.stubs(Base, "users", "programs")

    class SafetyContact(Base):
        user = ForeignKeyField(User, on_delete="CASCADE", unique=True)
        phone = CharField(max_length=40, default="")
        contact_name = CharField(max_length=80, default="")
        contact_relation = CharField(max_length=60, default="")
        contact_phone = CharField(max_length=40, default="")
        updated_at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            table_name = "safety_contacts"

    class SafeguardingExport(Base):
        program = ForeignKeyField(Program, on_delete="CASCADE")
        user = ForeignKeyField(User, null=True, on_delete="SET NULL")
        period_from = DateTimeField()
        period_to = DateTimeField()
        rows = IntegerField(default=0)
        at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            table_name = "safeguarding_exports"
            indexes = ((("program", "at"), False),)

    migrator.migrate(
        # NOT NULL with a DEFAULT in the DDL itself: SQLite adds such a column in
        # place, where a later NOT NULL would rebuild the table and cascade-delete
        # its history (foreign keys cannot be switched off inside the transaction).
        migrator.add_column("safeguarding_alerts", "level", not_null(CharField(max_length=12), "'urgent'"),
                            allow_not_null=True),
        migrator.add_column("safeguarding_alerts", "owner_id",
                            ForeignKeyField(User, null=True, on_delete="SET NULL", field=User.id)),
        migrator.add_column("safeguarding_alerts", "acknowledged_at", DateTimeField(null=True)),
        migrator.add_column("safeguarding_alerts", "deputies_due_at", DateTimeField(null=True)),
        migrator.add_column("safeguarding_alerts", "ack_due_at", DateTimeField(null=True)),
        migrator.add_column("safeguarding_alerts", "escalated_level", not_null(IntegerField(), "0"),
                            allow_not_null=True),
        migrator.add_column("safeguarding_alerts", "closed_at", DateTimeField(null=True)),
        migrator.add_column("safeguarding_alerts", "outcome", not_null(CharField(max_length=24), "''"),
                            allow_not_null=True),
        migrator.add_column("safeguarding_alerts", "client_id", CharField(max_length=64, null=True)),
        # The escalation pass: open alerts whose first step has come.
        migrator.add_index("safeguarding_alerts", ("status", "escalated_level", "deputies_due_at")),
        # A mentor's double tap raises one concern.
        migrator.add_index("safeguarding_alerts", ("raised_by_id", "client_id"), unique=True),
    )
    db.create_tables([SafetyContact, SafeguardingExport])
