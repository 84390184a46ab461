"""Quiet hours and local days, in several zones and across DST changes."""

from datetime import datetime, time, timedelta

import pytest

from mentoring.push.rules import in_quiet_hours, local_day_bounds, local_moment, quiet_hours_end

LONDON = "Europe/London"  # 2025: BST from 30 March 01:00 UTC to 26 October 01:00 UTC


@pytest.mark.parametrize("wall, quiet", [
    (time(21, 59), False), (time(22, 0), True), (time(23, 59), True), (time(0, 0), True),
    (time(6, 59), True), (time(7, 0), False), (time(12, 0), False),
])
def test_quiet_hours_may_cross_midnight(wall, quiet):
    assert in_quiet_hours(wall, time(22, 0), time(7, 0)) is quiet


@pytest.mark.parametrize("wall, quiet", [(time(12, 59), False), (time(13, 0), True), (time(14, 59), True), (time(15, 0), False)])
def test_quiet_hours_may_sit_inside_one_day(wall, quiet):
    assert in_quiet_hours(wall, time(13, 0), time(15, 0)) is quiet


@pytest.mark.parametrize("start, end", [(None, None), (time(22, 0), None), (time(8, 0), time(8, 0))])
def test_missing_or_empty_quiet_hours_are_never_quiet(start, end):
    assert not in_quiet_hours(time(8, 0), start, end)


def test_it_is_not_quiet_outside_the_hours():
    assert quiet_hours_end(datetime(2025, 6, 2, 12, 0), LONDON, time(22, 0), time(7, 0)) is None


def test_quiet_hours_end_the_next_morning_in_summer_time():
    # 23:30 BST -> 07:00 BST = 06:00 UTC.
    assert quiet_hours_end(datetime(2025, 6, 2, 22, 30), LONDON, time(22, 0), time(7, 0)) == datetime(2025, 6, 3, 6, 0)


def test_quiet_hours_started_after_midnight_end_the_same_morning():
    # 02:00 BST on 3 June is 01:00 UTC; the quiet ends at 07:00 BST that day.
    assert quiet_hours_end(datetime(2025, 6, 3, 1, 0), LONDON, time(22, 0), time(7, 0)) == datetime(2025, 6, 3, 6, 0)


def test_a_spring_forward_night_is_an_hour_shorter():
    # 23:30 GMT on 29 March; the clocks go forward overnight; 07:00 BST is 06:00 UTC.
    ends = quiet_hours_end(datetime(2025, 3, 29, 23, 30), LONDON, time(22, 0), time(7, 0))
    assert ends == datetime(2025, 3, 30, 6, 0)


def test_an_autumn_night_is_an_hour_longer():
    # 23:00 BST on 25 October (22:00 UTC); the clocks go back; 07:00 GMT is 07:00 UTC.
    ends = quiet_hours_end(datetime(2025, 10, 25, 22, 0), LONDON, time(22, 0), time(7, 0))
    assert ends == datetime(2025, 10, 26, 7, 0)


def test_quiet_hours_ending_in_the_skipped_hour_end_just_after_the_jump():
    # 01:30 does not exist on 30 March in London: it ends at 02:30 BST = 01:30 UTC.
    ends = quiet_hours_end(datetime(2025, 3, 29, 23, 30), LONDON, time(23, 0), time(1, 30))
    assert ends == datetime(2025, 3, 30, 1, 30)


def test_quiet_hours_follow_the_zone_of_the_person():
    # 22:30 UTC is 18:30 in New York (not quiet) and 08:30 next day in Sydney (not quiet) ...
    now = datetime(2025, 6, 2, 22, 30)
    assert quiet_hours_end(now, "America/New_York", time(22, 0), time(7, 0)) is None
    # ... and 04:00 in Kolkata (+05:30), quiet until 07:00 IST = 01:30 UTC.
    assert quiet_hours_end(now, "Asia/Kolkata", time(22, 0), time(7, 0)) == datetime(2025, 6, 3, 1, 30)


def test_a_local_day_has_23_or_25_hours_on_dst_days():
    start, end = local_day_bounds(datetime(2025, 3, 30, 12, 0), LONDON)
    assert (start, end - start) == (datetime(2025, 3, 30, 0, 0), timedelta(hours=23))
    start, end = local_day_bounds(datetime(2025, 10, 26, 12, 0), LONDON)
    assert (start, end - start) == (datetime(2025, 10, 25, 23, 0), timedelta(hours=25))


def test_a_repeated_autumn_time_means_its_first_occurrence():
    # 01:30 happens twice on 26 October in London: first at 00:30 UTC (BST).
    assert local_moment(datetime(2025, 10, 26).date(), time(1, 30), LONDON) == datetime(2025, 10, 26, 0, 30)


def test_southern_hemisphere_dst_runs_the_other_way():
    # Sydney leaves summer time on 6 April 2025 and enters it on 5 October 2025.
    assert local_moment(datetime(2025, 4, 5).date(), time(20, 0), "Australia/Sydney") == datetime(2025, 4, 5, 9, 0)
    assert local_moment(datetime(2025, 4, 6).date(), time(20, 0), "Australia/Sydney") == datetime(2025, 4, 6, 10, 0)
