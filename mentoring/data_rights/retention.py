"""Forgetting what an ended match said, once the program's retention period is over.

Messages, meeting notes and goal comments belong to the match they were
written in; when the match ended longer ago than the program keeps them,
they go. A message someone reported stays: it is part of a safeguarding
record, kept for that record's own period. A fixed number of statements per
program, whatever the number of matches.
"""

from datetime import timedelta

from peewee import fn

from ..db import database
from ..goals.models import Comment
from ..meetings.models import Meeting, MeetingNote
from ..messages.models import Conversation, Message, MessageReport
from ..models import Match, Program
from .settings import setting

KINDS = ("messages", "meeting_notes", "goal_comments")


def expired_matches(program, now):
    cutoff = now - timedelta(days=setting(program, "retention_days"))
    return Match.select(Match.id).where((Match.program == program) & (Match.status == Match.ENDED)
                                        & (Match.ended_at < cutoff))


def _queries(matches):
    """{kind: (model, condition)} for what has expired."""
    conversations = Conversation.select(Conversation.id).where(Conversation.match.in_(matches))
    reported = MessageReport.select(MessageReport.message)
    meetings = Meeting.select(Meeting.id).where(Meeting.match.in_(matches))
    return {
        "messages": (Message, Message.conversation.in_(conversations) & Message.id.not_in(reported)),
        "meeting_notes": (MeetingNote, MeetingNote.meeting.in_(meetings)),
        "goal_comments": (Comment, Comment.match.in_(matches)),
    }


def count_expired(now):
    """{kind: how many would go}, over every program."""
    totals = dict.fromkeys(KINDS, 0)
    for program in Program.select():
        for kind, (model, where) in _queries(expired_matches(program, now)).items():
            totals[kind] += model.select().where(where).count()
    return totals


def apply(now):
    """Delete what has expired, one transaction per program; returns {kind: how many went}."""
    totals = dict.fromkeys(KINDS, 0)
    for program in Program.select():
        matches = expired_matches(program, now)
        with database.atomic():
            deleted = {kind: model.delete().where(where).execute()
                       for kind, (model, where) in _queries(matches).items()}
            # Only then: a pass with nothing to forget leaves every thread's version alone.
            if deleted["messages"]:
                _recount(matches)
        for kind, n in deleted.items():
            totals[kind] += n
    return totals


def _recount(matches):
    """Conversations keep counts and the last message beside them: make them true again."""
    left = Message.select(fn.COUNT(Message.id)).where(Message.conversation == Conversation.id)
    last = Message.select(fn.MAX(Message.id)).where(Message.conversation == Conversation.id)
    last_at = Message.select(fn.MAX(Message.created_at)).where(Message.conversation == Conversation.id)
    (Conversation.update(message_count=left, last_message_id=last, last_message_at=last_at,
                         version=Conversation.version + 1)
     .where(Conversation.match.in_(matches)).execute())


def run(now):
    """The worker's producer."""
    return sum(apply(now).values())
