"""Push on a phone: the service worker registers, a pushed message shows a notification,
and tapping it opens the page it is about.

pushManager.subscribe() needs a real push service, which headless Chromium
cannot reach; the push itself is delivered through DevTools
(ServiceWorker.deliverPushMessage), so the service worker runs exactly the
code a real push would run.
"""

import json
import time

import pytest
from flask import url_for
from playwright.sync_api import expect

from mentoring.clock import utcnow
from mentoring.push.outbox import Notification
from mentoring.push.texts import payload
from mentoring.push.worker import open_url

from .conftest import PHONE, screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def app(app, vapid_settings):
    """The live server's app, with push turned on."""
    app.config.update(vapid_settings)
    return app

IPHONE_UA = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
             "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1")


@pytest.fixture
def sw_phone(browser, live_server):
    """A phone whose browser allows service workers (the suite's default blocks them)."""
    contexts = []

    def open_phone(permission="granted", **options):
        context = browser.new_context(viewport=PHONE, base_url=live_server, is_mobile=True, has_touch=True,
                                      service_workers="allow", **options)
        context.set_default_timeout(10_000)
        if permission == "granted":
            context.grant_permissions(["notifications"], origin=live_server)
        contexts.append(context)
        return context, context.new_page()

    yield open_phone
    for context in contexts:
        context.close()


