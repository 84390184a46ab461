"""Signing out ends the session on the server: a copied cookie is worth nothing after it."""

from mentoring.models import UserSession, token_digest

from ..factories import PASSWORD


def sign_in(client, user, remember=False):
    data = {"email": user.email, "password": PASSWORD}
    if remember:
        data["remember"] = "y"
    assert client.post("/login", data=data).status_code == 302


def cookies_of(client):
    return {cookie.key: cookie.value for cookie in client._cookies.values()}


def copy_cookies(app, values):
    thief = app.test_client()
    for name, value in values.items():
        thief.set_cookie(name, value)
    return thief


def test_a_copied_session_cookie_stops_working_at_sign_out(app, client, world):
    sign_in(client, world.mentee)
    copied = cookies_of(client)
    assert copy_cookies(app, copied).get("/").status_code == 200
    client.post("/logout")
    assert copy_cookies(app, copied).get("/").status_code == 302


def test_a_copied_keep_me_signed_in_cookie_stops_working_at_sign_out(app, client, world):
    sign_in(client, world.mentee, remember=True)
    remember = {"remember_token": cookies_of(client)["remember_token"]}
    assert copy_cookies(app, remember).get("/").status_code == 200
    client.post("/logout")
    assert copy_cookies(app, remember).get("/").status_code == 302


def test_signing_out_on_one_phone_leaves_the_others_signed_in(app, world):
    phone, laptop = app.test_client(), app.test_client()
    sign_in(phone, world.mentee)
    sign_in(laptop, world.mentee)
    phone.post("/logout")
    assert phone.get("/").status_code == 302
    assert laptop.get("/").status_code == 200


def test_only_a_digest_of_the_session_secret_is_stored(client, world):
    sign_in(client, world.mentee)
    with client.session_transaction() as session:
        session_id, _, secret = session["_user_id"].partition(".")
    row = UserSession.get_by_id(int(session_id))
    assert row.user_id == world.mentee.id and row.ended_at is None
    assert row.secret_hash == token_digest(secret) != secret


def test_a_new_password_ends_every_other_session(app, world):
    phone, laptop = app.test_client(), app.test_client()
    sign_in(phone, world.mentee)
    sign_in(laptop, world.mentee)
    response = phone.post("/account/password", data={"current": PASSWORD, "password": "a new long passphrase 42",
                                                    "confirm": "a new long passphrase 42"})
    assert response.status_code == 302
    assert phone.get("/").status_code == 200
    assert laptop.get("/").status_code == 302


def test_a_forged_session_key_is_refused(app, world):
    forged = app.test_client()
    with forged.session_transaction() as session:
        session["_user_id"] = "1.not-the-secret"
    assert forged.get("/").status_code == 302
    with forged.session_transaction() as session:
        session["_user_id"] = "99999999999999999999999.x"
    assert forged.get("/").status_code == 302
