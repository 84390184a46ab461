"""The real mood check-in, made without a signal, arrives once when the signal returns."""

import pytest
from playwright.sync_api import expect

from mentoring.mood.models import CheckIn

from .conftest import sign_in
from .test_pwa_offline import QUEUED, SENT, eventually

pytestmark = pytest.mark.browser


@pytest.fixture
def app(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app


def test_a_check_in_made_offline_is_saved_once_when_back_online(phone, world):
    sign_in(phone, world.mentee)
    phone.get_by_role("link", name="Check in", exact=True).first.click()
    expect(phone.get_by_role("heading", name="How are you?")).to_be_visible()
    share = phone.get_by_label("Share my check-ins with my mentor")
    if share.count():
        share.check()
    phone.context.set_offline(True)
    phone.locator("label.mood-option", has_text="Good").click()
    phone.get_by_role("button", name="Save check-in").click()
    expect(phone.locator(".offline-note")).to_have_text(QUEUED)
    assert CheckIn.select().count() == 0

    phone.context.set_offline(False)
    expect(phone.locator(".offline-note")).to_have_text(SENT)
    eventually(phone, lambda: CheckIn.select().count() == 1)
    phone.reload()
    assert [c.mood for c in CheckIn.select()] == [4]
