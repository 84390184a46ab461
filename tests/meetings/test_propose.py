"""Proposing a meeting: the other person is asked, once, in their own zone."""

from datetime import timedelta

from mentoring.clock import to_local
from mentoring.meetings.models import MONTHLY, PROPOSED, WEEKLY, Meeting, MeetingSeries

from .support import soon, told
from mentoring.push.outbox import topic_key


def form(when, **extra):
    data = {"client_id": "c" * 16, "day": when.strftime("%Y-%m-%d"), "time": when.strftime("%H:%M"),
            "duration": "60", "mode": "video", "link": "https://meet.example.org/abc", "repeat": "once"}
    data.update(extra)
    return data


def local_plan(user, days=5, hour=10):
    """A wall-clock time in the user's zone, `days` from now."""
    return (to_local(soon(days), user.timezone) + timedelta(hours=0)).replace(hour=hour, minute=0)


def test_a_mentee_proposes_and_the_mentor_is_asked(world, as_user, url):
    when = local_plan(world.mentee)
    response = as_user(world.mentee).post(url("meetings.propose"), data=form(when, match=world.match.id, agenda="Job applications"))
    assert response.status_code == 303
    meeting = Meeting.get()
    assert response.headers["Location"] == url("meetings.meeting", ref=str(meeting.id))
    assert (meeting.status, meeting.proposed_by_id, meeting.attention_id) == (PROPOSED, world.mentee.id, world.mentor.id)
    assert to_local(meeting.starts_at, world.mentee.timezone).replace(tzinfo=None) == when.replace(tzinfo=None)
    assert meeting.timezone == world.mentee.timezone
    assert meeting.link == "https://meet.example.org/abc" and meeting.agenda == "Job applications"
    [push] = told(world.mentor, "meeting_proposed")
    assert push.url == url("meetings.meeting", ref=str(meeting.id))
    assert push.topic == topic_key(f"meeting-{meeting.id}")


def test_sending_the_same_form_twice_saves_and_tells_once(world, as_user, url):
    client = as_user(world.mentee)
    data = form(local_plan(world.mentee), match=world.match.id)
    first = client.post(url("meetings.propose"), data=data)
    second = client.post(url("meetings.propose"), data=data)
    assert first.headers["Location"] == second.headers["Location"]
    assert Meeting.select().count() == 1
    assert len(told(world.mentor, "meeting_proposed")) == 1


def test_a_repeating_proposal_makes_a_series(world, as_user, url):
    when = local_plan(world.mentor, days=8)
    response = as_user(world.mentor).post(
        url("meetings.propose"), data=form(when, match=world.match.id, repeat=MONTHLY, mode="in_person", place="Library café")
    )
    series = MeetingSeries.get()
    assert response.headers["Location"] == url("meetings.meeting", ref=series.ref)
    assert (series.rule, series.first_date, series.start_time.hour) == (MONTHLY, when.date(), 10)
    assert series.place == "Library café" and series.link == ""
    assert Meeting.select().count() == 0
    assert told(world.mentee, "meeting_proposed")[0].topic == topic_key(f"series-{series.id}")


def test_a_mentor_cannot_propose_to_someone_elses_mentee(world, as_user, url):
    response = as_user(world.mentor).post(url("meetings.propose"), data=form(local_plan(world.mentor), match=world.other_match.id))
    assert response.status_code == 422
    assert Meeting.select().count() == 0


def test_missing_place_and_bad_link_come_back_with_the_input(world, as_user, url):
    client = as_user(world.mentee)
    response = client.post(url("meetings.propose"), data=form(local_plan(world.mentee), match=world.match.id,
                                                              mode="in_person", place="", agenda="Keep this text"))
    assert response.status_code == 422
    assert "Say where you" in response.text and "Keep this text" in response.text
    response = client.post(url("meetings.propose"), data=form(local_plan(world.mentee), match=world.match.id,
                                                              link="javascript:alert(1)"))
    assert response.status_code == 422
    assert "start with https://" in response.text
    assert Meeting.select().count() == 0


def test_a_time_in_the_past_is_refused(world, as_user, url):
    when = to_local(soon(-1), world.mentee.timezone)
    response = as_user(world.mentee).post(url("meetings.propose"), data=form(when, match=world.match.id))
    assert response.status_code == 422
    assert "That time has passed" in response.text


def test_a_time_the_clocks_skip_is_refused(world, as_user, url):
    # 01:30 on 29 March 2026 does not exist in London: clocks go from 01:00 to 02:00.
    world.mentee.timezone = "Europe/London"
    world.mentee.save()
    data = form(to_local(soon(1), "Europe/London"), match=world.match.id, day="2026-03-29", time="01:30")
    response = as_user(world.mentee).post(url("meetings.propose"), data=data)
    assert response.status_code == 422
    assert "The clocks change that night" in response.text


def test_a_mentee_without_a_mentor_is_told_there_is_no_one_yet(app, world, as_user, url):
    from ..factories import make_user

    loner = make_user(world.program, "mentee")
    response = as_user(loner).get(url("meetings.propose"))
    assert response.status_code == 200
    assert "once you're matched" in response.text
    assert as_user(loner).post(url("meetings.propose"), data=form(local_plan(loner))).status_code == 200
    assert Meeting.select().count() == 0


def test_the_form_shows_the_other_persons_zone_when_it_differs(world, as_user, url):
    world.mentor.timezone = "America/New_York"
    world.mentor.save()
    response = as_user(world.mentee).get(url("meetings.propose"))
    assert "lives in New York" in response.text
    assert WEEKLY in response.text


def test_a_plain_http_video_link_is_refused(world, as_user, url):
    response = as_user(world.mentee).post(url("meetings.propose"), data=form(
        local_plan(world.mentee), match=world.match.id, link="http://meet.example.org/abc"))
    assert response.status_code == 422
    assert "start with https://" in response.text and "http://meet.example.org/abc" in response.text
    assert Meeting.select().count() == 0
