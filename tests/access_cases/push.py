from flask import url_for

from mentoring.clock import utcnow
from mentoring.push.models import Subscription
from mentoring.push.outbox import Notification

from . import Case, everyone, expect


def setup(world):
    world.device = Subscription.create(
        user=world.mentee, endpoint="https://push.invalid/send/access-case", device_name="Phone",
        p256dh="BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
        auth="tBHItJI5svbpez7KI4CCXg",
    )
    now = utcnow()
    world.reminder = Notification.create(
        user=world.mentee, kind="checkin_reminder", url="/", topic="", due_at=now,
        status=Notification.SENT, sent_at=now, expires_at=None,
    )


def get(endpoint, expected, **args):
    return Case("GET", lambda w: url_for(endpoint, **{k: v(w) for k, v in args.items()}), expected)


def post(endpoint, expected, data=None, **args):
    return Case("POST", lambda w: url_for(endpoint, **{k: v(w) for k, v in args.items()}), expected, data or {})


def mentee_only(status):
    """The mentee's own device or reminder; anyone else is told it does not exist."""
    return expect(anon=302, mentee=status, other_mentee=404, mentor=404, coordinator=404)


CASES = {
    "push.settings": get("push.settings", everyone(200, anon=302)),
    # Empty forms: signed-in people get their form back with errors.
    "push.preferences": post("push.preferences", everyone(422, anon=302)),
    "push.add_device": post("push.add_device", everyone(422, anon=302)),
    "push.remove_device": post("push.remove_device", mentee_only(303), device_id=lambda w: w.device.id),
    # Push is off in the access test's app, so this answers at once.
    "push.test_device": post("push.test_device", mentee_only(303), device_id=lambda w: w.device.id),
    "push.open_notification": get("push.open_notification", mentee_only(302), notification_id=lambda w: w.reminder.id),
    "push.snooze": post("push.snooze", mentee_only(303), {"minutes": "60"}, notification_id=lambda w: w.reminder.id),
    "push.dismiss": post("push.dismiss", mentee_only(303), notification_id=lambda w: w.reminder.id),
}
