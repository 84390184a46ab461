"""Saving and removing the devices a person turns notifications on for."""

import hashlib

from peewee import IntegrityError

from ..clock import utcnow
from ..db import database
from ..i18n import _l
from .models import MAX_DEVICES, Subscription


def device_digest(endpoint):
    """A short fingerprint the page compares with its own subscription, so it can
    say which row is "this device" without echoing endpoints into HTML."""
    return hashlib.sha256(endpoint.encode()).hexdigest()[:16]


def save_device(user, endpoint, p256dh, auth, name, now=None, session_id=None):
    """Store a subscription for `user` on signed-in device `session_id`; the same endpoint again updates it.

    An endpoint belongs to one browser: when someone else signs in on it and
    turns notifications on, it becomes theirs.
    """
    now = now or utcnow()
    fields = {"user": user.id, "p256dh": p256dh, "auth": auth, "device_name": name, "session": session_id}
    with database.atomic():
        try:
            with database.atomic():
                device = Subscription.create(endpoint=endpoint, created_at=now, **fields)
        except IntegrityError:
            Subscription.update(**fields).where(Subscription.endpoint == endpoint).execute()
            device = Subscription.get(Subscription.endpoint == endpoint)
        _forget_oldest(user)
    return device


def forget_signed_out(sender, ids, **extra):
    """A device signed out stops showing notifications: on a shared or lost phone,
    the next person must not see them on its lock screen."""
    Subscription.delete().where(Subscription.session.in_(ids)).execute()


def follow_renewed(sender, old, new, **extra):
    """The same browser with a fresh session (a new password) keeps its notifications."""
    Subscription.update(session=new).where(Subscription.session == old).execute()


def _forget_oldest(user):
    keep = Subscription.select(Subscription.id).where(Subscription.user == user.id).order_by(
        Subscription.created_at.desc(), Subscription.id.desc()
    ).limit(MAX_DEVICES)
    Subscription.delete().where((Subscription.user == user.id) & Subscription.id.not_in(keep)).execute()


def guess_name(user_agent):
    """A plain name from the browser's user agent, when the person gives none."""
    ua = user_agent or ""
    for needle, name in DEVICE_NAMES:
        if needle in ua:
            return str(name)
    return str(_l("Browser"))


DEVICE_NAMES = (
    ("iPhone", _l("iPhone")), ("iPad", _l("iPad")), ("Android", _l("Android phone")),
    ("Macintosh", _l("Mac")), ("Windows", _l("Windows computer")), ("Linux", _l("Linux computer")),
)
