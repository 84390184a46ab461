"""Beyond the access table: on every goal route, a private goal, an ended match or
someone else's draft leaves the mentor with nothing, whatever the method."""

import pytest

from mentoring.goals.models import Goal
from mentoring.people.matching import end_match

from ..access_cases import goals as cases
from ..conftest import signed_in


def make_private(world):
    Goal.update(shared=False).where(Goal.mentee == world.mentee.id).execute()


def end_the_match(world):
    end_match(world.match, "completed")


def drafted_by_someone_else(world):
    Goal.update(drafted_by=world.other_mentor.id).where(Goal.id == world.draft.id).execute()


GOAL_ROUTES = sorted(e for e in cases.CASES if e not in ("goals.index", "goals.new", "goals.draft", "goals.mentee_goals"))


def answer(app, world, endpoint, who):
    case = cases.CASES[endpoint]
    with app.test_request_context():
        target = case.url(world)
    client = signed_in(app, getattr(world, who))
    return client.open(target, method=case.method, data=case.data).status_code


@pytest.fixture
def goal_world(app, world):
    with app.test_request_context():
        cases.setup(world)
    return world


@pytest.mark.parametrize("endpoint", GOAL_ROUTES)
def test_a_private_goal_is_invisible_to_the_mentor(app, goal_world, endpoint):
    make_private(goal_world)
    assert answer(app, goal_world, endpoint, "mentor") in (403, 404)
    # The mentee still has it all, except a conversation: nobody else is in it.
    expected = 404 if endpoint == "goals.add_comment" else cases.CASES[endpoint].expect["mentee"]
    assert answer(app, goal_world, endpoint, "mentee") == expected


@pytest.mark.parametrize("endpoint", sorted(cases.CASES))
def test_a_former_mentor_loses_every_route(app, goal_world, endpoint):
    end_the_match(goal_world)
    assert answer(app, goal_world, endpoint, "mentor") in (403, 404)


@pytest.mark.parametrize("endpoint", ["goals.goal", "goals.discard", "goals.add_comment", "goals.add_step", "goals.ratings"])
def test_a_draft_left_by_another_mentor_is_not_the_current_mentors(app, goal_world, endpoint):
    drafted_by_someone_else(goal_world)
    case = cases.CASES[endpoint]
    with app.test_request_context():
        from flask import url_for

        target = url_for(endpoint, goal_id=goal_world.draft.id)
    status = signed_in(app, goal_world.mentor).open(target, method=case.method, data=case.data).status_code
    assert status == 404


@pytest.mark.parametrize("endpoint", sorted(cases.CASES))
def test_coordinators_never_reach_goal_contents(app, goal_world, endpoint):
    for who in ("coordinator", "lead"):
        assert answer(app, goal_world, endpoint, who) == 403
