"""Geometry for the server-drawn SVG charts: the template draws, this module measures."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    day: date
    value: float


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    points: list
    path: str
    grid: list  # [(y, mood level)]
    ticks: list  # [(x, date)] for the x axis
    bars: list  # [(x, y, height, day, hours)] sleep, on the same days


def _scale(lo, hi, out_lo, out_hi):
    span = (hi - lo) or 1
    return lambda v: out_lo + (v - lo) * (out_hi - out_lo) / span


def _rounder(span_days):
    """Tenths of a unit for a month or less; whole units for longer ranges,
    whose 90 dots and bars sit about 3 units apart anyway: the 90-day view is
    a fragment phones fetch, and every digit of every coordinate is bytes."""
    if span_days <= 31:
        return lambda v: round(v, 1)
    return lambda v: int(round(v))


def line_chart(days, start, end, width=320, height=160, pad=(10, 28, 22, 10), sleep_height=56):
    """Daily average mood from `start` to `end` as one path; gaps are simply joined."""
    top, left, bottom, right = pad
    span_days = max((end - start).days, 1)
    r = _rounder(span_days)
    x = _scale(0, span_days, left, width - right)
    y = _scale(1, 5, height - bottom, top)
    points = [Point(r(x((d.day - start).days)), r(y(d.mood)), d.day, d.mood) for d in days]
    # After the first point, the pairs are implicit line-tos (SVG path grammar).
    path = ("M" + " ".join(f"{p.x} {p.y}" for p in points)) if points else ""
    grid = [(round(y(level), 1), level) for level in range(1, 6)]
    ticks = _ticks(start, end, x)
    slot = (width - left - right) / (span_days + 1)
    bar_w = max(min(slot * 0.7, 14), 1.5)
    hours = _scale(0, 12, 0, sleep_height - 4)
    bars = [
        (r(x((d.day - start).days) - bar_w / 2), r(sleep_height - hours(min(d.sleep, 12))),
         r(hours(min(d.sleep, 12))), d.day, d.sleep, round(bar_w, 1))
        for d in days if d.sleep is not None
    ]
    return LineChart(width, height, points, path, grid, ticks, bars)


def _ticks(start, end, x):
    span = (end - start).days
    step = 1 if span <= 7 else 7 if span <= 31 else 14 if span <= 92 else 30
    ticks, day = [], end
    while day >= start:
        ticks.append((round(x((day - start).days), 1), day))
        day -= timedelta(days=step)
    return list(reversed(ticks))


def sparkline(days, start, end, width=140, height=36):
    """A small line for the last days; returns (path, points)."""
    span_days = max((end - start).days, 1)
    x = _scale(0, span_days, 3, width - 3)
    y = _scale(1, 5, height - 4, 4)
    points = [Point(round(x((d.day - start).days), 1), round(y(d.mood), 1), d.day, d.mood) for d in days]
    path = " ".join(f"{'M' if i == 0 else 'L'}{p.x} {p.y}" for i, p in enumerate(points))
    return path, points


@dataclass(frozen=True)
class CalendarDay:
    day: date
    mood: float | None
    in_month: bool
    is_today: bool


def month_grid(year, month, moods, today, first_weekday=0):
    """Weeks of a month for a calendar table; `moods` maps date -> average mood.

    first_weekday: 0 for Monday ... 6 for Sunday (as the reader's locale has it).
    """
    cal = calendar.Calendar(firstweekday=first_weekday)
    weeks = []
    for week in cal.monthdatescalendar(year, month):
        weeks.append([CalendarDay(d, moods.get(d) if d.month == month else None, d.month == month, d == today)
                      for d in week])
    return weeks


def level(mood):
    """The nearest whole mood level (1-5) to an average, for colour and face."""
    if mood is None:
        return None
    return max(1, min(5, int(mood + 0.5)))


def month_bounds(year, month):
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    return first, last


def shift_month(year, month, by):
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1