def wait_until(page, expression, timeout=20):
    """page.wait_for_function evaluates strings, which the app's CSP forbids; poll instead."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"never true: {expression}; {diagnosis(page)}")


SHOWN = "navigator.serviceWorker.ready.then(r => r.getNotifications()).then(n => n.length > 0)"


def deliver(page, cdp, origin, registration, data, tries=3):
    """Push through DevTools until the service worker shows it.

    On a loaded machine Chromium sometimes drops a DevTools push sent while it is
    still waking the worker (a real push service would retry too), so try again;
    same tag, so a second delivery only replaces the first.
    """
    for attempt in range(tries):
        cdp.send("ServiceWorker.deliverPushMessage", {"origin": origin, "registrationId": registration, "data": data})
        try:
            return wait_until(page, SHOWN, timeout=10)
        except AssertionError:
            if attempt == tries - 1:
                raise


def diagnosis(page):
    """What the browser says about its service workers, for a failure message."""
    try:
        return [page.url, page.evaluate("Notification.permission"), page.context.service_workers,
                page.evaluate("navigator.serviceWorker.getRegistrations()"
                              ".then(rs => rs.map(r => [r.scope, r.active && r.active.state, !!r.waiting]))"),
                [w.evaluate("self.registration.getNotifications().then(ns => ns.length)")
                 for w in page.context.service_workers]]
    except Exception as e:  # noqa: BLE001 - a diagnosis must not hide the failure
        return repr(e)


def open_settings(page):
    """Account, then Notifications, as a person would (a boosted visit)."""
    page.get_by_role("link", name="Your account").click()
    page.get_by_role("link", name="Notifications").click()
    expect(page.get_by_role("heading", name="Notifications", exact=True)).to_be_visible()


def registration_id(page):
    cdp = page.context.new_cdp_session(page)
    found = []
    cdp.on("ServiceWorker.workerRegistrationUpdated",
           lambda event: found.extend(r for r in event["registrations"] if not r["isDeleted"]))
    cdp.send("ServiceWorker.enable")
    for _ in range(50):
        if found:
            break
        page.wait_for_timeout(100)
    assert found, "no service worker registration reported"
    return cdp, found[-1]["registrationId"]


def test_a_push_shows_a_notification_whose_tap_opens_its_page(app, world, sw_phone, live_server):
    context, page = sw_phone()
    sign_in(page, world.mentor)
    open_settings(page)
    scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert scope == live_server + "/"
    wait_until(page, "navigator.serviceWorker.controller !== null")
    screenshot(page, "push-settings")

    with app.test_request_context():
        target = url_for("home.mentee", match_id=world.match.id)
        reminder = Notification.create(user=world.mentor, kind="meeting_reminder", url=target, topic="meeting-1",
                                       due_at=utcnow(), status=Notification.SENT, sent_at=utcnow())
        data = payload(reminder, world.mentor.role, open_url(reminder)).decode()
    cdp, registration = registration_id(page)
    deliver(page, cdp, live_server, registration, data)
    shown = page.evaluate("""navigator.serviceWorker.ready.then(r => r.getNotifications())
        .then(ns => ns.map(n => ({title: n.title, body: n.body, tag: n.tag, url: n.data.url})))""")
    assert shown == [{"title": "Meeting reminder", "body": "You have a meeting coming up.", "tag": "meeting-1",
                      "url": live_server + open_url_path(app, reminder)}]

    # A tap: the notificationclick handler, run by the service worker itself.
    [worker] = context.service_workers
    worker.evaluate("""self.registration.getNotifications().then(ns => {
        self.dispatchEvent(new NotificationEvent("notificationclick", {notification: ns[0]}));
    })""")
    page.wait_for_url(live_server + target)
    expect(page.get_by_role("heading", name=world.mentee.name, exact=True)).to_be_visible()
    assert Notification.get_by_id(reminder.id).opened_at is not None
    screenshot(page, "push-opened")


def open_url_path(app, notification):
    with app.test_request_context():
        return open_url(notification)


# Headless Chromium cannot reach a push service, so subscribe() is stood in for;
# the rest (permission, service worker, form, server, device list) is real.
FAKE_SUBSCRIPTION = """(() => {
  const json = {endpoint: "https://push.example.net/send/browser-test",
    keys: {p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
           auth: "tBHItJI5svbpez7KI4CCXg"}};
  const make = () => ({endpoint: json.endpoint, toJSON: () => json,
    unsubscribe: () => { sessionStorage.removeItem("subscribed"); return Promise.resolve(true); }});
  PushManager.prototype.subscribe = function () { sessionStorage.setItem("subscribed", "1"); return Promise.resolve(make()); };
  PushManager.prototype.getSubscription = function () {
    return Promise.resolve(sessionStorage.getItem("subscribed") ? make() : null);
  };
})();"""


def test_turning_on_stores_this_device_and_marks_it(world, sw_phone):
    from mentoring.push.models import Subscription

    context, page = sw_phone()
    context.add_init_script(FAKE_SUBSCRIPTION)
    sign_in(page, world.mentee)
    open_settings(page)
    page.get_by_label("Name for this device").fill("My phone")
    page.get_by_role("button", name="Turn on notifications on this device").click()
    expect(page.get_by_text("Notifications are on for My phone.")).to_be_visible()
    expect(page.locator(".is-this-device")).to_contain_text("My phone")
    expect(page.get_by_text("· this device")).to_be_visible()
    expect(page.get_by_role("button", name="Turn on notifications on this device")).to_be_hidden()
    device = Subscription.get()
    assert (device.user_id, device.device_name, device.endpoint) == (
        world.mentee.id, "My phone", "https://push.example.net/send/browser-test")
    screenshot(page, "push-device-on")

    page.get_by_role("button", name="Turn off for My phone").click()
    expect(page.get_by_text("Notifications are off for My phone.")).to_be_visible()
    assert Subscription.select().count() == 0
    assert page.evaluate("sessionStorage.getItem('subscribed')") is None
    expect(page.get_by_role("button", name="Turn on notifications on this device")).to_be_visible()


def test_a_payload_cannot_send_the_tap_to_another_site(app, world, sw_phone, live_server):
    context, page = sw_phone()
    sign_in(page, world.mentee)
    open_settings(page)
    wait_until(page, "navigator.serviceWorker.controller !== null")
    cdp, registration = registration_id(page)
    data = json.dumps({"title": "x", "body": "y", "tag": "t", "url": "https://elsewhere.example/"})
    deliver(page, cdp, live_server, registration, data)
    urls = page.evaluate("navigator.serviceWorker.ready.then(r => r.getNotifications()).then(ns => ns.map(n => n.data.url))")
    assert urls == [live_server + "/"]


def block_notifications(browser, page, origin):
    """As if the person had once chosen "Don't allow" for this site."""
    target = page.context.new_cdp_session(page).send("Target.getTargetInfo")["targetInfo"]
    browser.new_browser_cdp_session().send("Browser.setPermission", {
        "permission": {"name": "notifications"}, "setting": "denied", "origin": origin,
        "browserContextId": target["browserContextId"],
    })


def test_a_blocked_permission_is_explained(world, sw_phone, live_server, browser):
    context, page = sw_phone(permission=None)
    sign_in(page, world.mentee)
    block_notifications(browser, page, live_server)
    open_settings(page)
    expect(page.get_by_text("Notifications are blocked for this site in your browser.")).to_be_visible()
    expect(page.get_by_role("button", name="Turn on notifications on this device")).to_be_disabled()
    screenshot(page, "push-denied")


def test_an_iphone_outside_the_home_screen_is_told_to_add_it_first(world, sw_phone):
    context, page = sw_phone(permission=None, user_agent=IPHONE_UA)
    # Safari on iOS has no PushManager until the app runs from the Home Screen.
    context.add_init_script("delete window.PushManager;")
    sign_in(page, world.mentee)
    open_settings(page)
    expect(page.get_by_text("On iPhone and iPad, add the app to your Home Screen first.")).to_be_visible()
    expect(page.get_by_role("button", name="Turn on notifications on this device")).to_be_disabled()
    screenshot(page, "push-iphone")


def test_settings_are_saved_in_place(world, sw_phone):
    context, page = sw_phone(permission=None, color_scheme="dark")
    sign_in(page, world.mentee)
    open_settings(page)
    page.get_by_label("Quiet from").fill("22:00")
    page.get_by_label("Quiet until").fill("07:00")
    page.get_by_label("Daily check-in reminder at").fill("23:30")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("That is inside your quiet hours")).to_be_visible()
    page.get_by_label("Daily check-in reminder at").fill("20:30")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    screenshot(page, "push-preferences-dark")
