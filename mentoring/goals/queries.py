"""Reading goals: one goal with who is looking, and batched summaries of many.

Every function runs a fixed number of queries whatever the number of goals,
steps, ratings or comments (tests/test_goals_queries.py counts them).
"""

from flask import abort
from peewee import JOIN, Case, Select, fn

from ..clock import local_today, utcnow
from ..db import database
from ..models import Match, User
from .models import Comment, Goal, Rating, Step
from .rules import MOVED_WITHIN, Summary, has_moved, is_stuck, viewer_role

CHART_RATINGS = 20


def load_goal(goal_id, user):
    """(goal, role, match) for a goal `user` may see, or 404.

    One query: the goal, its mentee, the mentee's active match and its mentor.
    """
    Mentee, Mentor = User.alias(), User.alias()
    goal = (
        Goal.select(Goal, Mentee, Match, Mentor)
        .join(Mentee, on=(Goal.mentee == Mentee.id), attr="mentee")
        .switch(Goal)
        .join(Match, JOIN.LEFT_OUTER, on=((Match.mentee == Goal.mentee) & (Match.status == Match.ACTIVE)),
              attr="current_match")
        .join(Mentor, JOIN.LEFT_OUTER, on=(Match.mentor == Mentor.id), attr="mentor")
        .where(Goal.id == goal_id)
        .first()
    )
    if goal is None:
        abort(404)
    match = goal.current_match if getattr(goal.current_match, "id", None) else None
    role = viewer_role(goal, user, match)
    if role is None:
        abort(404)
    return goal, role, match


def status_rank():
    return Case(Goal.status, [(Goal.DRAFT, 0), (Goal.ACTIVE, 1), (Goal.PAUSED, 2)], 3)


def mentee_goals(user, done=False):
    """The mentee's own goals: drafts and open ones, or the finished ones."""
    query = Goal.select().where(Goal.mentee == user.id)
    if done:
        return query.where(Goal.status.in_(Goal.DONE)).order_by(Goal.status_changed_at.desc(), Goal.id.desc())
    return query.where(Goal.status.in_((Goal.DRAFT,) + Goal.OPEN)).order_by(
        status_rank(), Goal.updated_at.desc(), Goal.id.desc()
    )


def shared_goals(match, statuses=None):
    """The goals a mentor sees for this match's mentee: shared ones, and their own drafts."""
    visible = Goal.shared & ((Goal.status != Goal.DRAFT) | (Goal.drafted_by == match.mentor_id))
    query = Goal.select().where((Goal.mentee == match.mentee_id) & visible)
    if statuses:
        query = query.where(Goal.status.in_(statuses))
    return query.order_by(status_rank(), Goal.updated_at.desc(), Goal.id.desc())


def _last_two_ratings(ids):
    rank = fn.ROW_NUMBER().over(partition_by=[Rating.goal], order_by=[Rating.created_at.desc(), Rating.id.desc()])
    ranked = Rating.select(Rating.id, rank.alias("n")).where(Rating.goal.in_(ids))
    latest = Rating.select(ranked.c.id).from_(ranked).where(ranked.c.n <= 2)
    return (
        Rating.select(Rating.goal, Rating.value, Rating.created_at)
        .where(Rating.id.in_(latest))
        .order_by(Rating.goal, Rating.created_at.desc(), Rating.id.desc())
        .tuples()
    )


def _cutoff(today):
    """Overdue means due before the mentee's own today: one date, or one per mentee."""
    if isinstance(today, dict):
        return Case(Goal.mentee, list(today.items()), min(today.values()))
    return today


def _step_counts(ids, today):
    accepted = ~Step.is_suggestion
    is_open = accepted & Step.done_at.is_null()

    def count(condition):
        return fn.SUM(Case(None, [(condition, 1)], 0))

    query = Step.select(
        Step.goal,
        count(accepted),
        count(accepted & Step.done_at.is_null(False)),
        count(is_open & Step.due_date.is_null(False) & (Step.due_date < _cutoff(today))),
        count(Step.is_suggestion),
        fn.MAX(Step.done_at).python_value(Step.done_at.python_value),
    ).where(Step.goal.in_(ids))
    if isinstance(today, dict):
        # The cutoff is per mentee. Naming the goals on both sides lets
        # PostgreSQL fetch them by key rather than scan every goal to join.
        query = query.join(Goal).where(Goal.id.in_(ids))
    return query.group_by(Step.goal).tuples()


def _next_steps(ids):
    rank = fn.ROW_NUMBER().over(partition_by=[Step.goal], order_by=[Step.position, Step.id])
    ranked = (
        Step.select(Step.id, rank.alias("n"))
        .where(Step.goal.in_(ids) & Step.done_at.is_null() & ~Step.is_suggestion)
    )
    first = Step.select(ranked.c.id).from_(ranked).where(ranked.c.n == 1)
    return Step.select(Step.goal, Step.title, Step.due_date).where(Step.id.in_(first)).tuples()


