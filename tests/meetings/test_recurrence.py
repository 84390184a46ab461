"""Recurring meetings keep their local wall-clock time across DST, in any zone."""

from datetime import date, time

import pytest

from mentoring.clock import to_local
from mentoring.meetings.models import CONFIRMED, FORTNIGHTLY, MONTHLY, WEEKLY, MeetingSeries
from mentoring.meetings.recurrence import falls_on, local_dates, nth_weekday, week_of_month
from mentoring.meetings.schedule import expand

from .support import utc
def series(first, at=time(10, 0), rule=WEEKLY, tz="Europe/London", ends_at=None):
    return MeetingSeries(id=1, match=1, first_date=first, start_time=at, rule=rule, timezone=tz,
                         status=CONFIRMED, duration=60, mode="phone", ends_at=ends_at)


def starts(s, start, end):
    return [m.starts_at for m in expand(s, start, end)]


def test_weekly_london_meeting_stays_at_ten_across_the_march_change():
    s = series(date(2025, 3, 18))  # clocks go forward on Sunday 30 March 2025
    found = starts(s, utc(2025, 3, 1), utc(2025, 4, 9))
    assert found == [utc(2025, 3, 18, 10), utc(2025, 3, 25, 10), utc(2025, 4, 1, 9), utc(2025, 4, 8, 9)]
    assert {to_local(m, "Europe/London").hour for m in found} == {10}


def test_weekly_london_meeting_stays_at_ten_across_the_october_change():
    s = series(date(2025, 10, 14))  # clocks go back on Sunday 26 October 2025
    found = starts(s, utc(2025, 10, 1), utc(2025, 11, 5))
    assert found == [utc(2025, 10, 14, 9), utc(2025, 10, 21, 9), utc(2025, 10, 28, 10), utc(2025, 11, 4, 10)]


def test_weekly_new_york_meeting_stays_at_six_pm_across_march_and_november():
    s = series(date(2025, 3, 3), at=time(18, 0), tz="America/New_York")  # changes: 9 March, 2 November
    march = starts(s, utc(2025, 3, 1), utc(2025, 3, 15))
    assert march == [utc(2025, 3, 3, 23), utc(2025, 3, 10, 22)]
    november = starts(s, utc(2025, 10, 25), utc(2025, 11, 12))
    assert november == [utc(2025, 10, 27, 22), utc(2025, 11, 3, 23), utc(2025, 11, 10, 23)]
    assert {to_local(m, "America/New_York").hour for m in march + november} == {18}


def test_a_match_across_two_zones_sees_the_gap_change_for_three_weeks_in_march():
    # Arranged in London at 18:00; the US changes on 9 March, the UK on 30 March.
    s = series(date(2025, 3, 4), at=time(18, 0))
    found = starts(s, utc(2025, 3, 1), utc(2025, 4, 9))
    in_new_york = [to_local(m, "America/New_York").strftime("%d %H:%M") for m in found]
    assert in_new_york == ["04 13:00", "11 14:00", "18 14:00", "25 14:00", "01 13:00", "08 13:00"]
    assert {to_local(m, "Europe/London").hour for m in found} == {18}


def test_fortnightly_skips_the_weeks_between():
    s = series(date(2025, 1, 7), rule=FORTNIGHTLY)
    found = [m.occurrence_date for m in expand(s, utc(2025, 1, 1), utc(2025, 2, 10))]
    assert found == [date(2025, 1, 7), date(2025, 1, 21), date(2025, 2, 4)]


def test_an_expansion_far_from_the_start_does_not_walk_from_the_beginning():
    s = series(date(2001, 1, 2), rule=FORTNIGHTLY)
    found = [m.occurrence_date for m in expand(s, utc(2025, 6, 1), utc(2025, 6, 30))]
    assert found and all((d - date(2001, 1, 2)).days % 14 == 0 for d in found)
    assert all(d.weekday() == 1 for d in found)


def test_monthly_on_the_second_tuesday():
    s = series(date(2025, 3, 11), rule=MONTHLY)  # the second Tuesday of March 2025
    found = [m.occurrence_date for m in expand(s, utc(2025, 3, 1), utc(2025, 7, 1))]
    assert found == [date(2025, 3, 11), date(2025, 4, 8), date(2025, 5, 13), date(2025, 6, 10)]


def test_monthly_from_a_fifth_weekday_means_the_last_one():
    assert week_of_month(date(2025, 4, 29)) == -1  # the fifth Tuesday of April 2025
    s = series(date(2025, 4, 29), rule=MONTHLY)
    found = [m.occurrence_date for m in expand(s, utc(2025, 4, 1), utc(2025, 8, 1))]
    assert found == [date(2025, 4, 29), date(2025, 5, 27), date(2025, 6, 24), date(2025, 7, 29)]


def test_an_ended_series_has_no_occurrences_from_its_end():
    s = series(date(2025, 3, 4), ends_at=utc(2025, 3, 18, 10))
    assert starts(s, utc(2025, 3, 1), utc(2025, 4, 30)) == [utc(2025, 3, 4, 10), utc(2025, 3, 11, 10)]


@pytest.mark.parametrize("rule", [WEEKLY, FORTNIGHTLY, MONTHLY])
def test_falls_on_agrees_with_local_dates(rule):
    first = date(2025, 1, 14)
    days = local_dates(rule, first, date(2025, 1, 1), date(2025, 12, 31))
    assert all(falls_on(rule, first, d) for d in days)
    assert not falls_on(rule, first, days[0] + (days[1] - days[0]) // 2)


def test_nth_weekday_finds_the_last_one_in_a_short_month():
    assert nth_weekday(2025, 2, 4, -1) == date(2025, 2, 28)  # last Friday of February 2025
    assert nth_weekday(2025, 2, 4, 1) == date(2025, 2, 7)
