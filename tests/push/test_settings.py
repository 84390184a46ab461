"""The notifications settings page: devices, the test button, quiet hours, cap and check-in time."""

from datetime import time

import pytest
from playhouse.test_utils import count_queries

from mentoring.push.models import MAX_DEVICES, PushPreference, Subscription
from mentoring.push.outbox import Notification

from ..conftest import make_app, signed_in
from .support import add_device

HTMX = {"HX-Request": "true", "HX-Target": "push-devices"}
HTMX_PREFERENCES = {"HX-Request": "true", "HX-Target": "push-preferences"}
ENDPOINT = "https://fcm.googleapis.com/fcm/send/abc123"
P256DH = "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM"
AUTH = "tBHItJI5svbpez7KI4CCXg"


def device_form(**changes):
    form = {"endpoint": ENDPOINT, "p256dh": P256DH, "auth": AUTH, "device_name": "My phone"}
    form.update(changes)
    return form


def test_it_serves_the_public_key_to_the_page(world, as_user, url, vapid_settings):
    page = as_user(world.mentee).get(url("push.settings")).get_data(as_text=True)
    assert f'data-vapid-key="{vapid_settings["VAPID_PUBLIC_KEY"]}"' in page
    assert "js/push." in page
    assert '<h2 id="device-title">This device</h2>' in page and '<h3 id="devices-title">Your devices</h3>' in page
    assert "Add to Home Screen" in page and "16.4" in page
    assert "Don't allow" in page or "Don&#39;t allow" in page


def test_without_keys_it_says_push_is_off_and_the_rest_works(migrated_url, world):
    plain = make_app(migrated_url)
    client = signed_in(plain, world.mentee)
    page = client.get("/settings/notifications").get_data(as_text=True)
    assert "Notifications are off on this server" in page
    assert "data-vapid-key" not in page
    assert "Turn on notifications on this device" not in page
    # No "This device" heading over nothing: the card is about the devices already listed.
    assert '<h2 id="device-title">Your devices</h2>' in page and "This device<" not in page
    assert client.get("/").status_code == 200
    answer = client.post("/settings/notifications/devices", data=device_form())
    assert answer.status_code == 422
    assert Subscription.select().count() == 0


def test_every_role_finds_it_on_the_account_page(world, as_user, url):
    for person in (world.mentee, world.mentor, world.coordinator):
        page = as_user(person).get(url("accounts.account")).get_data(as_text=True)
        assert url("push.settings") in page


def test_turning_on_stores_the_subscription_with_its_name(world, as_user, url):
    answer = as_user(world.mentee).post(url("push.add_device"), data=device_form(), headers=HTMX)
    assert answer.status_code == 200
    assert 'id="push-devices"' in answer.get_data(as_text=True)
    assert "Notifications are on for My phone." in answer.get_data(as_text=True)
    device = Subscription.get()
    assert (device.user_id, device.endpoint, device.p256dh, device.auth, device.device_name) == (
        world.mentee.id, ENDPOINT, P256DH, AUTH, "My phone")


def test_sending_it_twice_keeps_one_device(world, as_user, url):
    client = as_user(world.mentee)
    client.post(url("push.add_device"), data=device_form())
    client.post(url("push.add_device"), data=device_form(device_name="Renamed"))
    assert [d.device_name for d in Subscription.select()] == ["Renamed"]


def test_a_shared_browser_moves_to_whoever_turned_it_on_last(world, as_user, url):
    as_user(world.mentee).post(url("push.add_device"), data=device_form())
    as_user(world.other_mentee).post(url("push.add_device"), data=device_form())
    assert [d.user_id for d in Subscription.select()] == [world.other_mentee.id]


def test_a_nameless_device_is_named_from_its_browser(world, as_user, url):
    as_user(world.mentee).post(url("push.add_device"), data=device_form(device_name=""),
                               headers={"User-Agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/126"})
    assert Subscription.get().device_name == "Android phone"


@pytest.mark.parametrize("changes", [
    {"endpoint": ""},
    {"endpoint": "http://insecure.example/push"},
    {"p256dh": "not-a-key"},
    {"auth": "AAAA"},
])
def test_a_broken_subscription_is_refused_with_a_reason(world, as_user, url, changes):
    answer = as_user(world.mentee).post(url("push.add_device"), data=device_form(**changes), headers=HTMX)
    assert answer.status_code == 422
    assert 'class="form-error"' in answer.get_data(as_text=True)
    assert Subscription.select().count() == 0


def test_the_name_keeps_what_was_typed_when_refused(world, as_user, url):
    answer = as_user(world.mentee).post(url("push.add_device"), data=device_form(endpoint="", device_name="Kitchen tablet"))
    assert answer.status_code == 422
    assert 'value="Kitchen tablet"' in answer.get_data(as_text=True)


def test_only_the_newest_devices_are_kept(world, as_user, url):
    client = as_user(world.mentee)
    for n in range(MAX_DEVICES + 2):
        client.post(url("push.add_device"), data=device_form(endpoint=f"{ENDPOINT}-{n}", device_name=f"D{n}"))
    names = {d.device_name for d in Subscription.select()}
    assert len(names) == MAX_DEVICES and "D0" not in names and "D1" not in names


def test_the_page_lists_only_your_devices(world, as_user, url, fake_push):
    add_device(world.mentee, fake_push, "Mia's phone")
    add_device(world.other_mentee, fake_push, "Omar's phone")
    page = as_user(world.mentee).get(url("push.settings")).get_data(as_text=True)
    assert "Mia&#39;s phone" in page and "Omar" not in page


