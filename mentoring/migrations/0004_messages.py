"""Messaging: conversations with participants, messages, message reports.

Frozen copies of the models as they were when this ran first; the tables they
point at (programs, users, matches, safeguarding_alerts) appear as stubs.
"""

import datetime

from peewee import (
    BigIntegerField,
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from mentoring.migrations import _frozen as frozen


def up(migrator, db):
    Base = frozen.base(db)
    Program, User, Match, SafeguardingAlert = frozen.stubs(
        Base, "programs", "users", "matches", "safeguarding_alerts"
    )

    class Conversation(Base):
        program = ForeignKeyField(Program, on_delete="RESTRICT", index=False)
        kind = CharField(max_length=16, default="match")
        match = ForeignKeyField(Match, null=True, unique=True, on_delete="RESTRICT")
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        version = IntegerField(default=0)
        last_message_id = IntegerField(null=True)
        last_message_at = DateTimeField(null=True)
        message_count = IntegerField(default=0)
        waiting_since = DateTimeField(null=True)
        reply_count = IntegerField(default=0)
        reply_wait_seconds = BigIntegerField(default=0)

        class Meta:
            table_name = "conversations"
            indexes = ((("program", "waiting_since"), False),)

    class Participant(Base):
        conversation = ForeignKeyField(Conversation, on_delete="CASCADE", index=False)
        user = ForeignKeyField(User, on_delete="RESTRICT", index=False)
        role = CharField(max_length=16)
        joined_at = DateTimeField(default=datetime.datetime.utcnow)
        last_read_message_id = IntegerField(default=0)
        last_read_at = DateTimeField(null=True)
        sent_count = IntegerField(default=0)

        class Meta:
            table_name = "conversation_participants"
            indexes = (
                (("conversation", "user"), True),
                (("user", "conversation"), False),
            )

    class Message(Base):
        conversation = ForeignKeyField(Conversation, on_delete="CASCADE", index=False)
        author = ForeignKeyField(User, on_delete="RESTRICT", index=False)
        client_id = CharField(max_length=64)
        body = TextField(default="")
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        edited_at = DateTimeField(null=True)
        deleted_at = DateTimeField(null=True)
        risk = BooleanField(default=False)

        class Meta:
            table_name = "messages"
            indexes = (
                # Keyset pages of a thread and unread counts walk this index.
                (("conversation", "id"), False),
                # A double tap or a retried send is the same message.
                (("author", "client_id"), True),
            )

    class MessageReport(Base):
        message = ForeignKeyField(Message, on_delete="CASCADE", index=False)
        reporter = ForeignKeyField(User, on_delete="CASCADE")
        alert = ForeignKeyField(SafeguardingAlert, null=True, on_delete="SET NULL")
        note = TextField(default="")
        created_at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            table_name = "message_reports"
            indexes = ((("message", "reporter"), True),)

    db.create_tables([Conversation, Participant, Message, MessageReport])
