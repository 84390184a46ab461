"""The goal page, as the mentee, their mentor, a former mentor and everyone else see it."""

from datetime import timedelta

from mentoring.clock import utcnow
from mentoring.goals.models import Goal
from mentoring.models import MENTOR, Match
from mentoring.people.matching import end_match

from ..factories import make_match, make_user
from .support import comment, make_draft, make_goal, make_step, rate
HX = {"HX-Request": "true"}


def page(client, url, goal, **args):
    return client.get(url("goals.goal", goal_id=goal.id, **args))


def test_the_mentee_sees_everything_and_can_act(world, as_user, url):
    goal = make_goal(world.mentee, measure="3 times a week", why="For my head")
    make_step(goal, "Find shoes")
    rate(goal, 4, match=world.match, note="A start")
    comment(goal, world.mentor, world.match, "Lovely")
    response = page(as_user(world.mentee), url, goal)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    for text in ("Walk to the park", "3 times a week", "For my head", "Find shoes", 'role="checkbox"',
                 "How far along are you?", "A start", "Lovely", "ve achieved it", "Pause for now",
                 "Shared with your mentor", "Change the goal"):
        assert text in html, text
    assert Goal.get_by_id(goal.id).mentee_seen_at is not None


def test_a_private_goal_has_no_conversation(world, as_user, url):
    goal = make_goal(world.mentee, shared=False)
    html = page(as_user(world.mentee), url, goal).get_data(as_text=True)
    assert "Only you can see this" in html and 'id="goal-comments"' not in html


def test_the_mentor_sees_a_shared_goal_read_only_and_can_encourage(world, as_user, url):
    goal = make_goal(world.mentee, support="Ask me weekly", reflection="My own thoughts")
    make_step(goal, "Find shoes")
    rate(goal, 6, match=world.match)
    response = page(as_user(world.mentor), url, goal)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Find shoes" in html and "Ask me weekly" in html and "6/10" in html
    assert 'role="checkbox"' not in html and "How far along are you?" not in html
    assert "Suggest step" in html and "Your message" in html
    assert "ve achieved it" not in html and "Change the goal" not in html
    assert "My own thoughts" not in html
    assert Goal.get_by_id(goal.id).mentee_seen_at is None


def test_the_mentor_never_sees_a_private_goal(world, as_user, url):
    goal = make_goal(world.mentee, shared=False)
    assert page(as_user(world.mentor), url, goal).status_code == 404


def test_a_former_mentor_loses_access_when_the_match_ends(world, as_user, url):
    goal = make_goal(world.mentee)
    mentor = as_user(world.mentor)
    assert page(mentor, url, goal).status_code == 200
    end_match(world.match, "completed")
    assert page(mentor, url, goal).status_code == 404


def test_a_new_mentor_sees_only_their_own_conversation(world, as_user, url):
    goal = make_goal(world.mentee)
    comment(goal, world.mentor, world.match, "From the first mentor")
    end_match(world.match, "rematch")
    new_mentor = make_user(world.program, MENTOR, name="Nia Newmentor")
    new_match = make_match(new_mentor, world.mentee)
    comment(goal, new_mentor, new_match, "From the second mentor")
    html = page(as_user(new_mentor), url, goal).get_data(as_text=True)
    assert "From the second mentor" in html and "From the first mentor" not in html
    mine = page(as_user(world.mentee), url, goal).get_data(as_text=True)
    assert "From the first mentor" in mine and "From the second mentor" in mine


def test_others_find_nothing_and_coordinators_are_refused(world, as_user, url):
    goal = make_goal(world.mentee)
    assert page(as_user(world.other_mentee), url, goal).status_code == 404
    assert page(as_user(world.other_mentor), url, goal).status_code == 404
    assert page(as_user(world.coordinator), url, goal).status_code == 403
    assert page(as_user(world.lead), url, goal).status_code == 403


