"""On a phone: a mentee downloads their data and asks for their account to be deleted;
a coordinator confirms it, and the mentee can no longer sign in."""

import io
import re
import json
import zipfile

import pytest
from playwright.sync_api import expect

from mentoring.data_rights import DeletionRequest
from mentoring.data_rights.deletion import FORMER_MEMBER
from mentoring.models import User

from .conftest import big_enough, no_sideways_scroll, screenshot, sign_in

pytestmark = pytest.mark.browser


def test_a_mentee_downloads_and_asks_for_deletion_and_a_coordinator_confirms(new_phone, world):
    errors = []
    mentee = new_phone()
    mentee.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(mentee, world.mentee)
    mentee.locator(".account-link").click()
    mentee.get_by_role("link", name="Your data: download, delete, who can see it").click()
    expect(mentee.get_by_role("heading", name="Who can see your data")).to_be_visible()
    download_link = mentee.get_by_role("link", name="Download my data")
    big_enough(download_link)
    no_sideways_scroll(mentee)
    screenshot(mentee, "data-rights-your-data")
    with mentee.expect_download() as download:
        download_link.click()
    with open(download.value.path(), "rb") as f:
        archive = zipfile.ZipFile(io.BytesIO(f.read()))
    assert json.loads(archive.read("profile.json"))["email"] == world.mentee.email

    mentee.get_by_role("link", name="Delete my account…").click()
    expect(mentee.get_by_role("heading", name="What is kept, and why")).to_be_visible()
    mentee.get_by_label("Your password, to confirm it is you").fill("not my password")
    delete = mentee.get_by_role("button", name="Delete my account")
    big_enough(delete)
    no_sideways_scroll(mentee)
    delete.click()
    expect(mentee.get_by_text("That is not your password.")).to_be_visible()
    mentee.get_by_label("Your password, to confirm it is you").fill("correct horse battery")
    mentee.get_by_role("button", name="Delete my account").click()
    expect(mentee.get_by_role("button", name="Keep my account")).to_be_visible()
    screenshot(mentee, "data-rights-requested")
    assert DeletionRequest.get().is_pending

    coordinator = new_phone(color_scheme="dark")
    coordinator.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(coordinator, world.coordinator)
    coordinator.locator(".account-link").click()
    coordinator.get_by_role("link", name="Deletion requests").click()
    expect(coordinator.get_by_text("Mia Mentee")).to_be_visible()
    confirm = coordinator.get_by_role("button", name="Delete the account of Mia Mentee now")
    big_enough(confirm)
    no_sideways_scroll(coordinator)
    screenshot(coordinator, "data-rights-requests")
    confirm.click()
    expect(coordinator.get_by_text("The account is deleted.")).to_be_visible()
    expect(coordinator.get_by_text("No requests waiting.")).to_be_visible()
    assert User.get_by_id(world.mentee.id).name == FORMER_MEMBER

    mentee.reload()
    expect(mentee).to_have_url(re.compile(r"/login"))
    # The wrong password answers 422 on purpose; the browser logs that as a failed load.
    assert [e for e in errors if "status of 422" not in e] == []
