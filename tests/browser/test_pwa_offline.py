"""Without a signal: the offline page, forms kept on the phone, clear messages."""

import uuid

import pytest
from flask import Blueprint, current_app, redirect, render_template_string, request, url_for
from flask_login import current_user
from peewee import OperationalError
from playwright.sync_api import expect

from mentoring.access import signed_in

from .conftest import screenshot, sign_in
from .test_pwa_install import wait_for_service_worker

pytestmark = pytest.mark.browser

# A stand-in for the mood check-in: a form marked data-offline-form with a
# hidden client_id, whose view saves each client_id once.
test_bp = Blueprint("pwa_test", __name__)
PAGE = """{% extends "base.html" %}{% block title %}Check in{% endblock %}{% block content %}
<h1>Check in</h1>
<p data-next-meeting="Tuesday 4 March, 15:00 with Mo, at the library">Next meeting: Tuesday</p>
<form method="post" data-offline-form>
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <input type="hidden" name="client_id" value="{{ client_id }}">
  <div class="field"><label for="note">Note</label><input id="note" name="note" required></div>
  <button class="btn btn-primary" type="submit">Save</button>
</form>
<ul id="saved">{% for note in saved %}<li>{{ note }}</li>{% endfor %}</ul>
{% endblock %}"""


def _checkins():
    return current_app.extensions.setdefault("test_checkins", {"posts": [], "saved": {}})


@test_bp.route("/test/checkin", methods=["GET", "POST"])
@signed_in
def checkin():
    store = _checkins()
    if request.method == "POST":
        client_id = request.form["client_id"]
        store["posts"].append((current_user.id, client_id))
        store["saved"].setdefault((current_user.id, client_id), request.form["note"])
        return redirect(url_for("pwa_test.checkin"), 303)
    mine = [note for (user, _), note in store["saved"].items() if user == current_user.id]
    return render_template_string(PAGE, client_id=uuid.uuid4().hex, saved=mine)


@test_bp.route("/test/broken")
@signed_in
def broken():
    raise OperationalError("the database is gone")


@pytest.fixture
def app(app):
    app.register_blueprint(test_bp)
    app.config["WTF_CSRF_ENABLED"] = True  # queued forms must carry a token that still works
    return app


@pytest.fixture
def checkins(app):
    return app.extensions.setdefault("test_checkins", {"posts": [], "saved": {}})


def eventually(page, condition, seconds=5):
    """Wait for something the server sees (the page can't tell us)."""
    for _ in range(seconds * 10):
        if condition():
            return
        page.wait_for_timeout(100)
    assert condition()


QUEUED = "Saved on this phone. It will be sent when you are back online."
SENT = "Sent what was saved on this phone."


def test_a_form_made_offline_is_kept_then_sent_once_when_back_online(phone, world, checkins):
    sign_in(phone, world.mentee)
    phone.goto("/test/checkin")
    phone.context.set_offline(True)
    phone.get_by_label("Note").fill("A calm morning")
    phone.get_by_role("button", name="Save").click()
    expect(phone.locator(".offline-note")).to_have_text(QUEUED)
    expect(phone.get_by_label("Note")).to_have_value("")
    screenshot(phone, "pwa-offline-form-queued")
    assert checkins["posts"] == []

    phone.context.set_offline(False)
    expect(phone.locator(".offline-note")).to_have_text(SENT)
    assert list(checkins["saved"].values()) == ["A calm morning"]
    phone.reload()
    expect(phone.locator("#saved li")).to_have_text(["A calm morning"])
    assert len(checkins["posts"]) == 1


def test_two_entries_made_offline_are_two_entries(phone, world, checkins):
    sign_in(phone, world.mentee)
    phone.goto("/test/checkin")
    phone.context.set_offline(True)
    for note in ("Morning", "Evening"):
        phone.get_by_label("Note").fill(note)
        phone.get_by_role("button", name="Save").click()
    phone.context.set_offline(False)
    expect(phone.locator(".offline-note")).to_have_text(SENT)
    assert sorted(checkins["saved"].values()) == ["Evening", "Morning"]


def test_a_send_that_fails_is_kept_and_sent_when_the_app_next_opens(new_phone, world, checkins):
    page = new_phone()
    sign_in(page, world.mentee)
    page.goto("/test/checkin")
    # Online as far as the phone knows, but the request never arrives.
    page.route("**/test/checkin", lambda route: route.abort() if route.request.method == "POST" else route.continue_())
    page.get_by_label("Note").fill("Sent later")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".offline-note")).to_have_text(QUEUED)
    page.close()
    assert checkins["posts"] == []

    page = page.context.new_page()
    page.goto("/test/checkin")
    eventually(page, lambda: len(checkins["posts"]) == 1)
    page.reload()
    expect(page.locator("#saved li")).to_have_text(["Sent later"])
    assert len(checkins["posts"]) == 1


