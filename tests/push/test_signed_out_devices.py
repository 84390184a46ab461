"""A device signed out stops getting notifications: its subscription goes with its session."""

from mentoring.push.models import Subscription

from ..accounts.test_devices import session_id_of, sign_in
from ..factories import PASSWORD
from .test_settings import ENDPOINT, device_form


def turn_on(client, url, endpoint):
    assert client.post(url("push.add_device"), data=device_form(endpoint=endpoint)).status_code == 302


def test_turning_notifications_on_links_them_to_this_signed_in_device(app, world, url):
    phone = sign_in(app, world.mentee)
    turn_on(phone, url, ENDPOINT)
    assert Subscription.get().session_id == session_id_of(phone)


def test_signing_another_device_out_removes_only_its_subscription(app, world, url):
    phone, tablet = sign_in(app, world.mentee), sign_in(app, world.mentee)
    turn_on(phone, url, f"{ENDPOINT}-phone")
    turn_on(tablet, url, f"{ENDPOINT}-tablet")
    phone.post(url("accounts.sign_out_device", session_id=session_id_of(tablet)))
    assert [s.endpoint for s in Subscription.select()] == [f"{ENDPOINT}-phone"]


def test_signing_out_removes_this_devices_subscription(app, world, url):
    phone, tablet = sign_in(app, world.mentee), sign_in(app, world.mentee)
    turn_on(phone, url, f"{ENDPOINT}-phone")
    turn_on(tablet, url, f"{ENDPOINT}-tablet")
    phone.post(url("accounts.logout"))
    assert [s.endpoint for s in Subscription.select()] == [f"{ENDPOINT}-tablet"]


def test_sign_out_everywhere_else_keeps_this_devices_subscription(app, world, url):
    phone, tablet = sign_in(app, world.mentee), sign_in(app, world.mentee)
    turn_on(phone, url, f"{ENDPOINT}-phone")
    turn_on(tablet, url, f"{ENDPOINT}-tablet")
    phone.post(url("accounts.sign_out_others"))
    assert [s.endpoint for s in Subscription.select()] == [f"{ENDPOINT}-phone"]


def test_a_new_password_removes_the_other_devices_subscriptions(app, world, url):
    phone, tablet = sign_in(app, world.mentee), sign_in(app, world.mentee)
    turn_on(phone, url, f"{ENDPOINT}-phone")
    turn_on(tablet, url, f"{ENDPOINT}-tablet")
    new = "a new long passphrase 42"
    phone.post(url("accounts.change_password"), data={"current": PASSWORD, "password": new, "confirm": new})
    assert [s.endpoint for s in Subscription.select()] == [f"{ENDPOINT}-phone"]
    assert phone.get(url("home.index")).status_code == 200


def test_switching_an_account_off_removes_all_its_subscriptions(app, world, url, as_user):
    phone = sign_in(app, world.mentee)
    turn_on(phone, url, f"{ENDPOINT}-phone")
    as_user(world.coordinator).post(url("people.person_active", user_id=world.mentee.id), data={"active": "0"})
    assert Subscription.select().count() == 0
