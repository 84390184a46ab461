from mentoring.models import Invite


def test_a_coordinator_makes_an_invite_link_shown_once(as_user, world):
    client = as_user(world.coordinator)
    response = client.post("/invites", data={"role": "mentor", "email": "New@Example.org"})
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "/join/" in body
    invite = Invite.get()
    assert (invite.email, invite.role) == ("new@example.org", "mentor")
    assert "/join/" not in client.get("/invites").get_data(as_text=True)
    assert "new@example.org" in client.get("/invites").get_data(as_text=True)


def test_an_htmx_invite_returns_only_the_panel(as_user, world):
    response = as_user(world.coordinator).post(
        "/invites", data={"role": "mentee", "email": "x@example.org"}, headers={"HX-Request": "true", "HX-Target": "invites"})
    body = response.get_data(as_text=True)
    assert body.lstrip().startswith('<div id="invites"')
    assert "<html" not in body
    assert "x@example.org" in body.split("Waiting to join")[1]


def test_a_bad_email_is_explained_and_kept(as_user, world):
    response = as_user(world.coordinator).post("/invites", data={"role": "mentee", "email": "not-an-email"})
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "look like an email address" in body and 'value="not-an-email"' in body
    assert Invite.select().count() == 0


def test_someone_already_in_the_program_is_not_invited_again(as_user, world):
    response = as_user(world.coordinator).post("/invites", data={"role": "mentee", "email": world.mentee.email})
    assert "already in the program" in response.get_data(as_text=True)


def test_an_unknown_role_is_refused(as_user, world):
    response = as_user(world.coordinator).post("/invites", data={"role": "admin", "email": "a@example.org"})
    assert response.status_code == 422
    assert Invite.select().count() == 0
