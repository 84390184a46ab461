"""Every main page, for every role, in light and dark: axe finds nothing, and
phone-sized screenshots show the layout.

The pages are found the way a person finds them (the bottom navigation, the
account page and its links, Get help now, and the sign-in page), so pages
that features add later are checked without changing this file.
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from mentoring.models import Invite
from mentoring.safety import raise_alert

from playwright.sync_api import expect

from .conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe-4.14.1.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
SIZES = [{"width": 360, "height": 740}, {"width": 390, "height": 844}]


def main_pages(page):
    """Paths of the pages a signed-in person reaches from anywhere, in order."""
    page.goto("/")
    paths = [a.get_attribute("href") for a in page.get_by_role("navigation", name="Main").get_by_role("link").all()]
    account = page.get_by_role("link", name="Your account").get_attribute("href")
    paths.append(account)
    page.goto(account)
    paths += [a.get_attribute("href") for a in page.locator("main a[href^='/']").all()]
    paths.append(page.get_by_role("link", name="Get help now").get_attribute("href"))
    return list(dict.fromkeys(urlsplit(p).path for p in paths))


def axe_violations(page):
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_AA,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> " + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:3])
        for v in result["violations"]
    ]


def slug(path):
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"


def check(page, path, name):
    """axe in light and dark mode, screenshots at both phone sizes; returns the problems."""
    problems = []
    page.goto(path)
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        problems += [f"{path} [{scheme}] {v}" for v in axe_violations(page)]
    page.emulate_media(color_scheme="light")
    for size in SIZES:
        page.set_viewport_size(size)
        screenshot(page, f"pwa-{name}-{slug(path)}-{size['width']}x{size['height']}")
    page.set_viewport_size(SIZES[-1])
    return problems


@pytest.fixture
def busy_world(app, world):
    """Enough on every page to be worth checking: an open alert, a pending invite."""
    with app.app_context():
        raise_alert(world.mentee, "other", "Test alert")
        Invite.issue(world.program, "mentee", "new@example.org", world.coordinator)
    return world


@pytest.mark.parametrize("kind", ["mentee", "mentor", "lead"])
def test_every_main_page_passes_axe_for_each_role(new_phone, busy_world, kind):
    page = new_phone(bypass_csp=True)
    sign_in(page, getattr(busy_world, kind))
    pages = main_pages(page)
    assert len(pages) >= 4, pages
    problems = []
    for path in pages:
        problems += check(page, path, kind)
    assert not problems, "\n".join(problems)


def test_the_sign_in_and_offline_pages_pass_axe(new_phone, world):
    page = new_phone(bypass_csp=True)
    problems = check(page, "/login", "anon") + check(page, "/offline", "anon")
    assert not problems, "\n".join(problems)


def overflowing(page):
    """Elements wider than the screen (text that can't reflow), as selectors."""
    return page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth <= width) return [];
        return [...document.querySelectorAll("body *")]
            .filter(e => e.getBoundingClientRect().right > width + 1 && getComputedStyle(e).position !== "fixed")
            .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? "." + e.className : ""));
    }""")


@pytest.mark.parametrize("kind", ["mentee", "lead"])
def test_pages_reflow_at_320_pixels_with_text_twice_as_large(new_phone, busy_world, kind):
    page = new_phone(viewport={"width": 320, "height": 640})
    sign_in(page, getattr(busy_world, kind))
    problems = []
    for path in main_pages(page):
        page.goto(path)
        page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
        problems += [f"{path}: {element}" for element in overflowing(page)]
    assert not problems, "\n".join(problems)


def test_the_keyboard_reaches_content_first_and_follows_page_changes(phone, world):
    sign_in(phone, world.mentee)
    phone.goto("/")  # a full page load
    phone.keyboard.press("Tab")
    skip = phone.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    phone.keyboard.press("Enter")
    expect(phone.locator("main")).to_be_focused()
    # A boosted page change moves focus to the new page's heading, as a full load would.
    # (Get help now is a plain link, so that it works offline: use another.)
    phone.get_by_role("link", name="Your account").focus()
    phone.keyboard.press("Enter")
    expect(phone.get_by_role("heading", name="Your account", exact=True)).to_be_focused()


def test_a_form_sent_back_with_problems_puts_focus_on_the_first_one(phone, world):
    sign_in(phone, world.mentee)
    phone.get_by_role("link", name="Your account").click()
    expect(phone.get_by_role("heading", name="Your account")).to_be_focused()
    name = phone.get_by_label("Your name, as others will see it")
    name.fill("")
    phone.get_by_role("button", name="Save").click()
    expect(phone.get_by_text("Enter a name.")).to_be_visible()
    expect(name).to_be_focused()
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(name).to_be_in_viewport()
