"""Alex and Riley's weekly video call, and Casey asking Jordan for a coffee.

Arranged through the meetings feature: a first meeting written down
afterwards, a weekly series Alex proposed and Riley accepted, past calls
marked as happened (one skipped), a shared note on the latest, and a
proposal from Casey waiting on Jordan's home screen.
"""

from datetime import time, timedelta

from ..meetings import actions
from ..meetings.actions import Plan
from ..meetings.models import HAPPENED, IN_PERSON, PHONE, VIDEO, WEEKLY
from ..meetings.reminders import requeue_series
from ..meetings.schedule import expand

TUESDAY = 1
CALL_AT = time(17, 30)
CALL_LINK = "https://video.example/alex-and-riley"
CAFE = "Riverside Café, 12 High Street"
SKIPPED_WEEK = 3  # the occurrence three weeks back was skipped
SKIP_REASON = "Family visit this week, sorry! Same time next week?"
SHARED_NOTE = ("Talked about the walking goal: three walks last week, one with Mei. "
               "Next: Riley to phone the community garden, and we'll practise what to say first.")
PRIVATE_NOTE = "Ask how the call to the garden went."


def _plan(timeline, day, at, mode, duration=60, repeat="once", place="", link="", agenda=""):
    return Plan(day=day, at=at, timezone=timeline.timezone, duration=duration, mode=mode, place=place,
                link=link, agenda=agenda, repeat=repeat)


def seed(match, timeline):
    mentee, mentor = match.mentee, match.mentor
    first = timeline.day(-46)
    actions.log_past(mentor, match, _plan(timeline, first, time(11, 0), IN_PERSON, place=CAFE,
                                          agenda="Getting to know each other"),
                     "demo-meeting-intro", now=timeline.at(-46, 13, 0))
    series = weekly_call(match, timeline)
    look_back(series, mentee, mentor, match, timeline)
    # Reminders for the next call, as of now (the history above moved them about).
    requeue_series(series, match, timeline.now)
    return series


def weekly_call(match, timeline):
    mentee, mentor = match.mentee, match.mentor
    plan = _plan(timeline, timeline.weekday_on_or_after(-42, TUESDAY), CALL_AT, VIDEO, repeat=WEEKLY,
                 link=CALL_LINK, agenda="How the week went, and our goals")
    series, _ = actions.propose(mentor, match, plan, "demo-meeting-weekly", now=timeline.at(-45, 10, 0))
    actions.accept(mentee, series, now=timeline.at(-45, 19, 30))
    actions.seen(mentor, series)
    return series


def look_back(series, mentee, mentor, match, timeline):
    """Every past call is marked; the one three weeks back was skipped; the latest has notes."""
    start = series.occurrence_start(series.first_date) - timedelta(hours=1)
    past = [o for o in expand(series, start, timeline.now) if o.ends_at <= timeline.now]
    skipped = past[-SKIPPED_WEEK] if len(past) >= SKIPPED_WEEK else None
    latest = None
    for occurrence in past:
        occurrence.match, occurrence.rule = match, series.rule
        if occurrence is skipped:
            cancelled = actions.cancel(mentee, occurrence, SKIP_REASON, now=occurrence.starts_at - timedelta(days=1))
            actions.seen(mentor, cancelled)
            continue
        latest = actions.set_outcome(mentor, occurrence, HAPPENED, now=occurrence.ends_at + timedelta(minutes=5))
    if latest is not None:
        after = latest.ends_at + timedelta(minutes=10)
        actions.add_note(mentor, latest, SHARED_NOTE, False, "demo-note-shared", now=after)
        actions.add_note(mentor, latest, PRIVATE_NOTE, True, "demo-note-private", now=after + timedelta(minutes=2))


def seed_light(match, timeline):
    """A phone call Jordan wrote down, and Casey's proposal of a coffee, waiting for Jordan."""
    mentee, mentor = match.mentee, match.mentor
    actions.log_past(mentor, match, _plan(timeline, timeline.day(-7), time(18, 0), PHONE, duration=30,
                                          agenda="Introductions"),
                     "demo-meeting-casey-call", now=timeline.at(-7, 18, 45))
    proposal, _ = actions.propose(
        mentee, match, _plan(timeline, timeline.day(4), time(12, 30), IN_PERSON, place=CAFE,
                             agenda="Coffee and a proper chat"),
        "demo-meeting-casey-coffee", now=timeline.ago(hours=30, minutes=5),
    )
    return proposal
