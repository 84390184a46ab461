"""Changing and deleting a goal: the mentee's alone."""

import re

from mentoring.goals.models import Comment, Goal, Rating, Step

from .support import comment, make_goal, make_step, rate
def test_the_form_comes_filled_in(world, as_user, url):
    goal = make_goal(world.mentee, measure="Twice a week", shared=False)
    html = as_user(world.mentee).get(url("goals.edit", goal_id=goal.id)).get_data(as_text=True)
    assert 'value="Twice a week"' in html and re.search(r'<input checked[^>]*value="private"', html)


def test_changes_are_saved(world, as_user, url):
    goal = make_goal(world.mentee)
    response = as_user(world.mentee).post(url("goals.edit", goal_id=goal.id),
                                          data={"title": "Walk further", "measure": "5 km", "shared": "shared"})
    assert response.status_code == 303
    saved = Goal.get_by_id(goal.id)
    assert saved.title == "Walk further" and saved.measure == "5 km" and saved.status == Goal.ACTIVE


def test_making_it_private_hides_it_from_the_mentor_at_once(world, as_user, url):
    goal = make_goal(world.mentee)
    as_user(world.mentee).post(url("goals.edit", goal_id=goal.id), data={"title": "Mine", "shared": "private"})
    assert as_user(world.mentor).get(url("goals.goal", goal_id=goal.id)).status_code == 404


def test_a_bad_edit_keeps_the_typed_text(world, as_user, url):
    goal = make_goal(world.mentee)
    response = as_user(world.mentee).post(url("goals.edit", goal_id=goal.id),
                                          data={"title": "", "support": "Text me on Sundays", "shared": "shared"})
    assert response.status_code == 422 and "Text me on Sundays" in response.get_data(as_text=True)
    assert Goal.get_by_id(goal.id).title == "Walk to the park"


def test_deleting_asks_first_then_removes_everything(world, as_user, url):
    goal = make_goal(world.mentee)
    make_step(goal)
    rate(goal, 3)
    comment(goal, world.mentor, world.match)
    client = as_user(world.mentee)
    assert "Delete this goal?" in client.get(url("goals.delete", goal_id=goal.id)).get_data(as_text=True)
    assert Goal.select().count() == 1
    response = client.post(url("goals.delete", goal_id=goal.id))
    assert response.status_code == 303
    assert (Goal.select().count(), Step.select().count(), Rating.select().count(), Comment.select().count()) == (0, 0, 0, 0)


def test_nobody_else_edits_or_deletes(world, as_user, url):
    goal = make_goal(world.mentee)
    for user, status in ((world.mentor, 403), (world.other_mentee, 404), (world.coordinator, 403)):
        client = as_user(user)
        assert client.post(url("goals.edit", goal_id=goal.id), data={"title": "Hacked"}).status_code == status
        assert client.post(url("goals.delete", goal_id=goal.id)).status_code == status
    assert Goal.get_by_id(goal.id).title == "Walk to the park"
