"""Two people on two phones arrange a meeting: propose, accept, reschedule."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from mentoring.clock import local_today

from .conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


def test_two_people_schedule_accept_and_reschedule_a_meeting(new_phone, world):
    mentor, mentee = new_phone(), new_phone()
    sign_in(mentor, world.mentor)
    sign_in(mentee, world.mentee)
    day = local_today(world.mentor.timezone) + timedelta(days=3)

    # The mentor proposes a video call.
    mentor.get_by_role("navigation", name="Main").get_by_role("link", name="Meetings").click()
    mentor.get_by_role("link", name="Propose a meeting").first.click()
    expect(mentor.get_by_role("heading", name="Propose a meeting")).to_be_visible()
    mentor.get_by_label("Date", exact=True).fill(day.isoformat())
    mentor.get_by_label("Time", exact=True).fill("10:30")
    mentor.get_by_label("Video call").check()
    expect(mentor.get_by_label("Where", exact=True)).to_be_hidden()
    mentor.get_by_label("Video link").fill("https://meet.example.org/mo-mia")
    mentor.get_by_label("What you'd like to talk about (optional)").fill("How the first week went")
    screenshot(mentor, "meetings-propose")
    mentor.get_by_role("button", name="Send proposal").click()
    expect(mentor.get_by_text(f"Waiting for {world.mentee.name} to accept or suggest another time.")).to_be_visible()

    # The mentee finds it on their home screen and accepts.
    mentee.reload()
    expect(mentee.get_by_text(f"{world.mentor.name} suggests meeting on")).to_be_visible()
    screenshot(mentee, "meetings-home-proposal")
    mentee.get_by_role("button", name="Accept").click()
    expect(mentee.get_by_role("main").get_by_text(f"Accepted. {world.mentor.name} will be told.")).to_be_visible()
    mentee.get_by_role("link", name="Today").click()
    next_meeting = mentee.locator("[data-next-meeting]")
    expect(next_meeting).to_have_attribute("data-next-meeting", re.compile(r"10:30\s?AM, video call$"))
    screenshot(mentee, "meetings-home-next")

    # The mentor is told it was accepted.
    mentor.goto("/")
    expect(mentor.get_by_text(f"{world.mentee.name} accepted the meeting on")).to_be_visible()

    # The mentee moves it to the afternoon, with a reason.
    next_meeting.click()
    mentee.get_by_role("link", name="Reschedule").click()
    mentee.get_by_label("Time", exact=True).fill("15:00")
    mentee.get_by_label("Why the change? (a few words)").fill("Doctor's appointment")
    screenshot(mentee, "meetings-reschedule")
    mentee.get_by_role("button", name="Send").click()
    expect(mentee.get_by_role("main").get_by_text(f"Changed. {world.mentor.name} will be told.")).to_be_visible()
    expect(mentee.locator(".meeting-big")).to_contain_text("3:00")

    mentor.reload()
    expect(mentor.get_by_text(f"{world.mentee.name} moved a meeting to")).to_be_visible()
    expect(mentor.get_by_text("Doctor's appointment")).to_be_visible()
    expect(mentor.locator("[data-next-meeting]")).to_have_attribute("data-next-meeting", re.compile(r"3:00\s?PM, video call$"))
    screenshot(mentor, "meetings-home-changed")
    mentor.get_by_role("button", name="OK", exact=True).click()
    expect(mentor.get_by_text("Doctor's appointment")).to_have_count(0)


def test_the_meetings_page_in_dark_mode(new_phone, world):
    from tests.meetings.support import make_meeting, make_series, soon

    make_meeting(world.match, soon(2, hour=9), mode="in_person", place="Central Library café")
    make_series(world.match, local_today("Europe/London") + timedelta(days=1))
    page = new_phone(color_scheme="dark")
    sign_in(page, world.mentee)
    page.goto("/meetings")
    expect(page.get_by_role("heading", name="Coming up")).to_be_visible()
    expect(page.get_by_text("In person at Central Library café")).to_be_visible()
    screenshot(page, "meetings-list-dark")
