"""The worker: claims due notifications and sends each exactly once.

A claim is one UPDATE that takes a batch of rows, each only while it is
pending, due, and nobody else's claim is running:

    UPDATE notifications SET claim_token = ?, claimed_until = ?
    WHERE id IN (SELECT id ... due, oldest first, LIMIT batch)
      AND status = 'pending' AND due_at <= ?
      AND (claimed_until IS NULL OR claimed_until < ?)

A worker acts only on the rows that now carry its token, so any number of
workers on SQLite or PostgreSQL never send one twice. A worker that dies
mid-send leaves its claims behind; once `lease` has passed they count as free
and are sent by whoever claims them next. Finishing requires still holding the
claim (WHERE claim_token = ours). Results are committed one notification at a
time, so a killed worker can only ever resend the one it was sending.
"""

import logging
import os
import random
import socket
import uuid
from dataclasses import dataclass, fields
from datetime import timedelta

from flask import current_app
from ..clock import utcnow
from ..db import database
from ..models import User
from ..web import path_for
from .delivery import history, record, send_to_devices
from .models import DeliveryAttempt, PushPreference, Subscription
from .outbox import Notification
from .rules import local_day_bounds, quiet_hours_end

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
BACKOFF_BASE = 30  # seconds, doubled per attempt
BACKOFF_MAX = 3600
RETRY_AFTER_MAX = 24 * 3600
KEEP_HISTORY = timedelta(days=30)
# Sends again after a timeout. The first may well have arrived, so only few:
# the copies share a Topic and a tag, and replace each other.
TIMEOUT_RETRIES = 1


@dataclass
class PassReport:
    sent: int = 0
    collapsed: int = 0
    retried: int = 0
    deferred: int = 0
    dropped: int = 0
    failed: int = 0
    unknown: int = 0
    lost_claims: int = 0

    def __str__(self):
        return ", ".join(f"{f.name.replace('_', ' ')} {getattr(self, f.name)}" for f in fields(self))

    @property
    def handled(self):
        return self.sent + self.retried + self.deferred + self.dropped + self.failed + self.unknown


def open_url(notification):
    """Our own redirect to the notification's page (see views.open_notification)."""
    return path_for("push.open_notification", notification_id=notification.id)


def backoff(attempts, retry_after=None):
    """Seconds before the next try: doubling with jitter, never sooner than asked."""
    wait = min(BACKOFF_MAX, BACKOFF_BASE * 2 ** max(0, attempts - 1)) * random.uniform(0.8, 1.2)
    if retry_after is not None:
        wait = max(wait, min(retry_after, RETRY_AFTER_MAX))
    return timedelta(seconds=wait)


def worker_name():
    return f"{socket.gethostname()[:30]}:{os.getpid()}"


