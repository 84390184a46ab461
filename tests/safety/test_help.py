from datetime import date

from mentoring.models import CrisisResource


def test_get_help_now_works_signed_out_with_tap_to_call_and_text(client, world):
    response = client.get("/help")
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'href="tel:116123"' in body
    assert 'href="sms:85258"' in body
    assert "not an emergency service" in body
    assert "Not yet checked" not in body  # the coordinator's to-do, not news to someone in crisis


def test_every_page_links_to_get_help_now(client, as_user, world):
    pages = [client.get("/login"), client.get("/help"), as_user(world.mentee).get("/"),
             as_user(world.coordinator).get("/people"), client.get("/nowhere")]
    for response in pages:
        assert 'href="/help"' in response.get_data(as_text=True)


def test_a_coordinator_adds_and_checks_a_resource(as_user, client, world):
    coordinator = as_user(world.coordinator)
    response = coordinator.post("/program/crisis-resources", data={
        "name": "Local Crisis Team", "phone": "+44 20 7946 0000", "region": "Camden",
        "last_verified": "2026-11-01", "position": "1"})
    assert response.status_code == 302
    resource = CrisisResource.get(CrisisResource.name == "Local Crisis Team")
    assert resource.last_verified == date(2026, 11, 1)
    body = client.get("/help").get_data(as_text=True)
    assert 'href="tel:+442079460000"' in body
    assert "Last checked by your program: November 1, 2026" in body


def test_a_resource_needs_a_way_to_reach_it(as_user, world):
    response = as_user(world.coordinator).post("/program/crisis-resources", data={"name": "Nothing"})
    assert response.status_code == 422
    assert "Give at least a phone number" in response.get_data(as_text=True)


def test_websites_must_be_https(as_user, world):
    response = as_user(world.coordinator).post("/program/crisis-resources", data={
        "name": "Site", "url": "javascript:alert(1)"})
    assert response.status_code == 422


def test_a_coordinator_edits_and_removes_a_resource(as_user, world):
    coordinator = as_user(world.coordinator)
    resource = world.program.crisis_resources().first()
    coordinator.post(f"/program/crisis-resources/{resource.id}", data={
        "name": "Renamed", "phone": "999", "position": "0"})
    assert CrisisResource.get_by_id(resource.id).name == "Renamed"
    coordinator.post(f"/program/crisis-resources/{resource.id}/delete")
    assert CrisisResource.get_or_none(CrisisResource.id == resource.id) is None


def test_help_shows_the_signed_in_persons_own_program(as_user, world):
    from mentoring.models import MENTEE

    from ..factories import make_program, make_user

    other = make_program("Elsewhere")
    CrisisResource.create(program=other, name="Only Elsewhere Line", phone="123")
    stranger = make_user(other, MENTEE)
    assert "Only Elsewhere Line" in as_user(stranger).get("/help").get_data(as_text=True)
    assert "Only Elsewhere Line" not in as_user(world.mentee).get("/help").get_data(as_text=True)
