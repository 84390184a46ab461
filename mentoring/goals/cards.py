"""What goals add to other pages: the mentee's Goals tab and home card, the
mentor's home card and mentee panel, and the coordinator's counts."""

from flask_babel import format_timedelta

from ..clock import local_today, utcnow
from ..home import add_home_card, add_match_panel, add_program_card
from ..i18n import _l
from ..models import MENTEE, MENTOR
from ..web import add_nav
from . import queries
from .forms import AREAS
from .models import Goal
from .page import status_label
from .rules import next_action

HOME_GOALS = 3
PANEL_GOALS = 10
NEWS_EACH = 5


def mentee_card(user):
    """The mentee's first goals with how each is doing: one query."""
    now = utcnow()
    goals = queries.mentee_goals(user).where(Goal.status.in_((Goal.DRAFT, Goal.ACTIVE))).limit(HOME_GOALS + 1)
    summaries = queries.summarised(goals, local_today(user.timezone, now))
    return {
        "items": [(s, next_action(s, now)) for s in summaries[:HOME_GOALS]],
        "more": len(summaries) > HOME_GOALS,
    }


def match_panel(match):
    goals = list(queries.shared_goals(match, statuses=(Goal.DRAFT,) + Goal.OPEN).limit(PANEL_GOALS + 1))
    today = local_today(match.mentee.timezone)
    return {"match": match, "summaries": queries.summarise(goals[:PANEL_GOALS], today), "more": len(goals) > PANEL_GOALS}


def mentor_card(user):
    moved, stuck = queries.mentor_goal_news(user)
    if not moved and not stuck:
        return None
    return {"moved": moved[:NEWS_EACH], "stuck": stuck[:NEWS_EACH]}


def coordinator_card(user):
    return queries.program_figures(user.program_id)


def ago(moment):
    """"3 days ago", in the reader's language."""
    if moment is None:
        return ""
    return format_timedelta(moment - utcnow(), add_direction=True, threshold=0.9)


def init_cards(app):
    add_nav(app, MENTEE, "goals.index", _l("Goals"), "goal", 20, badge=queries.attention_count)
    add_home_card(app, MENTEE, "goals/_home_mentee.html", mentee_card, 40)
    add_home_card(app, MENTOR, "goals/_home_mentor.html", mentor_card, 20)
    add_program_card(app, "goals/_home_coordinator.html", coordinator_card, 40)
    add_match_panel(app, "goals/_match_panel.html", match_panel, 20)
    app.jinja_env.filters["goal_ago"] = ago
    app.jinja_env.globals["goal_status_label"] = status_label
    app.jinja_env.globals["goal_area_label"] = lambda area: AREAS.get(area, area)
