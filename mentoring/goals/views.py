"""Goal pages: the mentee's list, creating, editing, drafts, states, deleting.

Steps live in steps.py, ratings and comments in progress.py; all share the
blueprint and the goal page from page.py.
"""

from flask import flash, request
from flask_login import current_user

from ..access import require, roles
from ..clock import local_today
from ..db import database
from ..i18n import _
from ..models import MENTEE, MENTOR
from ..pagination import paginate
from ..web import form_status, redirect_to, render
from . import actions, queries
from .forms import DraftGoalForm, GoalForm, NewGoalForm, StatusForm
from .models import Goal, Rating
from .page import bp, goal_context, watch_words
from .rules import OWNER, can_move

mentee_only = roles(MENTEE)
mentor_only = roles(MENTOR)
either = roles(MENTEE, MENTOR)


def _own_goal(goal_id):
    goal, role, match = queries.load_goal(goal_id, current_user)
    require(role == OWNER)
    return goal, match


@bp.route("/goals")
@mentee_only
def index():
    done = request.args.get("show") == "done"
    page = paginate(queries.mentee_goals(current_user, done=done))
    today = local_today(current_user.timezone)
    return render(
        "goals/index.html",
        page=page,
        summaries=queries.summarise(page.items, today, unread=True),
        done=done,
    )


def _goal_texts(goal):
    """A goal's own words, as the safety rule reads them."""
    return [goal.title, goal.measure, goal.support, goal.why]


@bp.route("/goals/new", methods=["GET", "POST"])
@mentee_only
def new():
    form = NewGoalForm()
    if form.validate_on_submit():
        match = current_user.active_match()
        with database.atomic():  # the goal and any alert it raises, together
            goal, created = actions.create_goal(current_user, form, current_user, match)
            texts = _goal_texts(goal) + [form.steps.data]
            watch_words(current_user, texts, "goal", before=[] if created else texts)
        if created:
            flash(_("Your goal is set. Small steps count: tick them off as you go."), "success")
        return redirect_to("goals.goal", goal_id=goal.id)
    return render("goals/new.html", form=form, status=form_status(form))


@bp.route("/goals/<int:goal_id>")
@either
def goal(goal_id):
    found, role, match = queries.load_goal(goal_id, current_user)
    if role == OWNER:
        actions.mark_seen(found)
    context = goal_context(found, role, match, current_user)
    context["reorder"] = role == OWNER and request.args.get("reorder") == "1"
    # The steps' reorder links target #goal-steps; every other request gets the page.
    return render("goals/goal.html", "goals/_steps.html", **context)


@bp.route("/goals/<int:goal_id>/edit", methods=["GET", "POST"])
@mentee_only
def edit(goal_id):
    found, _match = _own_goal(goal_id)
    form = GoalForm(obj=found)
    if request.method == "GET":
        form.shared.data = "shared" if found.shared else "private"
    if form.validate_on_submit():
        was_draft = found.is_draft
        before = _goal_texts(found)
        with database.atomic():
            actions.update_goal(found, form)
            watch_words(current_user, _goal_texts(found), "goal", before=before)
        flash(_("It's your goal now.") if was_draft else _("Saved."), "success")
        return redirect_to("goals.goal", goal_id=found.id)
    return render("goals/edit.html", form=form, goal=found, status=form_status(form))


@bp.route("/goals/<int:goal_id>/accept", methods=["POST"])
@mentee_only
def accept(goal_id):
    found, _match = _own_goal(goal_id)
    require(found.is_draft or found.status == Goal.ACTIVE)
    if actions.accept_draft(found):
        flash(_("It's your goal now. You can change anything about it at any time."), "success")
    return redirect_to("goals.goal", goal_id=found.id)


@bp.route("/goals/<int:goal_id>/discard", methods=["POST"])
@either
def discard(goal_id):
    """A draft declined by its mentee, or withdrawn by the mentor who drafted it."""
    found, role, match = queries.load_goal(goal_id, current_user)
    require(found.is_draft)
    actions.discard_draft(found)
    if role == OWNER:
        flash(_("The draft is gone. You can always set a goal of your own."), "success")
        return redirect_to("goals.index")
    flash(_("You withdrew the draft."), "success")
    return redirect_to("home.mentee", match_id=match.id)


@bp.route("/goals/<int:goal_id>/status", methods=["GET", "POST"])
@mentee_only
def status(goal_id):
    found, match = _own_goal(goal_id)
    require(not found.is_draft)
    form = StatusForm()
    if request.method == "GET":
        form.status.data = request.args.get("to") or found.status
        form.reflection.data = found.reflection
    if form.validate_on_submit():
        if form.status.data != found.status and not can_move(found.status, form.status.data):
            form.status.errors.append(_("A goal can't move there from where it is now."))
        else:
            before = [found.reflection]
            with database.atomic():
                changed = actions.set_status(found, form.status.data, form.reflection.data,
                                             mentor_id=match.mentor_id if match else None)
                watch_words(current_user, [form.reflection.data], "goal", before=before)
            if changed:
                flash(_status_message(found), "success")
            return redirect_to("goals.goal", goal_id=found.id)
    return render("goals/status.html", goal=found, form=form, status=form_status(form))


def _status_message(goal):
    return {
        Goal.ACHIEVED: _("You did it. Take a moment to notice how far you've come: this was your work."),
        Goal.PAUSED: _("Paused. It will be here when you're ready."),
        Goal.LET_GO: _("You've let this goal go. Knowing what to put down is part of looking after yourself."),
        Goal.ACTIVE: _("Back to working on it."),
    }.get(goal.status, _("Saved."))


@bp.route("/goals/<int:goal_id>/delete", methods=["GET", "POST"])
@mentee_only
def delete(goal_id):
    found, _match = _own_goal(goal_id)
    if request.method == "POST":
        actions.delete_goal(found)
        flash(_("The goal is deleted."), "success")
        return redirect_to("goals.index")
    return render("goals/delete.html", goal=found)


@bp.route("/goals/<int:goal_id>/ratings")
@either
def ratings(goal_id):
    found, role, match = queries.load_goal(goal_id, current_user)
    require(not found.is_draft)
    page = paginate(Rating.select().where(Rating.goal == found.id).order_by(Rating.created_at.desc(), Rating.id.desc()))
    return render("goals/ratings.html", goal=found, role=role, match=match, page=page)


# For mentors, about one mentee.

@bp.route("/mentees/<int:match_id>/goals")
@mentor_only
def mentee_goals(match_id):
    match = queries.mentee_match(match_id, current_user)
    page = paginate(queries.shared_goals(match))
    today = local_today(match.mentee.timezone)
    return render("goals/mentee_goals.html", match=match, page=page,
                  summaries=queries.summarise(page.items, today))


@bp.route("/mentees/<int:match_id>/goals/new", methods=["GET", "POST"])
@mentor_only
def draft(match_id):
    match = queries.mentee_match(match_id, current_user)
    form = DraftGoalForm()
    if form.validate_on_submit():
        goal, created = actions.create_goal(match.mentee, form, current_user, match)
        if created:
            flash(_("Drafted. %(name)s will see it and can accept it or change it.", name=match.mentee.name), "success")
        return redirect_to("goals.goal", goal_id=goal.id)
    return render("goals/draft.html", form=form, match=match, status=form_status(form))
