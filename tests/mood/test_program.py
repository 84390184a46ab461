"""Coordinators choose the program's questionnaires, how often, and its own words."""

from mentoring.models import COORDINATOR, Program, User
from mentoring.mood.responses import due_measures
from mentoring.mood.settings import DEFAULTS, KEY, mood_settings

from ..factories import make_program, make_user


def settings_of(world):
    return mood_settings(Program.get_by_id(world.program.id))


def test_defaults_apply_until_the_program_chooses(world):
    assert mood_settings(world.program) == DEFAULTS
    assert DEFAULTS["measures"] == ["phq9", "gad7"] and DEFAULTS["every_days"] == 28


def test_a_coordinator_chooses_measures_and_frequency(world, as_user, url):
    response = as_user(world.coordinator).post(url("mood.program_settings"), data={
        "depression": "phq8", "others": ["who5", "ons4"], "every_days": "14",
        "emotions": "Homesick\nHopeful\n\nHomesick", "activities": "Allotment",
    })
    assert response.status_code == 303
    saved = Program.get_by_id(world.program.id).settings[KEY]
    assert saved == {"measures": ["phq8", "who5", "ons4"], "every_days": 14, "emotions": ["Homesick", "Hopeful"],
                     "activities": ["Allotment"]}
    # Other settings in Program.settings are left alone.
    assert set(Program.get_by_id(world.program.id).settings) == {KEY}


def test_the_programs_own_words_appear_in_the_check_in(world, as_user, url):
    as_user(world.coordinator).post(url("mood.program_settings"), data={
        "depression": "phq9", "every_days": "28", "emotions": "Homesick", "activities": "Allotment",
    })
    page = as_user(world.mentee).get(url("mood.checkin")).get_data(as_text=True)
    assert 'value="Homesick"' in page and 'value="Allotment"' in page and 'value="calm"' in page


def test_phq9_needs_a_safeguarding_lead(world, as_user, url):
    User.update(is_safeguarding_lead=False).execute()
    client = as_user(world.coordinator)
    assert "Nobody in your program is a safeguarding lead" in client.get(url("mood.program_settings")).get_data(as_text=True)
    response = client.post(url("mood.program_settings"), data={"depression": "phq9", "every_days": "28"})
    assert response.status_code == 422 and "Choose PHQ-8" in response.get_data(as_text=True)
    assert KEY not in Program.get_by_id(world.program.id).settings
    # Without a lead, the default asks PHQ-8: item 9 never goes unseen.
    assert settings_of(world)["measures"] == ["phq8", "gad7"]


def test_bad_input_comes_back_422(world, as_user, url):
    response = as_user(world.coordinator).post(url("mood.program_settings"), data={
        "depression": "phq9", "others": ["wemwbs"], "every_days": "3", "emotions": "x" * 41,
    })
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Keep each one under 40 characters." in page


def test_the_page_shows_no_mentee_data(world, as_user, url):
    page = as_user(world.lead).get(url("mood.program_settings")).get_data(as_text=True)
    assert world.mentee.name not in page


def test_coordinators_find_it_on_their_account_page(world, as_user, url):
    page = as_user(world.coordinator).get(url("accounts.account")).get_data(as_text=True)
    assert "Check-ins and questionnaires" in page and url("mood.program_settings") in page


# No state of the data asks PHQ-9 question 9 with nobody to see the answer.

def due_codes(mentee):
    return [d.measure.code for d in due_measures(User.get_by_id(mentee.id))]


def lead_flag(client, url, person, on):
    data = {"is_safeguarding_lead": "y"} if on else {}
    return client.post(url("people.person_settings", user_id=person.id), data=data)


def test_phq9_follows_the_safeguarding_lead_through_every_transition(world, as_user, url):
    # A new program with no lead asks PHQ-8, and PHQ-9 is not there to take.
    program = make_program("New Program")
    boss = make_user(program, COORDINATOR)
    mentee = make_user(program)
    assert due_codes(mentee) == ["phq8", "gad7"]
    assert as_user(mentee).get(url("mood.take_measure", code="phq9")).status_code == 404
    assert "use PHQ-8 until a lead is in place" in as_user(boss).get(url("mood.program_settings")).text

    # A coordinator cannot make themselves the lead; still PHQ-8.
    assert lead_flag(as_user(boss), url, boss, True).status_code == 422
    assert due_codes(mentee) == ["phq8", "gad7"]

    # Once the operator makes a lead (create-user --lead), the default PHQ-9 applies.
    lead = make_user(program, COORDINATOR, is_safeguarding_lead=True)
    assert due_codes(mentee) == ["phq9", "gad7"]

    # Nobody in the app can take away the last lead: not the lead, not another coordinator.
    assert lead_flag(as_user(lead), url, lead, False).status_code == 422
    assert lead_flag(as_user(boss), url, lead, False).status_code == 422
    as_user(boss).post(url("people.person_active", user_id=lead.id), data={"active": "0"})
    assert due_codes(mentee) == ["phq9", "gad7"]

    # With a second lead, one may unmake the other, and PHQ-9 stays.
    second = make_user(program, COORDINATOR, is_safeguarding_lead=True)
    assert lead_flag(as_user(lead), url, second, False).status_code == 302
    assert due_codes(mentee) == ["phq9", "gad7"]

    # Should the data lose its last lead anyway (an operator's edit), PHQ-8 at once, whatever was chosen.
    save_program_measures(as_user(lead), url, "phq9")
    User.update(is_active=False).where(User.id == lead.id).execute()
    assert due_codes(mentee) == ["phq8", "gad7"]
    assert as_user(mentee).get(url("mood.take_measure", code="phq9")).status_code == 404


def save_program_measures(client, url, depression):
    response = client.post(url("mood.program_settings"),
                           data={"depression": depression, "others": ["gad7"], "every_days": "28"})
    assert response.status_code == 303
