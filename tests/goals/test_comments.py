"""Talking about a shared goal: the mentee and their current mentor, nobody else."""

from mentoring.goals.models import Comment
from mentoring.people.matching import end_match

from ..factories import make_user
from .support import make_draft, make_goal
HX = {"HX-Request": "true", "HX-Target": "goal-comments"}


def send(client, url, goal, body, headers=None, client_id="comment-client-1"):
    return client.post(url("goals.add_comment", goal_id=goal.id),
                       data={"comment-body": body, "comment-client_id": client_id}, headers=headers or {})


def test_the_mentor_encourages_in_place(world, as_user, url):
    goal = make_goal(world.mentee)
    response = send(as_user(world.mentor), url, goal, "Great start!", HX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and html.lstrip().startswith('<section id="goal-comments"')
    assert "Great start!" in html and "comment-client-1" not in html
    saved = Comment.get()
    assert saved.author_id == world.mentor.id and saved.match_id == world.match.id


def test_the_mentee_replies_without_javascript(world, as_user, url):
    goal = make_goal(world.mentee)
    response = send(as_user(world.mentee), url, goal, "Thank you")
    assert response.status_code == 303 and response.headers["Location"].endswith("#goal-comments")
    assert Comment.get().body == "Thank you"


def test_an_empty_or_long_message_comes_back(world, as_user, url):
    goal = make_goal(world.mentee)
    assert "Write something first." in send(as_user(world.mentor), url, goal, "  ", HX).get_data(as_text=True)
    response = send(as_user(world.mentor), url, goal, "z" * 1001, HX)
    assert response.status_code == 422 and "z" * 1001 in response.get_data(as_text=True)
    assert Comment.select().count() == 0


def test_a_double_tap_sends_once(world, as_user, url):
    goal = make_goal(world.mentee)
    client = as_user(world.mentor)
    send(client, url, goal, "Hi", HX)
    send(client, url, goal, "Hi", HX)
    assert Comment.select().count() == 1


def test_nobody_talks_on_a_private_goal_or_a_draft(world, as_user, url):
    private = make_goal(world.mentee, shared=False)
    draft = make_draft(world.mentor, world.mentee)
    assert send(as_user(world.mentee), url, private, "To myself").status_code == 404
    assert send(as_user(world.mentor), url, private, "Hi").status_code == 404
    assert send(as_user(world.mentor), url, draft, "Hi").status_code == 404


def test_a_former_mentor_can_no_longer_comment(world, as_user, url):
    goal = make_goal(world.mentee)
    end_match(world.match, "completed")
    assert send(as_user(world.mentor), url, goal, "Still here?").status_code == 404


def test_a_mentee_without_a_mentor_is_told_why_there_is_no_box(world, as_user, url):
    loner = make_user(world.program)
    goal = make_goal(loner)
    html = as_user(loner).get(url("goals.goal", goal_id=goal.id)).get_data(as_text=True)
    assert "When you have a mentor" in html and "Your message" not in html
    assert send(as_user(loner), url, goal, "Anyone?").status_code == 404


def test_the_mentees_worrying_words_show_help_the_mentors_do_not(world, as_user, url):
    goal = make_goal(world.mentee)
    html = send(as_user(world.mentee), url, goal, "I keep thinking about self-harm", HX).get_data(as_text=True)
    assert 'id="crisis-panel"' in html
    html = send(as_user(world.mentor), url, goal, "Any thoughts of self-harm?", HX, "comment-client-2").get_data(as_text=True)
    assert 'id="crisis-panel"' not in html


def test_what_people_write_is_escaped(world, as_user, url):
    goal = make_goal(world.mentee)
    html = send(as_user(world.mentor), url, goal, "<script>alert(1)</script>", HX).get_data(as_text=True)
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
