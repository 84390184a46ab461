"""The mentee's Goals tab: goals on the go, then the finished ones."""

from datetime import timedelta

from mentoring.clock import utcnow
from mentoring.goals.models import Goal

from .support import comment, make_draft, make_goal, make_step, rate
def listing(client, url, **args):
    return client.get(url("goals.index", **args)).get_data(as_text=True)


def test_an_empty_list_invites_a_first_goal(world, as_user, url):
    html = listing(as_user(world.mentee), url)
    assert "Set your first goal" in html


def test_drafts_first_then_active_then_paused(world, as_user, url):
    make_goal(world.mentee, "Paused one", status=Goal.PAUSED)
    make_goal(world.mentee, "Active one")
    make_draft(world.mentor, world.mentee, "Drafted one")
    make_goal(world.mentee, "Done one", status=Goal.ACHIEVED, status_changed_at=utcnow())
    html = listing(as_user(world.mentee), url)
    assert html.index("Drafted one") < html.index("Active one") < html.index("Paused one")
    assert "Done one" not in html
    assert "make it yours" in html


def test_the_done_tab_shows_achieved_and_let_go(world, as_user, url):
    make_goal(world.mentee, "Active one")
    make_goal(world.mentee, "Done one", status=Goal.ACHIEVED, status_changed_at=utcnow())
    make_goal(world.mentee, "Dropped one", status=Goal.LET_GO, status_changed_at=utcnow() - timedelta(days=2))
    html = listing(as_user(world.mentee), url, show="done")
    assert "Done one" in html and "Dropped one" in html and "Active one" not in html


def test_each_goal_shows_rating_steps_and_whats_new(world, as_user, url):
    goal = make_goal(world.mentee, "Walk")
    make_step(goal, "Shoes", done_at=utcnow())
    make_step(goal, "Corner")
    rate(goal, 3, days_ago=3)
    rate(goal, 5)
    comment(goal, world.mentor, world.match, "Go on")
    html = listing(as_user(world.mentee), url)
    assert "5/10" in html and "up 2" in html and "1 of 2 steps done" in html and "New message from your mentor" in html



def test_the_facts_of_a_goal_carry_no_stray_separator(world, as_user, url):
    # The facts sit in a wrapping row: a "·" before the step count began the second line.
    make_step(make_goal(world.mentee, "Unrated"), "Shoes")
    make_step(make_draft(world.mentor, world.mentee, "Drafted"), "Ask")
    html = listing(as_user(world.mentee), url)
    assert "0 of 1 step done" in html
    assert "·" not in html.split('id="goal-list"')[1]


def test_it_pages_through_many_goals(world, as_user, url):
    for i in range(30):
        make_goal(world.mentee, f"Goal {i:02d}", updated_at=utcnow() - timedelta(hours=i))
    client = as_user(world.mentee)
    first = listing(client, url)
    assert "Goal 00" in first and "Goal 29" not in first and 'rel="next"' in first
    assert "Goal 29" in listing(client, url, page=2)


def test_only_their_own_goals(world, as_user, url):
    make_goal(world.other_mentee, "Not yours")
    assert "Not yours" not in listing(as_user(world.mentee), url)


def test_titles_are_escaped_everywhere(world, as_user, url):
    goal = make_goal(world.mentee, "<b>bold</b>")
    make_step(goal, "<i>step</i>")
    for client, path in ((as_user(world.mentee), url("goals.index")), (as_user(world.mentee), url("home.index")),
                         (as_user(world.mentee), url("goals.goal", goal_id=goal.id)),
                         (as_user(world.mentor), url("home.mentee", match_id=world.match.id))):
        html = client.get(path).get_data(as_text=True)
        assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html, path
        assert "<i>step</i>" not in html


def test_the_goals_tab_counts_what_waits_for_the_mentee(world, as_user, url):
    goal = make_goal(world.mentee)
    make_draft(world.mentor, world.mentee)
    make_step(goal, "Suggested", is_suggestion=True, created_by=world.mentor)
    comment(goal, world.mentor, world.match)
    client = as_user(world.mentee)
    html = client.get(url("home.index")).get_data(as_text=True)
    assert '<span class="badge">3<span class="visually-hidden"> new</span>' in html
    client.get(url("goals.goal", goal_id=goal.id))  # reads the comment
    html = client.get(url("home.index")).get_data(as_text=True)
    assert '<span class="badge">2<span class="visually-hidden"> new</span>' in html