def test_a_draft_asks_the_mentee_and_waits_for_them(world, as_user, url):
    draft = make_draft(world.mentor, world.mentee)
    mine = page(as_user(world.mentee), url, draft).get_data(as_text=True)
    assert "Make it my goal" in mine and "Change it first" in mine and "No thanks" in mine
    assert "How far along are you?" not in mine
    theirs = page(as_user(world.mentor), url, draft).get_data(as_text=True)
    assert "Waiting for Mia Mentee" in theirs and "Withdraw the draft" in theirs


def test_an_achieved_goal_is_celebrated(world, as_user, url):
    goal = make_goal(world.mentee, status=Goal.ACHIEVED, status_changed_at=utcnow())
    html = page(as_user(world.mentee), url, goal).get_data(as_text=True)
    assert "Achieved on" in html and "It took steps, and you took them." in html and "Pick it up again" in html
    assert "How far along are you?" not in html


def test_long_conversations_come_a_page_at_a_time(world, as_user, url):
    goal = make_goal(world.mentee)
    start = utcnow() - timedelta(days=30)
    for i in range(25):
        comment(goal, world.mentor, world.match, f"Message number {i:02d}", created_at=start + timedelta(hours=i))
    client = as_user(world.mentee)
    html = page(client, url, goal).get_data(as_text=True)
    assert "Message number 24" in html and "Message number 04" not in html and "Earlier messages" in html
    # Oldest first on the page, like a chat.
    assert html.index("Message number 05") < html.index("Message number 24")
    earlier = page(client, url, goal, page=2).get_data(as_text=True)
    assert "Message number 04" in earlier and "Later messages" in earlier


def test_reorder_mode_comes_as_a_fragment_for_htmx(world, as_user, url):
    goal = make_goal(world.mentee)
    make_step(goal, "One")
    make_step(goal, "Two")
    response = as_user(world.mentee).get(url("goals.goal", goal_id=goal.id, reorder=1),
                                         headers={**HX, "HX-Target": "goal-steps"})
    html = response.get_data(as_text=True)
    assert html.lstrip().startswith('<section id="goal-steps"') and "<html" not in html
    assert "Move “Two” up" in html and "Done reordering" in html
    assert "HX-Request" in response.headers.get("Vary", "")


def test_htmx_following_a_redirect_gets_the_whole_page(world, as_user, url):
    goal = make_goal(world.mentee)
    html = as_user(world.mentee).get(url("goals.goal", goal_id=goal.id), headers=HX).get_data(as_text=True)
    assert "<h1>Walk to the park</h1>" in html and 'id="goal-progress"' in html


def test_a_mentor_cannot_reorder(world, as_user, url):
    goal = make_goal(world.mentee)
    make_step(goal, "One")
    make_step(goal, "Two")
    html = as_user(world.mentor).get(url("goals.goal", goal_id=goal.id, reorder=1)).get_data(as_text=True)
    assert "Move “Two” up" not in html


def test_overdue_steps_are_marked_in_the_mentees_own_day(world, as_user, url):
    goal = make_goal(world.mentee)
    make_step(goal, "Late one", due_date=(utcnow() - timedelta(days=3)).date())
    make_step(goal, "Later one", due_date=(utcnow() + timedelta(days=3)).date())
    html = page(as_user(world.mentee), url, goal).get_data(as_text=True)
    assert html.count("overdue: was due") == 1


def test_mentors_match_is_checked_not_just_the_role(world, as_user, url):
    goal = make_goal(world.mentee)
    Match.update(status=Match.ENDED).where(Match.id == world.match.id).execute()
    assert page(as_user(world.mentor), url, goal).status_code == 404


def test_every_form_carries_a_csrf_token(app, world, as_user, url):
    import re

    app.config["WTF_CSRF_ENABLED"] = True
    goal = make_goal(world.mentee)
    make_step(goal, "Mine")
    make_step(goal, "Suggested", is_suggestion=True, created_by=world.mentor)
    for user in (world.mentee, world.mentor):
        html = page(as_user(user), url, goal).get_data(as_text=True)
        forms = re.findall(r'<form method="post".*?</form>', html, re.S)
        assert forms and all('name="csrf_token"' in f for f in forms)
    refused = as_user(world.mentee).post(url("goals.add_rating", goal_id=goal.id), data={"rating-value": "3"})
    assert refused.status_code == 400
