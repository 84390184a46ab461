"""Home cards, the mentor's panel, and what coordinators see: days, never words."""

import re
from datetime import timedelta

from playhouse.test_utils import count_queries

from mentoring.clock import utcnow
from mentoring.meetings.models import HAPPENED, PROPOSED, MeetingNote
from mentoring.models import MENTEE, MENTOR

from ..factories import make_match, make_user
from .support import make_meeting, make_series, soon, today


def next_meeting_attr(page):
    found = re.search(r'data-next-meeting="([^"]*)"', page)
    return found and found.group(1)


def test_the_mentee_home_shows_the_next_meeting_with_a_plain_summary(world, as_user, url):
    make_meeting(world.match, soon(9), mode="phone")
    meeting = make_meeting(world.match, soon(2, hour=15), mode="video", link="https://v.example.org/a")
    page = as_user(world.mentee).get(url("home.index")).text
    summary = next_meeting_attr(page)
    assert summary.endswith(", video call")
    assert summary.split(",")[0] in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    assert f'href="{url("meetings.meeting", ref=meeting.ref)}"' in page
    # The card sits after the mentor card (order 10) and is called "Next meeting".
    assert page.index("Your mentor") < page.index("Next meeting")


def test_a_proposal_waits_on_the_home_screen_with_accept(world, as_user, url):
    meeting = make_meeting(world.match, soon(3), status=PROPOSED, proposed_by=world.mentor, attention=world.mentee)
    page = as_user(world.mentee).get(url("home.index")).text
    assert "Mo Mentor suggests meeting on" in page
    assert url("meetings.accept", ref=meeting.ref) in page
    assert next_meeting_attr(page) is None  # not agreed yet


def test_the_mentor_home_shows_the_next_meeting_across_mentees(world, as_user, url):
    second = make_user(world.program, MENTEE, name="Nia Second")
    match = make_match(world.mentor, second)
    make_meeting(match, soon(1, hour=11))
    page = as_user(world.mentor).get(url("home.index")).text
    assert next_meeting_attr(page)
    assert "with Nia Second" in page


def test_meetings_that_ended_unmarked_ask_if_they_happened(world, as_user, url):
    make_meeting(world.match, soon(-3))
    page = as_user(world.mentee).get(url("home.index")).text
    assert "Did these happen?" in page


def test_the_mentors_page_about_a_mentee_has_a_meetings_panel(world, as_user, url):
    make_meeting(world.match, soon(4))
    page = as_user(world.mentor).get(url("home.mentee", match_id=world.match.id)).text
    assert "All meetings with Mia Mentee" in page
    assert next_meeting_attr(page)
    assert url("meetings.propose", match=world.match.id) in page.replace("&amp;", "&")


def test_coordinators_see_days_since_the_last_meeting_that_happened(world, as_user, url):
    world.match.started_at = utcnow() - timedelta(days=200)
    world.match.save()
    met = make_meeting(world.match, utcnow() - timedelta(days=50), outcome=HAPPENED)
    MeetingNote.create(meeting=met, author=world.mentee, body="Talked about relapse", client_id="coord-note-1")
    make_meeting(world.match, utcnow() - timedelta(days=10))  # not marked: doesn't count
    page = as_user(world.coordinator).get(url("people.match", match_id=world.match.id)).text
    assert "Last meeting" in page and "50 days ago" in page
    assert "fact-warning" in page and "relapse" not in page


def test_sixty_days_without_a_meeting_is_a_red_flag(world, as_user, url):
    world.match.started_at = utcnow() - timedelta(days=61)
    world.match.save()
    page = as_user(world.coordinator).get(url("people.matches")).text
    assert "none yet (matched 61 days ago)" in page
    assert "fact-alert" in page


