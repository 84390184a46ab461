"""Each role's home screen, made of cards that features contribute.

A feature adds a card with `add_home_card(app, role, template, loader, order)`;
`loader(user)` returns the card's context, or None to leave it out. A loader
must run a fixed number of queries, however much data there is.
The mentor's page about one mentee is built the same way with
`add_match_panel`, whose loader gets the match.
"""

from dataclasses import dataclass
from typing import Callable

from flask import Blueprint, current_app
from flask_login import current_user
from peewee import fn

from ..access import require, roles, signed_in
from ..i18n import _l
from ..models import COORDINATOR, MENTEE, MENTOR, Invite, Match, User
from ..people.matching import unmatched_mentees
from ..web import add_nav, render

bp = Blueprint("home", __name__)


@dataclass(frozen=True)
class Card:
    template: str
    loader: Callable
    order: int


def _register(app, key, template, loader, order):
    cards = app.extensions.setdefault(key, [])
    cards.append(Card(template, loader, order))
    cards.sort(key=lambda card: card.order)


def add_home_card(app, role, template, loader, order):
    _register(app, f"home_cards.{role}", template, loader, order)


def add_match_panel(app, template, loader, order):
    _register(app, "match_panels", template, loader, order)


def _filled(key, subject):
    """[(template, context)] for the cards that have something to show."""
    filled = []
    for card in current_app.extensions.get(key, []):
        context = card.loader(subject)
        if context is not None:
            filled.append((card.template, context))
    return filled


@bp.route("/")
@signed_in
def index():
    return render(
        f"home/{current_user.role}.html",
        cards=_filled(f"home_cards.{current_user.role}", current_user),
    )


@bp.route("/mentees/<int:match_id>")
@roles(MENTOR)
def mentee(match_id):
    match = require(Match.current_for(match_id, current_user))
    require(match.mentor_id == current_user.id)
    match.mentee = User.get_by_id(match.mentee_id)
    return render("home/mentee_overview.html", match=match, panels=_filled("match_panels", match))


def _mentee_home(user):
    return {"match": user.active_match()}


def _mentor_home(user):
    matches = list(user.active_mentee_matches())
    return {"matches": matches, "capacity": user.mentor_capacity}


def init_app(app):
    app.register_blueprint(bp)
    add_nav(app, MENTEE, "home.index", _l("Today"), "home", 10)
    add_nav(app, MENTOR, "home.index", _l("Mentees"), "people", 10)
    add_nav(app, COORDINATOR, "home.index", _l("Overview"), "home", 10)
    add_home_card(app, MENTEE, "home/_my_mentor.html", _mentee_home, 10)
    add_home_card(app, MENTOR, "home/_my_mentees.html", _mentor_home, 10)
    add_home_card(app, COORDINATOR, "home/_program_figures.html", _program_figures, 10)


def _program_figures(user):
    counts = dict(
        User.select(User.role, fn.COUNT(User.id).alias("n"))
        .where((User.program == user.program_id) & User.is_active)
        .group_by(User.role)
        .tuples()
    )
    return {
        "counts": counts,
        "active_matches": Match.select().where((Match.program == user.program_id) & (Match.status == Match.ACTIVE)).count(),
        "waiting": unmatched_mentees(user.program_id).count(),
        "pending_invites": Invite.pending(user.program_id).count(),
    }
