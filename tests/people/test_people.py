from playhouse.test_utils import count_queries

from mentoring.models import COORDINATOR, MENTEE, MENTOR, User

from ..factories import make_match, make_program, make_user


def test_people_lists_everyone_in_the_program_with_their_match(as_user, world):
    body = as_user(world.coordinator).get("/people").get_data(as_text=True)
    for person in world.people().values():
        assert person.name in body
    assert "with Mo Mentor" in body


def test_people_from_another_program_are_not_listed_or_found(as_user, world):
    other = make_program("Elsewhere")
    stranger = make_user(other, MENTEE, name="Stella Stranger")
    client = as_user(world.coordinator)
    assert "Stella Stranger" not in client.get("/people").get_data(as_text=True)
    assert client.get(f"/people/{stranger.id}").status_code == 404
    outsider = make_user(other, COORDINATOR)
    assert as_user(outsider).get(f"/people/{world.mentee.id}").status_code == 404


def test_search_and_filters(as_user, world):
    client = as_user(world.coordinator)
    body = client.get("/people", query_string={"q": "othermentee"}).get_data(as_text=True)
    assert "Omar Othermentee" in body and "Mia Mentee" not in body
    body = client.get("/people", query_string={"role": "mentor"}).get_data(as_text=True)
    assert "<strong>Mo Mentor</strong>" in body and "<strong>Mia Mentee</strong>" not in body


def test_switched_off_people_are_hidden_unless_asked_for(as_user, world):
    client = as_user(world.coordinator)
    client.post(f"/people/{world.other_mentee.id}/active", data={"active": "0"})
    assert "<strong>Omar Othermentee</strong>" not in client.get("/people").get_data(as_text=True)
    body = client.get("/people", query_string={"status": "inactive"}).get_data(as_text=True)
    assert "<strong>Omar Othermentee</strong>" in body


def test_an_htmx_search_gets_only_the_list(as_user, world):
    response = as_user(world.coordinator).get("/people", query_string={"q": "mia"}, headers={"HX-Request": "true", "HX-Target": "people-list"})
    body = response.get_data(as_text=True)
    assert body.lstrip().startswith('<div id="people-list"')
    assert "<html" not in body
    assert "HX-Request" in response.headers["Vary"]


def test_the_people_list_paginates(as_user, world):
    for n in range(30):
        make_user(world.program, MENTEE, name=f"Zed {n:02d}")
    client = as_user(world.coordinator)
    first = client.get("/people").get_data(as_text=True)
    assert 'rel="next"' in first
    second = client.get("/people", query_string={"page": 2}).get_data(as_text=True)
    assert "Zed 29" in second and 'rel="prev"' in second


def test_the_people_page_costs_the_same_queries_whatever_the_numbers(as_user, world):
    client = as_user(world.coordinator)
    client.get("/people")
    with count_queries() as few:
        client.get("/people")
    for n in range(20):
        mentor = make_user(world.program, MENTOR)
        make_match(mentor, make_user(world.program, MENTEE))
    with count_queries() as many:
        client.get("/people")
    assert many.count == few.count


def test_switching_someone_off_signs_them_out(as_user, world):
    mentee = as_user(world.mentee)
    as_user(world.coordinator).post(f"/people/{world.mentee.id}/active", data={"active": "0"})
    assert mentee.get("/").status_code == 302
    assert not User.get_by_id(world.mentee.id).is_active


def test_coordinators_cannot_switch_themselves_off(as_user, world):
    as_user(world.coordinator).post(f"/people/{world.coordinator.id}/active", data={"active": "0"})
    assert User.get_by_id(world.coordinator.id).is_active


def test_capacity_and_lead_flag(as_user, world):
    client = as_user(world.lead)
    client.post(f"/people/{world.mentor.id}/settings", data={"mentor_capacity": "5"})
    client.post(f"/people/{world.coordinator.id}/settings", data={"is_safeguarding_lead": "y"})
    assert User.get_by_id(world.mentor.id).mentor_capacity == 5
    assert User.get_by_id(world.coordinator.id).is_safeguarding_lead


def test_a_bad_capacity_is_explained(as_user, world):
    response = as_user(world.coordinator).post(f"/people/{world.mentor.id}/settings", data={"mentor_capacity": "500"})
    assert response.status_code == 422
    assert "Between 0 and 50." in response.get_data(as_text=True)
