"""A mentee's own patterns, computed in SQL: a fixed number of queries whatever the history."""

from dataclasses import dataclass
from datetime import date, timedelta

from peewee import SQL, Case, NodeList, fn

from ..db import is_postgres
from .convert import as_date
from .models import CheckIn, CheckInTag

RANGES = (7, 30, 90)
# Consistency: each day moves the score towards 1 (checked in) or 0 (not).
# A 13-day half-life (as Loop Habit Tracker uses for daily habits) means one
# missed day costs about 5 points, not the whole streak.
HALF_LIFE_DAYS = 13
_KEEP = 0.5 ** (1 / HALF_LIFE_DAYS)


@dataclass(frozen=True)
class Day:
    day: date
    mood: float
    count: int
    sleep: float | None
    energy: float | None


def _f(value):
    return None if value is None else float(value)


def daily(user_id, start, end):
    """One row per local day with a check-in, oldest first: average mood, sleep, energy."""
    query = (
        CheckIn.select(
            CheckIn.local_date,
            fn.AVG(CheckIn.mood),
            fn.COUNT(CheckIn.id),
            fn.AVG(CheckIn.sleep_hours),
            fn.AVG(CheckIn.energy),
        )
        .where((CheckIn.user == user_id) & (CheckIn.local_date >= start) & (CheckIn.local_date <= end))
        .group_by(CheckIn.local_date)
        .order_by(CheckIn.local_date)
        .tuples()
    )
    return [Day(as_date(d), float(m), int(n), _f(s), _f(e)) for d, m, n, s, e in query]


def _weekday():
    """The SQL for a check-in's local weekday, and how to turn it into Monday 0 ... Sunday 6."""
    if is_postgres():
        return NodeList((SQL("EXTRACT(ISODOW FROM"), CheckIn.local_date, SQL(")"))), lambda n: int(n) - 1
    # SQLite's %w counts from Sunday = 0.
    return fn.strftime("%w", CheckIn.local_date), lambda n: (int(n) + 6) % 7


def by_weekday(user_id, start, end):
    """{0 (Monday)..6: (average mood, check-ins)} over the range."""
    weekday, to_index = _weekday()
    query = (
        CheckIn.select(weekday, fn.AVG(CheckIn.mood), fn.COUNT(CheckIn.id))
        .where((CheckIn.user == user_id) & (CheckIn.local_date >= start) & (CheckIn.local_date <= end))
        .group_by(weekday)
        .tuples()
    )
    return {to_index(wd): (float(avg), int(n)) for wd, avg, n in query}


@dataclass(frozen=True)
class TagEffect:
    kind: str
    name: str
    mood: float
    count: int


def tag_effects(user_id, start, end, min_count=2):
    """Average mood on check-ins that came with each emotion or activity, best first."""
    query = (
        CheckInTag.select(CheckInTag.kind, CheckInTag.name, fn.AVG(CheckIn.mood), fn.COUNT(CheckIn.id))
        .join(CheckIn)
        .where((CheckIn.user == user_id) & (CheckIn.local_date >= start) & (CheckIn.local_date <= end))
        .group_by(CheckInTag.kind, CheckInTag.name)
        .having(fn.COUNT(CheckIn.id) >= min_count)
        .order_by(fn.AVG(CheckIn.mood).desc(), CheckInTag.name)
        .tuples()
    )
    return [TagEffect(kind, name, float(avg), int(n)) for kind, name, avg, n in query]


SLEEP_BANDS = ("under 6", "6 to 8", "over 8")


def mood_by_sleep(user_id, start, end):
    """{band index: (average mood, check-ins)} by hours slept: under 6, 6 to 8, over 8."""
    band = Case(None, [(CheckIn.sleep_hours < 6, 0), (CheckIn.sleep_hours <= 8, 1)], 2)
    query = (
        CheckIn.select(band, fn.AVG(CheckIn.mood), fn.COUNT(CheckIn.id))
        .where(
            (CheckIn.user == user_id) & (CheckIn.local_date >= start) & (CheckIn.local_date <= end)
            & CheckIn.sleep_hours.is_null(False)
        )
        .group_by(band)
        .tuples()
    )
    return {int(b): (float(avg), int(n)) for b, avg, n in query}


def consistency(days_with_checkin, today, start):
    """0-100: how regularly someone has checked in, forgiving the odd missed day.

    Exponential smoothing from `start` to `today`; today counts only once
    done, so the score never drops in the morning before a check-in.
    """
    score = 0.0
    day = start
    while day <= today:
        done = day in days_with_checkin
        if day < today or done:
            score = score * _KEEP + (1 - _KEEP) * (1.0 if done else 0.0)
        day += timedelta(days=1)
    return round(score * 100)


def range_start(today, days):
    return today - timedelta(days=days - 1)
