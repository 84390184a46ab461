"""Steps: the mentee adds, ticks, reorders and edits them; a mentor suggests."""

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user

from ..access import require, roles
from ..db import database
from ..i18n import _
from ..models import MENTEE, MENTOR
from ..web import form_status, redirect_to, render
from . import actions, queries
from .forms import EditStepForm, StepForm
from .models import STEPS_PER_GOAL, Step
from .page import answer, bp, watch_words
from .rules import MENTOR as MENTOR_ROLE
from .rules import OWNER


def _step(goal, step_id):
    return require(Step.get_or_none((Step.id == step_id) & (Step.goal == goal.id)))


def _own_open_goal(goal_id):
    """The mentee's goal, for changing its steps: not a draft nor finished."""
    goal, role, match = queries.load_goal(goal_id, current_user)
    require(role == OWNER and goal.is_open)
    return goal, role, match


@bp.route("/goals/<int:goal_id>/steps", methods=["POST"])
@roles(MENTEE, MENTOR)
def add_step(goal_id):
    goal, role, match = queries.load_goal(goal_id, current_user)
    require(goal.is_open)
    form = StepForm(prefix="step")
    if form.validate_on_submit():
        try:
            with database.atomic():  # the step and any alert it raises, together
                step, created = actions.add_step(goal, form, current_user, suggestion=role == MENTOR_ROLE)
                crisis = watch_words(current_user, [step.title], "goal_step", before=[] if created else [step.title])
        except actions.GoalError:
            form.title.errors.append(_("A goal can have up to %(max)d steps. Tick some off or remove a few first.",
                                       max=STEPS_PER_GOAL))
        else:
            announce = _("Step suggested.") if role == MENTOR_ROLE else _("Step added.")
            return answer(goal, role, match, current_user, "steps", announce=announce, crisis=crisis)
    return answer(goal, role, match, current_user, "steps", status=form_status(form, error=True), step_form=form)


@bp.route("/goals/<int:goal_id>/steps/<int:step_id>/done", methods=["POST"])
@roles(MENTEE)
def toggle_step(goal_id, step_id):
    goal, role, match = _own_open_goal(goal_id)
    step = _step(goal, step_id)
    require(not step.is_suggestion)
    wanted = request.form.get("done")
    if wanted not in ("0", "1"):
        abort(400)
    actions.set_step_done(step, wanted == "1")
    announce = (_("Done: %(step)s. Well done.", step=step.title) if step.is_done
                else _("Not done yet: %(step)s.", step=step.title))
    return answer(goal, role, match, current_user, "steps", announce=announce)


@bp.route("/goals/<int:goal_id>/steps/<int:step_id>/move", methods=["POST"])
@roles(MENTEE)
def move_step(goal_id, step_id):
    goal, role, match = _own_open_goal(goal_id)
    step = _step(goal, step_id)
    direction = request.form.get("direction")
    if direction not in ("up", "down"):
        abort(400)
    actions.move_step(goal, step, direction)
    if not request.htmx:
        return redirect(url_for("goals.goal", goal_id=goal.id, reorder=1, _anchor=f"step-{step.id}"), 303)
    return answer(goal, role, match, current_user, "steps", reorder=True,
                  announce=_("Moved %(direction)s: %(step)s.", step=step.title,
                             direction=_("up") if direction == "up" else _("down")))


@bp.route("/goals/<int:goal_id>/steps/<int:step_id>/accept", methods=["POST"])
@roles(MENTEE)
def accept_step(goal_id, step_id):
    goal, role, match = _own_open_goal(goal_id)
    step = _step(goal, step_id)
    actions.accept_suggestion(step)
    return answer(goal, role, match, current_user, "steps", announce=_("Added to your steps: %(step)s.", step=step.title))


@bp.route("/goals/<int:goal_id>/steps/<int:step_id>/delete", methods=["POST"])
@roles(MENTEE, MENTOR)
def delete_step(goal_id, step_id):
    """The mentee removes a step or says no thanks to a suggestion; a mentor withdraws their own suggestion."""
    goal, role, match = queries.load_goal(goal_id, current_user)
    step = _step(goal, step_id)
    if role == MENTOR_ROLE:
        require(step.is_suggestion and step.created_by_id == current_user.id)
    actions.delete_step(step)
    return answer(goal, role, match, current_user, "steps", announce=_("Removed: %(step)s.", step=step.title))


@bp.route("/goals/<int:goal_id>/steps/<int:step_id>/edit", methods=["GET", "POST"])
@roles(MENTEE)
def edit_step(goal_id, step_id):
    goal, role, _match = queries.load_goal(goal_id, current_user)
    require(role == OWNER)
    step = _step(goal, step_id)
    form = EditStepForm(obj=step, prefix="step")
    if form.validate_on_submit():
        before = [step.title]
        with database.atomic():
            actions.update_step(step, form)
            watch_words(current_user, [form.title.data], "goal_step", before=before)
        flash(_("Step saved."), "success")
        return redirect_to("goals.goal", goal_id=goal.id, _anchor=f"step-{step.id}")
    return render("goals/step.html", goal=goal, step=step, form=form, status=form_status(form))