def _unread(ids):
    new = Goal.mentee_seen_at.is_null() | (Comment.created_at > Goal.mentee_seen_at)
    return (
        Comment.select(Comment.goal, fn.COUNT(Comment.id))
        .join(Goal)
        .where(Comment.goal.in_(ids) & (Comment.author != Goal.mentee) & new)
        .group_by(Comment.goal)
        .tuples()
    )


def summarise(goals, today, unread=False):
    """[Summary] in the goals' order: three queries, four with unread comments.

    `today` is the mentee's local date, or {mentee id: date} for goals of
    several mentees.
    """
    goals = list(goals)
    by_id = {g.id: Summary(goal=g) for g in goals}
    if not by_id:
        return []
    ids = list(by_id)
    for goal_id, value, at in _last_two_ratings(ids):
        s = by_id[goal_id]
        if s.latest_at is None:
            s.latest, s.latest_at = value, at
        else:
            s.previous = value
    for goal_id, steps, done, overdue, suggestions, last_done in _step_counts(ids, today):
        s = by_id[goal_id]
        s.steps, s.done, s.overdue, s.suggestions = int(steps), int(done), int(overdue), int(suggestions)
        s.last_done_at = last_done
    for goal_id, title, due in _next_steps(ids):
        by_id[goal_id].next_step, by_id[goal_id].next_step_due = title, due
    if unread:
        for goal_id, n in _unread(ids):
            by_id[goal_id].unread = n
    return [by_id[g.id] for g in goals]


def _count(value):
    return int(value or 0)


def _as(field, empty=None):
    """Reads a subquery's value as `field` reads its column (SQLite hands
    computed dates back as text)."""
    return lambda value: empty if value is None else field.python_value(value)


def summarised(goals, today):
    """[Summary] for a few goals in ONE query: every figure is a correlated
    subquery walking that goal's own index, so it costs one seek per figure
    and goal. For short lists (the mentee's home card); `summarise` batches
    long ones. `goals` is a Goal query; `today` the mentee's local date.
    """
    def rating(column, offset=0):
        ordered = Rating.select(column).where(Rating.goal == Goal.id).order_by(Rating.created_at.desc(), Rating.id.desc())
        return ordered.limit(1).offset(offset or None)

    def steps(aggregate, condition=True):
        return Step.select(aggregate).where((Step.goal == Goal.id) & condition)

    accepted, is_open = ~Step.is_suggestion, ~Step.is_suggestion & Step.done_at.is_null()
    first_open = Step.select().where((Step.goal == Goal.id) & is_open).order_by(Step.position, Step.id).limit(1)
    new = Goal.mentee_seen_at.is_null() | (Comment.created_at > Goal.mentee_seen_at)
    columns = {
        "latest": (rating(Rating.value), _as(Rating.value)),
        "latest_at": (rating(Rating.created_at), _as(Rating.created_at)),
        "previous": (rating(Rating.value, 1), _as(Rating.value)),
        "steps": (steps(fn.COUNT(Step.id), accepted), _count),
        "done": (steps(fn.COUNT(Step.id), accepted & Step.done_at.is_null(False)), _count),
        "overdue": (steps(fn.COUNT(Step.id), is_open & (Step.due_date < today)), _count),
        "suggestions": (steps(fn.COUNT(Step.id), Step.is_suggestion), _count),
        "last_done_at": (steps(fn.MAX(Step.done_at)), _as(Step.done_at)),
        "next_step": (first_open.select(Step.title), _as(Step.title, "")),
        "next_step_due": (first_open.select(Step.due_date), _as(Step.due_date)),
        "unread": (Comment.select(fn.COUNT(Comment.id)).where(
            (Comment.goal == Goal.id) & (Comment.author != Goal.mentee) & new), _count),
    }
    rows = goals.select_extend(*(query.alias(f"s_{name}") for name, (query, _read) in columns.items()))
    return [Summary(goal=g, **{name: read(getattr(g, f"s_{name}")) for name, (_q, read) in columns.items()})
            for g in rows]


def recent_ratings(goal, limit=CHART_RATINGS):
    """The latest ratings, oldest first (for the chart and its table)."""
    rows = list(Rating.select().where(Rating.goal == goal.id)
                .order_by(Rating.created_at.desc(), Rating.id.desc()).limit(limit))
    return rows[::-1]


def rating_count(goal):
    return Rating.select().where(Rating.goal == goal.id).count()


def goal_steps(goal):
    return list(Step.select().where(Step.goal == goal.id).order_by(Step.position, Step.id))


