"""A mentor drafts a goal with their mentee; it becomes the mentee's only when they accept or edit it."""

from mentoring.goals.models import Goal, Step
from mentoring.people.matching import end_match

from .support import make_draft
def draft_url(url, world):
    return url("goals.draft", match_id=world.match.id)


def test_the_mentor_drafts_a_goal_with_first_steps(world, as_user, url):
    mentor = as_user(world.mentor)
    assert "Draft a goal with Mia Mentee" in mentor.get(draft_url(url, world)).get_data(as_text=True)
    response = mentor.post(draft_url(url, world), data={"title": "Join a choir", "steps": "Find one\nGo once",
                                                        "client_id": "draft-client-1"})
    goal = Goal.get()
    assert response.status_code == 303 and response.headers["Location"].endswith(url("goals.goal", goal_id=goal.id))
    assert goal.status == Goal.DRAFT and goal.mentee_id == world.mentee.id and goal.drafted_by_id == world.mentor.id
    assert goal.shared and Step.select().count() == 2


def test_a_draft_form_has_no_privacy_choice_and_keeps_text_on_error(world, as_user, url):
    mentor = as_user(world.mentor)
    assert "Who can see it?" not in mentor.get(draft_url(url, world)).get_data(as_text=True)
    response = mentor.post(draft_url(url, world), data={"title": "", "why": "Loves singing", "client_id": "draft-client-1"})
    assert response.status_code == 422 and "Loves singing" in response.get_data(as_text=True)


def test_only_the_current_mentor_of_that_match_drafts(world, as_user, url):
    assert as_user(world.other_mentor).get(draft_url(url, world)).status_code == 404
    end_match(world.match, "completed")
    assert as_user(world.mentor).get(draft_url(url, world)).status_code == 404


def test_the_mentee_accepts_it_as_it_is(world, as_user, url):
    draft = make_draft(world.mentor, world.mentee)
    response = as_user(world.mentee).post(url("goals.accept", goal_id=draft.id))
    assert response.status_code == 303 and Goal.get_by_id(draft.id).status == Goal.ACTIVE


def test_the_mentee_changes_it_and_it_becomes_theirs(world, as_user, url):
    draft = make_draft(world.mentor, world.mentee)
    client = as_user(world.mentee)
    assert "Make it yours" in client.get(url("goals.edit", goal_id=draft.id)).get_data(as_text=True)
    client.post(url("goals.edit", goal_id=draft.id), data={"title": "Sing at home", "shared": "private"})
    goal = Goal.get_by_id(draft.id)
    assert goal.status == Goal.ACTIVE and goal.title == "Sing at home" and not goal.shared
    # Now private, the mentor who drafted it no longer sees it.
    assert as_user(world.mentor).get(url("goals.goal", goal_id=goal.id)).status_code == 404


def test_the_mentee_declines_it(world, as_user, url):
    draft = make_draft(world.mentor, world.mentee)
    response = as_user(world.mentee).post(url("goals.discard", goal_id=draft.id))
    assert response.status_code == 303 and response.headers["Location"].endswith(url("goals.index"))
    assert Goal.select().count() == 0


def test_the_mentor_withdraws_it(world, as_user, url):
    draft = make_draft(world.mentor, world.mentee)
    response = as_user(world.mentor).post(url("goals.discard", goal_id=draft.id))
    assert response.headers["Location"].endswith(url("home.mentee", match_id=world.match.id))
    assert Goal.select().count() == 0


def test_an_accepted_goal_cannot_be_discarded_as_a_draft(world, as_user, url):
    draft = make_draft(world.mentor, world.mentee, status=Goal.ACTIVE)
    assert as_user(world.mentor).post(url("goals.discard", goal_id=draft.id)).status_code == 404
    assert Goal.select().count() == 1


def test_a_mentor_cannot_accept_for_the_mentee(world, as_user, url):
    draft = make_draft(world.mentor, world.mentee)
    assert as_user(world.mentor).post(url("goals.accept", goal_id=draft.id)).status_code == 403
    assert Goal.get_by_id(draft.id).status == Goal.DRAFT


def test_a_draft_takes_no_ratings_or_status_changes(world, as_user, url):
    draft = make_draft(world.mentor, world.mentee)
    client = as_user(world.mentee)
    assert client.post(url("goals.add_rating", goal_id=draft.id), data={"rating-value": "3"}).status_code == 404
    assert client.get(url("goals.status", goal_id=draft.id)).status_code == 404
