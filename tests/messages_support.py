"""Helpers for the messaging tests: a conversation, each side of it, many messages."""

from datetime import timedelta

import pytest

from mentoring.clock import utcnow
from mentoring.messages import Conversation, Message, Participant, open_for_match
from mentoring.messages.sending import send


def sides(match):
    """(conversation, mentee's participant row, mentor's participant row)."""
    conversation = open_for_match(match)
    rows = {p.role: p for p in Participant.select().where(Participant.conversation == conversation.id)}
    return conversation, rows["mentee"], rows["mentor"]


def fresh(participant):
    return Participant.get_by_id(participant.id)


def conversation(conversation_id):
    return Conversation.get_by_id(conversation_id)


_ids = iter(range(1, 10**9))


@pytest.fixture
def say(app):
    """say(participant, body, at=None): send as them, as a request would (a fresh row each time)."""

    def send_as(participant, body, at=None):
        with app.app_context():
            message, _ = send(fresh(participant), body, f"test-{next(_ids):08d}", now=at)
        return message

    return send_as


def bulk(conversation, authors, count, start=None, step=timedelta(minutes=7)):
    """`count` messages alternating between `authors`, inserted in one go."""
    start = start or utcnow() - step * count
    rows = [
        {
            "conversation": conversation.id,
            "author": authors[i % len(authors)].id,
            "client_id": f"bulk-{conversation.id}-{i}",
            "body": f"Message number {i}",
            "created_at": start + step * i,
        }
        for i in range(count)
    ]
    for i in range(0, len(rows), 500):
        Message.insert_many(rows[i:i + 500]).execute()
    last = Message.select().where(Message.conversation == conversation.id).order_by(Message.id.desc()).first()
    Conversation.update(
        last_message_id=last.id, last_message_at=last.created_at, message_count=Conversation.message_count + count,
        version=Conversation.version + 1,
    ).where(Conversation.id == conversation.id).execute()
    return last


def in_app_context(app):
    """For tests below the views: push notifications build URLs with the app's routes."""
    with app.app_context():
        yield
