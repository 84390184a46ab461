"""The goal page and its fragments: one context, and one way to answer a write.

A write from htmx gets back the fragment it targets (steps, progress or
comments); without JavaScript it gets a redirect to the goal page at that
fragment, so the page reloads where the person was.
"""

from flask import Blueprint, redirect, url_for

from ..clock import local_today, utcnow
from ..i18n import _
from ..pagination import paginate
from ..safety import check_writing, crisis_panel, panel_next, pending_panel
from ..web import render, wants_fragment
from . import chart, queries
from .forms import CommentForm, RatingForm, StepForm
from .models import Goal
from .rules import OWNER, is_overdue

bp = Blueprint("goals", __name__)

PAGE = "goals/goal.html"
FRAGMENTS = {
    "steps": "goals/_steps.html",
    "progress": "goals/_progress.html",
    "comments": "goals/_comments.html",
}


def fresh_forms():
    return {
        "step_form": StepForm(formdata=None, prefix="step"),
        "rating_form": RatingForm(formdata=None, prefix="rating"),
        "comment_form": CommentForm(formdata=None, prefix="comment"),
    }


def goal_context(goal, role, match, user, **given):
    """Everything goal.html and its fragments show, in a fixed number of queries."""
    now = utcnow()
    today = local_today(goal.mentee.timezone, now)
    steps = queries.goal_steps(goal)
    ratings = queries.recent_ratings(goal) if not goal.is_draft else []
    shows_talk = goal.shared and not goal.is_draft
    context = {
        "goal": goal,
        "role": role,
        "is_owner": role == OWNER,
        "match": match,
        "today": today,
        "now": now,
        "steps": [s for s in steps if not s.is_suggestion],
        "suggestions": [s for s in steps if s.is_suggestion],
        "overdue": {s.id for s in steps if is_overdue(s.due_date, s.is_done, today) and not s.is_suggestion},
        "ratings": ratings,
        "rating_total": queries.rating_count(goal) if ratings else 0,
        "chart": chart.build(ratings),
        "comments": paginate(queries.comments(goal, role, match), per_page=20) if shows_talk and (match or role == OWNER) else None,
        "shows_talk": shows_talk,
        "can_talk": shows_talk and match is not None,
        "reorder": False,
        "announce": "",
        "crisis": None,
    }
    context.update(fresh_forms())
    context.update(given)
    if role == OWNER and not context["crisis"]:
        context["crisis"] = pending_panel(user, "goals")
    return context


def answer(goal, role, match, user, part, status=200, **given):
    """After a write: the fragment for htmx, else back to the page at that part.

    A form with problems (status 422) is drawn again in the page or the fragment,
    with what the person typed.
    """
    if status == 200 and not wants_fragment():
        return redirect(url_for("goals.goal", goal_id=goal.id, _anchor=f"goal-{part}"), 303)
    context = goal_context(goal, role, match, user, **given)
    return render(PAGE, FRAGMENTS[part], status=status, **context)


def watch_words(user, texts, source, before=()):
    """What a person wrote and saved goes through the one safety rule
    (safety.check_writing): the lead is told of new risky words, and the
    writer sees the crisis panel at once, in the fragment or on the next page.

    `before`: what the same place held before this save (the same texts for
    a replayed form), so nothing is raised twice.
    """
    check = check_writing(user, texts, source, before=before)
    if check.shows_panel:
        if wants_fragment():
            return crisis_panel(user, told_lead=check.told_lead)
        panel_next(check, "goals")
    return None


STATUS_LABELS = {
    Goal.DRAFT: lambda: _("Draft"),
    Goal.ACTIVE: lambda: _("Working on it"),
    Goal.PAUSED: lambda: _("Paused"),
    Goal.ACHIEVED: lambda: _("Achieved"),
    Goal.LET_GO: lambda: _("Let go"),
}


def status_label(status):
    return STATUS_LABELS.get(status, lambda: status)()