def test_the_coordinator_home_lists_quiet_matches(world, as_user, url):
    world.match.started_at = utcnow() - timedelta(days=100)
    world.match.save()
    make_meeting(world.match, utcnow() - timedelta(days=47), outcome=HAPPENED)
    world.other_match.started_at = utcnow() - timedelta(days=100)
    world.other_match.save()
    make_meeting(world.other_match, utcnow() - timedelta(days=5), outcome=HAPPENED)
    page = as_user(world.coordinator).get(url("home.index")).text
    assert "Matches not meeting" in page
    assert "Last met 47 days ago" in page
    assert "Otto Othermentor · Omar Othermentee" not in page


def _busy_mentor(world, mentees):
    """A mentor with many mentees, each with meetings, series, exceptions and notes."""
    for n in range(mentees):
        mentee = make_user(world.program, MENTEE)
        match = make_match(world.mentor, mentee)
        series = make_series(match, today() - timedelta(days=20 + n))
        make_meeting(match, soon(-n - 1), outcome=HAPPENED)
        make_meeting(match, soon(n + 1), status=PROPOSED, proposed_by=mentee.id, attention=world.mentor.id)
        row = make_meeting(match, soon(-5), series=series, occurrence_date=today() - timedelta(days=5))
        MeetingNote.create(meeting=row, author=world.mentor, body="n", client_id=f"busy-note-{row.id:06d}")


def queries(client, path):
    with count_queries() as counted:
        assert client.get(path).status_code == 200
    return counted.count


def test_home_cards_run_a_fixed_number_of_queries(world, as_user, url):
    mentor, mentee = as_user(world.mentor), as_user(world.mentee)
    make_meeting(world.match, soon(2))
    make_meeting(world.match, soon(3), status=PROPOSED, proposed_by=world.mentor, attention=world.mentee)
    _busy_mentor(world, 1)
    small = queries(mentor, url("home.index")), queries(mentee, url("home.index"))
    _busy_mentor(world, 15)
    for n in range(20):
        make_meeting(world.match, soon(n % 10 + 1), status=PROPOSED, proposed_by=world.mentor, attention=world.mentee)
    make_series(world.match, today() - timedelta(days=3))
    assert (queries(mentor, url("home.index")), queries(mentee, url("home.index"))) == small


def test_meeting_lists_run_a_fixed_number_of_queries(world, as_user, url):
    mentor = as_user(world.mentor)
    _busy_mentor(world, 1)
    pages = (url("meetings.index"), url("meetings.past"), url("meetings.index", match=world.match.id))
    small = [queries(mentor, page) for page in pages]
    _busy_mentor(world, 15)
    make_series(world.match, today() - timedelta(days=60))
    assert [queries(mentor, page) for page in pages] == small


def test_the_coordinator_pages_run_a_fixed_number_of_queries(world, as_user, url):
    client = as_user(world.coordinator)
    client.application.config["PROGRAM_CARD_SECONDS"] = 0  # count the work, not the kept figures
    world.match.started_at = utcnow() - timedelta(days=80)
    world.match.save()
    make_meeting(world.match, utcnow() - timedelta(days=50), outcome=HAPPENED)
    before = (queries(client, url("home.index")), queries(client, url("people.matches")))
    for n in range(15):
        mentor = make_user(world.program, MENTOR)
        match = make_match(mentor, make_user(world.program, MENTEE), started_at=utcnow() - timedelta(days=90))
        make_meeting(match, utcnow() - timedelta(days=40 + n * 2), outcome=HAPPENED)
    assert (queries(client, url("home.index")), queries(client, url("people.matches"))) == before


def test_my_own_proposal_waits_on_my_home_and_stale_ones_drop_off(world, as_user, url):
    make_meeting(world.match, soon(3), status=PROPOSED, proposed_by=world.mentor, attention=world.mentee)
    make_meeting(world.match, soon(-1), status=PROPOSED, proposed_by=world.mentor, attention=world.mentee,
                 agenda="stale")
    page = as_user(world.mentor).get(url("home.index")).text
    assert "Your proposals" in page and page.count("Waiting for Mia Mentee to answer") == 1
    mentee_page = as_user(world.mentee).get(url("home.index")).text
    assert mentee_page.count("Mo Mentor suggests meeting on") == 1
