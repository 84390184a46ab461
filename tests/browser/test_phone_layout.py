"""What a new user tripped on, checked where it shows: on a 390px and a 320px phone."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

WIDTHS = [390, 320]


def chip_state(page, text):
    """How the chip with `text` is drawn: its box, its weight, where its input sits, its fill."""
    return page.locator(".chip", has_text=text).evaluate("""chip => {
        const input = chip.querySelector("input");
        const box = chip.getBoundingClientRect();
        const style = getComputedStyle(chip);
        return {
            top: box.top, width: box.width, height: box.height, weight: Number(style.fontWeight), background: style.backgroundColor, outline: style.outlineStyle,
            inputOpacity: Number(getComputedStyle(input).opacity),
            inputCovers: input.getBoundingClientRect().width >= box.width - 2,  // inside its border
        };
    }""")


@pytest.mark.parametrize("width", WIDTHS)
def test_check_in_chips_are_chips_that_show_focus_and_checked(new_phone, world, width):
    page = new_phone(viewport={"width": width, "height": 844})
    sign_in(page, world.mentee)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Check in").click()
    page.get_by_text("Add more (optional)").click()
    before = chip_state(page, "Calm")
    assert chip_state(page, "Happy")["top"] == before["top"]  # side by side, not one per line
    assert before["weight"] < 600  # not bold like a field's label
    assert before["height"] >= 44 and before["width"] >= 44
    assert before["inputOpacity"] == 0 and before["inputCovers"]  # no stray box at the top left

    page.locator(".chip", has_text="Calm").click()
    expect(page.get_by_role("checkbox", name="Calm", exact=True)).to_be_checked()  # the drawn mark is not read
    assert chip_state(page, "Calm")["background"] != before["background"]

    # The keyboard moves on to the next chip, and the chip shows where focus is.
    page.get_by_role("checkbox", name="Calm").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("checkbox", name="Happy")).to_be_focused()
    assert chip_state(page, "Happy")["outline"] == "solid"
    page.keyboard.press("Space")
    expect(page.get_by_role("checkbox", name="Happy")).to_be_checked()
    screenshot(page, f"chips-checkin-{width}")


def test_the_coordinators_questionnaire_chips_are_chips_too(new_phone, world):
    page = new_phone(color_scheme="dark")
    sign_in(page, world.coordinator)
    page.goto("/program/mood")
    state = chip_state(page, "WHO-5")
    assert state["weight"] < 600 and state["height"] >= 44
    assert state["inputOpacity"] == 0
    page.locator(".chip", has_text="WHO-5").click()
    expect(page.get_by_role("checkbox", name="WHO-5: Your wellbeing")).to_be_checked()
    screenshot(page, "chips-program-dark")


def nav_labels(page):
    return page.evaluate("""() => [...document.querySelectorAll(".bottom-nav a")].map(a => {
        const label = a.querySelector("span");
        const line = parseFloat(getComputedStyle(label).lineHeight);
        const box = a.getBoundingClientRect();
        return {
            text: label.textContent, words: label.textContent.trim().split(/\\s+/).length,
            lines: Math.round(label.getBoundingClientRect().height / line),
            clipped: label.scrollWidth > label.clientWidth, width: box.width, height: box.height,
        };
    })""")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind, path", [("mentee", "/messages"), ("mentee", "/meetings"), ("mentor", "/"),
                                        ("lead", "/")])
def test_bottom_navigation_labels_fit_whole_words_in_44px_targets(new_phone, world, width, kind, path):
    page = new_phone(viewport={"width": width, "height": 844})
    sign_in(page, getattr(world, kind))
    page.goto(path)  # the current page's label is the widest one drawn
    labels = nav_labels(page)
    assert len(labels) >= 3
    for label in labels:
        assert not label["clipped"], label
        assert label["lines"] <= label["words"], label  # wraps between words, never inside one
        assert label["width"] >= 44 and label["height"] >= 44, label
    screenshot(page, f"bottom-nav-{kind}-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_withdraw_stays_one_word_beside_a_long_email(new_phone, world, width):
    page = new_phone(viewport={"width": width, "height": 844})
    sign_in(page, world.coordinator)
    page.get_by_role("link", name="Invite", exact=True).click()
    for email in ("jo@example.org", "alexandra.konstantinopoulou-whitfield@university-hospital.example.org"):
        page.get_by_label("Their email").fill(email)
        page.get_by_role("button", name="Make invite link").click()
        expect(page.get_by_text(email)).to_be_visible()
    buttons = page.get_by_role("button", name=re.compile("^Withdraw the invite for"))
    expect(buttons).to_have_count(2)
    for i in range(2):
        drawn = buttons.nth(i).evaluate("""b => ({
            lines: Math.round((b.clientHeight - parseFloat(getComputedStyle(b).paddingTop) * 2)
                              / parseFloat(getComputedStyle(b).lineHeight)),
            clipped: b.scrollWidth > b.clientWidth,
        })""")
        assert drawn == {"lines": 1, "clipped": False}
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"invites-long-email-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_five_mood_words_stay_whole(new_phone, world, width):
    page = new_phone(viewport={"width": width, "height": 844})
    sign_in(page, world.mentee)
    page.goto("/mood/check-in")
    words = page.locator(".mood-option span").evaluate_all("""spans => spans.map(s => ({
        text: s.textContent,
        lines: Math.round(s.getBoundingClientRect().height / parseFloat(getComputedStyle(s).lineHeight)),
    }))""")
    assert [w["text"] for w in words] == ["Awful", "Bad", "Okay", "Good", "Great"]
    assert all(w["lines"] == 1 for w in words), words
