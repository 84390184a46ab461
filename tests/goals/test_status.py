"""Active, paused, achieved, let go: the mentee moves a goal, kindly acknowledged."""

import re

from mentoring.goals.models import Goal
from mentoring.push import Notification

from .support import make_goal
def move(client, url, goal, status, reflection=""):
    return client.post(url("goals.status", goal_id=goal.id), data={"status": status, "reflection": reflection})


def test_achieving_is_a_moment(world, as_user, url):
    goal = make_goal(world.mentee)
    client = as_user(world.mentee)
    response = move(client, url, goal, "achieved")
    assert response.status_code == 303
    html = client.get(url("goals.goal", goal_id=goal.id)).get_data(as_text=True)
    assert "You did it." in html and "Achieved on" in html
    assert Goal.get_by_id(goal.id).status == Goal.ACHIEVED
    assert Notification.select().where(Notification.user == world.mentor.id).count() == 1


def test_letting_go_asks_for_an_optional_reflection(world, as_user, url):
    goal = make_goal(world.mentee)
    client = as_user(world.mentee)
    html = client.get(url("goals.status", goal_id=goal.id, to="let_go")).get_data(as_text=True)
    assert "Let this goal go?" in html and "not a failure" in html
    assert re.search(r'<input checked[^>]*value="let_go"', html)
    move(client, url, goal, "let_go", "It wasn't the right time")
    saved = Goal.get_by_id(goal.id)
    assert saved.status == Goal.LET_GO and saved.reflection == "It wasn't the right time"
    assert "It wasn&#39;t the right time" in client.get(url("goals.goal", goal_id=goal.id)).get_data(as_text=True)


def test_pause_and_pick_up_again(world, as_user, url):
    goal = make_goal(world.mentee)
    client = as_user(world.mentee)
    move(client, url, goal, "paused")
    assert Goal.get_by_id(goal.id).status == Goal.PAUSED
    move(client, url, goal, "active")
    assert Goal.get_by_id(goal.id).status == Goal.ACTIVE


def test_a_move_the_rules_refuse_is_explained(world, as_user, url):
    goal = make_goal(world.mentee, status=Goal.ACHIEVED)
    response = move(as_user(world.mentee), url, goal, "let_go", "Some words")
    assert response.status_code == 422 and "can&#39;t move there" in response.get_data(as_text=True)
    assert "Some words" in response.get_data(as_text=True)


def test_an_unknown_status_or_long_reflection_comes_back(world, as_user, url):
    goal = make_goal(world.mentee)
    assert move(as_user(world.mentee), url, goal, "finished").status_code == 422
    response = move(as_user(world.mentee), url, goal, "let_go", "r" * 1001)
    assert response.status_code == 422 and "it has 1001 now" in response.get_data(as_text=True)
    assert Goal.get_by_id(goal.id).status == Goal.ACTIVE


def test_a_double_tap_on_achieved_tells_the_mentor_once(world, as_user, url):
    goal = make_goal(world.mentee)
    client = as_user(world.mentee)
    move(client, url, goal, "achieved")
    move(client, url, goal, "achieved")
    assert Notification.select().where(Notification.user == world.mentor.id).count() == 1


def test_only_the_mentee_moves_their_goal(world, as_user, url):
    goal = make_goal(world.mentee)
    assert move(as_user(world.mentor), url, goal, "achieved").status_code == 403
    assert move(as_user(world.other_mentee), url, goal, "achieved").status_code == 404
    assert Goal.get_by_id(goal.id).status == Goal.ACTIVE
