"""Reading a thread in pages (keyset on message id) and laying it out by day."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flask_babel import format_date, format_time

from ..clock import local_today, to_local
from ..i18n import _
from ..models import MENTEE, MENTOR
from .models import Message
from .policy import PAGE_SIZE, RECENT_CAP, can_change


@dataclass
class Block:
    """Consecutive messages, oldest first, and the one just before them.

    `prev` tells whether older messages exist, and which day the block's
    first message continues, so day headings never repeat across blocks.
    """

    items: list
    prev: Message | None = None
    complete: bool = True

    @property
    def first_id(self):
        return self.items[0].id if self.items else None

    @property
    def has_older(self):
        return self.prev is not None


def _page(query, size):
    rows = list(query.order_by(Message.id.desc()).limit(size + 1))
    prev = rows[size] if len(rows) > size else None
    return Block(items=list(reversed(rows[:size])), prev=prev)


def latest(conversation_id, size=PAGE_SIZE):
    return _page(Message.select().where(Message.conversation == conversation_id), size)


def older(conversation_id, before, size=PAGE_SIZE):
    return _page(
        Message.select().where((Message.conversation == conversation_id) & (Message.id < before)), size
    )


def since(conversation_id, after, cap=RECENT_CAP):
    """Every message after `after` (and that one, as prev): what a live thread shows.

    `complete` is False when more than `cap` arrived, so the caller can ask
    for a reload rather than leave a gap.
    """
    query = Message.select().where(Message.conversation == conversation_id)
    if after:
        query = query.where(Message.id >= after)
    rows = list(reversed(query.order_by(Message.id.desc()).limit(cap + 1)))
    if after:
        complete = bool(rows) and rows[0].id == after
        prev = rows.pop(0) if complete else None
    else:
        complete, prev = len(rows) <= cap, None
    return Block(items=rows, prev=prev, complete=complete)


@dataclass
class Day:
    label: str
    day: date
    kind: str = "day"


@dataclass
class Entry:
    message: Message
    mine: bool
    author: object
    time: str
    at: datetime
    read: bool = False
    changeable: bool = False
    guide: bool = False
    kind: str = "message"


def day_label(day, today):
    if day == today:
        return _("Today")
    if day == today - timedelta(days=1):
        return _("Yesterday")
    if day.year == today.year:
        return format_date(day, "EEEE d MMMM")
    return format_date(day, "EEEE d MMMM y")


def layout(block, viewer, people, now):
    """Day headings and messages as the viewer sees them.

    `people` are the conversation's participants: their names, and the
    furthest any other person has read (for "Read" under the viewer's own).
    """
    tz = viewer.timezone or "UTC"
    today = local_today(tz, now)
    users = {p.user_id: p.user for p in people}
    read_by_others = max((p.last_read_message_id for p in people if p.user_id != viewer.id), default=0)
    viewer_role = next((p.role for p in people if p.user_id == viewer.id), None)
    roles = {p.user_id: p.role for p in people}
    previous_day = to_local(block.prev.created_at, tz).date() if block.prev else None
    entries = []
    for message in block.items:
        day = to_local(message.created_at, tz).date()
        if day != previous_day:
            entries.append(Day(label=day_label(day, today), day=day))
            previous_day = day
        mine = message.author_id == viewer.id
        entries.append(Entry(
            message=message,
            mine=mine,
            author=users.get(message.author_id),
            time=format_time(message.created_at, "short"),
            at=message.created_at,
            read=mine and read_by_others >= message.id,
            changeable=can_change(message, viewer.id, now),
            # A mentor reading risky words from their mentee gets a short guide.
            guide=(viewer_role == MENTOR and message.risk and not message.is_deleted
                   and roles.get(message.author_id) == MENTEE),
        ))
    return entries
