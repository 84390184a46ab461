"""The notifications settings page, device management, and acting on reminders."""

import uuid
from datetime import timedelta
from functools import lru_cache

from flask import Blueprint, current_app, flash, redirect, request, url_for
from flask_babel import format_time
from flask_login import current_user

from ..access import require, signed_in
from ..clock import utcnow
from ..db import database
from ..i18n import _
from ..web import render, wants_fragment
from . import keys as vapid
from .delivery import send_now
from .devices import device_digest, guess_name, save_device
from .forms import DeviceForm, PreferencesForm
from .models import DeliveryAttempt, PushPreference, Subscription
from .outbox import Notification
from .reminders import dismiss as dismiss_reminder
from .reminders import recent, snooze_choices
from .reminders import snooze as snooze_reminder
from .sender import Sender
from .texts import SNOOZABLE, texts
from .worker import open_url

bp = Blueprint("push", __name__)

SETTINGS = "push/settings.html"


@lru_cache(maxsize=4)
def _load_keys(private, public, subject):
    return vapid.load({"VAPID_PRIVATE_KEY": private, "VAPID_PUBLIC_KEY": public, "VAPID_SUBJECT": subject})


def push_keys(config=None):
    """The server's VAPID keys, or None when push is off."""
    config = config or current_app.config
    return _load_keys(config.get("VAPID_PRIVATE_KEY"), config.get("VAPID_PUBLIC_KEY"), config.get("VAPID_SUBJECT"))


def _preferences_form(formdata=None):
    prefs = PushPreference.for_user(current_user)
    kwargs = {} if formdata is not None else {"formdata": None}
    return PreferencesForm(obj=prefs, with_checkin=current_user.is_mentee, **kwargs)


def _page(fragment=None, status=200, **context):
    devices = list(Subscription.for_user(current_user))
    context.setdefault("device_form", DeviceForm(formdata=None))
    context.setdefault("prefs_form", _preferences_form())
    keys = push_keys()
    return render(
        SETTINGS, fragment, status=status,
        keys=keys, devices=[(d, device_digest(d.endpoint)) for d in devices], **context,
    )


@bp.route("/settings/notifications")
@signed_in
def settings():
    return _page()


@bp.route("/settings/notifications/preferences", methods=["POST"])
@signed_in
def preferences():
    form = _preferences_form(formdata=request.form)
    if not form.validate_on_submit():
        return _page("push/_preferences.html", status=422, prefs_form=form)
    prefs = PushPreference.for_user(current_user)
    with database.atomic():
        form.populate_obj(prefs)
        prefs.updated_at = utcnow()
        prefs.save()
    if not wants_fragment():
        flash(_("Saved your notification settings."), "success")
        return redirect(url_for("push.settings"))
    return _page("push/_preferences.html", prefs_form=form, prefs_saved=True)


@bp.route("/settings/notifications/devices", methods=["POST"])
@signed_in
def add_device():
    form = DeviceForm()
    if push_keys() is None or not form.validate_on_submit():
        return _page("push/_devices.html", status=422, device_form=form)
    name = (form.device_name.data or "").strip() or guess_name(request.user_agent.string)
    device = save_device(current_user, form.endpoint.data, form.p256dh.data, form.auth.data, name,
                         session_id=current_user.session_id)
    return _device_done(_("Notifications are on for %(name)s.", name=device.device_name))


def _device(device_id):
    return require(Subscription.get_or_none((Subscription.id == device_id) & (Subscription.user == current_user.id)))


def _device_done(message, status=200):
    if not wants_fragment():
        flash(message, "success" if status == 200 else "error")
        return redirect(url_for("push.settings"))
    return _page("push/_devices.html", status=status, device_message=message)


@bp.route("/settings/notifications/devices/<int:device_id>/delete", methods=["POST"])
@signed_in
def remove_device(device_id):
    device = _device(device_id)
    device.delete_instance()
    return _device_done(_("Notifications are off for %(name)s.", name=device.device_name))


