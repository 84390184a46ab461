"""Programs, people, matches, invites, sign-in safety, safeguarding alerts, push outbox.

Frozen copies of the models as they were when this ran first: later changes
to mentoring.models must come as new migrations, never as edits here.
"""

import datetime

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from mentoring.migrations import _frozen as frozen


def up(migrator, db):
    Base = frozen.base(db)

    class Program(Base):
        name = CharField(max_length=120)
        timezone = CharField(max_length=64, default="UTC")
        settings = TextField(default="{}")
        created_at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            table_name = "programs"

    class CrisisResource(Base):
        program = ForeignKeyField(Program, on_delete="CASCADE")
        region = CharField(max_length=60, default="")
        name = CharField(max_length=120)
        description = CharField(max_length=300, default="")
        phone = CharField(max_length=40, default="")
        sms = CharField(max_length=40, default="")
        url = CharField(max_length=300, default="")
        is_emergency = BooleanField(default=False)
        position = IntegerField(default=0)
        last_verified = DateField(null=True)

        class Meta:
            table_name = "crisis_resources"
            indexes = ((("program", "position"), False),)

    class User(Base):
        program = ForeignKeyField(Program, on_delete="RESTRICT")
        email = CharField(max_length=254, unique=True)
        name = CharField(max_length=80)
        role = CharField(max_length=16)
        timezone = CharField(max_length=64, default="UTC")
        password_hash = CharField(max_length=255, default="")
        is_safeguarding_lead = BooleanField(default=False)
        is_active = BooleanField(default=True)
        mentor_capacity = IntegerField(default=3)
        session_token = CharField(max_length=64)
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        last_login_at = DateTimeField(null=True)

        class Meta:
            table_name = "users"
            indexes = ((("program", "role", "is_active"), False),)

    class Match(Base):
        program = ForeignKeyField(Program, on_delete="RESTRICT")
        mentor = ForeignKeyField(User, on_delete="RESTRICT")
        mentee = ForeignKeyField(User, on_delete="RESTRICT")
        status = CharField(max_length=16, default="active")
        started_at = DateTimeField(default=datetime.datetime.utcnow)
        ended_at = DateTimeField(null=True)
        end_reason = CharField(max_length=40, default="")
        end_note = TextField(default="")
        created_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
        ended_by = ForeignKeyField(User, null=True, on_delete="SET NULL")

        class Meta:
            table_name = "matches"
            indexes = (
                (("mentor", "status"), False),
                (("mentee", "status"), False),
                (("program", "status", "started_at"), False),
            )

    class Invite(Base):
        program = ForeignKeyField(Program, on_delete="CASCADE")
        role = CharField(max_length=16)
        email = CharField(max_length=254)
        token_hash = CharField(max_length=64, unique=True)
        created_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        expires_at = DateTimeField()
        used_at = DateTimeField(null=True)
        revoked_at = DateTimeField(null=True)
        user = ForeignKeyField(User, null=True, on_delete="SET NULL")

        class Meta:
            table_name = "invites"
            indexes = ((("program", "used_at", "expires_at"), False),)

    class PasswordReset(Base):
        user = ForeignKeyField(User, on_delete="CASCADE")
        token_hash = CharField(max_length=64, unique=True)
        created_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        expires_at = DateTimeField()
        used_at = DateTimeField(null=True)

        class Meta:
            table_name = "password_resets"

    class LoginFailure(Base):
        key = CharField(max_length=300)
        at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            table_name = "login_failures"
            indexes = ((("key", "at"), False),)

    class SafeguardingAlert(Base):
        program = ForeignKeyField(Program, on_delete="CASCADE")
        subject = ForeignKeyField(User, on_delete="CASCADE")
        raised_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
        kind = CharField(max_length=40)
        summary = TextField()
        details = TextField(default="{}")
        status = CharField(max_length=16, default="open")
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        updated_at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            table_name = "safeguarding_alerts"
            indexes = ((("program", "status", "created_at"), False),)

    class AlertEvent(Base):
        alert = ForeignKeyField(SafeguardingAlert, on_delete="CASCADE")
        actor = ForeignKeyField(User, null=True, on_delete="SET NULL")
        action = CharField(max_length=20)
        note = TextField(default="")
        at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            table_name = "alert_events"
            indexes = ((("alert", "at"), False),)

    class Notification(Base):
        user = ForeignKeyField(User, on_delete="CASCADE")
        kind = CharField(max_length=30)
        url = CharField(max_length=300, default="/")
        topic = CharField(max_length=32, default="")
        urgent = BooleanField(default=False)
        due_at = DateTimeField()
        status = CharField(max_length=12, default="pending")
        attempts = IntegerField(default=0)
        claimed_until = DateTimeField(null=True)
        sent_at = DateTimeField(null=True)
        last_error = TextField(default="")
        created_at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            table_name = "notifications"
            indexes = (
                (("status", "due_at"), False),
                (("user", "status"), False),
            )

    db.create_tables(
        [Program, CrisisResource, User, Match, Invite, PasswordReset, LoginFailure,
         SafeguardingAlert, AlertEvent, Notification]
    )
    # A mentee has at most one active match; the database enforces it so two
    # coordinators pairing at once cannot both succeed.
    db.execute_sql(
        "CREATE UNIQUE INDEX matches_one_active_per_mentee ON matches (mentee_id) "
        "WHERE status = 'active'"
    )
