"""On a phone: a mentor raises a concern, a lead takes it on and closes it with an outcome,
and the mentor sees who took it on."""

import re

import pytest
from playwright.sync_api import expect

from mentoring.safety import AlertEvent, SafeguardingAlert

from .conftest import big_enough, no_sideways_scroll, screenshot, sign_in

pytestmark = pytest.mark.browser


def test_a_mentor_raises_a_concern_that_a_lead_takes_on_and_closes(new_phone, world):
    errors = []
    mentor = new_phone()
    mentor.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(mentor, world.mentor)
    mentor.get_by_role("link", name="Mia Mentee").first.click()
    mentor.get_by_role("link", name="I'm worried about Mia Mentee").click()
    expect(mentor.get_by_role("heading", name="I'm worried about Mia Mentee")).to_be_visible()
    mentor.get_by_label("I'm worried about them").check()
    mentor.get_by_label("What worries you").fill("Gave away her things and said goodbye")
    send = mentor.get_by_role("button", name="Send to the safeguarding leads")
    big_enough(send)
    no_sideways_scroll(mentor)
    screenshot(mentor, "safety-concern")
    send.click()
    expect(mentor.get_by_text("Not yet: the leads have been notified.")).to_be_visible()
    [alert] = SafeguardingAlert.select()
    assert (alert.level, alert.kind) == ("concern", "mentor_concern")

    lead = new_phone(color_scheme="dark")
    lead.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(lead, world.lead)
    lead.get_by_role("link", name="The safeguarding queue").click()
    lead.get_by_role("link", name="Mia Mentee").first.click()
    expect(lead.get_by_text("Gave away her things and said goodbye")).to_be_visible()
    lead.get_by_label("I'm on it").check()
    lead.get_by_role("button", name="Record").click()
    expect(lead.get_by_text("Lee Lead,", exact=False).first).to_be_visible()
    expect(lead.get_by_label("I'm on it")).to_have_count(0)

    # Closing without an outcome: the error sits by the field, the note is kept.
    lead.get_by_label("Close with an outcome").check()
    lead.get_by_role("textbox", name="Follow-up note").fill("Called her, safe, seeing GP tomorrow")
    lead.get_by_role("button", name="Record").click()
    expect(lead.locator("#outcome-error")).to_have_text("Choose the outcome.")
    expect(lead.get_by_role("textbox", name="Follow-up note")).to_have_value("Called her, safe, seeing GP tomorrow")
    lead.get_by_label("Contacted and safe").check()
    record = lead.get_by_role("button", name="Record")
    big_enough(record)
    record.click()
    expect(lead.get_by_label("Reopen")).to_be_visible()
    expect(lead.get_by_label("Add a follow-up note")).to_have_count(0)
    no_sideways_scroll(lead)
    screenshot(lead, "safety-alert-closed")
    found = SafeguardingAlert.get_by_id(alert.id)
    assert (found.status, found.outcome, found.owner_id) == ("closed", "contacted_safe", world.lead.id)
    assert [e.action for e in AlertEvent.select().order_by(AlertEvent.id)] == ["raised", "acknowledge", "close"]

    # The lead's figures, and the log as a file (not swapped into the page by htmx).
    lead.get_by_role("link", name="Safeguarding").first.click()
    lead.get_by_role("link", name="Figures and log").click()
    expect(lead.get_by_text("Contacted and safe")).to_be_visible()
    with lead.expect_download() as download:
        lead.get_by_role("button", name="Download the log (CSV)").click()
    assert download.value.suggested_filename.startswith("safeguarding-log-")
    no_sideways_scroll(lead)
    screenshot(lead, "safety-figures")

    mentor.reload()
    expect(mentor.get_by_text("Lee Lead", exact=False)).to_be_visible()
    expect(mentor.get_by_text("Closed by the safeguarding team")).to_be_visible()
    expect(mentor.get_by_text("seeing GP")).to_have_count(0)
    # The form sent back with problems answers 422 by design; anything else (CSP, scripts) is a fault.
    assert [e for e in errors if "status of 422" not in e] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_coordinator_sets_the_country_and_checks_the_numbers_on_a_phone(new_phone, world, scheme):
    page = new_phone(color_scheme=scheme)
    sign_in(page, world.coordinator)
    card = page.locator("section", has=page.get_by_role("heading", name="Check your crisis numbers"))
    expect(card).to_be_visible()
    card.get_by_role("link", name="Crisis resources").click()
    page.get_by_label("Your program's country").select_option("GB")
    page.get_by_role("button", name="Save country").click()
    expect(page.get_by_text("Saved your program's country.")).to_be_visible()
    checked = page.get_by_role("button", name=re.compile(r"^I checked it today\W+Samaritans$"))
    big_enough(checked)
    checked.click()
    expect(page.get_by_text("Marked Samaritans as checked today.")).to_be_visible()
    no_sideways_scroll(page)
    screenshot(page, f"safety-crisis-resources-{scheme}")
    page.get_by_role("link", name="Get help now").click()
    expect(page.get_by_role("link", name="Call 999")).to_be_visible()
    assert "not yet checked" not in page.content().lower()