@bp.route("/settings/notifications/devices/<int:device_id>/test", methods=["POST"])
@signed_in
def test_device(device_id):
    device = _device(device_id)
    keys = push_keys()
    if keys is None:
        return _device_done(_("Notifications are off on this server, so nothing was sent."))
    now = utcnow()
    # Held by a claim of our own, so no worker sends it to the other devices.
    test = Notification.create(
        user=current_user.id, kind="test", url=url_for("push.settings"), urgent=True, due_at=now,
        created_at=now, expires_at=now + timedelta(minutes=10),
        claim_token=f"web:{uuid.uuid4().hex[:12]}", claimed_until=now + timedelta(minutes=10),
    )
    sender = Sender(keys, timeout=5, allow_private=current_app.config["PUSH_ALLOW_PRIVATE_ENDPOINTS"])
    try:
        delivery = send_now(sender, test, current_user.role, [device], now, open_url(test))
    finally:
        sender.close()
    attempt = delivery.attempts[0]
    test.status = Notification.SENT if attempt.outcome == DeliveryAttempt.OK else Notification.FAILED
    test.sent_at = now if attempt.outcome == DeliveryAttempt.OK else None
    test.attempts, test.last_error, test.claim_token, test.claimed_until = 1, attempt.error, None, None
    test.save()
    return _device_done(*_test_message(attempt, device))


def _test_message(attempt, device):
    if attempt.outcome == DeliveryAttempt.OK:
        return _("Sent. It should appear on %(name)s within a few seconds.", name=device.device_name), 200
    if attempt.outcome == DeliveryAttempt.GONE:
        return _("%(name)s no longer accepts notifications, so we removed it. Turn them on again on that device.",
                 name=device.device_name), 200
    return _("The test did not go through. Please try again in a minute."), 200


# Reminders: opened from a notification, snoozed or dismissed on the home screen.

def _own_notification(notification_id):
    return require(Notification.get_or_none(
        (Notification.id == notification_id) & (Notification.user == current_user.id)
    ))


def _local_path(url):
    return url if url.startswith("/") and not url.startswith("//") and "\\" not in url else None


@bp.route("/notifications/<int:notification_id>/open")
@signed_in
def open_notification(notification_id):
    notification = _own_notification(notification_id)
    if notification.opened_at is None:
        Notification.update(opened_at=utcnow()).where(Notification.id == notification.id).execute()
    return redirect(_local_path(notification.url) or url_for("home.index"))


def reminders_card(user):
    """Home-card data: reminders just sent that can be snoozed."""
    shown = recent(user)
    if not shown:
        return None
    return _card_data(user, shown)


def _card_data(user, shown, message=None):
    now = utcnow()
    return {
        "reminders": [(n, texts(n.kind, user.role)[0], snooze_choices(n, now)) for n in shown],
        "message": message,
    }


def _reminder_done(message, status=200):
    if not wants_fragment():
        flash(message, "success" if status == 200 else "error")
        return redirect(url_for("home.index"))
    data = _card_data(current_user, recent(current_user), message)
    return render("push/_reminders_card.html", "push/_reminders_card.html", status=status, data=data)


def _snoozable(notification_id):
    notification = _own_notification(notification_id)
    require(notification.kind in SNOOZABLE and notification.status == Notification.SENT)
    return notification


@bp.route("/notifications/<int:notification_id>/later", methods=["POST"])
@signed_in
def snooze(notification_id):
    notification = _snoozable(notification_id)
    minutes = request.form.get("minutes", type=int)
    if minutes not in snooze_choices(notification):
        return _reminder_done(_("Choose one of the times offered."), 422)
    later = snooze_reminder(notification, minutes)
    if later is None:
        return _reminder_done(_("Already done."))
    return _reminder_done(_("We'll remind you again at %(time)s.", time=format_time(later.due_at, "short")))


@bp.route("/notifications/<int:notification_id>/dismiss", methods=["POST"])
@signed_in
def dismiss(notification_id):
    notification = _snoozable(notification_id)
    dismiss_reminder(notification)
    return _reminder_done(_("Dismissed."))
