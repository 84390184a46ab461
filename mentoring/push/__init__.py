"""Push notifications: an outbox that features add to, and a worker that sends.

Features call `notify()` (and `cancel_pending()`) and nothing else. What
reaches a lock screen is chosen here by kind, from neutral texts (texts.py):
never mood, message content, names of conditions, or who said what.

A feature with reminders of its own registers a producer, a function of
`now` that the worker calls on every pass:
    app.extensions.setdefault("reminder_producers", []).append(produce)
"""

from ..config import ConfigError
from ..i18n import _l
from ..models import MENTEE, MENTOR, ROLES, session_renewed, sessions_ended
from .outbox import Notification, cancel_pending, notify, topic_key
from .sender import PushError

__all__ = ["Notification", "PushError", "cancel_pending", "init_app", "notify", "topic_key"]


def init_app(app):
    from ..home import add_home_card
    from ..web import add_account_link, add_script
    from . import checkin, cli, keys, worker
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
    app.extensions.setdefault("reminder_producers", []).append(checkin.produce)
    worker.STILL_WANTED[checkin.KIND] = checkin.still_wanted
    sessions_ended.connect(forget_signed_out, sender=app)
    session_renewed.connect(follow_renewed, sender=app)
    cli.init_app(app)
