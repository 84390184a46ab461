"""Writing to a conversation: send, edit, delete, mark read.

Every write is one transaction, and every change a reader can see moves the
conversation's version, which is what polls compare.
"""

from ..clock import utcnow
from ..db import create_once, database
from ..models import MENTEE, MENTOR
from ..push import cancel_pending, notify
from ..safety import check_writing, shows_panel
from ..web import path_for
from .conversations import topic
from .models import Conversation, Message, Participant
from .policy import can_change


class Closed(Exception):
    """The conversation no longer takes changes (the match ended, the window passed)."""


def _bump(conversation_id, **changes):
    Conversation.update(version=Conversation.version + 1, **changes).where(
        Conversation.id == conversation_id
    ).execute()


def send(participant, body, client_id, now=None):
    """Add a message once per client id; returns (message, created).

    A retried or doubled request finds the first message and changes nothing.
    `message.safety` says whether to show the writer the crisis panel.
    """
    now = now or utcnow()
    conversation_id = participant.conversation_id
    writer = _writer(participant)
    with database.atomic():
        message, created = create_once(
            Message,
            {"author": participant.user_id, "client_id": client_id},
            conversation=conversation_id,
            body=body,
            created_at=now,
            risk=shows_panel(writer, [body]),
        )
        if created:
            _record_sent(participant, message, now)
            _notify_others(participant, now)
        message.safety = check_writing(writer, [body], "message", before=[] if created else [message.body], now=now)
    return message, created


def _writer(participant):
    """Whose words the safety rule reads: a mentee's (it reads no one else's, so
    the mentor's user row is not even loaded)."""
    return participant.user if participant.role == MENTEE else None


def _record_sent(participant, message, now):
    conversation_id = participant.conversation_id
    changes = {
        Conversation.last_message_id: message.id,
        Conversation.last_message_at: now,
        Conversation.message_count: Conversation.message_count + 1,
    }
    if participant.role == MENTEE:
        # The clock starts at the first unanswered message, not the latest.
        waiting = Conversation.select(Conversation.waiting_since).where(Conversation.id == conversation_id).scalar()
        if waiting is None:
            changes[Conversation.waiting_since] = now
    elif participant.role == MENTOR:
        waiting = Conversation.select(Conversation.waiting_since).where(Conversation.id == conversation_id).scalar()
        if waiting is not None:
            # Conditional, so two replies at once count the wait once.
            Conversation.update(
                waiting_since=None,
                reply_count=Conversation.reply_count + 1,
                reply_wait_seconds=Conversation.reply_wait_seconds + int((now - waiting).total_seconds()),
            ).where((Conversation.id == conversation_id) & (Conversation.waiting_since == waiting)).execute()
    _bump(conversation_id, **{f.name: v for f, v in changes.items()})
    # Writing in a thread means having read it.
    Participant.update(
        sent_count=Participant.sent_count + 1,
        last_read_message_id=message.id,
        last_read_at=now,
    ).where(Participant.id == participant.id).execute()


def _notify_others(participant, now):
    """One waiting notification per conversation: a newer message replaces it."""
    conversation_id = participant.conversation_id
    url = path_for("messages.thread", conversation_id=conversation_id)
    recipients = Participant.select(Participant.user).where(
        (Participant.conversation == conversation_id) & (Participant.user != participant.user_id)
    )
    for recipient in recipients:
        cancel_pending(topic(conversation_id), user=recipient.user_id)
        notify(recipient.user_id, "message", url=url, topic=topic(conversation_id), now=now)


def edit(participant, message, body, now=None):
    """Change one's own message; True when it changed. `message.safety` as for send."""
    now = now or utcnow()
    if not can_change(message, participant.user_id, now):
        raise Closed()
    writer = _writer(participant)
    with database.atomic():
        changed = Message.update(
            body=body, edited_at=now, risk=shows_panel(writer, [body])
        ).where((Message.id == message.id) & Message.deleted_at.is_null()).execute()
        if changed:
            _bump(message.conversation_id)
            # Alert and risk flag read the same lists: the program's languages.
            message.safety = check_writing(writer, [body], "message", before=[message.body], now=now)
    return bool(changed)


def delete(participant, message, now=None):
    """Remove the text for good; the thread keeps a "message deleted" line."""
    now = now or utcnow()
    if not can_change(message, participant.user_id, now):
        raise Closed()
    with database.atomic():
        changed = Message.update(body="", deleted_at=now, risk=False).where(
            (Message.id == message.id) & Message.deleted_at.is_null()
        ).execute()
        if changed:
            _bump(message.conversation_id)
    return bool(changed)


def mark_read(participant, upto, now=None):
    """Move the reader's marker forward to message `upto`; True when it moved."""
    if not upto or participant.last_read_message_id >= upto:
        return False
    now = now or utcnow()
    with database.atomic():
        moved = Participant.update(last_read_message_id=upto, last_read_at=now).where(
            (Participant.id == participant.id) & (Participant.last_read_message_id < upto)
        ).execute()
        if moved:
            # The other side's "Sent" becomes "Read".
            _bump(participant.conversation_id)
            # Nothing left to tell them by push.
            cancel_pending(topic(participant.conversation_id), user=participant.user_id)
    if moved:
        participant.last_read_message_id = upto
    return bool(moved)
