"""Recurring meetings: accept as a whole, move or skip one, change or stop them all."""

from datetime import date, time, timedelta

from mentoring.clock import to_local, utcnow
from mentoring.meetings.models import CANCELLED, CONFIRMED, PROPOSED, WEEKLY, Meeting, MeetingSeries
from mentoring.meetings.schedule import between, member_matches

from .support import make_series, pending, told
from mentoring.push.outbox import topic_key


def next_week_day(days=7):
    return (to_local(utcnow(), "Europe/London") + timedelta(days=days)).date()


def form(day, at="10:00", **extra):
    data = {"day": day.isoformat(), "time": at, "duration": "60", "mode": "phone", "reason": "", "repeat": WEEKLY}
    data.update(extra)
    return data


def occurrences(user, days=60):
    now = utcnow()
    return between(member_matches(user), now, now + timedelta(days=days))


def test_accepting_a_proposed_series_confirms_every_occurrence(app, world, as_user, url):
    series = make_series(world.match, next_week_day(2), status=PROPOSED, attention=world.mentee)
    # Answering from one occurrence's page answers for the whole series.
    ref = f"{series.ref}-{series.first_date:%Y%m%d}"
    response = as_user(world.mentee).post(url("meetings.accept", ref=ref))
    assert response.headers["Location"] == url("meetings.meeting", ref=series.ref)
    assert MeetingSeries.get_by_id(series.id).status == CONFIRMED
    with app.test_request_context():
        assert {m.status for m in occurrences(world.mentee)} == {CONFIRMED}
    assert len(told(world.mentor, "meeting_changed")) == 1
    # Only the next occurrence's reminders wait, for both people.
    assert {n.topic for n in pending()} == {topic_key(f"series-{series.id}")}
    assert len({n.due_at for n in pending()}) == 2 and len(pending()) == 4


def test_moving_one_occurrence_leaves_the_others(app, world, as_user, url):
    series = make_series(world.match, next_week_day(2))
    day = series.first_date + timedelta(days=7)
    ref = f"{series.ref}-{day:%Y%m%d}"
    moved_to = day + timedelta(days=1)
    response = as_user(world.mentee).post(url("meetings.change", ref=ref),
                                          data=form(moved_to, "15:30", reason="Clinic appointment"))
    assert response.status_code == 303
    row = Meeting.get(Meeting.series == series.id)
    assert row.occurrence_date == day and to_local(row.starts_at, "Europe/London").date() == moved_to
    assert row.attention_id == world.mentor.id
    with app.test_request_context():
        found = occurrences(world.mentee, 22)
    assert [to_local(m.starts_at, "Europe/London").date() for m in found] == [
        series.first_date, moved_to, series.first_date + timedelta(days=14)]
    assert len(told(world.mentor, "meeting_changed")) == 1


def test_skipping_one_occurrence(app, world, as_user, url):
    series = make_series(world.match, next_week_day(2))
    day = series.first_date + timedelta(days=7)
    as_user(world.mentor).post(url("meetings.cancel", ref=f"{series.ref}-{day:%Y%m%d}"), data={"reason": "Away"})
    row = Meeting.get(Meeting.series == series.id)
    assert (row.occurrence_date, row.status, row.change_note) == (day, CANCELLED, "Away")
    with app.test_request_context():
        found = [m for m in occurrences(world.mentee, 22) if m.status != CANCELLED]
    assert [m.occurrence_date for m in found] == [series.first_date, series.first_date + timedelta(days=14)]
    assert len(told(world.mentee, "meeting_cancelled")) == 1


def test_changing_a_series_that_has_begun_keeps_the_past(app, world, as_user, url):
    started = next_week_day(-14)
    series = make_series(world.match, started)
    new_first = next_week_day(3)
    response = as_user(world.mentor).post(url("meetings.change", ref=series.ref),
                                          data=form(new_first, "18:00", reason="Evenings suit better"))
    successor = MeetingSeries.select().order_by(MeetingSeries.id.desc()).first()
    assert successor.id != series.id
    assert response.headers["Location"] == url("meetings.meeting", ref=successor.ref)
    assert (successor.first_date, successor.start_time, successor.status) == (new_first, time(18, 0), CONFIRMED)
    old = MeetingSeries.get_by_id(series.id)
    assert old.ends_at is not None and old.ends_at <= successor.occurrence_start(new_first)
    with app.test_request_context():
        now = utcnow()
        past = between(member_matches(world.mentee), now - timedelta(days=15), now)
        ahead = between(member_matches(world.mentee), successor.occurrence_start(new_first), now + timedelta(days=30))
    assert [m.occurrence_date for m in past][:2] == [started, started + timedelta(days=7)]
    assert {m.series_id for m in ahead} == {successor.id}
    assert {to_local(m.starts_at, "Europe/London").hour for m in ahead} == {18}


def test_a_moved_occurrence_after_the_change_stays_agreed(app, world, as_user, url):
    series = make_series(world.match, next_week_day(-7))
    day = series.first_date + timedelta(days=21)
    as_user(world.mentee).post(url("meetings.change", ref=f"{series.ref}-{day:%Y%m%d}"),
                               data=form(day, "16:00", reason="Later that day"))
    as_user(world.mentor).post(url("meetings.change", ref=series.ref), data=form(next_week_day(3), reason="New rota"))
    moved = Meeting.get(Meeting.change_note == "Later that day")
    assert moved.series_id is None and moved.status == CONFIRMED


def test_stopping_a_series_ends_it_from_now(app, world, as_user, url):
    series = make_series(world.match, next_week_day(-14))
    with app.app_context():
        from mentoring.meetings.reminders import requeue_series

        requeue_series(series, world.match)
    assert pending()
    response = as_user(world.mentee).post(url("meetings.cancel", ref=series.ref), data={"reason": "Moving away"})
    assert response.status_code == 303
    ended = MeetingSeries.get_by_id(series.id)
    assert ended.ends_at is not None and ended.status == CONFIRMED  # its past stays
    assert not pending()
    with app.test_request_context():
        assert not occurrences(world.mentee)
    page = as_user(world.mentor).get(url("home.index")).text
    assert "stopped your regular meetings" in page and "Moving away" in page


def test_declining_a_series_that_never_began_cancels_it(world, as_user, url):
    series = make_series(world.match, next_week_day(3), status=PROPOSED, attention=world.mentee)
    as_user(world.mentee).post(url("meetings.cancel", ref=series.ref), data={"reason": "Too often for me"})
    assert MeetingSeries.get_by_id(series.id).status == CANCELLED


def test_an_occurrence_of_a_proposed_series_cannot_be_moved_alone(world, as_user, url):
    series = make_series(world.match, next_week_day(3), status=PROPOSED, attention=world.mentee)
    ref = f"{series.ref}-{series.first_date:%Y%m%d}"
    response = as_user(world.mentee).post(url("meetings.change", ref=ref), data=form(next_week_day(4)))
    assert response.headers["Location"] == url("meetings.meeting", ref=series.ref)
    assert Meeting.select().count() == 0


def test_the_series_page_lists_the_next_weeks(world, as_user, url):
    series = make_series(world.match, next_week_day(1), rule=WEEKLY)
    page = as_user(world.mentee).get(url("meetings.meeting", ref=series.ref)).text
    assert "Every week" in page
    assert page.count(f'href="/meetings/{series.ref}-') == 12


def test_an_occurrence_before_the_series_began_is_not_found(world, as_user, url):
    series = make_series(world.match, date(2025, 3, 4))
    assert as_user(world.mentee).get(url("meetings.meeting", ref=f"{series.ref}-20250225")).status_code == 404
