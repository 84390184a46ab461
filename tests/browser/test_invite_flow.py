"""A coordinator invites a mentor and a mentee, they join on their phones, and are paired."""

import re

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
    expect(coordinator.get_by_text("Nadia and Sol are now paired.")).to_be_visible()

    mentee.reload()
    expect(mentee.get_by_text("Nadia")).to_be_visible()
    mentor.reload()
    expect(mentor.get_by_role("link", name=re.compile("Sol"))).to_be_visible()
    screenshot(mentor, "paired-mentor")

    # The invite links are used up.
    stranger = new_phone()
    stranger.goto(mentee_link)
    expect(stranger.get_by_role("heading", name="This link no longer works")).to_be_visible()
