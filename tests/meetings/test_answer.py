"""Accepting, suggesting another time, rescheduling, cancelling: the other is told."""

from datetime import timedelta

from mentoring.clock import to_local
from mentoring.meetings.models import CANCELLED, CONFIRMED, PROPOSED, Meeting
from mentoring.meetings.reminders import requeue_meeting

from .support import make_meeting, pending, soon, told
from mentoring.push.outbox import topic_key


def change_form(moment, tz, **extra):
    local = to_local(moment, tz)
    data = {"day": local.strftime("%Y-%m-%d"), "time": local.strftime("%H:%M"), "duration": "45",
            "mode": "phone", "reason": ""}
    data.update(extra)
    return data


def test_the_mentee_accepts_and_the_mentor_is_told(world, as_user, url):
    meeting = make_meeting(world.match, soon(4), status=PROPOSED, proposed_by=world.mentor, attention=world.mentee)
    response = as_user(world.mentee).post(url("meetings.accept", ref=meeting.ref))
    assert response.status_code == 303
    meeting = Meeting.get_by_id(meeting.id)
    assert (meeting.status, meeting.attention_id) == (CONFIRMED, world.mentor.id)
    assert len(told(world.mentor, "meeting_changed")) == 1
    assert {n.user_id for n in pending()} == {world.mentor.id, world.mentee.id}


def test_the_proposer_cannot_accept_their_own_proposal(world, as_user, url):
    meeting = make_meeting(world.match, soon(4), status=PROPOSED, proposed_by=world.mentor, attention=world.mentee)
    as_user(world.mentor).post(url("meetings.accept", ref=meeting.ref))
    assert Meeting.get_by_id(meeting.id).status == PROPOSED
    assert not told(world.mentee, "meeting_changed")


def test_accepting_twice_tells_once(world, as_user, url):
    meeting = make_meeting(world.match, soon(4), status=PROPOSED, proposed_by=world.mentor, attention=world.mentee)
    client = as_user(world.mentee)
    client.post(url("meetings.accept", ref=meeting.ref))
    client.post(url("meetings.accept", ref=meeting.ref))
    assert len(told(world.mentor, "meeting_changed")) == 1
    assert len(pending()) == 4  # two people, 24 h and 1 h before


def test_suggesting_another_time_turns_the_proposal_around(world, as_user, url):
    meeting = make_meeting(world.match, soon(4), status=PROPOSED, proposed_by=world.mentor, attention=world.mentee)
    later = soon(6)
    response = as_user(world.mentee).post(url("meetings.change", ref=meeting.ref), data=change_form(later, world.mentee.timezone))
    assert response.status_code == 303
    meeting = Meeting.get_by_id(meeting.id)
    assert (meeting.status, meeting.proposed_by_id, meeting.attention_id) == (PROPOSED, world.mentee.id, world.mentor.id)
    assert meeting.starts_at == later and meeting.duration == 45
    assert len(told(world.mentor, "meeting_proposed")) == 1
    assert not pending()  # nothing is reminded until it is agreed


def test_rescheduling_a_confirmed_meeting_needs_a_reason(world, as_user, url):
    meeting = make_meeting(world.match, soon(4))
    response = as_user(world.mentor).post(url("meetings.change", ref=meeting.ref),
                                          data=change_form(soon(5), world.mentor.timezone))
    assert response.status_code == 422
    assert "Say why in a few words" in response.text
    assert Meeting.get_by_id(meeting.id).starts_at == meeting.starts_at


def test_rescheduling_moves_the_reminders_and_tells_the_other(app, world, as_user, url):
    meeting = make_meeting(world.match, soon(4))
    with app.app_context():
        requeue_meeting(meeting, world.match)
    before = {n.due_at for n in pending()}
    later = soon(5)
    response = as_user(world.mentor).post(
        url("meetings.change", ref=meeting.ref), data=change_form(later, world.mentor.timezone, reason="Work shift changed")
    )
    assert response.status_code == 303
    meeting = Meeting.get_by_id(meeting.id)
    assert (meeting.status, meeting.starts_at, meeting.change_note) == (CONFIRMED, later, "Work shift changed")
    assert meeting.attention_id == world.mentee.id
    after = {n.due_at for n in pending()}
    assert after == {later - timedelta(hours=24), later - timedelta(hours=1)}
    assert not before & after
    assert len(pending()) == 4
    [push] = told(world.mentee, "meeting_changed")
    assert push.topic == topic_key(f"meeting-{meeting.id}")


