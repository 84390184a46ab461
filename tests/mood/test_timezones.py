""""Today", the calendar and the trends follow the mentee's own time zone, across DST."""

from datetime import date, datetime, timedelta

import pytest

import mentoring.clock
import mentoring.mood.checkins
from mentoring.clock import to_local
from mentoring.mood.checkins import CheckInData, checked_in_on, moment, save_checkin
from mentoring.mood.models import CheckIn
from mentoring.mood.trends import by_weekday, daily

from ..factories import make_user
from .support import add_checkin, sharing
NEW_YORK = "America/New_York"  # clocks go forward 2024-03-10 02:00, back 2024-11-03 02:00
LONDON = "Europe/London"  # forward 2024-03-31 01:00


@pytest.fixture
def new_yorker(world):
    user = make_user(world.program, "mentee", timezone=NEW_YORK)
    sharing(user)
    return user


@pytest.fixture
def frozen(monkeypatch):
    """Set the clock the app reads (naive UTC)."""

    def freeze(moment_utc):
        monkeypatch.setattr(mentoring.clock, "utcnow", lambda: moment_utc)
        monkeypatch.setattr(mentoring.mood.checkins, "utcnow", lambda: moment_utc)

    return freeze


@pytest.mark.parametrize("now_utc, local_day", [
    (datetime(2024, 3, 10, 4, 59), date(2024, 3, 9)),  # 23:59 EST
    (datetime(2024, 3, 10, 5, 0), date(2024, 3, 10)),  # 00:00 EST
    (datetime(2024, 3, 11, 3, 30), date(2024, 3, 10)),  # 23:30 EDT, after the spring change
    (datetime(2024, 3, 11, 4, 0), date(2024, 3, 11)),  # 00:00 EDT
    (datetime(2024, 11, 3, 5, 30), date(2024, 11, 3)),  # 01:30 EDT, the first time round
    (datetime(2024, 11, 3, 6, 30), date(2024, 11, 3)),  # 01:30 EST, the second time round
    (datetime(2024, 11, 4, 4, 30), date(2024, 11, 3)),  # 23:30 EST
])
def test_a_check_in_belongs_to_the_local_day(new_yorker, now_utc, local_day):
    checkin, _ = save_checkin(new_yorker, f"tz-{now_utc:%d%H%M}", CheckInData(mood=3), now=now_utc)
    assert checkin.local_date == local_day
    assert checked_in_on(new_yorker, local_day)
    assert not checked_in_on(new_yorker, local_day + timedelta(days=1))


def test_a_time_set_back_into_the_missing_spring_hour_still_lands_on_that_day(new_yorker):
    at, day = moment(new_yorker, datetime(2024, 3, 10, 2, 30))  # 02:30 does not exist that night
    assert day == date(2024, 3, 10)
    assert to_local(at, NEW_YORK).hour == 3


def test_the_reminder_check_uses_the_persons_own_day_not_utc(world):
    londoner = make_user(world.program, "mentee", timezone=LONDON)
    # 23:30 on 30 March in London is already 31 March in Tokyo and still 30 March in UTC...
    save_checkin(londoner, "tz-late", CheckInData(mood=4), now=datetime(2024, 3, 30, 23, 30))
    assert checked_in_on(londoner, date(2024, 3, 30))
    # ...and 00:30 on 31 March in London (after midnight, before the change) is 31 March.
    save_checkin(londoner, "tz-early", CheckInData(mood=4), now=datetime(2024, 3, 31, 0, 30))
    assert checked_in_on(londoner.id, date(2024, 3, 31))


def test_the_extension_for_reminders_is_registered(app, world):
    assert app.extensions["checked_in_on"] is checked_in_on


def test_daily_trends_have_one_row_per_local_day_across_the_change(world):
    londoner = make_user(world.program, "mentee", timezone=LONDON)
    for offset in range(10):  # 00:30 local each night, 26 March to 4 April 2024
        add_checkin(londoner, 1 + offset % 5, local_at=datetime(2024, 3, 26, 0, 30) + timedelta(days=offset))
    rows = daily(londoner.id, date(2024, 3, 26), date(2024, 4, 4))
    assert [r.day for r in rows] == [date(2024, 3, 26) + timedelta(days=i) for i in range(10)]
    assert all(r.count == 1 for r in rows)
    weekdays = by_weekday(londoner.id, date(2024, 3, 26), date(2024, 4, 4))
    assert weekdays[6] == (float(1 + 5 % 5), 1)  # Sunday 31 March, the day of the change


def test_home_and_today_follow_the_mentees_zone_across_dst(new_yorker, as_user, url, frozen):
    frozen(datetime(2024, 3, 11, 3, 30))  # 23:30 on 10 March in New York, 03:30 on 11 March in UTC
    client = as_user(new_yorker)
    client.post(url("mood.checkin"), data={"client_id": "dst-evening-1", "mood": "4"})
    assert CheckIn.get(CheckIn.user == new_yorker).local_date == date(2024, 3, 10)
    assert "Done today:" in client.get(url("home.index")).get_data(as_text=True)
    frozen(datetime(2024, 3, 11, 4, 5))  # 00:05 on 11 March: a new day there
    assert "Check in now" in client.get(url("home.index")).get_data(as_text=True)


def test_the_calendar_puts_a_late_evening_check_in_on_its_local_day(new_yorker, as_user, url, frozen):
    frozen(datetime(2024, 4, 1, 12, 0))
    # 23:30 on 31 March in New York is 03:30 on 1 April in UTC.
    add_checkin(new_yorker, 5, local_at=datetime(2024, 3, 31, 23, 30))
    page = as_user(new_yorker).get(url("mood.trends", month="2024-03")).get_data(as_text=True)
    assert '<span class="cal-day">31</span><svg class="face face-5' in page.replace("\n", "")
    april = as_user(new_yorker).get(url("mood.trends", month="2024-04")).get_data(as_text=True)
    assert "face-5 cal-face" not in april
