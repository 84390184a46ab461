"""A coordinator invites a mentor and a mentee, they join on their phones, and are paired."""

import re
import time

import pytest
from playwright.sync_api import expect

from .conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


def invite(page, role, email):
    page.get_by_role("link", name="Invite", exact=True).click()
    page.get_by_label("They will join as").select_option(role)
    page.get_by_label("Their email").fill(email)
    page.get_by_role("button", name="Make invite link").click()
    link = page.get_by_label("Invite link")
    expect(link).to_be_visible()
    return link.input_value()


def join(page, link, name):
    page.goto(link)
    expect(page.get_by_role("heading", name=re.compile("Welcome to"))).to_be_visible()
    page.get_by_label("Your name, as others will see it").fill(name)
    page.get_by_label("Choose a password").fill("a long enough password")
    page.get_by_label("Type it again").fill("a long enough password")
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_role("heading", name=f"Hello, {name}")).to_be_visible()


def test_invite_join_pair_and_see_each_other(new_phone, world):
    coordinator, mentor, mentee = new_phone(), new_phone(), new_phone()
    sign_in(coordinator, world.coordinator)
    mentor_link = invite(coordinator, "mentor", "nadia@example.org")
    screenshot(coordinator, "invite-link")
    mentee_link = invite(coordinator, "mentee", "sol@example.org")
    assert mentor_link != mentee_link

    join(mentor, mentor_link, "Nadia")
    join(mentee, mentee_link, "Sol")
    screenshot(mentee, "joined-mentee")
    expect(mentee.get_by_text("You don't have a mentor yet")).to_be_visible()

    coordinator.get_by_role("link", name="Matches").click()
    coordinator.get_by_role("link", name="Pair a mentor and a mentee").click()
    coordinator.get_by_label("Mentee").select_option(label="Sol")
    coordinator.get_by_label("Mentor").select_option(label="Nadia (0 of 3)")
    coordinator.get_by_role("button", name="Pair them").click()
    expect(coordinator.get_by_role("main").get_by_text("Nadia and Sol are now paired.")).to_be_visible()

    mentee.reload()
    expect(mentee.get_by_text("Nadia")).to_be_visible()
    mentor.reload()
    expect(mentor.get_by_role("link", name=re.compile("Sol"))).to_be_visible()
    screenshot(mentor, "paired-mentor")

    # The invite links are used up.
    stranger = new_phone()
    stranger.goto(mentee_link)
    expect(stranger.get_by_role("heading", name="This link no longer works")).to_be_visible()


@pytest.fixture
def slow_page_loads(app):
    """Boosted page loads take 0.4 s, as on a busy server or a slow phone network."""
    inner = app.wsgi_app

    def slow(environ, start_response):
        if environ.get("HTTP_HX_BOOSTED") and environ["REQUEST_METHOD"] == "GET":
            time.sleep(0.4)
        return inner(environ, start_response)

    app.wsgi_app = slow


def test_what_is_typed_while_the_page_loads_is_not_lost(new_phone, world, slow_page_loads):
    coordinator = new_phone()
    sign_in(coordinator, world.coordinator)
    first = invite(coordinator, "mentor", "nadia@example.org")

    # Tapping "Invite" again reloads the page; the old form is still on screen
    # while it loads. Typing into it would be lost when the new page lands (a
    # 422 "Enter their email"), or its invite link wiped by it.
    coordinator.get_by_role("link", name="Invite", exact=True).click()
    coordinator.get_by_label("Their email").fill("sol@example.org")
    coordinator.get_by_role("button", name="Make invite link").click()
    coordinator.wait_for_load_state("networkidle")

    link = coordinator.get_by_label("Invite link")
    expect(link).to_be_visible()
    expect(link).not_to_have_value(first)
    expect(coordinator.locator("#invites li", has_text="sol@example.org")).to_have_count(1)


@pytest.fixture
def slow_posts(app):
    """Every POST takes 0.4 s, and CSRF is checked, as in production."""
    app.config["WTF_CSRF_ENABLED"] = True
    inner = app.wsgi_app

    def slow(environ, start_response):
        if environ["REQUEST_METHOD"] == "POST":
            time.sleep(0.4)
        return inner(environ, start_response)

    app.wsgi_app = slow


def test_a_double_tap_sends_once_with_the_pages_csrf_token(new_phone, world, slow_posts):
    coordinator = new_phone()
    sign_in(coordinator, world.coordinator)
    coordinator.get_by_role("link", name="Invite", exact=True).click()
    coordinator.get_by_label("Their email").fill("sol@example.org")
    token = coordinator.locator('meta[name="csrf-token"]').get_attribute("content")
    button = coordinator.get_by_role("button", name="Make invite link")
    posts = []
    coordinator.on("request", lambda r: posts.append(r) if r.method == "POST" else None)
    with coordinator.expect_request(lambda r: r.method == "POST") as sent:
        button.dblclick()
    # Disabled while the request is in flight, so the second tap did nothing.
    expect(button).to_be_disabled()
    expect(coordinator.get_by_label("Invite link")).to_be_visible()
    coordinator.wait_for_load_state("networkidle")
    assert sent.value.headers["x-csrftoken"] == token
    expect(coordinator.locator("#invites li", has_text="sol@example.org")).to_have_count(1)
    assert len(posts) == 1
    expect(coordinator.get_by_role("button", name="Make invite link")).to_be_enabled()