class Worker:
    def __init__(self, sender, lease=timedelta(minutes=5), batch=50, clock=utcnow, name=None,
                 timeout_retries=TIMEOUT_RETRIES):
        self.sender = sender
        self.timeout_retries = timeout_retries
        self.lease = lease
        self.batch = batch
        self.clock = clock
        self.name = name or worker_name()
        self.stopping = False

    # One pass

    def run_pass(self, now):
        """Run the reminder producers, then send everything due at `now`."""
        run_producers(now)
        report = PassReport()
        while not self.stopping:
            token = f"{self.name}:{uuid.uuid4().hex[:12]}"
            claimed = self._claim_due(token, now)
            if not claimed:
                # Another worker may have taken our pick between our SELECT and
                # UPDATE; stop only when nothing is left to claim.
                if self._candidates(now):
                    continue
                break
            self._handle_batch(claimed, token, now, report)
        return report

    def _claim_clock(self, now):
        # Leases run on the real clock even when a test passes another `now`.
        return max(now, self.clock())

    def _free(self, at):
        return Notification.claimed_until.is_null() | (Notification.claimed_until < at)

    def _claimable(self, now, at):
        return (Notification.status == Notification.PENDING) & (Notification.due_at <= now) & self._free(at)

    def _candidates(self, now):
        query = (
            Notification.select(Notification.id)
            .where(self._claimable(now, self._claim_clock(now)))
            .order_by(Notification.due_at, Notification.id)
            .limit(self.batch)
        )
        return [row[0] for row in query.tuples()]

    def _claim_due(self, token, now):
        """Claim up to `batch` due notifications in one UPDATE; returns them, oldest first, with their people.

        The UPDATE repeats the conditions, so a row another worker claimed
        after our subquery read it is left alone (PostgreSQL re-checks them
        on the row it waited for).
        """
        at = self._claim_clock(now)
        pick = Notification.select(Notification.id).where(self._claimable(now, at)).order_by(
            Notification.due_at, Notification.id).limit(self.batch)
        (Notification.update(claim_token=token, claimed_until=at + self.lease)
         .where(Notification.id.in_(pick) & self._claimable(now, at))
         .execute())
        return list(
            Notification.select(Notification, User).join(User)
            .where(Notification.claim_token == token)
            .order_by(Notification.due_at, Notification.id)
        )

    def _handle_batch(self, claimed, token, now, report):
        """Handle each claimed notification in turn, renewing the claim before it runs short."""
        lease_ends = self._claim_clock(now) + self.lease
        people = {n.user_id: n.user for n in claimed}
        batch = Batch(PushPreference.for_users(people), SentToday(people.values(), now))
        done = set()
        for position, notification in enumerate(claimed):
            if self.stopping:
                self._release(claimed[position:], token, done)
                return
            if notification.id in done:
                continue
            if self._claim_clock(now) > lease_ends - self.lease / 2:
                lease_ends = self._renew(token, now)
            done |= self._handle(notification, token, now, report, batch)

    def _renew(self, token, now):
        """Push back the end of the claim on what this worker still holds."""
        lease_ends = self._claim_clock(now) + self.lease
        Notification.update(claimed_until=lease_ends).where(Notification.claim_token == token).execute()
        return lease_ends

    def _release(self, rest, token, done):
        """Stopping: hand back what was claimed but not begun, for the next worker."""
        ids = [n.id for n in rest if n.id not in done]
        if ids:
            (Notification.update(claim_token=None, claimed_until=None)
             .where(Notification.id.in_(ids) & (Notification.claim_token == token)).execute())

    def _group(self, first, token, now):
        """The claimed notification and any others due for the same person and topic."""
        if not first.topic:
            return [first]
        at = self._claim_clock(now)
        same = (Notification.user == first.user_id) & (Notification.topic == first.topic)
        (Notification.update(claim_token=token, claimed_until=at + self.lease)
         .where(same & (Notification.status == Notification.PENDING) & (Notification.due_at <= now)
                & (Notification.id != first.id) & self._free(at))
         .execute())
        group = list(Notification.select().where(same & (Notification.claim_token == token)
                                                  & (Notification.status == Notification.PENDING)))
        for notification in group:
            notification.user = first.user
        return group

    def _handle(self, first, token, now, report, batch):
        """Handle one claimed notification (and its topic group); returns the ids it settled."""
        group = [first]
        try:
            group = self._group(first, token, now)
            self._process(group, token, now, report, batch)
        except Exception as e:  # one bad row must not stop the others
            log.exception("push: notification %s failed", first.id)
            self._give_back(first.id, token, now, f"internal error: {e.__class__.__name__}", report)
        return {n.id for n in group}

    # Deciding what to do with one notification

    def _process(self, group, token, now, report, batch):
        newest = max(group, key=lambda n: (n.created_at, n.id))
        urgent = any(n.urgent for n in group)
        user = newest.user
        if not user.is_active:
            return self._finish(group, token, Notification.DROPPED, now, report, "account switched off")
        if newest.expires_at is not None and newest.expires_at <= now:
            return self._finish(group, token, Notification.DROPPED, now, report, "expired before it could be sent")
        wanted = STILL_WANTED.get(newest.kind)
        if wanted is not None and not wanted(newest, user, now):
            return self._finish(group, token, Notification.DROPPED, now, report, "no longer needed")
        if not urgent:
            prefs = batch.preferences.get(user.id) or PushPreference(user=user.id)
            quiet_until = quiet_hours_end(now, user.timezone, prefs.quiet_start, prefs.quiet_end)
            if quiet_until is not None:
                return self._defer(group, token, quiet_until, report)
            if batch.sent_today.count(user) >= prefs.daily_cap:
                return self._finish(group, token, Notification.DROPPED, now, report, "daily limit reached")
        seen = history(newest)
        devices = [s for s in Subscription.for_user(user) if seen.worth_sending(s.id, self.timeout_retries)]
        if not devices and not seen.delivered and not seen.timeouts:
            return self._finish(group, token, Notification.DROPPED, now, report, "no device turned on")
        delivery = send_to_devices(self.sender, newest, user.role, devices, now, open_url(newest))
        status = self._settle(group, newest, token, delivery, seen, now, report)
        if status in (Notification.SENT, Notification.UNKNOWN) and not urgent:
            batch.sent_today.add(user)

    def _settle(self, group, newest, token, delivery, seen, now, report):
        """Record the attempts and move the group on; returns the status it was given."""
        attempts = newest.attempts + 1
        ok = delivery.any_ok or bool(seen.delivered)
        # A device that timed out may be sent to again, TIMEOUT_RETRIES times at most.
        retry_timeouts = any(seen.timeouts[s] < self.timeout_retries for s in delivery.timed_out())
        unknown = bool(delivery.timed_out() or seen.timeouts)
        with database.atomic():
            record(delivery, newest, now)
            if (delivery.needs_retry or retry_timeouts) and attempts < MAX_ATTEMPTS:
                retry_at = now + backoff(attempts, delivery.retry_after)
                self._update(group, token, report, status=Notification.PENDING, due_at=retry_at,
                             attempts=attempts, last_error=delivery.summary())
                report.retried += 1
                return Notification.PENDING
            if ok:
                self._finish(group, token, Notification.SENT, now, report, delivery.summary(), newest, attempts)
                return Notification.SENT
            if unknown:
                # Not "failed": the service may have taken it and only answered late.
                status = Notification.UNKNOWN
            elif DeliveryAttempt.TOO_LARGE in delivery.outcomes():
                status = Notification.DROPPED
            else:
                status = Notification.FAILED
            self._finish(group, token, status, now, report, delivery.summary(), attempts=attempts)
            return status

    # Writing the result, only while the claim is still ours

    def _update(self, group, token, report, **values):
        values.update(claim_token=None, claimed_until=None)
        changed = (Notification.update(**values)
                   .where(Notification.id.in_([n.id for n in group]) & (Notification.claim_token == token))
                   .execute())
        if changed < len(group):
            # Our lease ran out and someone else claimed it: they own it now.
            report.lost_claims += len(group) - changed
            log.warning("push: claim on %s expired before it was finished", [n.id for n in group])
        return changed

    def _finish(self, group, token, status, now, report, error="", representative=None, attempts=None):
        """Close the group: sent ones leave one SENT (the one pushed) and the rest COLLAPSED."""
        values = {"status": status, "last_error": error}
        if status in (Notification.SENT, Notification.UNKNOWN):
            # For an unknown one: when it was sent, though nobody confirmed it.
            values["sent_at"] = now
        if attempts is not None:
            values["attempts"] = attempts
        rest = group
        # SENT comes only from _settle, whose transaction holds both UPDATEs.
        if status == Notification.SENT:
            representative = representative or group[0]
            self._update([representative], token, report, **values)
            rest = [n for n in group if n.id != representative.id]
            values["status"] = Notification.COLLAPSED
            report.collapsed += len(rest)
        if rest:
            self._update(rest, token, report, **values)
        name = {Notification.SENT: "sent", Notification.DROPPED: "dropped", Notification.FAILED: "failed",
                Notification.UNKNOWN: "unknown"}[status]
        setattr(report, name, getattr(report, name) + 1)

    def _defer(self, group, token, until, report):
        self._update(group, token, report, due_at=until)
        report.deferred += 1

    def _give_back(self, notification_id, token, now, error, report):
        notification = Notification.get_or_none(Notification.id == notification_id)
        if notification is None:
            return
        attempts = notification.attempts + 1
        if attempts >= MAX_ATTEMPTS:
            self._update([notification], token, report, status=Notification.FAILED, attempts=attempts, last_error=error)
            report.failed += 1
        else:
            self._update([notification], token, report, due_at=now + backoff(attempts),
                         attempts=attempts, last_error=error)
            report.retried += 1


