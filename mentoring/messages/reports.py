"""Reporting a message to the program's safeguarding lead.

The lead gets the reported message and only the few before it, for context:
never the rest of the conversation.
"""

from ..clock import to_local, utcnow
from ..db import create_once, database
from ..i18n import _
from ..models import MENTEE, User
from ..safety import raise_alert
from .models import Message, MessageReport
from .policy import REPORT_CONTEXT


def context(message, program, size=REPORT_CONTEXT):
    """The reported message and up to `size` before it, oldest first."""
    rows = (
        Message.select(Message, User)
        .join(User, on=(Message.author == User.id), attr="author")
        .where((Message.conversation == message.conversation_id) & (Message.id <= message.id))
        .order_by(Message.id.desc())
        .limit(size + 1)
    )
    return [
        {
            "author": row.author.name,
            "at": to_local(row.created_at, program.timezone).strftime("%Y-%m-%d %H:%M ") + program.timezone,
            "text": _("(message deleted)") if row.is_deleted else row.body,
        }
        for row in reversed(list(rows))
    ]


def existing(message, reporter):
    return MessageReport.get_or_none((MessageReport.message == message.id) & (MessageReport.reporter == reporter.id))


def report(message, reporter, people, note="", now=None):
    """File a report once per person and message; returns (report, created)."""
    now = now or utcnow()
    mentee = next((p.user for p in people if p.role == MENTEE), None)
    mentor = next((p.user for p in people if p.role != MENTEE), None)
    program = reporter.program
    with database.atomic():
        filed, created = create_once(
            MessageReport, {"message": message.id, "reporter": reporter.id}, note=note, created_at=now
        )
        if created:
            alert = raise_alert(
                subject=mentee,
                kind="message_report",
                summary=_(
                    "%(reporter)s reported a message in the conversation between %(mentor)s (mentor) and "
                    "%(mentee)s (mentee).",
                    reporter=reporter.name,
                    mentor=mentor.name if mentor else "?",
                    mentee=mentee.name,
                ),
                details={
                    "lines": [[_("Reported by"), reporter.name]] + ([[_("Their note"), note]] if note else []),
                    "context": context(message, program),
                },
                raised_by=reporter.id,
                now=now,
            )
            MessageReport.update(alert=alert.id).where(MessageReport.id == filed.id).execute()
    return filed, created
