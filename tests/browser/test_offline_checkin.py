"""The real mood check-in, made without a signal, arrives once when the signal returns."""

import pytest
from playwright.sync_api import expect

from mentoring.mood.models import CheckIn

from ..mood.support import sharing
from .conftest import screenshot, sign_in
from .test_pwa_offline import QUEUED, SENT, eventually

pytestmark = pytest.mark.browser


@pytest.fixture
def app(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app


def test_a_check_in_made_offline_is_saved_once_when_back_online(phone, world):
    sign_in(phone, world.mentee)
    phone.get_by_role("link", name="Check in", exact=True).first.click()
    expect(phone.get_by_role("heading", name="How are you?")).to_be_visible()
    share = phone.get_by_label("Share my check-ins with my mentor")
    if share.count():
        share.check()
    phone.context.set_offline(True)
    phone.locator("label.mood-option", has_text="Good").click()
    phone.get_by_role("button", name="Save check-in").click()
    expect(phone.locator(".offline-note")).to_have_text(QUEUED)
    assert CheckIn.select().count() == 0

    today = phone.get_by_role("region", name="Today")
    expect(today.get_by_text("No check-in yet today.")).to_be_visible()

    phone.context.set_offline(False)
    expect(phone.locator(".offline-note")).to_have_text(SENT)
    eventually(phone, lambda: CheckIn.select().count() == 1)
    # The page catches up with what was sent, without a reload.
    expect(today.get_by_text("Good")).to_be_visible()
    expect(today.get_by_text("No check-in yet today.")).to_have_count(0)
    phone.reload()
    assert [c.mood for c in CheckIn.select()] == [4]


def test_the_home_card_catches_up_when_a_waiting_check_in_is_sent_on_opening(phone, world):
    sign_in(phone, world.mentee)
    phone.get_by_role("link", name="Check in", exact=True).first.click()
    expect(phone.get_by_role("heading", name="How are you?")).to_be_visible()
    phone.get_by_label("Share my check-ins with my mentor").check()
    phone.context.set_offline(True)
    phone.locator("label.mood-option", has_text="Okay").click()
    phone.get_by_role("button", name="Save check-in").click()
    expect(phone.locator(".offline-note")).to_have_text(QUEUED)

    # Back online, the server is busy at first: the check-in stays on the phone...
    busy = {"left": 1}

    def first_post_fails(route):
        if route.request.method == "POST" and busy["left"]:
            busy["left"] -= 1
            return route.fulfill(status=503, body="busy")
        return route.continue_()

    phone.route("**/mood/check-in", first_post_fails)
    phone.context.set_offline(False)
    eventually(phone, lambda: busy["left"] == 0)
    assert CheckIn.select().count() == 0

    # ...and is sent when the app next opens, here on the home screen, which then says so.
    phone.goto("/")
    card = phone.get_by_role("region", name="Check-in")
    eventually(phone, lambda: CheckIn.select().count() == 1)
    expect(card.get_by_text("Done today:")).to_be_visible()
    expect(card.get_by_role("link", name="Check in now")).to_have_count(0)
    # Its links are boosted like the rest: the next page comes by htmx, not a full load.
    phone.evaluate("window.beforeTrends = true")
    card.get_by_role("link", name="Your trends").click()
    expect(phone.get_by_role("heading", name="Your mood, last 30 days")).to_be_visible()
    assert phone.evaluate("window.beforeTrends === true")


def test_a_risky_note_sent_from_the_phone_still_opens_the_calm_panel(phone, world):
    sharing(world.mentee)
    sign_in(phone, world.mentee)
    phone.goto("/mood/check-in")
    phone.context.set_offline(True)
    phone.locator("label.mood-option", has_text="Awful").click()
    phone.get_by_text("Add more (optional)").click()
    phone.get_by_label("Note (only you see it, unless you share it)").fill("I don't want to be here anymore")
    phone.get_by_role("button", name="Save check-in").click()
    expect(phone.locator(".offline-note")).to_have_text(QUEUED)
    expect(phone.locator("#crisis-panel")).to_have_count(0)

    phone.context.set_offline(False)
    # Refreshing "Today" reads the page the panel was waiting for: it comes along, and is read first.
    panel = phone.locator("#crisis-panel")
    expect(panel.get_by_role("heading", name="How are you doing?")).to_be_visible()
    expect(panel).to_be_focused()
    expect(phone.get_by_role("region", name="Today").get_by_text("Awful")).to_be_visible()
    screenshot(phone, "offline-checkin-risky-note-sent")
