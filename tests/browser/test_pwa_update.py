"""A deploy: the new version waits, the person is told, and one tap brings it."""

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import screenshot, sign_in
from .test_pwa_install import wait_for_service_worker

pytestmark = pytest.mark.browser

KEPT = """async () => {
    const kept = {};
    for (const name of await caches.keys())
        kept[name] = (await (await caches.open(name)).keys()).map(r => new URL(r.url).pathname);
    return kept;
}"""


@pytest.fixture
def app(app, tmp_path):
    """The app serving a copy of static/, so the test can deploy a change to it."""
    shutil.copytree(app.static_folder, tmp_path / "static")
    app.static_folder = str(tmp_path / "static")
    return app


def deploy_a_new_stylesheet(app):
    css = Path(app.static_folder) / "css" / "app.css"
    css.write_text(css.read_text() + "\n/* the next version */\n")
    app.extensions.pop("static_digests", None)  # a new process would start without them


def test_a_new_version_waits_then_takes_over_when_the_person_says_so(new_phone, world, app):
    page = new_phone(service_workers="allow")
    sign_in(page, world.mentee)
    wait_for_service_worker(page)
    old_css = page.locator("link[rel=stylesheet]").get_attribute("href")
    before = page.evaluate(KEPT)
    assert len(before) == 1 and old_css in next(iter(before.values()))

    deploy_a_new_stylesheet(app)
    page.evaluate("() => navigator.serviceWorker.getRegistration().then(r => r.update())")
    toast = page.locator("#app-update")
    expect(toast).to_contain_text("A new version of the app is ready.")
    screenshot(page, "pwa-update-ready")
    # Until the person says so, the page they have stays as it is.
    assert page.evaluate(KEPT).keys() >= before.keys()

    with page.expect_navigation():
        toast.get_by_role("button", name="Reload").click()
    new_css = page.locator("link[rel=stylesheet]").get_attribute("href")
    assert new_css != old_css
    page.evaluate("() => navigator.serviceWorker.ready")
    after = page.evaluate(KEPT)
    assert len(after) == 1 and after.keys() != before.keys(), "the old version's cache is gone"
    assert new_css in next(iter(after.values()))
    expect(page.locator("#app-update")).to_be_hidden()


def test_later_leaves_the_page_as_it_is(new_phone, world, app):
    page = new_phone(service_workers="allow")
    sign_in(page, world.mentee)
    wait_for_service_worker(page)
    deploy_a_new_stylesheet(app)
    page.evaluate("() => navigator.serviceWorker.getRegistration().then(r => r.update())")
    toast = page.locator("#app-update")
    toast.get_by_role("button", name="Later").click()
    expect(toast).to_be_hidden()
    expect(page.get_by_role("heading", name="Your mentor")).to_be_visible()
    waiting = page.evaluate("() => navigator.serviceWorker.getRegistration().then(r => !!r.waiting)")
    assert waiting, "the new version waits for the next start"
