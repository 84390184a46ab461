"""Staff powers with checks: who may make a lead, switch a lead off, or make a password link."""

from mentoring.models import PasswordReset, User

from ..factories import PASSWORD


def fresh(user):
    return User.get_by_id(user.id)


def staff(world):
    """(the lead, a coordinator who is not a lead)."""
    return world.lead, world.coordinator


def settings(client, url, person, lead):
    data = {"is_safeguarding_lead": "y"} if lead else {}
    return client.post(url("people.person_settings", user_id=person.id), data=data)


def test_a_coordinator_cannot_make_themselves_lead(world, as_user, url):
    _lead, plain = staff(world)
    response = settings(as_user(plain), url, plain, lead=True)
    assert response.status_code == 422
    assert "Only another safeguarding lead can change this" in response.get_data(as_text=True)
    assert not fresh(plain).is_safeguarding_lead


def test_a_coordinator_cannot_remove_a_leads_flag_or_switch_them_off(world, as_user, url):
    lead, plain = staff(world)
    client = as_user(plain)
    assert settings(client, url, lead, lead=False).status_code == 422
    client.post(url("people.person_active", user_id=lead.id), data={"active": "0"})
    assert fresh(lead).is_safeguarding_lead and fresh(lead).is_active


def test_a_lead_can_make_another_coordinator_lead_but_not_unmake_themselves(world, as_user, url):
    lead, plain = staff(world)
    client = as_user(lead)
    assert settings(client, url, plain, lead=True).status_code == 302
    assert fresh(plain).is_safeguarding_lead
    assert settings(client, url, lead, lead=False).status_code == 422
    assert fresh(lead).is_safeguarding_lead


def test_the_lead_box_is_shown_only_to_someone_who_may_use_it(world, as_user, url):
    lead, plain = staff(world)
    page = as_user(plain).get(url("people.person", user_id=lead.id)).get_data(as_text=True)
    assert 'name="is_safeguarding_lead"' not in page
    assert "Only another safeguarding lead can change this" in page
    page = as_user(lead).get(url("people.person", user_id=plain.id)).get_data(as_text=True)
    assert 'name="is_safeguarding_lead"' in page


def test_no_one_makes_a_password_link_for_themselves_or_a_non_lead_for_a_lead(world, as_user, url):
    lead, plain = staff(world)
    as_user(plain).post(url("people.person_reset_link", user_id=plain.id))
    as_user(plain).post(url("people.person_reset_link", user_id=lead.id))
    assert not PasswordReset.select().exists()


def test_a_password_link_signs_the_person_out_everywhere(app, world, as_user, url):
    phone = app.test_client()
    assert phone.post("/login", data={"email": world.mentee.email, "password": PASSWORD}).status_code == 302
    response = as_user(world.coordinator).post(url("people.person_reset_link", user_id=world.mentee.id))
    assert response.status_code == 200
    assert phone.get("/").status_code == 302


def test_the_person_is_told_at_their_next_sign_in_and_only_once(app, world, as_user, url):
    as_user(world.coordinator).post(url("people.person_reset_link", user_id=world.mentee.id))
    client = app.test_client()
    client.post("/login", data={"email": world.mentee.email, "password": PASSWORD})
    home = client.get("/").get_data(as_text=True)
    assert f"{world.coordinator.name} made a password link for your account" in home
    assert "tell your program&#39;s safeguarding lead" in home
    client.post("/logout")
    client.post("/login", data={"email": world.mentee.email, "password": PASSWORD})
    assert "made a password link" not in client.get("/").get_data(as_text=True)
