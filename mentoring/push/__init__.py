"""Push notifications: an outbox that features add to, and a worker that sends.

Features call `notify()` (and `cancel_pending()`) and nothing else. What
reaches a lock screen is chosen here by kind, from neutral texts (texts.py):
never mood, message content, names of conditions, or who said what.

A feature with reminders of its own owns them and plugs them in (see
hooks.py): `add_producer(app, produce)` for a function of `now` that the
worker calls on every pass, and `add_still_wanted(app, kind, fn)` for a
last check just before a notification of that kind is sent.
"""

from .. import hooks
from ..config import ConfigError
from ..i18n import _l
from ..models import MENTEE, MENTOR, ROLES
from .outbox import Notification, cancel_pending, notify, topic_key
from .sender import PushError

__all__ = [
    "Notification", "PushError", "add_producer", "add_still_wanted", "cancel_pending", "init_app", "notify",
    "topic_key",
]


def add_producer(app, produce):
    """produce(now) queues what has become due; the worker calls it on every pass."""
    hooks.add(app, "push.producer", produce)


def add_still_wanted(app, kind, wanted):
    """wanted(notification, user, now) -> False drops a notification of `kind` unsent."""
    hooks.add(app, f"push.still_wanted.{kind}", wanted)


def init_app(app):
    from ..home import add_home_card
    from ..web import add_account_link, add_script
    from . import cli, keys
    from .devices import follow_renewed, forget_signed_out
    from .views import bp, reminders_card

    try:
        keys.load(app.config)
    except ConfigError as e:
        raise SystemExit(f"Configuration error: {e}") from None
    app.register_blueprint(bp)
    add_script(app, "js/push.js")
    add_account_link(app, ROLES, "push.settings", _l("Notifications"), 20)
    add_home_card(app, MENTEE, "push/_reminders_card.html", reminders_card, 15)
    add_home_card(app, MENTOR, "push/_reminders_card.html", reminders_card, 20)
    hooks.add(app, "accounts.sessions_ended", forget_signed_out)
    hooks.add(app, "accounts.session_renewed", follow_renewed)
    cli.init_app(app)
