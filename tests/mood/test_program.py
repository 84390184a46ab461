"""Coordinators choose the program's questionnaires, how often, and its own words."""

from mentoring.models import Program, User
from mentoring.mood.settings import DEFAULTS, KEY, mood_settings


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
    assert settings_of(world) == DEFAULTS and KEY not in Program.get_by_id(world.program.id).settings


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
