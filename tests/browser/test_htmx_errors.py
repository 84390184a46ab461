"""A failed htmx request always says so, and the search list updates in place."""

import pytest
from playwright.sync_api import expect

from .conftest import sign_in

pytestmark = pytest.mark.browser


def test_search_updates_the_list_in_place(phone, world):
    sign_in(phone, world.coordinator)
    phone.goto("/people")
    phone.get_by_label("Search by name or email").fill("othermentee")
    list_ = phone.locator("#people-list")
    expect(list_.get_by_text("Mia Mentee", exact=True)).to_have_count(0)
    expect(list_.get_by_text("Omar Othermentee", exact=True)).to_be_visible()
    assert "q=othermentee" in phone.url


def test_a_request_without_network_shows_a_retryable_message(phone, world):
    sign_in(phone, world.coordinator)
    phone.goto("/people")
    phone.context.set_offline(True)
    phone.get_by_label("Search by name or email").fill("mia")
    toast = phone.get_by_role("alert")
    expect(toast).to_contain_text("offline")
    phone.context.set_offline(False)
    toast.get_by_role("button", name="Try again").click()
    expect(toast).to_be_hidden()
    expect(phone.locator("#people-list").get_by_text("Mia Mentee", exact=True)).to_be_visible()


def test_a_server_error_on_an_htmx_request_is_shown(phone, world, app):
    from mentoring.people import views

    sign_in(phone, world.coordinator)
    phone.goto("/people")
    original = views.paginate
    views.paginate = lambda *a, **k: 1 / 0
    try:
        phone.get_by_label("Search by name or email").fill("mia")
        expect(phone.get_by_role("alert")).to_contain_text("did not work")
    finally:
        views.paginate = original
