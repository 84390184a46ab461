"""What coordinators see of messaging: numbers and times, never words.

Also the mentor's panel about one mentee.
"""

from datetime import timedelta

from flask_babel import format_datetime, format_timedelta
from flask_login import current_user
from peewee import JOIN, Case, fn

from ..clock import utcnow
from ..i18n import _
from ..models import MENTEE, Match, User
from ..people import Fact
from .conversations import unread_count
from .models import Conversation, Message, Participant
from .policy import WAITING_AFTER, is_waiting


def average_wait(reply_count, reply_wait_seconds):
    if not reply_count:
        return None
    return timedelta(seconds=(reply_wait_seconds or 0) / reply_count)


def _wait_text(wait):
    return format_timedelta(wait, granularity="minute", threshold=1.0)


def match_facts(matches):
    """{match id: [Fact]} for a page of matches, in one query."""
    rows = (
        Conversation.select(
            Conversation.match, Conversation.message_count, Conversation.last_message_at,
            Conversation.waiting_since, Conversation.reply_count, Conversation.reply_wait_seconds,
            Participant.role, Participant.sent_count,
        )
        .join(Participant, on=(Participant.conversation == Conversation.id))
        .where(Conversation.match.in_([m.id for m in matches]))
        .dicts()
    )
    by_match = {}
    for row in rows:
        found = by_match.setdefault(row["match"], dict(row, sent={}))
        found["sent"][row["role"]] = row["sent_count"]
    now = utcnow()
    facts = {}
    for match in matches:
        row = by_match.get(match.id)
        if not row or not row["message_count"]:
            facts[match.id] = [Fact(_("Messages"), _("none yet"))]
            continue
        found = [
            Fact(_("Messages"), _("%(total)d (%(mentee)d from the mentee, %(mentor)d from the mentor)",
                                  total=row["message_count"], mentee=row["sent"].get(MENTEE, 0),
                                  mentor=row["sent"].get("mentor", 0))),
            Fact(_("Last message"), format_datetime(row["last_message_at"], "medium")),
        ]
        wait = average_wait(row["reply_count"], row["reply_wait_seconds"])
        if wait is not None:
            found.append(Fact(_("Mentee messages wait for a reply"), _("%(time)s on average", time=_wait_text(wait))))
        if is_waiting(row["waiting_since"], now):
            found.append(Fact(_("Waiting for a reply"), _("over 48 hours, since %(date)s",
                                                          date=format_datetime(row["waiting_since"], "medium")), "alert"))
        facts[match.id] = found
    return facts


def program_figures(user):
    """Messaging across the program's active matches, for the coordinator's home."""
    now = utcnow()
    week_ago = now - timedelta(days=7)
    row = (
        Match.select(
            fn.COUNT(Match.id).alias("matches"),
            fn.COALESCE(fn.SUM(Conversation.message_count), 0).alias("messages"),
            fn.COALESCE(fn.SUM(Case(None, [(Conversation.last_message_at >= week_ago, 1)], 0)), 0).alias("this_week"),
            fn.COALESCE(fn.SUM(Case(None, [(Conversation.waiting_since <= now - WAITING_AFTER, 1)], 0)), 0).alias("waiting"),
            fn.COALESCE(fn.SUM(Conversation.reply_count), 0).alias("replies"),
            fn.COALESCE(fn.SUM(Conversation.reply_wait_seconds), 0).alias("wait_seconds"),
        )
        .join(Conversation, JOIN.LEFT_OUTER, on=(Conversation.match == Match.id))
        .where((Match.program == user.program_id) & (Match.status == Match.ACTIVE))
        .dicts()
        .get()
    )
    if not row["matches"]:
        return None
    wait = average_wait(int(row["replies"]), int(row["wait_seconds"]))
    return {
        "matches": row["matches"],
        "messages": int(row["messages"]),
        "this_week": int(row["this_week"]),
        "quiet": row["matches"] - int(row["this_week"]),
        "waiting": int(row["waiting"]),
        "average_wait": _wait_text(wait) if wait is not None else None,
    }


def match_panel(match):
    """The mentor's view of messaging with one mentee: unread, waiting, a link."""
    row = (
        Conversation.select(Conversation, Participant, unread_count().alias("unread"))
        .join(Participant, JOIN.LEFT_OUTER,
              on=((Participant.conversation == Conversation.id) & (Participant.user == current_user.id)),
              attr="me")
        .where(Conversation.match == match.id)
        .first()
    )
    now = utcnow()
    return {
        "match": match,
        "conversation": row,
        "unread": (row.unread or 0) if row else 0,
        "waiting": bool(row) and is_waiting(row.waiting_since, now),
        "waiting_since": row.waiting_since if row else None,
    }



def unanswered_risk(user):
    """The mentor's home, first: each mentee whose message with risk words has no reply yet.

    "No reply yet" is the conversation's wait clock (set by a mentee's message,
    cleared by the mentor's reply). One query, whatever the number of mentees.
    """
    Mentee = User.alias()
    rows = (
        Message.select(Message, Mentee.name.alias("mentee_name"))
        .join(Conversation, on=(Message.conversation == Conversation.id))
        .join(Match, on=(Conversation.match == Match.id))
        .join(Mentee, on=(Match.mentee == Mentee.id))
        .where(
            (Match.mentor == user.id) & (Match.status == Match.ACTIVE) & Message.risk
            & Message.deleted_at.is_null() & Conversation.waiting_since.is_null(False)
            & (Message.created_at >= Conversation.waiting_since)
        )
        .order_by(Message.created_at.desc())
        .limit(50)
        .objects()
    )
    latest = {}
    for message in rows:
        latest.setdefault(message.conversation_id, message)
    return {"messages": list(latest.values())} if latest else None
