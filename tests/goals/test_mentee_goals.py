"""The mentor's view of one mentee's goals: the panel on the mentee's page and the full list."""

from datetime import timedelta

from mentoring.clock import utcnow
from mentoring.goals.models import Goal
from mentoring.people.matching import end_match

from .support import make_draft, make_goal, make_step, rate
def panel(client, url, world):
    return client.get(url("home.mentee", match_id=world.match.id)).get_data(as_text=True)


def test_the_panel_shows_shared_goals_with_rating_trend_update_and_overdue(world, as_user, url):
    goal = make_goal(world.mentee, "Walk", updated_at=utcnow() - timedelta(days=3))
    rate(goal, 6, days_ago=8)
    rate(goal, 4, days_ago=3)
    make_step(goal, "Late", due_date=(utcnow() - timedelta(days=2)).date())
    make_step(goal, "Later", due_date=(utcnow() - timedelta(days=1)).date())
    make_goal(world.mentee, "Private", shared=False)
    html = panel(as_user(world.mentor), url, world)
    assert "Walk" in html and "4/10" in html and "down 2" in html
    assert "2 steps overdue" in html and "last update 3 days ago" in html
    assert "Private" not in html and "Draft a goal together" in html


def test_the_panel_lists_the_mentors_own_drafts_not_a_former_mentors(world, as_user, url):
    make_draft(world.mentor, world.mentee, "My draft")
    make_draft(world.other_mentor, world.mentee, "Old draft")
    html = panel(as_user(world.mentor), url, world)
    assert "My draft" in html and "waiting for them to accept" in html and "Old draft" not in html


def test_an_empty_panel_suggests_setting_one_together(world, as_user, url):
    html = panel(as_user(world.mentor), url, world)
    assert "shared a goal yet" in html


def test_the_full_list_includes_finished_goals_page_by_page(world, as_user, url):
    make_goal(world.mentee, "Achieved one", status=Goal.ACHIEVED)
    for i in range(26):
        make_goal(world.mentee, f"Goal {i:02d}", updated_at=utcnow() - timedelta(hours=i))
    client = as_user(world.mentor)
    first = client.get(url("goals.mentee_goals", match_id=world.match.id)).get_data(as_text=True)
    assert "Goal 00" in first and "Achieved one" not in first and 'rel="next"' in first
    second = client.get(url("goals.mentee_goals", match_id=world.match.id, page=2)).get_data(as_text=True)
    assert "Achieved one" in second


def test_a_former_mentor_sees_neither(world, as_user, url):
    make_goal(world.mentee)
    end_match(world.match, "completed")
    client = as_user(world.mentor)
    assert client.get(url("home.mentee", match_id=world.match.id)).status_code == 404
    assert client.get(url("goals.mentee_goals", match_id=world.match.id)).status_code == 404