def test_the_page_costs_the_same_queries_with_many_devices(world, as_user, url, fake_push):
    client = as_user(world.mentee)
    add_device(world.mentee, fake_push)
    with count_queries() as few:
        client.get(url("push.settings"))
    for n in range(8):
        add_device(world.mentee, fake_push, f"Device {n}")
    with count_queries() as many:
        client.get(url("push.settings"))
    assert many.count == few.count


def test_turning_a_device_off_removes_it(world, as_user, url, fake_push):
    device, _ = add_device(world.mentee, fake_push, "Old phone")
    answer = as_user(world.mentee).post(url("push.remove_device", device_id=device.id), headers=HTMX)
    assert "Notifications are off for Old phone." in answer.get_data(as_text=True)
    assert Subscription.select().count() == 0


def test_it_returns_404_for_another_persons_device(world, as_user, url, fake_push):
    device, _ = add_device(world.mentee, fake_push)
    assert as_user(world.other_mentee).post(url("push.remove_device", device_id=device.id)).status_code == 404
    assert as_user(world.mentor).post(url("push.test_device", device_id=device.id)).status_code == 404
    assert Subscription.select().count() == 1


def test_the_test_button_pushes_to_that_device_only(world, as_user, url, fake_push):
    device, phone = add_device(world.mentee, fake_push, "Phone")
    add_device(world.mentee, fake_push, "Tablet")
    answer = as_user(world.mentee).post(url("push.test_device", device_id=device.id), headers=HTMX)
    assert "It should appear on Phone" in answer.get_data(as_text=True)
    [received] = fake_push.accepted()
    assert received.sid == phone.sid
    assert received.payload["title"] == "Test notification"
    test = Notification.get(Notification.kind == "test")
    assert (test.status, test.claim_token, test.urgent) == (Notification.SENT, None, True)


def test_the_test_button_removes_a_device_the_service_has_forgotten(world, as_user, url, fake_push):
    device, phone = add_device(world.mentee, fake_push, "Phone")
    fake_push.forget(phone)
    answer = as_user(world.mentee).post(url("push.test_device", device_id=device.id), headers=HTMX)
    assert "Phone no longer accepts notifications" in answer.get_data(as_text=True)
    assert Subscription.select().count() == 0


def test_the_test_button_says_when_it_did_not_go_through(world, as_user, url, fake_push):
    device, _ = add_device(world.mentee, fake_push)
    fake_push.answer(503)
    answer = as_user(world.mentee).post(url("push.test_device", device_id=device.id), headers=HTMX)
    assert "did not go through" in answer.get_data(as_text=True)
    assert Notification.get(Notification.kind == "test").status == Notification.FAILED


# Quiet hours, daily cap and the check-in time.

def prefs_form(**changes):
    form = {"quiet_start": "22:00", "quiet_end": "07:00", "daily_cap": "4", "checkin_time": "20:30"}
    form.update(changes)
    return form


def test_it_saves_quiet_hours_cap_and_checkin_time(world, as_user, url):
    answer = as_user(world.mentee).post(url("push.preferences"), data=prefs_form(), headers=HTMX_PREFERENCES)
    assert answer.status_code == 200 and "Saved." in answer.get_data(as_text=True)
    prefs = PushPreference.get(PushPreference.user == world.mentee)
    assert (prefs.quiet_start, prefs.quiet_end, prefs.daily_cap, prefs.checkin_time) == (
        time(22, 0), time(7, 0), 4, time(20, 30))


def test_saving_again_updates_the_same_row(world, as_user, url):
    client = as_user(world.mentee)
    client.post(url("push.preferences"), data=prefs_form())
    client.post(url("push.preferences"), data=prefs_form(quiet_start="", quiet_end="", checkin_time=""))
    [prefs] = PushPreference.select()
    assert (prefs.quiet_start, prefs.quiet_end, prefs.checkin_time) == (None, None, None)


def test_without_htmx_it_redirects_back_with_a_message(world, as_user, url):
    answer = as_user(world.mentee).post(url("push.preferences"), data=prefs_form())
    assert answer.status_code == 302 and answer.location.endswith(url("push.settings"))


@pytest.mark.parametrize("changes, message", [
    ({"quiet_end": ""}, "Give both times"),
    ({"quiet_start": "07:00", "quiet_end": "07:00"}, "different time"),
    ({"daily_cap": "0"}, "from 1 to 20"),
    ({"daily_cap": "lots"}, "from 1 to 20"),
    ({"checkin_time": "23:15"}, "inside your quiet hours"),
    ({"checkin_time": "25:00"}, "Not a valid time"),
])
def test_it_explains_what_is_wrong_and_keeps_the_input(world, as_user, url, changes, message):
    answer = as_user(world.mentee).post(url("push.preferences"), data=prefs_form(**changes), headers=HTMX_PREFERENCES)
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert message in page
    assert 'value="22:00"' in page or changes.get("quiet_start")
    assert PushPreference.select().count() == 0


def test_only_mentees_choose_a_checkin_reminder(world, as_user, url):
    mentee_page = as_user(world.mentee).get(url("push.settings")).get_data(as_text=True)
    mentor_page = as_user(world.mentor).get(url("push.settings")).get_data(as_text=True)
    assert "Daily check-in reminder" in mentee_page
    assert "Daily check-in reminder" not in mentor_page
    as_user(world.mentor).post(url("push.preferences"), data=prefs_form())
    assert PushPreference.get(PushPreference.user == world.mentor).checkin_time is None