def comments(goal, role, match):
    """The conversation: the mentee sees all of it, a mentor only their own match's."""
    Author = User.alias()
    query = (
        Comment.select(Comment, Author)
        .join(Author, JOIN.LEFT_OUTER, on=(Comment.author == Author.id), attr="author")
        .where(Comment.goal == goal.id)
    )
    if role != "owner":
        query = query.where(Comment.match == match.id)
    return query.order_by(Comment.created_at.desc(), Comment.id.desc())


def mentor_goal_news(mentor, now=None):
    """Goals across the mentor's current mentees that moved lately, and those stuck.

    Three queries after the mentees: goals (with mentee), ratings, steps.
    """
    now = now or utcnow()
    Mentee = User.alias()
    recent = now - MOVED_WITHIN
    goals = list(
        Goal.select(Goal, Mentee)
        .join(Match, on=((Match.mentee == Goal.mentee) & (Match.status == Match.ACTIVE) & (Match.mentor == mentor.id)))
        .switch(Goal)
        .join(Mentee, on=(Goal.mentee == Mentee.id), attr="mentee")
        .where(
            Goal.shared
            & ((Goal.status == Goal.ACTIVE) | ((Goal.status == Goal.ACHIEVED) & (Goal.status_changed_at >= recent)))
        )
        .order_by(Goal.updated_at.desc())
        .limit(200)
    )
    if not goals:
        return [], []
    today = {g.mentee_id: local_today(g.mentee.timezone, now) for g in goals}
    summaries = summarise(goals, today)
    moved = [s for s in summaries if has_moved(s, now)]
    # Good news first: a goal that moved this week is not called stuck.
    stuck = sorted((s for s in summaries if s not in moved and is_stuck(s, now)), key=lambda s: s.goal.updated_at)
    return moved, stuck


def program_figures(program_id):
    """Counts for evaluation, never contents: shared goals set and achieved,
    and the average change in progress rating per match.

    A match's change is the mean, over its goals rated at least twice within
    the match, of last rating minus first; the figure is the mean over matches.
    """
    set_, achieved = (
        Goal.select(fn.COUNT(Goal.id), fn.SUM(Case(None, [(Goal.status == Goal.ACHIEVED, 1)], 0)))
        .where((Goal.program == program_id) & Goal.shared & (Goal.status != Goal.DRAFT))
        .tuples()
        .get()
    )
    # Each (match, goal) pair's first and last rating are two seeks down the
    # (match, goal, id) index, so the cost follows the number of goals, not
    # the years of ratings behind them.
    Pair, Member = Goal.alias(), Match.alias()

    def end(order, offset=0):
        return (
            Rating.select(Rating.value if offset == 0 else Rating.id)
            .where((Rating.match == Member.id) & (Rating.goal == Pair.id))
            .order_by(order).limit(1).offset(offset or None)
        )

    pairs = (
        Pair.select(Member.id.alias("match_id"), end(Rating.id).alias("first"), end(Rating.id.desc()).alias("last"),
                    end(Rating.id, 1).alias("second"))
        .join(Member, on=(Member.mentee == Pair.mentee))
        .where((Pair.program == program_id) & Pair.shared & (Pair.status != Goal.DRAFT))
    )
    per_match = (
        Goal.select(pairs.c.match_id, fn.AVG(pairs.c.last - pairs.c.first).alias("change"))
        .from_(pairs)
        .where(pairs.c.second.is_null(False))
        .group_by(pairs.c.match_id)
    )
    average, matches = (
        Goal.select(fn.AVG(per_match.c.change), fn.COUNT(per_match.c.match_id)).from_(per_match).tuples().get()
    )
    return {
        "set": set_ or 0,
        "achieved": int(achieved or 0),
        "average_change": None if average is None else round(float(average), 1),
        "rated_matches": matches or 0,
    }


def attention_count(user):
    """For the mentee's Goals tab: drafts to review, steps suggested, goals with new comments."""
    mine = Goal.select(Goal.id).where(Goal.mentee == user.id)
    drafts = Goal.select(fn.COUNT(Goal.id)).where((Goal.mentee == user.id) & (Goal.status == Goal.DRAFT))
    suggestions = Step.select(fn.COUNT(Step.id)).where(Step.goal.in_(mine) & Step.is_suggestion)
    new = Goal.mentee_seen_at.is_null() | (Comment.created_at > Goal.mentee_seen_at)
    talked = (
        Comment.select(fn.COUNT(fn.DISTINCT(Comment.goal)))
        .join(Goal)
        .where((Goal.mentee == user.id) & (Comment.author != user.id) & new)
    )
    total = fn.COALESCE(drafts, 0) + fn.COALESCE(suggestions, 0) + fn.COALESCE(talked, 0)
    return Select(columns=[total]).scalar(database) or 0

