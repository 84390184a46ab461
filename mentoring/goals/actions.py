"""Every change to goals, each in one transaction and safe to send twice.

Views check who may act (rules.viewer_role); these functions only apply the
change. Writes that a double tap could repeat use db.create_once with the
form's client id; the rest set a state rather than flip it.
"""

from peewee import fn

from ..clock import utcnow
from ..db import create_once, database
from ..push import notify
from ..web import path_for
from .models import STEPS_PER_GOAL, Comment, Goal, Rating, Step
from .rules import can_move, reorder

GOAL_FIELDS = ("title", "measure", "target_date", "support", "why", "area")


class GoalError(Exception):
    """A change the rules refuse; the message is for people."""


def _goal_values(form):
    values = {name: getattr(form, name).data for name in GOAL_FIELDS}
    values["area"] = values["area"] or ""
    for name in ("measure", "support", "why"):
        values[name] = values[name] or ""
    return values


def _ping(user_id, goal, now):
    """A push with neutral text; the lock screen never shows the goal."""
    if user_id:
        notify(user_id, "goal", url=path_for("goals.goal", goal_id=goal.id), topic=f"goal-{goal.id}", now=now)


def create_goal(mentee, form, author, match=None, now=None):
    """A new goal (and its first steps) for `mentee`; returns (goal, created).

    A mentor (author) drafting with their mentee makes a shared draft that
    becomes the mentee's goal only once they accept or edit it.
    """
    now = now or utcnow()
    drafting = author.id != mentee.id
    with database.atomic():
        goal, created = create_once(
            Goal,
            {"created_by": author.id, "client_id": form.client_id.data},
            program=mentee.program_id,
            mentee=mentee.id,
            drafted_by=author.id if drafting else None,
            shared=True if drafting else form.is_shared,
            status=Goal.DRAFT if drafting else Goal.ACTIVE,
            created_at=now,
            updated_at=now,
            **_goal_values(form),
        )
        if created:
            titles = form.step_titles
            if titles:
                Step.insert_many([
                    {"goal": goal.id, "created_by": author.id, "client_id": f"{form.client_id.data[:56]}-s{i}",
                     "title": title, "position": i, "created_at": now}
                    for i, title in enumerate(titles, start=1)
                ]).execute()
            if drafting:
                _ping(mentee.id, goal, now)
    return goal, created


def update_goal(goal, form, now=None):
    """The mentee's edit; editing a mentor's draft makes it theirs."""
    now = now or utcnow()
    values = _goal_values(form)
    values["shared"] = form.is_shared
    values["updated_at"] = now
    if goal.status == Goal.DRAFT:
        values["status"] = Goal.ACTIVE
        values["status_changed_at"] = now
    with database.atomic():
        Goal.update(**values).where(Goal.id == goal.id).execute()
    for name, value in values.items():
        setattr(goal, name, value)
    return goal


def accept_draft(goal, now=None):
    """The mentee takes on a goal their mentor drafted with them."""
    now = now or utcnow()
    with database.atomic():
        changed = Goal.update(status=Goal.ACTIVE, status_changed_at=now, updated_at=now).where(
            (Goal.id == goal.id) & (Goal.status == Goal.DRAFT)
        ).execute()
    return bool(changed)


def discard_draft(goal):
    """A draft declined by the mentee or withdrawn by its mentor leaves no trace."""
    with database.atomic():
        return bool(Goal.delete().where((Goal.id == goal.id) & (Goal.status == Goal.DRAFT)).execute())


def delete_goal(goal):
    with database.atomic():
        return bool(Goal.delete().where(Goal.id == goal.id).execute())


def set_status(goal, status, reflection="", mentor_id=None, now=None):
    """Move a goal along (active, paused, achieved, let go); the same move twice changes nothing.

    An achieved shared goal lets the current mentor know.
    """
    now = now or utcnow()
    if goal.status == status:
        return False
    if not can_move(goal.status, status):
        raise GoalError(status)
    values = {"status": status, "status_changed_at": now, "updated_at": now}
    if status in Goal.DONE or reflection:
        values["reflection"] = reflection or ""
    with database.atomic():
        changed = Goal.update(**values).where((Goal.id == goal.id) & (Goal.status == goal.status)).execute()
        if changed and status == Goal.ACHIEVED and goal.shared:
            _ping(mentor_id, goal, now)
    for name, value in values.items():
        setattr(goal, name, value)
    return bool(changed)


