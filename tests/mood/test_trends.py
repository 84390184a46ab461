"""The trends page and the SQL behind it: line, calendar, weekdays, what goes with better days, sleep, consistency."""

from datetime import date, datetime, timedelta

from mentoring.clock import local_today
from mentoring.mood.trends import by_weekday, consistency, daily, mood_by_sleep, tag_effects

from .support import add_checkin, add_daily
def test_daily_averages_several_check_ins_on_one_day(world):
    add_checkin(world.mentee, 2, local_at=datetime(2024, 5, 6, 9, 0), sleep_hours=5)
    add_checkin(world.mentee, 4, local_at=datetime(2024, 5, 6, 21, 0), sleep_hours=7)
    add_checkin(world.mentee, 5, local_at=datetime(2024, 5, 8, 12, 0))
    add_checkin(world.other_mentee, 1, local_at=datetime(2024, 5, 6, 12, 0))
    rows = daily(world.mentee.id, date(2024, 5, 1), date(2024, 5, 31))
    assert [(r.day, r.mood, r.count, r.sleep) for r in rows] == [
        (date(2024, 5, 6), 3.0, 2, 6.0),
        (date(2024, 5, 8), 5.0, 1, None),
    ]


def test_average_mood_by_weekday(world):
    add_checkin(world.mentee, 2, local_at=datetime(2024, 3, 4, 12, 0))  # Monday
    add_checkin(world.mentee, 4, local_at=datetime(2024, 3, 11, 12, 0))  # Monday
    add_checkin(world.mentee, 5, local_at=datetime(2024, 3, 10, 12, 0))  # Sunday
    assert by_weekday(world.mentee.id, date(2024, 3, 1), date(2024, 3, 31)) == {0: (3.0, 2), 6: (5.0, 1)}


def test_emotions_and_activities_with_better_and_harder_days(world):
    for mood in (5, 4):
        add_checkin(world.mentee, mood, local_at=datetime(2024, 6, 1 + mood, 12), emotions=["calm"], activities=["exercise"])
    for mood in (1, 2):
        add_checkin(world.mentee, mood, local_at=datetime(2024, 6, 10 + mood, 12), emotions=["anxious"])
    add_checkin(world.mentee, 3, local_at=datetime(2024, 6, 20, 12), emotions=["lonely"])  # once: too few to say
    effects = tag_effects(world.mentee.id, date(2024, 6, 1), date(2024, 6, 30))
    assert [(e.kind, e.name, e.mood, e.count) for e in effects] == [
        ("emotion", "calm", 4.5, 2), ("activity", "exercise", 4.5, 2), ("emotion", "anxious", 1.5, 2),
    ]


def test_mood_by_hours_of_sleep(world):
    add_checkin(world.mentee, 2, local_at=datetime(2024, 7, 1, 12), sleep_hours=5)
    add_checkin(world.mentee, 4, local_at=datetime(2024, 7, 2, 12), sleep_hours=7.5)
    add_checkin(world.mentee, 5, local_at=datetime(2024, 7, 3, 12), sleep_hours=8)
    add_checkin(world.mentee, 3, local_at=datetime(2024, 7, 4, 12), sleep_hours=9)
    add_checkin(world.mentee, 1, local_at=datetime(2024, 7, 5, 12))
    assert mood_by_sleep(world.mentee.id, date(2024, 7, 1), date(2024, 7, 31)) == {0: (2.0, 1), 1: (4.5, 2), 2: (3.0, 1)}


def test_consistency_forgives_a_missed_day():
    today = date(2024, 8, 31)
    start = today - timedelta(days=89)
    every_day = {today - timedelta(days=i) for i in range(60)}
    full = consistency(every_day, today, start)
    missed_one = consistency(every_day - {today - timedelta(days=3)}, today, start)
    assert full > 95
    assert 0 < full - missed_one <= 6
    assert consistency(set(), today, start) == 0


def test_consistency_does_not_drop_before_todays_check_in():
    today = date(2024, 8, 31)
    start = today - timedelta(days=89)
    up_to_yesterday = {today - timedelta(days=i) for i in range(1, 40)}
    assert consistency(up_to_yesterday, today, start) == consistency(up_to_yesterday | {today}, today - timedelta(days=1), start)


def test_the_trends_page_draws_a_line_with_a_text_alternative(world, as_user, url):
    add_daily([world.mentee], 20)
    page = as_user(world.mentee).get(url("mood.trends", days=7)).get_data(as_text=True)
    assert '<svg class="chart"' in page and 'role="img"' in page and 'aria-labelledby="line-title line-desc"' in page
    assert "<desc id=\"line-desc\">Average" in page
    assert page.count('<circle class="dot') == 7
    assert "Show as a table" in page and page.count('<tr><th scope="row">') >= 7
    assert "Keeping it up" in page and "Hours slept" in page


def test_the_range_can_be_7_30_or_90_days_and_nothing_else(world, as_user, url):
    add_daily([world.mentee], 100, tags=False)
    client = as_user(world.mentee)
    for days in (7, 30, 90):
        page = client.get(url("mood.trends", days=days)).get_data(as_text=True)
        assert page.count('<circle class="dot') == days
    assert client.get(url("mood.trends", days=5000)).get_data(as_text=True).count('<circle class="dot') == 30


def test_the_calendar_shows_a_face_and_a_word_for_each_day(world, as_user, url):
    today = local_today(world.mentee.timezone)
    add_checkin(world.mentee, 5, local_at=datetime.combine(today, datetime.min.time()).replace(hour=0, minute=5))
    page = as_user(world.mentee).get(url("mood.trends")).get_data(as_text=True)
    assert "cal-5" in page and '<span class="visually-hidden">Great</span>' in page
    assert '<caption class="visually-hidden">' in page


def test_an_unknown_month_falls_back_to_this_month_and_the_future_is_closed(world, as_user, url):
    client = as_user(world.mentee)
    today = local_today(world.mentee.timezone)
    this_month = today.strftime("%B %Y")
    assert this_month in client.get(url("mood.trends", month="2024-13")).get_data(as_text=True)
    assert this_month in client.get(url("mood.trends", month=f"{today.year + 1}-01")).get_data(as_text=True)
    assert 'aria-label="Next month"' not in client.get(url("mood.trends")).get_data(as_text=True)


def test_what_comes_with_better_days_is_on_the_page(world, as_user, url):
    today = local_today(world.mentee.timezone)
    noon = datetime.combine(today, datetime.min.time()).replace(hour=0, minute=1)
    for i, mood in enumerate((5, 5, 1, 1)):
        add_checkin(world.mentee, mood, local_at=noon - timedelta(days=i + 1),
                    activities=["exercise"] if mood == 5 else ["alcohol"])
    page = as_user(world.mentee).get(url("mood.trends")).get_data(as_text=True)
    assert page.index("With better days") < page.index("Exercise") < page.index("With harder days") < page.index("Alcohol")


def test_htmx_swaps_only_the_trends_piece(world, as_user, url):
    response = as_user(world.mentee).get(url("mood.trends", days=90),
                                         headers={"HX-Request": "true", "HX-Target": "mood-trends"})
    page = response.get_data(as_text=True)
    assert page.lstrip().startswith('<div id="mood-trends"') and "<html" not in page
    assert "HX-Request" in response.headers["Vary"]


def test_an_empty_history_explains_what_will_appear(world, as_user, url):
    page = as_user(world.mentee).get(url("mood.trends")).get_data(as_text=True)
    assert "Your line appears after your first check-in." in page