@dataclass
class Batch:
    """What one claimed batch reads once for all its people."""

    preferences: dict
    sent_today: "SentToday"


class SentToday:
    """Non-urgent pushes each person has had since their local midnight (unknown ones probably arrived).

    Read in one query for a batch's people and kept up to date as the batch
    sends. Another worker sending to the same person at the same moment is
    not seen until the next batch, so the cap may be passed by one or two.
    """

    def __init__(self, users, now):
        self.bounds = {u.id: local_day_bounds(now, u.timezone) for u in users}
        self.counts = dict.fromkeys(self.bounds, 0)
        if not self.bounds:
            return
        earliest = min(start for start, _end in self.bounds.values())
        rows = (Notification.select(Notification.user, Notification.sent_at)
                .where(Notification.user.in_(list(self.bounds))
                       & Notification.status.in_([Notification.SENT, Notification.UNKNOWN])
                       & (Notification.sent_at >= earliest) & ~Notification.urgent)
                .tuples())
        for user_id, sent_at in rows:
            start, end = self.bounds[user_id]
            if start <= sent_at < end:
                self.counts[user_id] += 1

    def count(self, user):
        return self.counts.get(user.id, 0)

    def add(self, user):
        self.counts[user.id] = self.count(user) + 1


# kind -> fn(notification, user, now) -> bool: asked just before sending.
STILL_WANTED = {}


def run_producers(now):
    """Let features queue what has become due (meeting reminders, daily check-ins)."""
    for producer in current_app.extensions.get("reminder_producers", []):
        try:
            producer(now)
        except Exception:
            log.exception("push: reminder producer %s failed", getattr(producer, "__name__", producer))


def prune(now):
    """Forget finished notifications and attempts after KEEP_HISTORY."""
    cutoff = now - KEEP_HISTORY
    with database.atomic():
        attempts = DeliveryAttempt.delete().where(DeliveryAttempt.at < cutoff).execute()
        finished = (Notification.delete()
                    .where((Notification.status != Notification.PENDING) & (Notification.due_at < cutoff))
                    .execute())
    return attempts + finished

