"""Meeting reminders, produced into the push outbox.

A single meeting's reminders are queued when it is confirmed and queued
again (after withdrawing the old ones) whenever it moves or is cancelled.
A series only ever has its next occurrence's reminders waiting; `top_up(now)`
queues the following one once that has passed. Each series records the
occurrence it queued for (`reminded_through`) and claims the next one with a
conditional UPDATE, so several workers topping up at once queue it once.
"""

from datetime import timedelta

from ..clock import utcnow
from ..db import database
from ..i18n import _l
from ..models import Match
from ..push import cancel_pending, notify
from ..web import path_for
from .models import CANCELLED, CONFIRMED, Meeting, MeetingSeries, ReminderChoice
from .schedule import for_series

DEFAULT_OFFSETS = (1440, 60)
OFFSET_CHOICES = (
    (2880, _l("2 days before")),
    (1440, _l("1 day before")),
    (180, _l("3 hours before")),
    (60, _l("1 hour before")),
    (15, _l("15 minutes before")),
)
# A monthly series' next occurrence is at most five weeks away; reminders go
# out at most two days ahead.
HORIZON = timedelta(days=40)
KIND = "meeting_reminder"


def offsets_for(user_ids):
    """{user id: minutes before a meeting to remind them}, defaults filled in. One query."""
    offsets = {uid: DEFAULT_OFFSETS for uid in user_ids}
    if user_ids:
        for choice in ReminderChoice.select().where(ReminderChoice.user.in_(list(user_ids))):
            offsets[choice.user_id] = choice.offsets
    return offsets


def save_offsets(user, minutes, now=None):
    now = now or utcnow()
    value = ",".join(str(m) for m in sorted(set(minutes), reverse=True))
    with database.atomic():
        updated = (
            ReminderChoice.update(minutes=value, updated_at=now).where(ReminderChoice.user == user.id).execute()
        )
        if not updated:
            ReminderChoice.create(user=user.id, minutes=value, updated_at=now)
        requeue_user(user, now)


def meeting_path(meeting):
    return path_for("meetings.meeting", ref=meeting.ref)


def _queue(meeting, user_ids, offsets, now):
    url = meeting_path(meeting)
    queued = 0
    for user_id in user_ids:
        for minutes in offsets.get(user_id, DEFAULT_OFFSETS):
            due = meeting.starts_at - timedelta(minutes=minutes)
            if due > now:
                notify(user_id, KIND, url=url, topic=meeting.topic, due_at=due, now=now)
                queued += 1
    return queued


def _members(match):
    return (match.mentor_id, match.mentee_id)


def requeue_meeting(meeting, match, now=None):
    """A single meeting changed: withdraw its waiting reminders and queue the right ones."""
    now = now or utcnow()
    if meeting.series_id:
        series = meeting.series if isinstance(meeting.series, MeetingSeries) else MeetingSeries.get_by_id(meeting.series_id)
        return requeue_series(series, match, now)
    with database.atomic():
        cancel_pending(meeting.topic)
        if meeting.status == CONFIRMED and meeting.starts_at > now and match.is_active:
            users = _members(match)
            return _queue(meeting, users, offsets_for(users), now)
    return 0


def requeue_series(series, match, now=None):
    """A series or one of its occurrences changed: start its reminders afresh."""
    now = now or utcnow()
    with database.atomic():
        cancel_pending(series.topic)
        MeetingSeries.update(reminded_through=None).where(MeetingSeries.id == series.id).execute()
        series.reminded_through = None
        if series.status != CONFIRMED or not match.is_active:
            return 0
        series.match = match
        return _top_up_series([series], now)


def requeue_user(user, now=None):
    """Someone changed how early they want reminding: redo their waiting reminders."""
    now = now or utcnow()
    matches = list(
        Match.select().where(
            (Match.status == Match.ACTIVE) & ((Match.mentor == user.id) | (Match.mentee == user.id))
        )
    )
    if not matches:
        return
    by_id = {m.id: m for m in matches}
    offsets = offsets_for([user.id])
    singles = Meeting.select().where(
        Meeting.match.in_(list(by_id)) & Meeting.series.is_null() & (Meeting.status == CONFIRMED)
        & (Meeting.starts_at > now)
    )
    for meeting in singles:
        cancel_pending(meeting.topic, user=user.id)
        _queue(meeting, [user.id], offsets, now)
    for series in MeetingSeries.select().where(
        MeetingSeries.match.in_(list(by_id)) & (MeetingSeries.status == CONFIRMED)
    ):
        requeue_series(series, by_id[series.match_id], now)


def _top_up_series(series_list, now):
    """Queue each series' next occurrence's reminders unless already queued."""
    upcoming = for_series(series_list, now, now + HORIZON)
    users = {uid for s in series_list for uid in _members(s.match)}
    offsets = offsets_for(users)
    queued = 0
    for series in series_list:
        following = next((m for m in upcoming[series.id] if m.status == CONFIRMED and m.starts_at > now), None)
        if following is None:
            continue
        if series.reminded_through is not None and following.starts_at <= series.reminded_through:
            continue
        with database.atomic():
            claimed = (
                MeetingSeries.update(reminded_through=following.starts_at)
                .where(
                    (MeetingSeries.id == series.id)
                    & (MeetingSeries.reminded_through.is_null() | (MeetingSeries.reminded_through < following.starts_at))
                )
                .execute()
            )
            if claimed:
                series.reminded_through = following.starts_at
                queued += _queue(following, _members(series.match), offsets, now)
    return queued


def top_up(now):
    """Keep every live series' next reminders queued; tidy up after ended matches.

    Called by the push worker on every pass (the push.producer hook).
    Returns how many reminders it queued.
    """
    series_list = list(
        MeetingSeries.select(MeetingSeries, Match)
        .join(Match, on=(MeetingSeries.match == Match.id))
        .where(
            (MeetingSeries.status == CONFIRMED)
            & (Match.status == Match.ACTIVE)
            & (MeetingSeries.ends_at.is_null() | (MeetingSeries.ends_at > now))
        )
    )
    withdraw_for_ended_matches(now)
    return _top_up_series(series_list, now)


def withdraw_for_ended_matches(now, match_id=None):
    """Future meetings of a match that has ended are cancelled, with their reminders."""
    ended = Match.status != Match.ACTIVE
    if match_id is not None:
        ended &= Match.id == match_id
    meetings = list(
        Meeting.select(Meeting.id, Meeting.series)
        .join(Match, on=(Meeting.match == Match.id))
        .where(ended & (Meeting.status != CANCELLED) & (Meeting.starts_at > now))
    )
    series = list(
        MeetingSeries.select(MeetingSeries.id)
        .join(Match, on=(MeetingSeries.match == Match.id))
        .where(ended & (MeetingSeries.status != CANCELLED)
               & (MeetingSeries.ends_at.is_null() | (MeetingSeries.ends_at > now)))
    )
    with database.atomic():
        for meeting in meetings:
            cancel_pending(meeting.topic)
        for one in series:
            cancel_pending(one.topic)
        if meetings:
            Meeting.update(status=CANCELLED).where(Meeting.id.in_([m.id for m in meetings])).execute()
        if series:
            MeetingSeries.update(ends_at=now, reminded_through=None).where(
                MeetingSeries.id.in_([s.id for s in series])
            ).execute()