def test_cancelling_withdraws_the_reminders_and_tells_the_other(app, world, as_user, url):
    meeting = make_meeting(world.match, soon(4))
    with app.app_context():
        requeue_meeting(meeting, world.match)
    assert pending()
    response = as_user(world.mentee).post(url("meetings.cancel", ref=meeting.ref), data={"reason": "Feeling unwell"})
    assert response.status_code == 303
    meeting = Meeting.get_by_id(meeting.id)
    assert (meeting.status, meeting.change_note, meeting.attention_id) == (CANCELLED, "Feeling unwell", world.mentor.id)
    assert not pending()
    assert len(told(world.mentor, "meeting_cancelled")) == 1


def test_cancelling_without_a_reason_is_refused(world, as_user, url):
    meeting = make_meeting(world.match, soon(4))
    response = as_user(world.mentee).post(url("meetings.cancel", ref=meeting.ref), data={"reason": " "})
    assert response.status_code == 422
    assert Meeting.get_by_id(meeting.id).status == CONFIRMED


def test_the_change_shows_on_the_other_persons_home_until_seen(world, as_user, url):
    meeting = make_meeting(world.match, soon(4))
    as_user(world.mentor).post(url("meetings.cancel", ref=meeting.ref), data={"reason": "Car broke down"})
    client = as_user(world.mentee)
    home = client.get(url("home.index")).text
    assert "called off the meeting" in home and "Car broke down" in home
    assert client.post(url("meetings.seen", ref=meeting.ref), data={"back": "home"}).headers["Location"] == url("home.index")
    assert "Car broke down" not in client.get(url("home.index")).text


def test_people_of_another_match_get_404(world, as_user, url):
    meeting = make_meeting(world.match, soon(4), status=PROPOSED, proposed_by=world.mentor, attention=world.mentee)
    for person in (world.other_mentee, world.other_mentor):
        client = as_user(person)
        assert client.get(url("meetings.meeting", ref=meeting.ref)).status_code == 404
        assert client.post(url("meetings.accept", ref=meeting.ref)).status_code == 404
        assert client.post(url("meetings.cancel", ref=meeting.ref), data={"reason": "x"}).status_code == 404
    assert Meeting.get_by_id(meeting.id).status == PROPOSED


def test_a_meeting_of_an_ended_match_is_gone(world, as_user, url):
    from mentoring.people.matching import end_match

    meeting = make_meeting(world.match, soon(4))
    end_match(world.match, "completed")
    assert as_user(world.mentee).get(url("meetings.meeting", ref=meeting.ref)).status_code == 404


def test_a_meeting_that_is_over_cannot_be_moved_or_cancelled(world, as_user, url):
    meeting = make_meeting(world.match, soon(-2))
    client = as_user(world.mentee)
    assert client.get(url("meetings.change", ref=meeting.ref)).headers["Location"] == url("meetings.meeting", ref=meeting.ref)
    client.post(url("meetings.cancel", ref=meeting.ref), data={"reason": "Too late"})
    assert Meeting.get_by_id(meeting.id).status == CONFIRMED


def test_forms_carry_their_csrf_token(migrated_url, world, url):
    """With CSRF on (as in production), a post without the token fails and the page's own token works."""
    import re

    from ..conftest import make_app, signed_in

    app = make_app(migrated_url, WTF_CSRF_ENABLED=True)
    meeting = make_meeting(world.match, soon(4), status=PROPOSED, proposed_by=world.mentor, attention=world.mentee)
    client = signed_in(app, world.mentee)
    accept = url("meetings.accept", ref=meeting.ref)
    assert client.post(accept).status_code == 400
    page = client.get(url("meetings.meeting", ref=meeting.ref)).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert client.post(accept, data={"csrf_token": token}).status_code == 303
    assert Meeting.get_by_id(meeting.id).status == CONFIRMED
