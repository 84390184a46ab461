"""Conversations, the people in them, and their messages.

A conversation belongs to a match today; it has participants rather than a
fixed pair, each with their own last-read marker, so a group conversation
can come later without changing how messages are stored or read.
"""

from peewee import (
    BigIntegerField,
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from ..clock import utcnow
from ..db import BaseModel
from ..models import Match, Program, User
from ..safety.models import SafeguardingAlert


class Conversation(BaseModel):
    MATCH = "match"

    program = ForeignKeyField(Program, on_delete="RESTRICT", index=False)
    kind = CharField(max_length=16, default=MATCH)
    match = ForeignKeyField(Match, null=True, unique=True, backref="+", on_delete="RESTRICT")
    created_at = DateTimeField(default=utcnow)
    # Goes up on every change a reader can see (a message, an edit, a read
    # marker): it is the ETag of a thread, so an unchanged poll costs one row.
    version = IntegerField(default=0)
    # Kept here so lists and polls never scan the messages.
    last_message_id = IntegerField(null=True)
    last_message_at = DateTimeField(null=True)
    message_count = IntegerField(default=0)
    # When the oldest mentee message not yet answered by the mentor was sent.
    waiting_since = DateTimeField(null=True)
    # How long mentee messages waited for a reply, summed, and how many replies.
    reply_count = IntegerField(default=0)
    reply_wait_seconds = BigIntegerField(default=0)

    class Meta:
        table_name = "conversations"
        indexes = (
            # Monitoring: a program's conversations waiting for a reply.
            (("program", "waiting_since"), False),
        )


class Participant(BaseModel):
    conversation = ForeignKeyField(Conversation, backref="participants", on_delete="CASCADE", index=False)
    user = ForeignKeyField(User, backref="+", on_delete="RESTRICT", index=False)
    role = CharField(max_length=16)  # mentor or mentee (a group would add more)
    joined_at = DateTimeField(default=utcnow)
    # Messages up to this id have been seen; 0 before the first read.
    last_read_message_id = IntegerField(default=0)
    last_read_at = DateTimeField(null=True)
    sent_count = IntegerField(default=0)

    class Meta:
        table_name = "conversation_participants"
        indexes = (
            (("conversation", "user"), True),
            # Someone's conversations.
            (("user", "conversation"), False),
        )


class Message(BaseModel):
    conversation = ForeignKeyField(Conversation, backref="messages", on_delete="CASCADE", index=False)
    author = ForeignKeyField(User, backref="+", on_delete="RESTRICT", index=False)
    # Made by the sender's page: the same id twice is the same message.
    client_id = CharField(max_length=64)
    body = TextField(default="")
    created_at = DateTimeField(default=utcnow)
    edited_at = DateTimeField(null=True)
    deleted_at = DateTimeField(null=True)
    # Risk words in a mentee's message (safety.risk_phrases), for the mentor's guide.
    risk = BooleanField(default=False)

    class Meta:
        table_name = "messages"
        indexes = (
            # Keyset pages of a thread and unread counts walk this index.
            (("conversation", "id"), False),
            # create_once: a double tap or a retried send is the same message.
            (("author", "client_id"), True),
        )

    @property
    def is_deleted(self):
        return self.deleted_at is not None


class MessageReport(BaseModel):
    message = ForeignKeyField(Message, backref="reports", on_delete="CASCADE", index=False)
    reporter = ForeignKeyField(User, backref="+", on_delete="CASCADE")
    alert = ForeignKeyField(SafeguardingAlert, null=True, backref="+", on_delete="SET NULL")
    note = TextField(default="")
    created_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "message_reports"
        indexes = (
            # One report per message and person.
            (("message", "reporter"), True),
        )


MODELS = (Conversation, Participant, Message, MessageReport)
