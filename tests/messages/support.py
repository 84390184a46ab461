"""Helpers for the messaging tests: a conversation, each side of it, many messages."""

from datetime import timedelta

from mentoring.clock import utcnow
from mentoring.messages import Conversation, Message, Participant, open_for_match


def sides(match):
    """(conversation, mentee's participant row, mentor's participant row)."""
    conversation = open_for_match(match)
    rows = {p.role: p for p in Participant.select().where(Participant.conversation == conversation.id)}
    return conversation, rows["mentee"], rows["mentor"]


def fresh(participant):
    return Participant.get_by_id(participant.id)


def conversation(conversation_id):
    return Conversation.get_by_id(conversation_id)


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
