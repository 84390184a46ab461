"""Shared helpers for the meetings tests: meetings and series made directly."""

from datetime import datetime, time, timedelta

from mentoring.clock import local_today, utcnow
from mentoring.meetings.models import CONFIRMED, WEEKLY, Meeting, MeetingSeries
from mentoring.push import Notification


def soon(days=3, hour=None):
    """A whole-minute UTC moment `days` from now."""
    moment = utcnow().replace(second=0, microsecond=0) + timedelta(days=days)
    return moment.replace(hour=hour, minute=0) if hour is not None else moment


def today(zone="Europe/London"):
    """The date where the meetings take place: not date.today(), which follows the machine's zone."""
    return local_today(zone)


def make_meeting(match, starts_at, status=CONFIRMED, proposed_by=None, **fields):
    fields.setdefault("timezone", "Europe/London")
    fields.setdefault("mode", "phone")
    return Meeting.create(match=match, starts_at=starts_at, status=status,
                          proposed_by=proposed_by or match.mentor_id, **fields)


def make_series(match, first_date, at=time(10, 0), rule=WEEKLY, timezone="Europe/London", status=CONFIRMED,
                **fields):
    fields.setdefault("mode", "phone")
    fields.setdefault("proposed_by", match.mentor_id)
    return MeetingSeries.create(match=match, first_date=first_date, start_time=at, rule=rule, timezone=timezone,
                                status=status, **fields)


def utc(*parts):
    return datetime(*parts)


def pending(kind="meeting_reminder", user=None):
    query = Notification.select().where((Notification.kind == kind) & (Notification.status == Notification.PENDING))
    if user is not None:
        query = query.where(Notification.user == user.id)
    return list(query.order_by(Notification.due_at, Notification.user))


def told(user, kind):
    """Pushes of `kind` queued for `user` (not reminders)."""
    return list(Notification.select().where((Notification.user == user.id) & (Notification.kind == kind)))
