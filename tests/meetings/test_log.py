"""Logging a meeting that happened but was never arranged in the app."""

from datetime import timedelta

from mentoring.clock import to_local
from mentoring.meetings.models import CONFIRMED, HAPPENED, Meeting

from .support import soon, told
def form(moment, tz, **extra):
    local = to_local(moment, tz)
    data = {"client_id": "log-" + "x" * 10, "day": local.strftime("%Y-%m-%d"), "time": local.strftime("%H:%M"),
            "duration": "30", "mode": "in_person", "place": "Park"}
    data.update(extra)
    return data


def test_a_logged_meeting_counts_as_happened(world, as_user, url):
    when = soon(-10)
    response = as_user(world.mentor).post(url("meetings.log"), data=form(when, world.mentor.timezone, match=world.match.id))
    meeting = Meeting.get()
    assert response.headers["Location"] == url("meetings.meeting", ref=meeting.ref)
    assert (meeting.status, meeting.outcome, meeting.logged, meeting.starts_at) == (CONFIRMED, HAPPENED, True, when)
    assert not told(world.mentee, "meeting_proposed")
    page = as_user(world.coordinator).get(url("people.match", match_id=world.match.id)).text
    assert "10 days ago" in page


def test_a_time_still_to_come_cannot_be_logged(world, as_user, url):
    response = as_user(world.mentee).post(url("meetings.log"), data=form(soon(1), world.mentee.timezone, match=world.match.id))
    assert response.status_code == 422
    assert "propose it as a meeting instead" in response.text
    assert Meeting.select().count() == 0


def test_logging_twice_saves_once(world, as_user, url):
    client = as_user(world.mentee)
    data = form(soon(-3), world.mentee.timezone, match=world.match.id)
    client.post(url("meetings.log"), data=data)
    client.post(url("meetings.log"), data=data)
    assert Meeting.select().count() == 1


def test_logged_meetings_show_in_the_past_list(world, as_user, url):
    as_user(world.mentee).post(url("meetings.log"), data=form(soon(-3) - timedelta(hours=2), world.mentee.timezone,
                                                             match=world.match.id))
    page = as_user(world.mentor).get(url("meetings.past")).text
    assert "In person at Park" in page and "Happened" in page
