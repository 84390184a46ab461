import threading
from datetime import timedelta

from mentoring.clock import utcnow
from mentoring.models import LoginFailure, User

from ..factories import PASSWORD


def login(client, email, password=PASSWORD, remember=False, **kw):
    data = {"email": email, "password": password}
    if remember:
        data["remember"] = "y"
    return client.post("/login", data=data, **kw)


def test_it_signs_in_and_lands_on_home(client, world):
    response = login(client, world.mentee.email)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert "Hello, Mia Mentee" in client.get("/").get_data(as_text=True)


def test_signing_in_through_htmx_loads_a_whole_new_page(client, world):
    # A boosted swap would keep the old page's <head>, and with it a CSRF token
    # from the session that signing in just replaced.
    response = login(client, world.mentee.email, headers={"HX-Request": "true", "HX-Boosted": "true"})
    assert response.status_code == 204
    assert response.headers["HX-Redirect"] == "/"
    assert "HX-Location" not in response.headers


def test_email_is_matched_whatever_its_case_and_spaces(client, world):
    assert login(client, f"  {world.mentee.email.upper()} ").status_code == 302


def test_a_wrong_password_gets_a_clear_message_and_keeps_the_email(client, world):
    response = login(client, world.mentee.email, "wrong password!")
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "That email and password don&#39;t match" in body
    assert f'value="{world.mentee.email}"' in body
    assert "wrong password!" not in body


def test_an_unknown_email_gets_the_same_message(client, world):
    body = login(client, "nobody@example.org").get_data(as_text=True)
    assert "That email and password don&#39;t match" in body


def test_it_returns_to_the_page_asked_for_but_never_off_site(client, world):
    assert login(client, world.mentee.email, query_string={"next": "/account"}).headers["Location"] == "/account"
    client.post("/logout")
    for target in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        response = login(client, world.mentee.email, query_string={"next": target})
        assert response.headers["Location"] == "/"
        client.post("/logout")



def test_signing_in_comes_back_to_the_page_asked_for_without_a_stray_question_mark(client, world, url):
    assert client.get(url("home.index")).headers["Location"] == url("accounts.login")
    account = client.get(url("accounts.account")).headers["Location"]
    assert account == url("accounts.login", next=url("accounts.account"))
    assert not account.endswith("%3F")
    asked = url("goals.index", show="done")
    assert client.get(asked).headers["Location"] == url("accounts.login", next=asked)
    assert login(client, world.mentee.email, query_string={"next": asked}).headers["Location"] == asked


def test_a_switched_off_account_cannot_sign_in(client, world):
    world.mentee.is_active = False
    world.mentee.save()
    response = login(client, world.mentee.email)
    assert "This account is switched off" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_five_failures_pause_the_account_with_a_clear_message(client, world):
    for _ in range(5):
        login(client, world.mentee.email, "wrong password!")
    response = login(client, world.mentee.email)
    assert response.status_code == 429
    assert "try again in 15 minutes" in response.get_data(as_text=True)
    # Another account from the same address is still fine.
    assert login(client, world.mentor.email).status_code == 302


def test_the_pause_ends_when_the_window_passes(client, world):
    old = utcnow() - timedelta(minutes=16)
    LoginFailure.insert_many([{"key": f"account:{world.mentee.email}", "at": old}] * 5).execute()
    assert login(client, world.mentee.email).status_code == 302


def test_too_many_failures_from_one_address_pause_every_account(app, client, world):
    app.config["LOGIN_ATTEMPTS_PER_ADDRESS"] = 3
    for n in range(3):
        login(client, f"someone{n}@example.org", "wrong password!")
    assert login(client, world.mentor.email).status_code == 429


def test_success_clears_the_account_failures(client, world):
    for _ in range(4):
        login(client, world.mentee.email, "wrong password!")
    assert login(client, world.mentee.email).status_code == 302
    assert LoginFailure.select().where(LoginFailure.key == f"account:{world.mentee.email}").count() == 0


def test_the_session_is_regenerated_on_sign_in(client, world):
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    login(client, world.mentee.email)
    with client.session_transaction() as session:
        assert "planted" not in session


def test_keep_me_signed_in_sets_a_secure_long_lived_cookie(app, client, world):
    app.config["REMEMBER_COOKIE_SECURE"] = True
    response = login(client, world.mentee.email, remember=True)
    cookies = response.headers.getlist("Set-Cookie")
    remember = next(c for c in cookies if c.startswith("remember_token="))
    assert "HttpOnly" in remember and "Secure" in remember and "SameSite=Lax" in remember
    assert "Expires=" in remember


def test_without_keep_me_signed_in_the_session_ends_with_the_browser(client, world):
    response = login(client, world.mentee.email)
    cookies = response.headers.getlist("Set-Cookie")
    assert not any(c.startswith("remember_token=") for c in cookies)
    session = next(c for c in cookies if c.startswith("session="))
    assert "Expires=" not in session and "HttpOnly" in session and "SameSite=Lax" in session


def test_sign_out_ends_the_session(client, world):
    login(client, world.mentee.email)
    assert client.post("/logout").status_code == 302
    assert client.get("/").status_code == 302


def test_sign_in_records_the_time(client, world):
    login(client, world.mentee.email)
    assert User.get_by_id(world.mentee.id).last_login_at is not None


def test_signed_in_people_are_sent_home_from_the_login_page(as_user, world):
    assert as_user(world.mentee).get("/login").headers["Location"] == "/"


def test_racing_tries_never_get_more_password_checks_than_the_limit(app, world, monkeypatch):
    checks = []
    real = User.check_password

    def counted(self, password):
        checks.append(password)
        return real(self, password)

    monkeypatch.setattr(User, "check_password", counted)
    barrier = threading.Barrier(8)

    def try_once():
        client = app.test_client()
        barrier.wait()
        login(client, world.mentee.email, "wrong password!")

    threads = [threading.Thread(target=try_once) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert 1 <= len(checks) <= app.config["LOGIN_ATTEMPTS_PER_ACCOUNT"]


def test_a_device_that_signed_in_before_is_not_locked_out_by_someone_elses_guesses(app, world):
    phone = app.test_client()
    assert login(phone, world.lead.email).status_code == 302
    phone.post("/logout")
    attacker = app.test_client()
    for _ in range(6):
        login(attacker, world.lead.email, "wrong password!")
    assert login(attacker, world.lead.email).status_code == 429
    assert login(phone, world.lead.email).status_code == 302


def test_the_person_is_told_of_failed_tries_at_their_next_sign_in(app, world):
    attacker = app.test_client()
    for _ in range(3):
        login(attacker, world.mentee.email, "wrong password!")
    client = app.test_client()
    login(client, world.mentee.email)
    assert "someone tried 3 times to sign in to your account" in client.get("/").get_data(as_text=True)
    client.post("/logout")
    login(client, world.mentee.email)
    assert "someone tried" not in client.get("/").get_data(as_text=True)
