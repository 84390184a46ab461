"""The rules of goals, as plain functions: who sees what, which moves are
allowed, how a goal is doing and what the mentee could do next.

Nothing here touches the database, so each rule is tested on its own.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .models import Goal

OWNER, MENTOR = "owner", "mentor"

# A rating this old is worth renewing; a goal untouched this long is stuck.
RATE_AGAIN_AFTER = timedelta(days=7)
STUCK_AFTER = timedelta(days=21)
MOVED_WITHIN = timedelta(days=7)

TRANSITIONS = {
    Goal.DRAFT: {Goal.ACTIVE},
    Goal.ACTIVE: {Goal.PAUSED, Goal.ACHIEVED, Goal.LET_GO},
    Goal.PAUSED: {Goal.ACTIVE, Goal.ACHIEVED, Goal.LET_GO},
    Goal.ACHIEVED: {Goal.ACTIVE},
    Goal.LET_GO: {Goal.ACTIVE},
}


def viewer_role(goal, user, match):
    """OWNER, MENTOR or None (not theirs to see).

    `match` is the goal's mentee's active match, or None. A mentor sees a goal
    only while they mentor its mentee, only if it is shared, and a draft only
    if they drafted it themselves (one left by a former mentor is not theirs).
    """
    if user.id == goal.mentee_id:
        return OWNER
    if not user.is_mentor or match is None or not match.is_active:
        return None
    if match.mentor_id != user.id or match.mentee_id != goal.mentee_id or not goal.shared:
        return None
    if goal.status == Goal.DRAFT and goal.drafted_by_id != user.id:
        return None
    return MENTOR


def can_move(old, new):
    return new in TRANSITIONS.get(old, set())


def trend(latest, previous):
    """"up", "down", "steady", "new" (one rating) or None (none yet)."""
    if latest is None:
        return None
    if previous is None:
        return "new"
    if latest > previous:
        return "up"
    if latest < previous:
        return "down"
    return "steady"


def is_overdue(due_date, done, today):
    return due_date is not None and not done and due_date < today


@dataclass
class Summary:
    """How one goal is doing, gathered in a few batched queries (queries.summarise, queries.summarised)."""

    goal: Goal
    latest: int | None = None
    latest_at: datetime | None = None
    previous: int | None = None
    steps: int = 0
    done: int = 0
    overdue: int = 0
    suggestions: int = 0
    last_done_at: datetime | None = None
    next_step: str = ""
    next_step_due: date | None = None
    unread: int = 0

    @property
    def trend(self):
        return trend(self.latest, self.previous)

    @property
    def change(self):
        if self.latest is None or self.previous is None:
            return 0
        return self.latest - self.previous

    @property
    def all_done(self):
        return self.steps > 0 and self.done == self.steps


def next_action(s, now):
    """What the mentee could do next on an open goal, as (kind, detail).

    Kinds, most pressing first: review (a mentor's draft), reply (new comment),
    suggestion, first_step, overdue, rate, next_step, finish (every step done).
    """
    g = s.goal
    if g.status == Goal.DRAFT:
        return ("review", "")
    if s.unread:
        return ("reply", "")
    if s.suggestions:
        return ("suggestion", "")
    if g.status != Goal.ACTIVE:
        return (None, "")
    if s.steps == 0:
        return ("first_step", "")
    if s.overdue:
        return ("overdue", s.next_step)
    if s.latest_at is None or now - s.latest_at >= RATE_AGAIN_AFTER:
        return ("rate", "")
    if s.all_done:
        return ("finish", "")
    return ("next_step", s.next_step)


def last_move(s):
    """The mentee's latest move on the goal (their edits, steps, ratings)."""
    return max(t for t in (s.goal.updated_at, s.latest_at, s.last_done_at) if t is not None)


def is_stuck(s, now):
    """An active goal that nothing has moved for a while, or with steps overdue."""
    if s.goal.status != Goal.ACTIVE:
        return False
    return s.overdue > 0 or now - last_move(s) >= STUCK_AFTER


def has_moved(s, now):
    """Worth a word of encouragement: achieved, a step done or a rating up, lately."""
    g = s.goal
    recent = now - MOVED_WITHIN
    if g.status == Goal.ACHIEVED:
        return g.status_changed_at is not None and g.status_changed_at >= recent
    if g.status != Goal.ACTIVE:
        return False
    if s.last_done_at is not None and s.last_done_at >= recent:
        return True
    return s.trend == "up" and s.latest_at is not None and s.latest_at >= recent


def parse_steps(text):
    """Lines of a "first steps" box as step titles: bullets and blank lines dropped."""
    lines = [line.strip(" \t-*•") for line in (text or "").splitlines()]
    return [line for line in lines if line]


def reorder(ids, step_id, direction):
    """The ids in their new order after moving `step_id` one place up or down."""
    order = list(ids)
    if step_id not in order:
        return order
    i = order.index(step_id)
    j = i - 1 if direction == "up" else i + 1
    if 0 <= j < len(order):
        order[i], order[j] = order[j], order[i]
    return order