def test_an_answer_lost_on_the_way_back_still_saves_once(phone, world, checkins):
    sign_in(phone, world.mentee)
    phone.goto("/test/checkin")
    phone.context.set_offline(True)
    phone.get_by_label("Note").fill("Only once")
    phone.get_by_role("button", name="Save").click()

    def reach_server_then_drop(route):
        route.fetch(max_redirects=0)  # the server saves it...
        route.fulfill(status=504)  # ...but the phone hears only that the answer never came

    phone.route("**/test/checkin", lambda route: reach_server_then_drop(route) if route.request.method == "POST" else route.continue_())
    with phone.expect_response(lambda r: r.request.method == "POST" and r.status == 504):
        phone.context.set_offline(False)
    assert len(checkins["posts"]) == 1
    phone.unroute("**/test/checkin")
    phone.reload()  # the next open sends it again, since the phone never heard back
    eventually(phone, lambda: len(checkins["posts"]) == 2)
    assert list(checkins["saved"].values()) == ["Only once"]
    phone.reload()
    expect(phone.locator("#saved li")).to_have_text(["Only once"])
    assert len(checkins["posts"]) == 2


def test_what_one_person_left_waiting_is_not_sent_as_someone_else(phone, world, checkins):
    sign_in(phone, world.mentee)
    phone.goto("/test/checkin")
    phone.context.set_offline(True)
    phone.get_by_label("Note").fill("Mine")
    phone.get_by_role("button", name="Save").click()
    expect(phone.locator(".offline-note")).to_have_text(QUEUED)
    # Signed out elsewhere (the session ended) while the phone had no signal.
    context = phone.context
    phone.close()
    context.clear_cookies()
    context.set_offline(False)
    phone = context.new_page()
    sign_in(phone, world.other_mentee)
    phone.goto("/test/checkin")
    expect(phone.locator("#saved li")).to_have_count(0)
    assert checkins["posts"] == []
    phone.context.clear_cookies()
    sign_in(phone, world.mentee)
    eventually(phone, lambda: len(checkins["posts"]) == 1)
    phone.goto("/test/checkin")
    expect(phone.locator("#saved li")).to_have_text(["Mine"])
    assert checkins["posts"] == [(world.mentee.id, checkins["posts"][0][1])]


def test_an_htmx_request_without_network_says_so_and_can_be_retried(phone, world):
    sign_in(phone, world.mentee)
    phone.context.set_offline(True)
    phone.get_by_role("link", name="Your account").click()
    toast = phone.get_by_role("alert")
    expect(toast).to_contain_text("You seem to be offline, so that page could not open.")
    screenshot(phone, "pwa-offline-toast")
    phone.context.set_offline(False)
    toast.get_by_role("button", name="Try again").click()
    expect(phone.get_by_role("heading", name="Your account", exact=True)).to_be_visible()


def test_get_help_now_offline_shows_the_numbers_in_one_tap(new_phone, world):
    page = new_phone(service_workers="allow")  # 390x844, like every phone here
    sign_in(page, world.mentee)
    wait_for_service_worker(page)
    page.context.set_offline(True)
    page.get_by_role("link", name="Get help now").click()
    expect(page.get_by_role("link", name="Call 116 123")).to_be_visible()
    expect(page.get_by_role("heading", name="Get help now")).to_be_visible()
    expect(page.locator("#net-status")).to_be_hidden()
    screenshot(page, "pwa-offline-help-one-tap")


def test_a_page_the_server_cannot_draw_shows_the_kept_numbers(new_phone, world):
    page = new_phone(service_workers="allow")
    sign_in(page, world.mentee)
    wait_for_service_worker(page)
    page.goto("/test/broken")  # the server answers, but with a 503: its database is down
    expect(page.get_by_role("heading", name="The app is not answering right now")).to_be_visible()
    expect(page.get_by_role("heading", name="Get help now")).to_be_visible()
    expect(page.get_by_role("link", name="Call 116 123")).to_be_visible()


def test_a_page_that_cannot_load_shows_the_offline_page(new_phone, world):
    page = new_phone(service_workers="allow")
    sign_in(page, world.mentee)
    page.goto("/test/checkin")  # shows the next meeting, which the phone remembers
    wait_for_service_worker(page)
    page.context.set_offline(True)
    page.goto("/account")
    expect(page.get_by_role("heading", name="You are offline")).to_be_visible()
    expect(page.get_by_role("heading", name="Get help now")).to_be_visible()
    expect(page.get_by_role("link", name="Call 116 123")).to_be_visible()
    expect(page.get_by_text("Tuesday 4 March, 15:00 with Mo, at the library")).to_be_visible()
    assert world.mentee.name not in page.content()
    screenshot(page, "pwa-offline-page")


def test_personal_pages_are_never_kept_by_the_service_worker(new_phone, world):
    page = new_phone(service_workers="allow")
    sign_in(page, world.mentee)
    wait_for_service_worker(page)
    for path in ("/", "/account", "/test/checkin", "/help"):
        page.goto(path)
    kept = page.evaluate("""async () => {
        const urls = [];
        for (const name of await caches.keys())
            for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
        return urls;
    }""")
    assert "/offline" in kept
    assert [u for u in kept if u != "/offline" and not u.startswith("/static/")] == []
