"""What a push says on a lock screen, chosen by kind: the only place that decides it.

Anyone may glance at a lock screen. The words here say that something is
waiting and never what: no mood, no message content, no names of conditions,
not even whose message it is beyond "your mentor" or "your mentee".
"""

import json
from dataclasses import dataclass
from datetime import timedelta

from ..i18n import _l
from ..models import MENTEE, MENTOR
from .outbox import topic_key

# Plaintext a push service must accept: 4096 bytes of record minus the
# aes128gcm header (86), the tag (16) and the padding delimiter (1).
MAX_PAYLOAD = 3993


@dataclass(frozen=True)
class Kind:
    title: object
    body: object
    # Seconds the push service keeps trying to reach a device that is off.
    ttl: int
    urgency: str = "normal"


HOUR = 3600
DAY = 24 * HOUR

KINDS = {
    "message": Kind(_l("New message"), _l("You have a new message."), DAY),
    "safeguarding": Kind(_l("Something needs your attention"), _l("Open the app to see it."), DAY, "high"),
    "meeting_reminder": Kind(_l("Meeting reminder"), _l("You have a meeting coming up."), 2 * HOUR),
    "meeting_proposed": Kind(_l("New meeting time suggested"), _l("Open the app to reply."), DAY),
    "meeting_changed": Kind(_l("A meeting has changed"), _l("Open the app to see the new details."), DAY),
    "meeting_cancelled": Kind(_l("A meeting was cancelled"), _l("Open the app for details."), DAY),
    # Short: a check-in reminder that arrives hours late is only noise.
    "checkin_reminder": Kind(_l("Time for your check-in"), _l("It only takes a minute."), HOUR),
    # A goal's comment, suggested step, draft or achievement: never which goal.
    "goal": Kind(_l("Something new on your goals"), _l("Open the app to see it."), DAY),
    "test": Kind(_l("Test notification"), _l("Notifications work on this device."), 10 * 60, "high"),
}
FALLBACK = Kind(_l("You have a new notification"), _l("Open the app to see it."), DAY)

# Who a message is from, said only as the reader's relation to them.
MESSAGE_FROM = {
    MENTEE: _l("New message from your mentor"),
    MENTOR: _l("New message from your mentee"),
}

# Kinds the reminders card offers to snooze ("Remind me later").
SNOOZABLE = ("checkin_reminder", "meeting_reminder")


def kind_of(notification):
    return KINDS.get(notification.kind, FALLBACK)


def texts(kind, role):
    """(title, body) as plain strings for a notification of `kind` to someone in `role`."""
    spec = KINDS.get(kind, FALLBACK)
    if kind == "message" and role in MESSAGE_FROM:
        return str(MESSAGE_FROM[role]), str(_l("Open the app to read it."))
    return str(spec.title), str(spec.body)


def payload(notification, role, open_url):
    """The JSON the service worker shows. `open_url` is our own redirect, so the
    payload carries no feature's address either."""
    title, body = texts(notification.kind, role)
    data = {
        "title": title,
        "body": body,
        # Replaces an earlier notification with the same tag on the device.
        "tag": tag_for(notification),
        "url": open_url,
    }
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()


def tag_for(notification):
    """The device's tag, and the push service's Topic: one per topic, else one per kind."""
    return notification.topic or topic_key(notification.kind)


def ttl_for(notification, now):
    """The kind's TTL, never beyond the notification's own expiry."""
    ttl = kind_of(notification).ttl
    if notification.expires_at is not None:
        left = (notification.expires_at - now) // timedelta(seconds=1)
        ttl = max(0, min(ttl, left))
    return ttl


def urgency_for(notification):
    return "high" if notification.urgent else kind_of(notification).urgency
