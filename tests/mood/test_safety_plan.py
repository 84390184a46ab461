"""The safety plan: the mentee's own words, pre-filled professionals, one tap from Get help now."""

from mentoring.models import CrisisResource
from mentoring.mood.models import SafetyPlan
from mentoring.mood.safety_plan import save_plan

SECTIONS = {
    "warning_signs": "Not sleeping, skipping meals",
    "coping": "A hot shower, my playlist",
    "distractions": "The café on the corner",
    "helpers": "Jo 07700 900123",
    "professionals": "Dr Patel at the surgery",
    "environment": "Give my pills to Jo",
    "reasons": "My dog Biscuit",
}


def test_a_new_plan_starts_with_the_programs_crisis_lines(world, as_user, url):
    page = as_user(world.mentee).get(url("mood.safety_plan")).get_data(as_text=True)
    assert "Samaritans (UK and Ireland): call 116 123" in page
    assert "Shout (UK): text 85258" in page
    assert "1. My warning signs" in page and "What matters to me and is worth living for" in page


def test_a_mentee_writes_their_plan_in_their_own_words(world, as_user, url):
    client = as_user(world.mentee)
    response = client.post(url("mood.safety_plan"), data=SECTIONS)
    assert response.status_code == 303
    plan = SafetyPlan.get(SafetyPlan.user == world.mentee)
    assert {name: getattr(plan, name) for name in SECTIONS} == SECTIONS and not plan.shared
    client.post(url("mood.safety_plan"), data={**SECTIONS, "reasons": "Biscuit and my niece", "shared": "y"})
    plan = SafetyPlan.get(SafetyPlan.user == world.mentee)
    assert plan.reasons == "Biscuit and my niece" and plan.shared
    assert SafetyPlan.select().count() == 1


def test_too_long_a_section_comes_back_422_with_the_text(world, as_user, url):
    response = as_user(world.mentee).post(url("mood.safety_plan"), data={**SECTIONS, "coping": "x" * 4001})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Keep it under 4,000 characters." in page and "My dog Biscuit" in page


def test_the_plan_is_on_get_help_now_for_the_mentee(world, as_user, url):
    save_plan(world.mentee, SECTIONS)
    page = as_user(world.mentee).get(url("safety.help")).get_data(as_text=True)
    assert "Your safety plan" in page and "My dog Biscuit" in page and "Give my pills to Jo" in page
    assert url("mood.safety_plan") in page
    assert page.index("Samaritans") < page.index("Your safety plan")


def test_get_help_now_invites_a_mentee_without_a_plan_to_make_one(world, as_user, url):
    page = as_user(world.mentee).get(url("safety.help")).get_data(as_text=True)
    assert "Make your safety plan" in page


def test_nobody_elses_plan_is_on_their_help_page(world, as_user, url):
    save_plan(world.mentee, {**SECTIONS, "shared": True})
    for person in (world.other_mentee, world.mentor, world.coordinator, world.lead):
        page = as_user(person).get(url("safety.help")).get_data(as_text=True)
        assert "My dog Biscuit" not in page
    assert "My dog Biscuit" not in as_user(world.other_mentee).get(url("mood.safety_plan")).get_data(as_text=True)
    assert "Your safety plan" not in as_user(world.mentor).get(url("safety.help")).get_data(as_text=True)
    assert "Your safety plan" not in as_user(world.mentor).get(url("safety.help")).get_data(as_text=True)


def test_anonymous_help_page_has_no_plan(client, world, url):
    page = client.get(url("safety.help")).get_data(as_text=True)
    assert "Your safety plan" not in page and "Samaritans" in page


def test_the_crisis_panel_carries_the_plan(app, world):
    from flask import render_template

    from mentoring.safety import crisis_panel

    save_plan(world.mentee, SECTIONS)
    with app.test_request_context():
        html = render_template("safety/_crisis_panel.html", crisis=crisis_panel(world.mentee))
    assert "How are you doing?" in html and "My dog Biscuit" in html


def test_a_resource_with_only_a_website_is_listed_by_its_address(world, as_user, url):
    CrisisResource.delete().execute()
    CrisisResource.create(program=world.program, name="Crisis Text Online", url="https://example.org/chat")
    page = as_user(world.mentee).get(url("mood.safety_plan")).get_data(as_text=True)
    assert "Crisis Text Online: https://example.org/chat" in page
