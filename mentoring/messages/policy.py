"""The rules of messaging, in one place."""

from datetime import timedelta

# Long enough for a real message, short enough to read on a phone.
MAX_LENGTH = 2000
# Own messages can be changed or deleted this long after sending.
EDIT_WINDOW = timedelta(minutes=15)
# A mentee message unanswered this long shows as "waiting".
WAITING_AFTER = timedelta(hours=48)
# Messages per page of a thread, and the most a live thread holds before
# it asks the browser to reload (only after hundreds arrive in one sitting).
PAGE_SIZE = 30
RECENT_CAP = 200
# A report carries the reported message and at most this many before it.
REPORT_CONTEXT = 3

# Program.settings key: how many days a former mentor still sees an ended
# match's conversation.
RETENTION_KEY = "message_retention_days"
DEFAULT_RETENTION_DAYS = 30
MAX_RETENTION_DAYS = 365


def retention_days(program):
    value = (program.settings or {}).get(RETENTION_KEY, DEFAULT_RETENTION_DAYS)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_RETENTION_DAYS:
        return DEFAULT_RETENTION_DAYS
    return value


def retention_cutoff(program, now):
    """Ended matches that ended before this are gone from former mentors' lists."""
    return now - timedelta(days=retention_days(program))


def can_change(message, author_id, now):
    """Own, not deleted, and still inside the edit window."""
    return (
        message.author_id == author_id
        and message.deleted_at is None
        and now - message.created_at <= EDIT_WINDOW
    )


def is_waiting(waiting_since, now):
    return waiting_since is not None and now - waiting_since >= WAITING_AFTER
