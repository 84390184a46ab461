"""Each role's home screen, made of cards that features contribute.

A feature adds a card with `add_home_card(app, role, template, loader, order)`;
the mentor's page about one mentee takes panels from `add_match_panel`.
Both are slots (see web.add_slot): the template gets the loader's result as
`data`.
"""

import time

from flask import Blueprint, current_app
from flask_login import current_user
from peewee import fn

from ..access import mentors_match, roles, signed_in
from ..i18n import _l
from ..models import COORDINATOR, MENTEE, MENTOR, Invite, Match, User
from ..people.matching import unmatched_mentees
from ..web import add_nav, add_slot, filled_slots, render

bp = Blueprint("home", __name__)


def add_home_card(app, role, template, loader, order):
    """A card on the home screen of everyone in `role`; loader gets the user."""
    add_slot(app, f"home.{role}", template, loader, order)


# Program-wide figures cost the same whether one coordinator looks or twenty
# look twice a minute; they are worked out at most this often per program and
# server process, so the overview stays as fast with years of data as with weeks.
PROGRAM_CARD_SECONDS = 60


def add_program_card(app, template, loader, order):
    """A card on coordinators' homes whose data depends only on the program.

    `loader(user)` runs at most once per PROGRAM_CARD_SECONDS for each program;
    between runs every coordinator of that program sees the same figures.
    """
    add_home_card(app, COORDINATOR, template, lambda user: _recent(template, loader, user), order)


def _recent(key, loader, user):
    cache = current_app.extensions.setdefault("program_cards", {})
    seconds = current_app.config.get("PROGRAM_CARD_SECONDS", PROGRAM_CARD_SECONDS)
    found = cache.get((key, user.program_id))
    if found is None or time.monotonic() - found[0] >= seconds:
        found = (time.monotonic(), loader(user))
        cache[(key, user.program_id)] = found
    return found[1]


def add_match_panel(app, template, loader, order):
    """A panel on the mentor's page about one mentee; loader gets the match."""
    add_slot(app, "match_panels", template, loader, order)


@bp.route("/")
@signed_in
def index():
    return render("home/index.html", cards=filled_slots(f"home.{current_user.role}", current_user))


@bp.route("/mentees/<int:match_id>")
@roles(MENTOR)
def mentee(match_id):
    match = mentors_match(match_id)
    return render("home/mentee_overview.html", match=match, panels=filled_slots("match_panels", match))


def _mentee_home(user):
    return {"match": user.active_match()}


def _mentor_home(user):
    matches = list(user.active_mentee_matches())
    return {"matches": matches, "capacity": user.mentor_capacity}


def init_app(app):
    app.register_blueprint(bp)
    add_nav(app, MENTEE, "home.index", _l("Today"), "home", 10)
    add_nav(app, MENTOR, "home.index", _l("Mentees"), "people", 10, also=("home.mentee",))
    add_nav(app, COORDINATOR, "home.index", _l("Overview"), "home", 10)
    add_home_card(app, MENTEE, "home/_my_mentor.html", _mentee_home, 10)
    add_home_card(app, MENTOR, "home/_my_mentees.html", _mentor_home, 10)
    add_program_card(app, "home/_program_figures.html", _program_figures, 10)


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
