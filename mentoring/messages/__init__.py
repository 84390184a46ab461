"""Messaging between a mentor and a mentee: private, quick, never lost."""

from ..home import add_home_card, add_match_panel
from ..i18n import _l
from ..models import COORDINATOR, MENTEE, MENTOR
from ..people import add_match_facts
from ..web import add_account_link, add_nav, add_script
from .conversations import open_for_match, unread_total
from .models import Conversation, Message, MessageReport, Participant
from .monitoring import match_facts, match_panel, program_figures, unanswered_risk
from .views import bp

__all__ = ["Conversation", "Message", "MessageReport", "Participant", "bp", "init_app", "open_for_match", "unread_total"]


def init_app(app):
    app.register_blueprint(bp)
    add_script(app, "js/messages.js")
    for role in (MENTEE, MENTOR):
        add_nav(app, role, "messages.index", _l("Messages"), "message", 40, badge=unread_total)
    add_match_panel(app, "messages/_match_panel.html", match_panel, 30)
    add_match_facts(app, match_facts, 10)
    add_home_card(app, COORDINATOR, "messages/_program_card.html", program_figures, 50)
    # First on the mentor's home: before anything else, a mentee's risky words waiting for a reply.
    add_home_card(app, MENTOR, "messages/_home_risk.html", unanswered_risk, 1)
    add_account_link(app, [COORDINATOR], "messages.settings", _l("Messaging settings"), 46)