def touch(goal_id, now):
    Goal.update(updated_at=now).where(Goal.id == goal_id).execute()


def add_step(goal, form, author, suggestion=False, now=None):
    """A step the mentee adds, or one their mentor suggests; returns (step, created)."""
    now = now or utcnow()
    with database.atomic():
        count, last = (
            Step.select(fn.COUNT(Step.id), fn.MAX(Step.position)).where(Step.goal == goal.id).tuples().get()
        )
        if count >= STEPS_PER_GOAL:
            existing = Step.get_or_none((Step.created_by == author.id) & (Step.client_id == form.client_id.data))
            if existing:
                return existing, False
            raise GoalError("too_many_steps")
        step, created = create_once(
            Step,
            {"created_by": author.id, "client_id": form.client_id.data},
            goal=goal.id,
            title=form.title.data,
            due_date=form.due_date.data,
            position=(last or 0) + 1,
            is_suggestion=suggestion,
            created_at=now,
        )
        if created and suggestion:
            _ping(goal.mentee_id, goal, now)
        elif created:
            touch(goal.id, now)
    return step, created


def update_step(step, form, now=None):
    with database.atomic():
        Step.update(title=form.title.data, due_date=form.due_date.data).where(Step.id == step.id).execute()
        touch(step.goal_id, now or utcnow())


def set_step_done(step, done, now=None):
    """Tick or untick: sets a state, so a double tap lands where it was meant to."""
    now = now or utcnow()
    if step.is_done == done:
        return False
    with database.atomic():
        query = Step.update(done_at=now if done else None).where(Step.id == step.id)
        query = query.where(Step.done_at.is_null() if done else Step.done_at.is_null(False))
        changed = query.execute()
        if changed:
            touch(step.goal_id, now)
    step.done_at = now if done else None
    return bool(changed)


def accept_suggestion(step, now=None):
    now = now or utcnow()
    with database.atomic():
        changed = Step.update(is_suggestion=False).where((Step.id == step.id) & Step.is_suggestion).execute()
        if changed:
            touch(step.goal_id, now)
    return bool(changed)


def delete_step(step):
    with database.atomic():
        return bool(Step.delete().where(Step.id == step.id).execute())


def move_step(goal, step, direction):
    """One place up or down among the goal's steps; positions renumbered 1..n."""
    with database.atomic():
        ids = [row[0] for row in Step.select(Step.id).where(Step.goal == goal.id)
               .order_by(Step.position, Step.id).tuples()]
        order = reorder(ids, step.id, direction)
        if order == ids:
            return False
        current = dict(Step.select(Step.id, Step.position).where(Step.goal == goal.id).tuples())
        for position, step_id in enumerate(order, start=1):
            if current.get(step_id) != position:
                Step.update(position=position).where(Step.id == step_id).execute()
    return True


def add_rating(goal, form, author, match=None, now=None):
    now = now or utcnow()
    with database.atomic():
        rating, created = create_once(
            Rating,
            {"created_by": author.id, "client_id": form.client_id.data},
            goal=goal.id,
            match=match.id if match else None,
            value=form.value.data,
            note=form.note.data or "",
            created_at=now,
        )
        if created:
            touch(goal.id, now)
    return rating, created


def add_comment(goal, form, author, match, now=None):
    """A word on a shared goal, kept with the match it was said in."""
    now = now or utcnow()
    with database.atomic():
        comment, created = create_once(
            Comment,
            {"author": author.id, "client_id": form.client_id.data},
            goal=goal.id,
            match=match.id,
            body=form.body.data,
            created_at=now,
        )
        if created:
            other = match.mentee_id if author.id == match.mentor_id else match.mentor_id
            _ping(other, goal, now)
    return comment, created


def mark_seen(goal, now=None):
    """The mentee opened the goal: comments up to now are no longer new."""
    now = now or utcnow()
    Goal.update(mentee_seen_at=now).where(Goal.id == goal.id).execute()
    goal.mentee_seen_at = now
