"""The app can be installed: Chromium finds nothing missing, people see how."""

import tempfile

import pytest
from playwright.sync_api import expect

from .conftest import CHROMIUM_ARGS, PHONE, _chromium, screenshot, sign_in

pytestmark = pytest.mark.browser

IPHONE_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


def wait_for_service_worker(page):
    # evaluate(), not wait_for_function(): the page's CSP forbids eval.
    page.evaluate("""() => navigator.serviceWorker.controller ? true : new Promise(resolve =>
        navigator.serviceWorker.addEventListener("controllerchange", () => resolve(true)))""")


@pytest.fixture
def installable_phone(browser, live_server):
    """A normal (not incognito) profile: Chromium never offers to install from incognito."""
    with tempfile.TemporaryDirectory() as profile:
        context = browser.browser_type.launch_persistent_context(
            profile, executable_path=_chromium(), args=CHROMIUM_ARGS, base_url=live_server,
            viewport=PHONE, is_mobile=True, has_touch=True, service_workers="allow",
        )
        context.set_default_timeout(10_000)
        yield context.pages[0] if context.pages else context.new_page()
        context.close()


def test_chromium_reports_no_installability_errors(installable_phone, world):
    page = installable_phone
    page.goto("/login")
    wait_for_service_worker(page)
    cdp = page.context.new_cdp_session(page)
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []
    assert manifest["url"].endswith("/manifest.webmanifest")


def test_the_install_button_appears_where_the_browser_offers_it(installable_phone, world):
    page = installable_phone
    sign_in(page, world.mentee)
    wait_for_service_worker(page)
    page.reload()  # the offer comes once the worker is there
    card = page.get_by_role("region", name="Put the app on your home screen")
    expect(card.get_by_role("button", name="Install the app")).to_be_visible()
    expect(card.get_by_text("On iPhone")).to_be_hidden()
    screenshot(page, "pwa-install-card")
    card.get_by_role("button", name="Not now").click()
    expect(card).to_be_hidden()
    page.reload()
    expect(page.get_by_role("heading", name="Your mentor")).to_be_visible()
    expect(page.get_by_role("region", name="Put the app on your home screen")).to_be_hidden()


def test_an_iphone_gets_the_add_to_home_screen_guide(new_phone, world):
    page = new_phone(user_agent=IPHONE_UA)
    sign_in(page, world.mentee)
    card = page.get_by_role("region", name="Put the app on your home screen")
    expect(card.get_by_text("tap the Share button, then “Add to Home Screen”")).to_be_visible()
    expect(card.get_by_role("button", name="Install the app")).to_be_hidden()
    card.get_by_role("link", name="How it works").click()
    expect(page.get_by_role("heading", name="iPhone and iPad")).to_be_visible()
    screenshot(page, "pwa-install-guide-iphone")


def test_other_browsers_see_no_install_card(phone, world):
    sign_in(phone, world.mentee)
    expect(phone.get_by_role("heading", name="Your mentor")).to_be_visible()
    expect(phone.get_by_role("region", name="Put the app on your home screen")).to_be_hidden()
