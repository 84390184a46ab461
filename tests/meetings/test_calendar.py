"""Add to calendar: .ics files and a private feed that parse back, with time zones."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from icalendar import Calendar

from mentoring.meetings.models import CANCELLED, CONFIRMED, MONTHLY, PROPOSED, CalendarFeed, Meeting, MeetingNote
from mentoring.models import token_digest

from .support import make_meeting, make_series, soon, today, utc


def parse(response):
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    return Calendar.from_ical(response.data)


def feed_url(client, url):
    page = client.post(url("meetings.new_feed")).text
    start = page.index('id="feed-url" class="input" readonly value="') + len('id="feed-url" class="input" readonly value="')
    return page[start:page.index('"', start)]


def test_a_meetings_ics_has_its_zone_and_parses_back(world, as_user, url):
    meeting = make_meeting(world.match, soon(5, hour=14), timezone="America/New_York", mode="in_person", place="Café",
                           agenda="Private agenda")
    cal = parse(as_user(world.mentee).get(url("meetings.ics", ref=meeting.ref)))
    [zone] = cal.walk("VTIMEZONE")
    assert zone["TZID"] == "America/New_York"
    [event] = cal.events
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert event.decoded("DTSTART").astimezone(ZoneInfo("UTC")).replace(tzinfo=None) == meeting.starts_at
    assert event.decoded("DURATION") == timedelta(minutes=60)
    assert str(event["SUMMARY"]) == "Meeting with Mo Mentor"
    assert str(event["LOCATION"]) == "Café"
    assert "Private agenda" not in as_user(world.mentee).get(url("meetings.ics", ref=meeting.ref)).text


def test_a_series_ics_carries_its_rule_skips_and_moves(world, as_user, url):
    series = make_series(world.match, date(2025, 3, 11), rule=MONTHLY, at=time(10, 0))
    Meeting.create(match=world.match, series=series, occurrence_date=date(2025, 4, 8), starts_at=utc(2025, 4, 8, 9),
                   timezone="Europe/London", status=CANCELLED)
    Meeting.create(match=world.match, series=series, occurrence_date=date(2025, 5, 13), starts_at=utc(2025, 5, 14, 15),
                   timezone="Europe/London", status=CONFIRMED)
    cal = parse(as_user(world.mentor).get(url("meetings.ics", ref=series.ref)))
    assert [z["TZID"] for z in cal.walk("VTIMEZONE")] == ["Europe/London"]
    master, override = cal.events
    assert master["RRULE"].to_ical() == b"FREQ=MONTHLY;BYDAY=2TU"
    start = master.decoded("DTSTART")
    assert start == datetime(2025, 3, 11, 10, tzinfo=ZoneInfo("Europe/London"))
    [skipped] = master["EXDATE"].dts
    assert skipped.dt == datetime(2025, 4, 8, 10, tzinfo=ZoneInfo("Europe/London"))
    assert override["UID"] == master["UID"]
    assert override.decoded("RECURRENCE-ID") == datetime(2025, 5, 13, 10, tzinfo=ZoneInfo("Europe/London"))
    assert override.decoded("DTSTART").astimezone(ZoneInfo("UTC")).replace(tzinfo=None) == utc(2025, 5, 14, 15)
    # Expanding the rule as a calendar app would gives 10:00 local every month, summer or not.
    rule = rrulestr(master["RRULE"].to_ical().decode(), dtstart=start)
    firsts = list(rule.between(start, datetime(2025, 12, 31, tzinfo=ZoneInfo("Europe/London")), inc=True))
    assert [d.date() for d in firsts[:4]] == [date(2025, 3, 11), date(2025, 4, 8), date(2025, 5, 13), date(2025, 6, 10)]
    assert {d.hour for d in firsts} == {10}


def test_an_ended_series_has_until_in_utc(world, as_user, url):
    series = make_series(world.match, date(2025, 3, 4), ends_at=utc(2025, 4, 1))
    cal = parse(as_user(world.mentor).get(url("meetings.ics", ref=series.ref)))
    until = cal.events[0]["RRULE"]["UNTIL"][0]
    assert until.tzinfo is not None and until.astimezone(ZoneInfo("UTC")).replace(tzinfo=None) < utc(2025, 4, 1)


def test_the_feed_works_without_a_session_and_is_neutral(app, world, as_user, url):
    client = as_user(world.mentee)
    address = feed_url(client, url)
    shared = make_meeting(world.match, soon(4, hour=9), agenda="Talk about my diagnosis")
    MeetingNote.create(meeting=shared, author=world.mentee, body="Secret note", client_id="feed-note-1", private=True)
    make_meeting(world.match, soon(6), status=PROPOSED)
    make_meeting(world.match, soon(7), status=CANCELLED)
    make_series(world.match, today("America/New_York") + timedelta(days=1), timezone="America/New_York")
    response = app.test_client().get(address.replace("http://localhost", ""))
    cal = parse(response)
    assert "Set-Cookie" not in response.headers
    assert len(cal.events) == 2  # the confirmed meeting and the series; not proposals or cancelled ones
    assert {z["TZID"] for z in cal.walk("VTIMEZONE")} == {"Europe/London", "America/New_York"}
    text = response.text
    for secret in ("diagnosis", "Secret note", "Mentoring"):
        assert secret not in text
    assert CalendarFeed.get().last_fetched_at is not None


def test_only_a_digest_of_the_feed_token_is_kept(world, as_user, url):
    address = feed_url(as_user(world.mentee), url)
    token = address.rsplit("/", 1)[1].removesuffix(".ics")
    assert CalendarFeed.get().token_hash == token_digest(token)
    assert token not in CalendarFeed.get().token_hash


def test_a_new_address_stops_the_old_one_and_revoking_stops_both(app, world, as_user, url):
    client = as_user(world.mentee)
    first = feed_url(client, url).replace("http://localhost", "")
    second = feed_url(client, url).replace("http://localhost", "")
    anon = app.test_client()
    assert anon.get(first).status_code == 404
    assert anon.get(second).status_code == 200
    client.post(url("meetings.revoke_feed"))
    assert anon.get(second).status_code == 404


def test_a_switched_off_account_has_no_feed(app, world, as_user, url):
    address = feed_url(as_user(world.mentee), url).replace("http://localhost", "")
    world.mentee.is_active = False
    world.mentee.save()
    assert app.test_client().get(address).status_code == 404


def test_the_settings_page_is_linked_from_the_account_page(world, as_user, url):
    page = as_user(world.mentor).get(url("accounts.account")).text
    assert f'href="{url("meetings.settings")}"' in page


FEED_NOW = datetime(2026, 3, 2, 12, 0)  # a Monday


def _frozen_feed(monkeypatch, client, url):
    import mentoring.meetings.calendar_views as views

    monkeypatch.setattr(views, "utcnow", lambda: FEED_NOW)
    return feed_url(client, url).replace("http://localhost", "")


def test_the_feed_is_windowed_and_only_real_changes_are_overrides(app, world, as_user, url, monkeypatch):
    address = _frozen_feed(monkeypatch, as_user(world.mentee), url)
    first = (FEED_NOW - timedelta(days=400)).date()
    series = make_series(world.match, first)
    for week in [w for w in range(57) if w != 10]:  # a year of calls marked as happened: no override each
        day = first + timedelta(days=7 * week)
        Meeting.create(match=world.match, series=series, occurrence_date=day, timezone="Europe/London", mode="phone",
                       starts_at=series.occurrence_start(day), status=CONFIRMED, outcome="happened")
    moved_day = first + timedelta(days=7 * 57)  # the day before FEED_NOW, moved by two hours
    Meeting.create(match=world.match, series=series, occurrence_date=moved_day, timezone="Europe/London", mode="phone",
                   starts_at=series.occurrence_start(moved_day) + timedelta(hours=2), status=CONFIRMED)
    old_day = first + timedelta(days=7 * 10)  # moved too, but long before the window
    Meeting.create(match=world.match, series=series, occurrence_date=old_day, timezone="Europe/London", mode="phone",
                   starts_at=series.occurrence_start(old_day) + timedelta(hours=3), status=CONFIRMED)
    make_meeting(world.match, FEED_NOW - timedelta(days=200))  # long past: outside the window
    make_meeting(world.match, FEED_NOW + timedelta(days=3))
    cal = parse(app.test_client().get(address))
    master, *rest = [e for e in cal.events if "RRULE" in e] + [e for e in cal.events if "RRULE" not in e]
    overrides = [e for e in rest if "RECURRENCE-ID" in e]
    assert [o.decoded("RECURRENCE-ID").date() for o in overrides] == [moved_day]
    singles = [e for e in rest if "RECURRENCE-ID" not in e]
    assert [s.decoded("DTSTART").date() for s in singles] == [(FEED_NOW + timedelta(days=3)).date()]


def test_an_unchanged_feed_answers_304_and_a_change_gives_a_new_one(app, world, as_user, url, monkeypatch):
    address = _frozen_feed(monkeypatch, as_user(world.mentee), url)
    series = make_series(world.match, (FEED_NOW - timedelta(days=30)).date())
    client = app.test_client()
    first = client.get(address)
    etag = first.headers["ETag"]
    again = client.get(address, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == etag
    # Marking an occurrence as happened changes nothing a calendar shows.
    day = series.first_date + timedelta(days=7)
    Meeting.create(match=world.match, series=series, occurrence_date=day, timezone="Europe/London", mode="phone",
                   starts_at=series.occurrence_start(day), status=CONFIRMED, outcome="happened")
    assert client.get(address, headers={"If-None-Match": etag}).status_code == 304
    # Cancelling the next one does.
    day = series.first_date + timedelta(days=35)
    Meeting.create(match=world.match, series=series, occurrence_date=day, timezone="Europe/London", mode="phone",
                   starts_at=series.occurrence_start(day), status=CANCELLED)
    changed = client.get(address, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    assert "EXDATE" in changed.text
