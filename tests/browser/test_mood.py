"""On a phone: check in, read trends, fill in PHQ-9 with item 9 above 0, and the lead sees the alert."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from mentoring.clock import utcnow

from ..mood.support import add_daily, sharing
from .conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


def test_check_in_trends_phq9_crisis_and_the_lead_alert(new_phone, world):
    add_daily([world.mentee], 40, end=utcnow() - timedelta(days=1))
    mentee = new_phone()
    sign_in(mentee, world.mentee)

    # Check in: the first time explains who sees it.
    mentee.get_by_role("navigation", name="Main").get_by_role("link", name="Check in").click()
    expect(mentee.get_by_role("group", name="Who sees your check-ins?")).to_be_visible()
    mentee.get_by_label("Share my check-ins with my mentor").check()
    mentee.locator("label.mood-option", has_text="Good").click()
    screenshot(mentee, "mood-checkin")
    mentee.get_by_role("button", name="Save check-in").click()
    expect(mentee.get_by_role("main").get_by_text("Saved. Thank you for checking in.")).to_be_visible()
    expect(mentee.get_by_role("region", name="Today").get_by_text("Good")).to_be_visible()
    expect(mentee.get_by_role("group", name="Who sees your check-ins?")).to_have_count(0)
    mentee.get_by_role("navigation", name="Main").get_by_role("link", name="Today").click()
    card = mentee.get_by_role("region", name="Check-in")
    expect(card.get_by_text("Done today:")).to_be_visible()
    expect(card.get_by_role("link", name="Fill in PHQ-9")).to_be_visible()
    screenshot(mentee, "mood-home-card")
    mentee.get_by_role("navigation", name="Main").get_by_role("link", name="Check in").click()

    # Trends.
    mentee.get_by_role("navigation", name="Mood").get_by_role("link", name="Trends").click()
    expect(mentee.get_by_role("heading", name="Your mood, last 30 days")).to_be_visible()
    chart = mentee.get_by_role("img", name=re.compile("Your mood, last 30 days"))
    expect(chart).to_be_visible()
    mentee.get_by_role("link", name="7 days").click()
    expect(mentee.get_by_role("heading", name="Your mood, last 7 days")).to_be_visible()
    expect(mentee).to_have_url(re.compile(r"days=7"))
    expect(mentee.get_by_role("heading", name="Keeping it up")).to_be_visible()
    screenshot(mentee, "mood-trends")

    # PHQ-9 with item 9 above 0: help at once.
    mentee.get_by_role("navigation", name="Mood").get_by_role("link", name="Questionnaires").click()
    mentee.get_by_role("link", name=re.compile("Fill it in now")).first.click()
    expect(mentee.get_by_role("heading", name=re.compile("How your mood has been"))).to_be_visible()
    questions = mentee.locator("fieldset.question")
    expect(questions).to_have_count(9)
    for i in range(8):
        questions.nth(i).get_by_label("Several days").check()
    questions.nth(8).get_by_label("More than half the days").check()
    screenshot(mentee, "mood-phq9-form")
    mentee.get_by_role("button", name="Send my answers").click()
    panel = mentee.locator("#crisis-panel")
    expect(panel).to_be_visible()
    expect(panel.get_by_role("heading", name="How are you doing?")).to_be_visible()
    expect(panel.get_by_role("link", name=re.compile("Call 116 123"))).to_be_visible()
    expect(panel.get_by_role("heading", name="Your safety plan")).to_be_visible()
    expect(mentee.get_by_text("This is not a diagnosis.", exact=False).first).to_be_visible()
    screenshot(mentee, "mood-phq9-crisis")

    # The safeguarding lead, on their own phone, sees the alert.
    lead = new_phone()
    sign_in(lead, world.lead)
    card = lead.get_by_role("region", name="Safeguarding")
    expect(card.get_by_text(world.mentee.name, exact=True)).to_be_visible()
    card.get_by_role("link", name=re.compile(world.mentee.name)).click()
    expect(lead.get_by_role("heading", name=f"Alert about {world.mentee.name}")).to_be_visible()
    expect(lead.get_by_text("More than half the days (2 of 3)")).to_be_visible()
    expect(lead.get_by_text("Little interest or pleasure")).to_have_count(0)
    screenshot(lead, "mood-lead-alert")


def test_risky_words_in_a_note_open_a_calm_panel_and_the_mentor_sees_what_is_shared(new_phone, world):
    sharing(world.mentee)
    add_daily([world.mentee], 13, end=utcnow() - timedelta(days=1), tags=False)
    mentee = new_phone(color_scheme="dark")
    sign_in(mentee, world.mentee)
    mentee.goto("/mood/check-in")
    mentee.locator("label.mood-option", has_text="Awful").click()
    mentee.get_by_text("Add more (optional)").click()
    mentee.get_by_label("Note (only you see it, unless you share it)").fill("I don't want to be here anymore")
    mentee.get_by_role("button", name="Save check-in").click()
    panel = mentee.locator("#crisis-panel")
    expect(panel.get_by_role("heading", name="How are you doing?")).to_be_visible()
    expect(panel).to_be_focused()
    screenshot(mentee, "mood-risk-panel-dark")

    mentor = new_phone()
    sign_in(mentor, world.mentor)
    mentor.get_by_role("link", name=world.mentee.name).first.click()
    mood = mentor.get_by_role("region", name="Mood")
    expect(mood.get_by_role("img", name=re.compile("Last 14 days"))).to_be_visible()
    expect(mood.get_by_text("Latest mood")).to_be_visible()
    expect(mood.get_by_text("I don't want to be here anymore")).to_have_count(0)
    mood.get_by_text("When does a mentee get a flag?").click()
    expect(mood.get_by_text("not an emergency", exact=False)).to_be_visible()
    screenshot(mentor, "mood-mentor-panel")


def test_a_check_in_sent_back_without_a_mood_still_shows_the_panel(new_phone, world):
    sharing(world.mentee)
    mentee = new_phone()
    sign_in(mentee, world.mentee)
    mentee.goto("/mood/check-in")
    mentee.get_by_text("Add more (optional)").click()
    mentee.get_by_label("Note (only you see it, unless you share it)").fill("I want to k1ll myself")
    mentee.get_by_role("button", name="Save check-in").click()
    panel = mentee.locator("#crisis-panel")
    expect(panel.get_by_role("heading", name="How are you doing?")).to_be_visible()
    expect(mentee.locator("#crisis-panel")).to_have_count(1)
    # Nothing was saved, so the panel makes no promise about the lead.
    expect(panel.get_by_text("safeguarding lead has been told")).to_have_count(0)
    expect(mentee.locator("#checkin-form .form-error")).to_be_visible()
    # Sent again with a mood: saved, one panel, and now it says what happens next.
    mentee.locator("label.mood-option", has_text="Awful").click()
    mentee.get_by_role("button", name="Save check-in").click()
    expect(mentee.locator("#crisis-panel").get_by_text("safeguarding lead has been told")).to_be_visible()
    expect(mentee.locator("#crisis-panel")).to_have_count(1)
    screenshot(mentee, "mood-risk-panel-after-error")
