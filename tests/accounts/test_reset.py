from mentoring.models import Invite, PasswordReset, User

from ..factories import PASSWORD


def test_a_reset_link_sets_a_new_password_and_signs_out_elsewhere(app, client, as_user, world):
    elsewhere = as_user(world.mentee)
    _reset, token = PasswordReset.issue(world.mentee, world.coordinator)
    response = client.post(f"/reset/{token}", data={"password": "a brand new pass", "confirm": "a brand new pass"})
    assert response.status_code == 302
    assert User.get_by_id(world.mentee.id).check_password("a brand new pass")
    assert client.get("/").status_code == 200
    assert elsewhere.get("/").status_code == 302


def test_a_reset_link_works_once(client, world):
    _reset, token = PasswordReset.issue(world.mentee, world.coordinator)
    client.post(f"/reset/{token}", data={"password": "a brand new pass", "confirm": "a brand new pass"})
    assert client.get(f"/reset/{token}").status_code == 404


def test_a_newer_link_replaces_an_unused_one(client, world):
    _reset, first = PasswordReset.issue(world.mentee, world.coordinator)
    PasswordReset.issue(world.mentee, world.coordinator)
    assert client.get(f"/reset/{first}").status_code == 404


def test_a_made_up_token_is_not_found(client, world):
    response = client.get("/reset/not-a-real-token")
    assert response.status_code == 404
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_coordinator_makes_a_link_shown_once(as_user, world):
    response = as_user(world.coordinator).post(f"/people/{world.mentee.id}/reset-link")
    body = response.get_data(as_text=True)
    assert "/reset/" in body
    assert PasswordReset.select().where(PasswordReset.user == world.mentee).count() == 1
    token = body.split("/reset/")[1].split('"')[0]
    assert PasswordReset.get().token_hash != token


def test_changing_the_password_needs_the_current_one(as_user, world):
    client = as_user(world.mentee)
    response = client.post("/account/password", data={
        "current": "not it at all", "password": "another new pass", "confirm": "another new pass"})
    assert response.status_code == 422
    assert "That is not your current password." in response.get_data(as_text=True)


def test_changing_the_password_keeps_this_device_and_signs_out_others(as_user, world):
    here, elsewhere = as_user(world.mentee), as_user(world.mentee)
    response = here.post("/account/password", data={
        "current": PASSWORD, "password": "another new pass", "confirm": "another new pass"})
    assert response.status_code == 302
    assert here.get("/").status_code == 200
    assert elsewhere.get("/").status_code == 302


def test_people_change_their_name_and_time_zone(as_user, world):
    client = as_user(world.mentee)
    response = client.post("/account", data={"name": "Mia M.", "timezone": "Asia/Tokyo"})
    assert response.status_code == 302
    user = User.get_by_id(world.mentee.id)
    assert (user.name, user.timezone) == ("Mia M.", "Asia/Tokyo")


def test_an_empty_name_is_refused_beside_the_field(as_user, world):
    response = as_user(world.mentee).post("/account", data={"name": "  ", "timezone": "UTC"})
    assert response.status_code == 422
    assert "Enter a name." in response.get_data(as_text=True)


def test_link_pages_stay_out_of_caches_and_referrers(client, world):
    _invite, token = Invite.issue(world.program, "mentee", "nia@example.org", world.coordinator)
    _reset, reset_token = PasswordReset.issue(world.mentee, created_by=world.lead.id)
    for path in (f"/join/{token}", f"/reset/{reset_token}", "/join/not-a-token"):
        response = client.get(path)
        assert response.headers["Cache-Control"] == "no-store", path
        assert response.headers["Referrer-Policy"] == "no-referrer", path
