"""Push notifications: an outbox that features add to, and a worker that sends.

Features call `notify()` and nothing else. What reaches a lock screen is
chosen here by kind, from neutral texts: never mood, message content, names of
conditions, or who said what.
"""

from .outbox import Notification, cancel_pending, notify

__all__ = ["Notification", "cancel_pending", "notify"]
