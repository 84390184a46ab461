"""The mentee's own patterns."""

import re
from datetime import date

from babel.dates import get_day_names
from flask import request
from flask_babel import get_locale

from ...access import roles
from ...clock import local_today
from ...models import MENTEE
from ...web import render
from ..charts import level, line_chart, month_bounds, month_grid, shift_month
from ..trends import RANGES, SLEEP_BANDS, by_weekday, consistency, daily, mood_by_sleep, range_start, tag_effects
from . import bp
from .common import me

LONGEST = max(RANGES)


def _range():
    value = request.args.get("days", "")
    return int(value) if value.isdigit() and int(value) in RANGES else 30


def _month(today):
    found = re.fullmatch(r"(\d{4})-(\d{2})", request.args.get("month", ""))
    if found:
        year, month = int(found[1]), int(found[2])
        if 1 <= month <= 12 and today.year - 10 <= year and (year, month) <= (today.year, today.month):
            return year, month
    return today.year, today.month


def _weekday_names():
    names = get_day_names("wide", locale=get_locale())
    short = get_day_names("abbreviated", locale=get_locale())
    return [(i, names[i], short[i]) for i in range(7)]


@bp.route("/mood/trends")
@roles(MENTEE)
def trends():
    user = me()
    today = local_today(user.timezone)
    days = _range()
    start = range_start(today, days)
    recent = daily(user.id, range_start(today, LONGEST), today)
    shown = [d for d in recent if d.day >= start]
    year, month = _month(today)
    first, last = month_bounds(year, month)
    in_month = {d.day: d.mood for d in daily(user.id, first, last)}
    effects = tag_effects(user.id, start, today)
    total = sum(d.count for d in shown)
    average = sum(d.mood * d.count for d in shown) / total if total else None
    return render(
        "mood/trends.html", "mood/_trends.html",
        days=days, ranges=RANGES, today=today, start=start,
        shown=shown, chart=line_chart(shown, start, today), average=average, total=total,
        best=max(shown, key=lambda d: d.mood, default=None), worst=min(shown, key=lambda d: d.mood, default=None),
        weekdays=by_weekday(user.id, start, today), weekday_names=_weekday_names(),
        better=[e for e in effects if average is not None and e.mood >= average + 0.25],
        worse=[e for e in reversed(effects) if average is not None and e.mood <= average - 0.25],
        sleep=mood_by_sleep(user.id, start, today), sleep_bands=SLEEP_BANDS,
        consistency=consistency({d.day for d in recent}, today, range_start(today, LONGEST)),
        month=date(year, month, 1), weeks=month_grid(year, month, in_month, today, get_locale().first_week_day),
        prev_month=date(*shift_month(year, month, -1), 1),
        next_month=date(*shift_month(year, month, 1), 1) if (year, month) < (today.year, today.month) else None,
        month_days=len(in_month), level=level,
    )
