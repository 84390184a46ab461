"""Goals, steps, ratings and comments for tests, made straight in the database."""

from datetime import timedelta
from itertools import count

from mentoring.clock import utcnow
from mentoring.goals.models import Comment, Goal, Rating, Step

_ids = count(1)


def cid():
    return f"test-client-{next(_ids):06d}"


def make_goal(mentee, title="Walk to the park", **fields):
    fields.setdefault("created_by", mentee)
    return Goal.create(program=mentee.program_id, mentee=mentee, client_id=cid(), title=title, **fields)


def make_draft(mentor, mentee, title="Join a choir", **fields):
    fields.setdefault("status", Goal.DRAFT)
    return make_goal(mentee, title, created_by=mentor, drafted_by=mentor, **fields)


def make_step(goal, title="A step", position=None, **fields):
    fields.setdefault("created_by", goal.mentee_id)
    if position is None:
        position = Step.select().where(Step.goal == goal.id).count() + 1
    return Step.create(goal=goal, client_id=cid(), title=title, position=position, **fields)


def rate(goal, value, days_ago=0, match=None, note=""):
    return Rating.create(goal=goal, created_by=goal.mentee_id, match=match, client_id=cid(), value=value,
                         note=note, created_at=utcnow() - timedelta(days=days_ago))


def comment(goal, author, match, body="Well done", **fields):
    return Comment.create(goal=goal, author=author, match=match, client_id=cid(), body=body, **fields)
