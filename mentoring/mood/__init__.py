"""Mood and wellbeing: daily check-ins, trends, standard questionnaires, a safety plan.

The mentee owns all of it and decides what their mentor sees; coordinators
see none of it; risk of harm reaches the safeguarding lead as an alert.
"""

from ..home import add_home_card, add_match_panel
from ..i18n import _l
from ..push import add_producer, add_still_wanted
from ..models import COORDINATOR, MENTEE, MENTOR
from ..safety import add_help_section
from ..web import add_account_link, add_nav
from . import reminders
from .slots import help_section, match_panel, mentee_card, mentor_card
from .views import bp
from .vocab import ENERGY, MOODS, SLEEP_QUALITY, tag_label


def init_app(app):
    app.register_blueprint(bp)
    add_nav(app, MENTEE, "mood.checkin", _l("Check in"), "mood", 30)
    add_home_card(app, MENTEE, "mood/_home_card.html", mentee_card, 30)
    add_home_card(app, MENTOR, "mood/_mentor_card.html", mentor_card, 20)
    add_match_panel(app, "mood/_match_panel.html", match_panel, 10)
    add_help_section(app, "mood/_help_safety_plan.html", help_section, 10)
    add_account_link(app, [MENTEE], "mood.sharing", _l("Mood sharing and your data"), 30)
    add_account_link(app, [COORDINATOR], "mood.program_settings", _l("Check-ins and questionnaires"), 45)
    app.jinja_env.globals.update(
        mood_words=MOODS, mood_energy_words=ENERGY, mood_sleep_words=SLEEP_QUALITY, mood_tag=tag_label,
    )
    # The daily check-in reminder is mood's own: push queues and sends it, and
    # drops it unsent once today's check-in is done.
    add_producer(app, reminders.produce)
    add_still_wanted(app, reminders.KIND, reminders.still_wanted)


__all__ = ["bp", "init_app"]
