"""Two phones talk: messages arrive without a reload, and read state comes back."""

import pytest
from playwright.sync_api import expect

from mentoring.messages import open_for_match

from ..messages.support import bulk
from .conftest import screenshot, sign_in

pytestmark = pytest.mark.browser
# What arrives from the other phone comes with the next poll (every second here);
# a busy machine may take a few.
LIVE = 15_000


@pytest.fixture(autouse=True)
def quick_polls(app):
    app.config["MESSAGES_POLL_SECONDS"] = 1


def open_thread(page, other):
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Messages").click()
    expect(page.get_by_role("heading", name="Messages", level=1)).to_be_visible()
    page.locator("#conversation-list").get_by_role("link", name=other.name).click()
    expect(page.get_by_role("heading", name=other.name, level=1)).to_be_visible()


def send(page, text):
    page.get_by_role("textbox", name="Message to").fill(text)
    page.get_by_role("button", name="Send").click()


def bubble(page, text):
    return page.locator("article.msg", has_text=text)


def test_a_mentee_and_mentor_talk_without_reloading(new_phone, world):
    mentee, mentor = new_phone(), new_phone()
    sign_in(mentee, world.mentee)
    sign_in(mentor, world.mentor)
    open_thread(mentor, world.mentee)
    open_thread(mentee, world.mentor)
    expect(mentor.get_by_text("No messages yet")).to_be_visible()
    # Marks both pages: a reload would wipe the mark.
    for page in (mentee, mentor):
        page.evaluate("window.stillTheSamePage = true")

    send(mentee, "Hi Mo, could we talk about Thursday?\nI'm a bit nervous.")
    expect(bubble(mentee, "could we talk about Thursday")).to_be_visible()
    expect(mentee.get_by_role("textbox", name="Message to")).to_have_value("")
    expect(bubble(mentee, "could we talk about Thursday").locator(".msg-state")).to_have_text("Sent")

    expect(bubble(mentor, "could we talk about Thursday")).to_be_visible(timeout=LIVE)
    expect(mentor.locator("article.msg-theirs")).to_have_count(1)
    screenshot(mentor, "messages-mentor-receives")

    send(mentor, "Of course. Nervous is normal: we'll take it slowly.")
    expect(bubble(mentee, "Nervous is normal")).to_be_visible(timeout=LIVE)
    expect(bubble(mentee, "could we talk about Thursday").locator(".msg-state")).to_have_text("Read", timeout=LIVE)
    expect(mentee.locator("article.msg")).to_have_count(2)
    for page in (mentee, mentor):
        assert page.evaluate("window.stillTheSamePage") is True
    screenshot(mentee, "messages-mentee-thread")
    screenshot(mentor, "messages-mentor-thread")


def test_the_conversation_list_and_its_badge(new_phone, world):
    mentor = new_phone("dark")
    mentee = new_phone()
    sign_in(mentee, world.mentee)
    open_thread(mentee, world.mentor)
    send(mentee, "Hello from Mia")
    expect(bubble(mentee, "Hello from Mia")).to_be_visible()
    sign_in(mentor, world.mentor)
    nav = mentor.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Messages")).to_contain_text("1")
    nav.get_by_role("link", name="Messages").click()
    expect(mentor.get_by_text("Hello from Mia")).to_be_visible()
    screenshot(mentor, "messages-list-dark")


def test_risky_words_bring_the_crisis_panel_and_the_mentors_guide(new_phone, world):
    mentee, mentor = new_phone(), new_phone()
    sign_in(mentee, world.mentee)
    open_thread(mentee, world.mentor)
    send(mentee, "Some nights I just want to die")
    expect(mentee.get_by_role("heading", name="How are you doing?")).to_be_in_viewport()
    expect(mentee.locator("#crisis-panel")).to_be_focused()
    screenshot(mentee, "messages-mentee-crisis-panel")
    expect(mentee.locator("#crisis-panel")).to_contain_text("safeguarding lead has been told")
    sign_in(mentor, world.mentor)
    # Unanswered, it tops the mentor's home, guide and all.
    first_card = mentor.locator("#main section.card").first
    expect(first_card.get_by_role("heading", name="A message that needs you first")).to_be_visible()
    expect(first_card.get_by_role("heading", name="Words in this message can point to risk of harm")).to_be_visible()
    screenshot(mentor, "messages-mentor-home-risk")
    first_card.get_by_role("link", name=f"Reply to {world.mentee.name}").click()
    expect(mentor.get_by_role("heading", name="Words in this message can point to risk of harm")).to_be_visible()
    screenshot(mentor, "messages-mentor-guide")


def test_older_messages_load_when_scrolling_up(new_phone, world):
    conversation = open_for_match(world.match)
    bulk(conversation, [world.mentee, world.mentor], 80)
    mentee = new_phone()
    sign_in(mentee, world.mentee)
    open_thread(mentee, world.mentor)
    expect(mentee.locator("article.msg")).to_have_count(30)
    expect(bubble(mentee, "Message number 79")).to_be_in_viewport()
    mentee.evaluate("window.scrollTo(0, 0)")
    expect(mentee.locator("article.msg")).to_have_count(60)
    # The page stays where the reader was: the newly loaded page is above.
    expect(bubble(mentee, "Message number 50")).to_be_in_viewport()
    mentee.evaluate("window.scrollTo(0, 0)")
    expect(mentee.locator("article.msg")).to_have_count(80)
    expect(bubble(mentee, "Message number 0")).to_be_attached()


def test_a_too_long_message_keeps_the_text(new_phone, world):
    mentee = new_phone()
    sign_in(mentee, world.mentee)
    open_thread(mentee, world.mentor)
    text = "This is a long message. " * 100
    send(mentee, text)
    expect(mentee.get_by_text("Messages can be up to 2,000 characters")).to_be_visible()
    expect(mentee.get_by_role("textbox", name="Message to")).to_have_value(text)
    screenshot(mentee, "messages-too-long")
