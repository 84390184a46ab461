"""Which local dates a recurring meeting falls on. Pure date arithmetic.

Rules work on local dates in the series' own zone; the wall-clock time is
applied afterwards, so a 10:00 meeting stays at 10:00 across DST changes.
"""

import calendar
from datetime import date, timedelta

from .models import FORTNIGHTLY, MONTHLY, WEEKLY

STEP_DAYS = {WEEKLY: 7, FORTNIGHTLY: 14}


def week_of_month(day):
    """1..4 for the first to fourth such weekday of its month; -1 for a fifth (the last)."""
    n = (day.day - 1) // 7 + 1
    return -1 if n == 5 else n


def nth_weekday(year, month, weekday, n):
    """The n-th (1..4, or -1 for last) `weekday` of a month."""
    if n == -1:
        last = calendar.monthrange(year, month)[1]
        day = date(year, month, last)
        return day - timedelta(days=(day.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def local_dates(rule, first_date, start, end):
    """Occurrence dates d of a series with first_date <= d and start <= d <= end."""
    start = max(start, first_date)
    if start > end:
        return []
    if rule in STEP_DAYS:
        step = STEP_DAYS[rule]
        skip = -(-(start - first_date).days // step)  # ceiling division
        day = first_date + timedelta(days=skip * step)
        days = []
        while day <= end:
            days.append(day)
            day += timedelta(days=step)
        return days
    if rule == MONTHLY:
        n, weekday = week_of_month(first_date), first_date.weekday()
        year, month = start.year, start.month
        days = []
        while (year, month) <= (end.year, end.month):
            day = nth_weekday(year, month, weekday, n)
            if start <= day <= end:
                days.append(day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return days
    raise ValueError(f"unknown rule {rule!r}")


def falls_on(rule, first_date, day):
    return local_dates(rule, first_date, day, day) == [day]
