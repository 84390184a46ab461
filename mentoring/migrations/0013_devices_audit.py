"""Your devices and the audit log: when each signed-in device was last seen, which
device a push subscription belongs to, and an append-only record of staff powers
used and personal data seen.

Frozen copies of the models as they were when this ran first.
"""

import datetime

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from mentoring.migrations import _frozen as frozen


def up(migrator, db):
    Base = frozen.base(db)
    User, Program, UserSession = frozen.stubs(Base, "users", "programs", "user_sessions")

    class AuditEvent(Base):
        program = ForeignKeyField(Program, on_delete="CASCADE")
        actor = ForeignKeyField(User, null=True, on_delete="SET NULL")
        subject = ForeignKeyField(User, null=True, on_delete="SET NULL")
        action = CharField(max_length=40)
        target_type = CharField(max_length=40, default="")
        target_id = IntegerField(null=True)
        at = DateTimeField(default=datetime.datetime.utcnow)
        meta = TextField(default="{}")

        class Meta:
            table_name = "audit_events"
            indexes = (
                (("program", "at"), False),
                (("program", "subject", "at"), False),
                (("program", "action", "at"), False),
            )

    # A foreign key column comes with its index (push_subscriptions_session_id).
    migrator.migrate(
        migrator.add_column("user_sessions", "last_seen_at", DateTimeField(null=True)),
        migrator.add_column("push_subscriptions", "session_id",
                            ForeignKeyField(UserSession, null=True, on_delete="SET NULL", field=UserSession.id)),
    )
    # Nothing better is known of sessions that began before this ran.
    db.execute_sql("UPDATE user_sessions SET last_seen_at = created_at")
    db.create_tables([AuditEvent])
