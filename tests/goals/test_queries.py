"""Pages about goals run as many queries with one goal as with dozens full of steps, ratings and comments."""

from datetime import timedelta

import pytest
from playhouse.test_utils import count_queries

from mentoring.clock import utcnow
from mentoring.goals.models import Comment, Goal, Rating, Step
from mentoring.models import MENTEE

from ..factories import make_match, make_user

HX = {"HX-Request": "true"}


def fill(world, mentees, goals, steps, ratings, comments):
    """Goals for the mentor's mentees, each with steps (some done, overdue or suggested), ratings and comments."""
    now = utcnow()
    people = [(world.mentee, world.match)]
    for _ in range(mentees - 1):
        mentee = make_user(world.program, MENTEE)
        people.append((mentee, make_match(world.mentor, mentee)))
    first = None
    for mentee, match in people:
        for g in range(goals):
            goal = Goal.create(program=world.program, mentee=mentee, created_by=mentee, client_id=f"{mentee.id}-{g}",
                               title=f"Goal {g}", updated_at=now - timedelta(days=g * 5))
            first = first or goal
            Step.insert_many([
                {"goal": goal.id, "created_by": mentee.id, "client_id": f"{goal.id}-s{i}", "title": f"Step {i}",
                 "position": i, "done_at": now if i % 3 == 0 else None, "is_suggestion": i % 5 == 4,
                 "due_date": (now - timedelta(days=2)).date() if i % 2 else None}
                for i in range(steps)
            ]).execute()
            Rating.insert_many([
                {"goal": goal.id, "created_by": mentee.id, "match": match.id, "client_id": f"{goal.id}-r{i}",
                 "value": i % 11, "note": f"note {i}", "created_at": now - timedelta(days=ratings - i)}
                for i in range(ratings)
            ]).execute()
            Comment.insert_many([
                {"goal": goal.id, "author": (world.mentor if i % 2 else mentee).id, "match": match.id,
                 "client_id": f"{goal.id}-c{i}", "body": f"comment {i}", "created_at": now - timedelta(hours=comments - i)}
                for i in range(comments)
            ]).execute()
    return first


SMALL = {"mentees": 1, "goals": 1, "steps": 1, "ratings": 1, "comments": 1}
LARGE = {"mentees": 3, "goals": 30, "steps": 12, "ratings": 30, "comments": 30}


def queries_for(app, world, as_user, url, size, page):
    goal = fill(world, **size)
    who, method, endpoint, args, data, headers = page(world, goal)
    client = as_user(getattr(world, who))
    target = url(endpoint, **args)
    with count_queries() as counter:
        response = client.open(target, method=method, data=data, headers=headers)
    assert response.status_code in (200, 303), (target, response.status_code)
    return counter.count


PAGES = {
    "mentee goals list": lambda w, g: ("mentee", "GET", "goals.index", {}, {}, {}),
    "mentee goal page": lambda w, g: ("mentee", "GET", "goals.goal", {"goal_id": g.id}, {}, {}),
    "mentee home": lambda w, g: ("mentee", "GET", "home.index", {}, {}, {}),
    "mentee ticks a step": lambda w, g: ("mentee", "POST", "goals.toggle_step",
                                         {"goal_id": g.id, "step_id": Step.select().where(Step.goal == g).first().id},
                                         {"done": "1"}, {**HX, "HX-Target": "goal-steps"}),
    "mentee rates": lambda w, g: ("mentee", "POST", "goals.add_rating", {"goal_id": g.id},
                                  {"rating-value": "5", "rating-client_id": "count-client-1"}, {**HX, "HX-Target": "goal-progress"}),
    "mentor goal page": lambda w, g: ("mentor", "GET", "goals.goal", {"goal_id": g.id}, {}, {}),
    "mentor comments": lambda w, g: ("mentor", "POST", "goals.add_comment", {"goal_id": g.id},
                                     {"comment-body": "Go", "comment-client_id": "count-client-2"}, {**HX, "HX-Target": "goal-comments"}),
    "mentor home": lambda w, g: ("mentor", "GET", "home.index", {}, {}, {}),
    "mentor's mentee page": lambda w, g: ("mentor", "GET", "home.mentee", {"match_id": w.match.id}, {}, {}),
    "mentor's list of goals": lambda w, g: ("mentor", "GET", "goals.mentee_goals", {"match_id": w.match.id}, {}, {}),
    "all ratings": lambda w, g: ("mentee", "GET", "goals.ratings", {"goal_id": g.id}, {}, {}),
    "coordinator home": lambda w, g: ("coordinator", "GET", "home.index", {}, {}, {}),
}


@pytest.fixture
def measure(app, as_user, url):
    from ..conftest import _wipe
    from ..factories import World

    app.config["PROGRAM_CARD_SECONDS"] = 0  # count the work behind program-wide figures, not what was kept

    def run(page):
        counts = []
        for size in (SMALL, LARGE):
            counts.append(queries_for(app, World(), as_user, url, size, page))
            _wipe()
        return counts

    return run


@pytest.mark.parametrize("name", sorted(PAGES))
def test_queries_do_not_grow_with_goals_steps_ratings_or_comments(measure, name):
    small, large = measure(PAGES[name])
    assert small == large, f"{name}: {small} queries with one goal, {large} with many"
    # Home screens also carry other features' cards and the nav badges.
    assert large <= (30 if "home" in name or "mentee page" in name else 16), f"{name}: {large} queries"


def test_the_home_cards_one_query_summaries_agree_with_the_batched_ones(app, world):
    from dataclasses import fields

    from mentoring.goals.queries import summarise, summarised

    fill(world, mentees=1, goals=4, steps=12, ratings=6, comments=5)
    Goal.create(program=world.program, mentee=world.mentee, created_by=world.mentee, client_id="bare", title="Bare")
    goals = Goal.select().where(Goal.mentee == world.mentee.id).order_by(Goal.id)
    today = Goal.select().first().created_at.date()  # any date: both are asked about the same one
    with count_queries() as counted:
        one = summarised(goals, today)
    assert counted.count == 1
    batched = summarise(list(goals), today, unread=True)
    names = [f.name for f in fields(one[0]) if f.name != "goal"]
    assert [[getattr(s, n) for n in names] for s in one] == [[getattr(s, n) for n in names] for s in batched]
    assert one[0].steps == 10 and one[0].overdue > 0 and one[0].unread > 0 and one[-1].latest is None
