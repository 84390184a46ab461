import pytest

from mentoring.models import MENTEE, MENTOR, Match
from mentoring.people.matching import MatchError, create_match, end_match

from ..factories import make_program, make_user


def test_a_coordinator_pairs_a_waiting_mentee_with_a_mentor(as_user, world):
    mentee = make_user(world.program, MENTEE, name="Wren Waiting")
    client = as_user(world.coordinator)
    form = client.get("/matches/new").get_data(as_text=True)
    assert "Wren Waiting" in form and "Mia Mentee" not in form
    response = client.post("/matches/new", data={"mentor": world.mentor.id, "mentee": mentee.id})
    assert response.status_code == 302
    assert Match.get(Match.mentee == mentee).mentor_id == world.mentor.id


def test_a_mentee_has_at_most_one_active_match(world):
    with pytest.raises(MatchError, match="already has a mentor"):
        create_match(world.other_mentor, world.mentee)


def test_a_mentor_at_capacity_is_refused(world):
    world.mentor.mentor_capacity = 1
    world.mentor.save()
    with pytest.raises(MatchError, match="as many mentees as they can take"):
        create_match(world.mentor, make_user(world.program, MENTEE))


def test_roles_and_programs_must_fit(world):
    with pytest.raises(MatchError, match="not an active mentor"):
        create_match(world.mentee, world.other_mentee)
    stranger = make_user(make_program("Elsewhere"), MENTEE)
    with pytest.raises(MatchError, match="different programs"):
        create_match(world.mentor, stranger)


def test_a_refused_pairing_is_explained_on_the_form(as_user, world):
    mentee = make_user(world.program, MENTEE)
    world.mentor.mentor_capacity = 1
    world.mentor.save()
    response = as_user(world.coordinator).post("/matches/new", data={"mentor": world.mentor.id, "mentee": mentee.id})
    assert response.status_code == 422
    assert "as many mentees as they can take" in response.get_data(as_text=True)


def test_ending_a_match_records_why_and_frees_the_mentee(as_user, world):
    client = as_user(world.coordinator)
    response = client.post(f"/matches/{world.match.id}/end", data={"reason": "completed", "note": "Goals met"})
    assert response.status_code == 302
    match = Match.get_by_id(world.match.id)
    assert (match.status, match.end_reason, match.end_note) == ("ended", "completed", "Goals met")
    assert match.ended_by_id == world.coordinator.id
    create_match(world.other_mentor, world.mentee)


def test_ending_twice_changes_nothing(world):
    assert end_match(world.match, "completed")
    first = Match.get_by_id(world.match.id).ended_at
    assert not end_match(world.match, "other")
    assert Match.get_by_id(world.match.id).ended_at == first


def test_a_former_mentor_loses_the_mentee_page(as_user, world):
    end_match(world.match, "completed")
    assert as_user(world.mentor).get(f"/mentees/{world.match.id}").status_code == 404


def test_the_match_page_shows_people_not_contents(as_user, world):
    body = as_user(world.coordinator).get(f"/matches/{world.match.id}").get_data(as_text=True)
    assert "Mo Mentor" in body and "Mia Mentee" in body
    assert "stays between them" in body


def test_mentors_with_room_only_are_offered(as_user, world):
    full = make_user(world.program, MENTOR, name="Fay Full", mentor_capacity=0)
    make_user(world.program, MENTEE)
    body = as_user(world.coordinator).get("/matches/new").get_data(as_text=True)
    assert full.name not in body and "Mo Mentor (1 of 3)" in body


def test_ended_matches_have_their_own_tab(as_user, world):
    end_match(world.match, "completed")
    client = as_user(world.coordinator)
    assert "Mia Mentee" not in client.get("/matches").get_data(as_text=True)
    assert "Mia Mentee" in client.get("/matches", query_string={"show": "ended"}).get_data(as_text=True)
