"""A mentee sets a goal on a phone, ticks a step and rates progress; their mentor sees it and comments."""

import pytest
from playwright.sync_api import expect

from mentoring.goals.models import Goal, Step

from ..goals.support import rate
from .conftest import PHONE, screenshot, sign_in

pytestmark = pytest.mark.browser


def test_mentee_sets_a_goal_and_mentor_encourages(new_phone, world):
    mentee = new_phone()
    sign_in(mentee, world.mentee)
    mentee.get_by_role("navigation", name="Main").get_by_role("link", name="Goals").click()
    mentee.get_by_role("link", name="Set your first goal").click()
    mentee.get_by_label("What do you want to achieve?").fill("Walk to the park and back")
    mentee.get_by_label("How much, or how often?").fill("3 times a week")
    mentee.get_by_label("First steps (optional)").fill("Find my walking shoes\nWalk to the corner")
    screenshot(mentee, "goals-new")
    mentee.get_by_role("button", name="Save goal").click()
    expect(mentee.get_by_role("heading", name="Walk to the park and back")).to_be_visible()

    # Ticking a step updates in place: no reload, the page stays where it was.
    mentee.evaluate("window.goalMarker = 'still here'")
    shoes = mentee.get_by_role("checkbox", name="Find my walking shoes")
    # In the middle of the screen, wherever saving the goal left the page: a tap
    # on a step half out of view would scroll it in before anything is sent.
    shoes.evaluate("step => step.scrollIntoView({block: 'center'})")
    before = mentee.evaluate("window.scrollY")
    assert before > 0
    shoes.click()
    expect(mentee.get_by_role("checkbox", name="Find my walking shoes")).to_be_checked()
    expect(mentee.get_by_role("checkbox", name="Walk to the corner")).not_to_be_checked()
    expect(mentee.locator("#goal-steps")).to_contain_text("1 of 2 steps done")
    expect(mentee.locator("#goal-announcer")).to_have_text("Done: Find my walking shoes. Well done.")
    assert mentee.evaluate("window.goalMarker") == "still here"
    assert mentee.evaluate("window.scrollY") == before

    # Rating progress, in place too.
    progress = mentee.locator("#goal-progress")
    progress.get_by_role("radio", name="6", exact=True).check()
    progress.get_by_label("A short note (optional)").fill("Got out twice this week")
    progress.get_by_role("button", name="Save rating").click()
    expect(progress.locator("figcaption")).to_contain_text("One rating so far: 6 out of 10")
    expect(mentee.locator("#goal-announcer")).to_have_text("Saved: 6 out of 10.")
    expect(mentee.locator("#goal-progress svg[role=img]")).to_be_visible()
    assert mentee.evaluate("window.goalMarker") == "still here"
    screenshot(mentee, "goals-goal-mentee")

    # The mentor, on their own phone, sees it on their mentee's page and comments.
    mentor = new_phone()
    sign_in(mentor, world.mentor)
    news = mentor.locator("section", has=mentor.get_by_role("heading", name="Goals to look at"))
    expect(news).to_contain_text("Walk to the park and back")
    screenshot(mentor, "goals-home-mentor")
    mentees = mentor.locator("section", has=mentor.get_by_role("heading", name="Your mentees"))
    mentees.get_by_role("link", name=world.mentee.name).click()
    panel = mentor.locator("section", has=mentor.get_by_role("heading", name="Goals"))
    expect(panel).to_contain_text("6/10")
    screenshot(mentor, "goals-mentor-panel")
    panel.get_by_role("link", name="Walk to the park and back").click()
    expect(mentor.get_by_text("Find my walking shoes")).to_be_visible()
    expect(mentor.get_by_role("checkbox")).to_have_count(0)
    mentor.evaluate("window.goalMarker = 'mentor'")
    mentor.get_by_label("Your message").fill("Great start! Which park?")
    mentor.get_by_role("button", name="Send").click()
    expect(mentor.locator("#goal-comments .comment")).to_have_count(1)
    expect(mentor.locator("#goal-comments")).to_contain_text("Great start! Which park?")
    expect(mentor.get_by_label("Your message")).to_have_value("")
    assert mentor.evaluate("window.goalMarker") == "mentor"
    screenshot(mentor, "goals-goal-mentor")

    # Back with the mentee: the word of encouragement is there, and the tab says so.
    mentee.goto("/")
    expect(mentee.get_by_text("New message from your mentor")).to_be_visible()
    screenshot(mentee, "goals-home-mentee")
    mentee.get_by_role("link", name="Walk to the park and back").click()
    expect(mentee.locator("#goal-comments")).to_contain_text("Great start! Which park?")
    mentee.get_by_role("link", name="Your goals").click()
    expect(mentee.get_by_role("heading", name="Your goals")).to_be_visible()
    screenshot(mentee, "goals-list")


