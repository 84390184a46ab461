"""Each role signs in on a phone and lands on its own home screen."""

import pytest
from playwright.sync_api import expect

from .conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "kind, heading, nav",
    [
        ("mentee", "Your mentor", ["Today", "Goals", "Check in", "Messages", "Meetings"]),
        ("mentor", "Your mentees", ["Mentees", "Messages", "Meetings"]),
        ("coordinator", "The program now", ["Overview", "People", "Matches", "Invite"]),
    ],
)
def test_each_role_signs_in_and_sees_its_home(phone, world, kind, heading, nav):
    user = getattr(world, kind)
    sign_in(phone, user)
    expect(phone.get_by_role("heading", name=heading)).to_be_visible()
    bottom = phone.get_by_role("navigation", name="Main")
    names = [link.inner_text().strip() for link in bottom.get_by_role("link").all()]
    # Features add their own places; the foundation's come first and in order.
    assert [name for name in names if name in nav] == nav and names[0] == nav[0]
    expect(phone.get_by_role("link", name="Get help now")).to_be_visible()
    screenshot(phone, f"home-{kind}")


def test_mentee_and_mentor_see_each_other(new_phone, world):
    mentee, mentor = new_phone(), new_phone()
    sign_in(mentee, world.mentee)
    sign_in(mentor, world.mentor)
    expect(mentee.get_by_text(world.mentor.name)).to_be_visible()
    mentor.get_by_role("link", name=world.mentee.name).click()
    expect(mentor.get_by_role("heading", name=world.mentee.name, exact=True)).to_be_visible()
