"""Finding conversations a person may read, opening them, counting what is unread."""

from peewee import JOIN, SQL, Case, IntegrityError, Select, fn

from ..clock import utcnow
from ..db import database
from ..models import MENTEE, MENTOR, Match, User
from .models import Conversation, Message, Participant
from .policy import retention_cutoff


def topic(conversation_id):
    """The push topic: a new message replaces a waiting notification."""
    return f"conv-{conversation_id}"


def open_for_match(match, now=None):
    """The match's conversation, made with its two participants on first use."""
    found = Conversation.get_or_none(Conversation.match == match.id)
    if found:
        return found
    now = now or utcnow()
    try:
        with database.atomic():
            conversation = Conversation.create(
                program=match.program_id, match=match.id, created_at=now
            )
            Participant.insert_many([
                {"conversation": conversation.id, "user": match.mentor_id, "role": MENTOR, "joined_at": now},
                {"conversation": conversation.id, "user": match.mentee_id, "role": MENTEE, "joined_at": now},
            ]).execute()
            return conversation
    except IntegrityError:
        # Someone else opened it at the same moment.
        return Conversation.get(Conversation.match == match.id)


def open_missing(user, now=None):
    """Make conversations for the user's active matches that have none (one query when none)."""
    missing = (
        Match.select(Match)
        .join(Conversation, JOIN.LEFT_OUTER, on=(Conversation.match == Match.id))
        .where(
            ((Match.mentor == user.id) | (Match.mentee == user.id))
            & (Match.status == Match.ACTIVE)
            & Conversation.id.is_null()
        )
    )
    for match in missing:
        open_for_match(match, now)


def visible(program, now):
    """Which of a person's participant rows they still see.

    Mentees keep their history; a former mentor sees an ended match's
    conversation for the program's retention period, then no longer.
    """
    return (
        Match.id.is_null()
        | (Match.status == Match.ACTIVE)
        | (Participant.role != MENTOR)
        | (Match.ended_at > retention_cutoff(program, now))
    )


def is_visible(participant, user, now):
    match = participant.conversation.match
    if match is None or match.status == Match.ACTIVE or participant.role != MENTOR:
        return True
    # Only here is the program read: a live thread's poll never needs it.
    return match.ended_at is not None and match.ended_at > retention_cutoff(user.program, now)


def membership(conversation_id, user, now=None):
    """The user's participant row with its conversation and match, or None.

    One indexed query (the program is read only for a former mentor). This
    is the whole access check: a guessed id finds no row.
    """
    row = (
        Participant.select(Participant, Conversation, Match)
        .join(Conversation, attr="conversation")
        .join(Match, JOIN.LEFT_OUTER, on=(Conversation.match == Match.id), attr="match")
        .where((Participant.conversation == conversation_id) & (Participant.user == user.id))
        .first()
    )
    if row is None or not is_visible(row, user, now or utcnow()):
        return None
    return row


def is_open(participant):
    """New messages can be sent while the match is active."""
    match = participant.conversation.match
    return match is not None and match.status == Match.ACTIVE


def participants(conversation_id):
    """Everyone in a conversation, with their user."""
    return list(
        Participant.select(Participant, User)
        .join(User, attr="user")
        .where(Participant.conversation == conversation_id)
        .order_by(Participant.id)
    )


def unread_count():
    """SQL for the unread messages of the Participant row in the outer query."""
    Unread = Message.alias()
    return (
        Unread.select(fn.COUNT(Unread.id))
        .where(
            (Unread.conversation == Participant.conversation)
            & (Unread.id > Participant.last_read_message_id)
            & (Unread.author != Participant.user)
            & Unread.deleted_at.is_null()
        )
    )


def unread_total(user, now=None):
    """Unread messages in all the conversations a person sees: one query, for the nav badge.

    Each conversation is counted from its reader's marker on, through the
    (conversation, id) index, so the cost follows what is unread, not the history.
    """
    per_conversation = (
        Participant.select(unread_count().alias("unread"))
        .join(Conversation, on=(Conversation.id == Participant.conversation))
        .join(Match, JOIN.LEFT_OUTER, on=(Conversation.match == Match.id))
        .where((Participant.user == user.id) & visible(user.program, now or utcnow()))
    )
    return (
        Select(from_list=[per_conversation.alias("c")], columns=[fn.COALESCE(fn.SUM(SQL('"c"."unread"')), 0)])
        .bind(database)
        .scalar()
    ) or 0


def conversation_list(user, now=None):
    """The person's conversations, newest activity first, for one query per page."""
    Mentor, Mentee, Last = User.alias(), User.alias(), Message.alias()
    active_first = Case(None, [(Match.status == Match.ACTIVE, 0)], 1)
    return (
        Participant.select(
            Participant, Conversation, Match, Mentor.id, Mentor.name, Mentee.id, Mentee.name,
            Last.id, Last.author, Last.body, Last.deleted_at, unread_count().alias("unread"),
        )
        .join(Conversation, attr="conversation")
        .join(Match, JOIN.LEFT_OUTER, on=(Conversation.match == Match.id), attr="match")
        .join(Mentor, JOIN.LEFT_OUTER, on=(Match.mentor == Mentor.id), attr="mentor")
        .switch(Match)
        .join(Mentee, JOIN.LEFT_OUTER, on=(Match.mentee == Mentee.id), attr="mentee")
        .switch(Conversation)
        .join(Last, JOIN.LEFT_OUTER, on=(Last.id == Conversation.last_message_id), attr="last_message")
        .where((Participant.user == user.id) & visible(user.program, now or utcnow()))
        .order_by(
            active_first,
            fn.COALESCE(Conversation.last_message_at, Conversation.created_at).desc(),
            Conversation.id.desc(),
        )
    )