def test_steps_tick_and_reorder_without_javascript(browser, live_server, world):
    goal = Goal.create(program=world.program, mentee=world.mentee, created_by=world.mentee,
                       client_id="nojs-goal", title="Sleep better")
    for i, title in enumerate(["Screens off at ten", "Same bedtime", "Walk at lunch"], start=1):
        Step.create(goal=goal, created_by=world.mentee, client_id=f"nojs-{i}", title=title, position=i)
    context = browser.new_context(viewport=PHONE, base_url=live_server, java_script_enabled=False,
                                  service_workers="block")
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        sign_in(page, world.mentee)
        page.goto(f"/goals/{goal.id}")
        page.get_by_role("checkbox", name="Same bedtime").click()
        expect(page.get_by_role("checkbox", name="Same bedtime")).to_be_checked()
        page.get_by_role("link", name="Reorder steps").click()
        expect(page.get_by_role("link", name="Done reordering")).to_be_visible()
        titles = page.locator("#goal-steps .step-title")
        # Each tap loads the page again; wait for it before the next one.
        page.get_by_role("button", name="Move “Walk at lunch” up").click()
        expect(titles).to_have_text(["Screens off at ten", "Walk at lunch", "Same bedtime"])
        page.get_by_role("button", name="Move “Walk at lunch” up").click()
        expect(titles).to_have_text(["Walk at lunch", "Screens off at ten", "Same bedtime"])
        expect(page.get_by_role("button", name="Move “Walk at lunch” up")).to_be_disabled()
        screenshot(page, "goals-reorder-no-js")
    finally:
        context.close()


def test_goal_page_in_dark_mode(new_phone, world):
    goal = Goal.create(program=world.program, mentee=world.mentee, created_by=world.mentee,
                       client_id="dark-goal", title="Cook twice a week", measure="2 meals a week")
    Step.create(goal=goal, created_by=world.mentee, client_id="dark-1", title="Plan a meal", position=1)
    for days, value in ((20, 2), (13, 3), (6, 5), (1, 4)):
        rate(goal, value, days_ago=days, match=world.match)
    page = new_phone(color_scheme="dark")
    sign_in(page, world.mentee)
    page.goto(f"/goals/{goal.id}")
    expect(page.get_by_role("heading", name="Cook twice a week")).to_be_visible()
    expect(page.locator("figcaption")).to_contain_text("4 ratings")
    screenshot(page, "goals-goal-dark")
    # Still one column with nothing cut off on the narrowest phones.
    page.set_viewport_size({"width": 320, "height": 700})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    box = page.get_by_role("radio", name="10", exact=True).bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    screenshot(page, "goals-goal-320")


def test_a_goal_agreed_together_and_achieved(new_phone, world):
    mentor = new_phone()
    sign_in(mentor, world.mentor)
    mentor.locator("section", has=mentor.get_by_role("heading", name="Your mentees")).get_by_role(
        "link", name=world.mentee.name).click()
    mentor.get_by_role("link", name="Draft a goal together").click()
    mentor.get_by_label("What do you want to achieve?").fill("Join the Tuesday choir")
    mentor.get_by_label("First steps (optional)").fill("Find the hall\nGo once")
    mentor.get_by_role("button", name=f"Save draft for {world.mentee.name}").click()
    expect(mentor.get_by_role("heading", name=f"Waiting for {world.mentee.name}")).to_be_visible()

    mentee = new_phone()
    sign_in(mentee, world.mentee)
    goals_tab = mentee.get_by_role("navigation", name="Main").get_by_role("link", name="Goals")
    expect(goals_tab).to_contain_text("1")
    goals_tab.click()
    mentee.get_by_role("link", name="Join the Tuesday choir").click()
    screenshot(mentee, "goals-draft-mentee")
    mentee.get_by_role("button", name="Make it my goal").click()
    expect(mentee.get_by_role("main").get_by_text("It's your goal now.")).to_be_visible()
    for step in ("Find the hall", "Go once"):
        mentee.get_by_role("checkbox", name=step).click()
        expect(mentee.get_by_role("checkbox", name=step)).to_be_checked()
    mentee.get_by_role("button", name="Yes, I've achieved it").click()
    expect(mentee.get_by_role("heading", name="Achieved on", exact=False)).to_be_visible()
    assert mentee.url.endswith(f"/goals/{Goal.get().id}")
    screenshot(mentee, "goals-achieved")
