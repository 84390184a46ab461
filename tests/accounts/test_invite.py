from datetime import timedelta

from mentoring.clock import utcnow
from mentoring.models import Invite, User


def join(client, token, **fields):
    data = {"name": "Nia New", "password": "a long new password", "confirm": "a long new password",
            "timezone": "America/New_York"}
    data.update(fields)
    return client.post(f"/join/{token}", data=data)


def issue(world, role="mentee", email="nia@example.org"):
    _invite, token = Invite.issue(world.program, role, email, world.coordinator)
    return token


def test_opening_an_invite_shows_the_email_and_program(client, world):
    response = client.get(f"/join/{issue(world)}")
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "nia@example.org" in body and "Welcome to Test Program" in body
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_joining_creates_the_account_and_signs_in(client, world):
    response = join(client, issue(world, role="mentor"))
    assert response.status_code == 302
    user = User.by_email("nia@example.org")
    assert (user.name, user.role, user.timezone) == ("Nia New", "mentor", "America/New_York")
    assert user.password_hash.startswith("$argon2id$")
    assert "Hello, Nia New" in client.get("/").get_data(as_text=True)


def test_an_invite_works_once(client, app, world):
    token = issue(world)
    join(client, token)
    other = app.test_client()
    response = other.get(f"/join/{token}")
    assert response.status_code == 404
    assert "This link no longer works" in response.get_data(as_text=True)
    assert join(other, token).status_code == 404
    assert User.select().where(User.email == "nia@example.org").count() == 1


def test_a_second_tap_on_join_lands_home_without_a_second_account(client, world):
    token = issue(world)
    join(client, token)
    assert join(client, token).headers["Location"] == "/"
    assert User.select().where(User.email == "nia@example.org").count() == 1


def test_an_expired_invite_is_refused(client, world):
    token = issue(world)
    Invite.update(expires_at=utcnow() - timedelta(minutes=1)).execute()
    assert client.get(f"/join/{token}").status_code == 404


def test_a_withdrawn_invite_is_refused(client, as_user, world):
    token = issue(world)
    invite = Invite.get(Invite.email == "nia@example.org")
    as_user(world.coordinator).post(f"/invites/{invite.id}/revoke")
    assert client.get(f"/join/{token}").status_code == 404


def test_bad_input_comes_back_with_messages_and_the_name(client, world):
    token = issue(world)
    response = join(client, token, password="short", confirm="other", name="Nia ")
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Use 10 to 128 characters." in body
    assert "The two passwords differ." in body
    assert 'value="Nia"' in body
    assert User.by_email("nia@example.org") is None


def test_an_unknown_time_zone_is_refused(client, world):
    response = join(client, issue(world), timezone="Mars/Olympus")
    assert "Choose a time zone from the list." in response.get_data(as_text=True)


def test_a_common_password_is_refused(client, world):
    response = join(client, issue(world), password="password123", confirm="password123")
    assert "too easy to guess" in response.get_data(as_text=True)


def test_an_email_already_taken_is_explained(client, world):
    token = issue(world, email=world.mentor.email)
    response = join(client, token)
    assert "already exists" in response.get_data(as_text=True)
    assert Invite.open_by_token(token) is not None


def test_weak_passwords_and_ones_made_of_the_persons_email_are_refused(client, world):
    for weak in ("aaaaaaaaab", "1111111111", "qwertyuiop1"):
        response = join(client, issue(world), password=weak, confirm=weak)
        assert response.status_code == 422
        assert "too easy to guess" in response.get_data(as_text=True)
    own = "Nia@Example.org 2026"
    response = join(client, issue(world), password=own, confirm=own)
    assert "use your name or email" in response.get_data(as_text=True)
