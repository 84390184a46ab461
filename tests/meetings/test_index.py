"""The Meetings page: what needs an answer, what is coming, what has been."""

from datetime import timedelta

from mentoring.clock import utcnow
from mentoring.meetings.models import HAPPENED, PROPOSED
from mentoring.models import MENTEE

from ..factories import make_match, make_user
from .support import make_meeting, make_series, soon, today


def test_it_is_in_the_bottom_nav_for_mentees_and_mentors(world, as_user, url):
    for person in (world.mentee, world.mentor):
        page = as_user(person).get(url("home.index")).text
        assert f'href="{url("meetings.index")}"' in page
    assert f'href="{url("meetings.index")}"' not in as_user(world.coordinator).get(url("home.index")).text


def test_coming_up_lists_meetings_and_occurrences_in_order(world, as_user, url):
    make_meeting(world.match, soon(10), mode="video", link="https://v.example.org/z")
    series = make_series(world.match, today() + timedelta(days=2))
    page = as_user(world.mentee).get(url("meetings.index")).text
    assert page.index(f"{series.ref}-") < page.index("Video call")
    assert "Every week" in page


def test_proposals_for_me_come_first(world, as_user, url):
    make_meeting(world.match, soon(3), status=PROPOSED, proposed_by=world.mentor, attention=world.mentee)
    page = as_user(world.mentee).get(url("meetings.index")).text
    assert page.index("For you to see") < page.index("Coming up")
    assert "Not confirmed yet" in page


def test_a_mentor_sees_one_mentee_with_match(world, as_user, url):
    other = make_user(world.program, MENTEE, name="Nia Second")
    second = make_match(world.mentor, other)
    make_meeting(second, soon(4), place="Nia's place", mode="in_person")
    make_meeting(world.match, soon(5), place="Mia's place", mode="in_person")
    client = as_user(world.mentor)
    both = client.get(url("meetings.index")).text
    assert "Nia&#39;s place" in both and "Mia&#39;s place" in both
    one = client.get(url("meetings.index", match=second.id)).text
    assert "Nia&#39;s place" in one and "Mia&#39;s place" not in one
    assert client.get(url("meetings.index", match=world.other_match.id)).status_code == 404


def test_the_past_goes_back_eight_weeks_at_a_time(world, as_user, url):
    world.match.started_at = utcnow() - timedelta(days=200)
    world.match.save()
    make_meeting(world.match, soon(-3), outcome=HAPPENED, place="Recent", mode="in_person")
    make_meeting(world.match, soon(-70), place="Older", mode="in_person")
    client = as_user(world.mentee)
    page = client.get(url("meetings.past")).text
    assert "Recent" in page and "Older" not in page
    earlier = (utcnow() - timedelta(weeks=8)).strftime("%Y-%m-%d")
    assert url("meetings.past", before=earlier) in page
    assert "Older" in client.get(url("meetings.past", before=earlier)).text
    assert client.get(url("meetings.past", before="not-a-date")).status_code == 404


def test_htmx_gets_just_the_list(world, as_user, url):
    response = as_user(world.mentee).get(url("meetings.index"), headers={"HX-Request": "true", "HX-Target": "meeting-list"})
    assert response.text.lstrip().startswith('<div id="meeting-list">')
    assert "HX-Request" in response.headers["Vary"]
