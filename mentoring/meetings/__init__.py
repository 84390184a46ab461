"""Meetings: arranging them, recurring ones, notes, calendars and reminders."""

from ..home import add_home_card, add_match_panel, add_program_card
from ..i18n import _l
from ..models import MENTEE, MENTOR
from ..people import add_match_facts
from ..people.matching import add_match_ended_hook
from ..push import add_producer
from ..web import add_account_link, add_nav
from . import calendar_views  # noqa: F401  (its routes join the blueprint)
from .cards import coordinator_card, home_card, match_facts, match_panel
from .display import TEMPLATE_HELPERS
from .models import Meeting, MeetingSeries
from .reminders import top_up, withdraw_for_ended_matches
from .views import bp

__all__ = ["Meeting", "MeetingSeries", "bp", "init_app", "top_up"]


def init_app(app):
    app.register_blueprint(bp)
    app.jinja_env.globals.update(TEMPLATE_HELPERS)
    for role in (MENTEE, MENTOR):
        add_nav(app, role, "meetings.index", _l("Meetings"), "calendar", 50)
    add_home_card(app, MENTEE, "meetings/_home_card.html", home_card, 20)
    add_home_card(app, MENTOR, "meetings/_home_card.html", home_card, 25)
    add_program_card(app, "meetings/_coordinator_card.html", coordinator_card, 60)
    add_match_panel(app, "meetings/_match_panel.html", match_panel, 40)
    add_match_facts(app, match_facts, 40)
    add_account_link(app, (MENTEE, MENTOR), "meetings.settings", _l("Calendar and meeting reminders"), 40)
    # The push worker calls each producer with its `now` on every pass.
    add_producer(app, top_up)
    # A match that ends takes its planned meetings and their reminders with it at once.
    add_match_ended_hook(app, lambda match, now: withdraw_for_ended_matches(now, match_id=match.id))
