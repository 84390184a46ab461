"""On a phone: sign another device out from "Your devices"; it is signed out on its next step."""

import re

import pytest

from .conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

OTHER_AGENT = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0")


def test_signing_the_other_device_out_from_your_devices(new_phone, world, url):
    phone = new_phone()
    laptop = new_phone(user_agent=OTHER_AGENT)
    sign_in(phone, world.coordinator)
    sign_in(laptop, world.coordinator)

    phone.goto(url("accounts.account"))
    phone.get_by_role("link", name="Your devices").click()
    phone.wait_for_url(re.compile(r"/account/devices$"))
    rows = phone.locator("[data-session]")
    assert rows.count() == 2
    assert "This device" in rows.first.inner_text()
    screenshot(phone, "devices-two-sessions")

    button = phone.get_by_role("button", name="Sign out Firefox on Windows")
    box = button.bounding_box()
    assert box["height"] >= 44
    button.click()
    phone.get_by_text("Firefox on Windows is signed out.").wait_for()
    assert phone.locator("[data-session]").count() == 1
    screenshot(phone, "devices-signed-out-other")

    laptop.goto(url("people.people"))
    assert "/login" in laptop.url
    phone.goto(url("people.people"))
    assert "/login" not in phone.url


def test_a_lead_reads_the_audit_log_and_filters_it_by_person(new_phone, world, url):
    coordinator = new_phone()
    sign_in(coordinator, world.coordinator)
    coordinator.goto(url("people.person", user_id=world.mentee.id))
    coordinator.goto(url("people.person", user_id=world.mentor.id))

    lead = new_phone(color_scheme="dark")
    sign_in(lead, world.lead)
    lead.goto(url("safety.alerts"))
    lead.get_by_role("link", name="Audit log").click()
    lead.wait_for_url(re.compile(r"/audit$"))
    assert lead.locator("[data-event]").count() == 2
    lead.get_by_label("Person").select_option(label=world.mentor.name)
    lead.wait_for_url(re.compile(rf"person={world.mentor.id}"))
    assert lead.locator("[data-event]").count() == 1
    assert "about Mo Mentor" in lead.locator("#audit-events").inner_text()
    screenshot(lead, "audit-log-dark")
