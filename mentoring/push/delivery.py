"""One notification to each of a person's devices, every attempt logged.

Network calls happen here, outside any transaction; what came of them is
written afterwards in one (record()).
"""

import time
from collections import Counter
from dataclasses import dataclass, field

from ..db import database
from .models import DeliveryAttempt, Subscription
from .sender import PushError
from .texts import payload, tag_for, ttl_for, urgency_for


@dataclass
class Attempt:
    subscription: Subscription
    outcome: str
    status_code: int | None = None
    error: str = ""
    retry_after: int | None = None
    duration_ms: int = 0


@dataclass
class Delivery:
    """What happened to one notification on this try."""

    attempts: list = field(default_factory=list)

    def outcomes(self):
        return {a.outcome for a in self.attempts}

    @property
    def any_ok(self):
        return DeliveryAttempt.OK in self.outcomes()

    @property
    def needs_retry(self):
        return DeliveryAttempt.RETRY in self.outcomes()

    def timed_out(self):
        """Ids of the devices that gave no answer in time on this try."""
        return {a.subscription.id for a in self.attempts if a.outcome == DeliveryAttempt.UNKNOWN}

    @property
    def retry_after(self):
        waits = [a.retry_after for a in self.attempts if a.retry_after is not None]
        return max(waits) if waits else None

    def summary(self):
        failed = [a for a in self.attempts if a.outcome != DeliveryAttempt.OK]
        return "; ".join(f"{a.subscription.device_name}: {a.error}" for a in failed)[:1000]


def _outcome(error):
    if error.timed_out:
        return DeliveryAttempt.UNKNOWN
    if error.gone:
        return DeliveryAttempt.GONE
    if error.too_large:
        return DeliveryAttempt.TOO_LARGE
    return DeliveryAttempt.FAILED if error.permanent else DeliveryAttempt.RETRY


def send_to_devices(sender, notification, role, subscriptions, now, open_url):
    """POST the notification to each subscription; nothing is written yet."""
    plaintext = payload(notification, role, open_url)
    ttl, urgency = ttl_for(notification, now), urgency_for(notification)
    # Always a Topic, equal to the tag: a copy sent again after a timeout
    # replaces the first one at the push service as well as on the device.
    topic = tag_for(notification)
    delivery = Delivery()
    for subscription in subscriptions:
        started = time.monotonic()
        target = {"endpoint": subscription.endpoint, "p256dh": subscription.p256dh, "auth": subscription.auth}
        try:
            code = sender.send(target, plaintext, ttl=ttl, urgency=urgency, topic=topic)
            attempt = Attempt(subscription, DeliveryAttempt.OK, code)
        except PushError as e:
            attempt = Attempt(subscription, _outcome(e), e.status, str(e)[:300], e.retry_after)
        attempt.duration_ms = int((time.monotonic() - started) * 1000)
        delivery.attempts.append(attempt)
    return delivery


def record(delivery, notification, now):
    """Log every attempt and act on the answers: forget gone devices, note the rest.

    Call inside a transaction.
    """
    if not delivery.attempts:
        return
    DeliveryAttempt.insert_many([
        {
            "notification": notification.id, "subscription": a.subscription.id,
            "user": notification.user_id, "origin": a.subscription.origin[:200],
            "status_code": a.status_code, "outcome": a.outcome, "error": a.error,
            "duration_ms": a.duration_ms, "at": now,
        }
        for a in delivery.attempts
    ]).execute()
    by_outcome = {}
    for a in delivery.attempts:
        by_outcome.setdefault(a.outcome, []).append(a.subscription.id)
    if by_outcome.get(DeliveryAttempt.OK):
        Subscription.update(last_success_at=now).where(Subscription.id.in_(by_outcome[DeliveryAttempt.OK])).execute()
    failing = by_outcome.get(DeliveryAttempt.RETRY, []) + by_outcome.get(DeliveryAttempt.FAILED, [])
    if failing:
        Subscription.update(last_failure_at=now).where(Subscription.id.in_(failing)).execute()
    if by_outcome.get(DeliveryAttempt.GONE):
        # 404/410: the browser dropped the subscription; it will never work again.
        Subscription.delete().where(Subscription.id.in_(by_outcome[DeliveryAttempt.GONE])).execute()


@dataclass
class History:
    """What earlier tries of one notification came to, per device."""

    delivered: set = field(default_factory=set)
    timeouts: Counter = field(default_factory=Counter)

    def worth_sending(self, subscription_id, timeout_retries):
        """Not if it was accepted, nor once it timed out more than `timeout_retries` times."""
        return subscription_id not in self.delivered and self.timeouts[subscription_id] <= timeout_retries


def history(notification):
    """Devices that accepted this notification, and how often each timed out, on earlier tries."""
    seen = History()
    if not notification.attempts:
        return seen
    rows = (DeliveryAttempt.select(DeliveryAttempt.subscription, DeliveryAttempt.outcome)
            .where((DeliveryAttempt.notification == notification.id)
                   & DeliveryAttempt.outcome.in_([DeliveryAttempt.OK, DeliveryAttempt.UNKNOWN]))
            .tuples())
    for subscription_id, outcome in rows:
        if outcome == DeliveryAttempt.OK:
            seen.delivered.add(subscription_id)
        else:
            seen.timeouts[subscription_id] += 1
    return seen


def send_now(sender, notification, role, subscriptions, now, open_url):
    """Send and record straight away (the settings page's test button)."""
    delivery = send_to_devices(sender, notification, role, subscriptions, now, open_url)
    with database.atomic():
        record(delivery, notification, now)
    return delivery
