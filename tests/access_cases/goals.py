"""Goal routes: the mentee owns a goal; their current mentor sees it if shared; coordinators never."""

from flask import url_for

from mentoring.goals.models import Comment, Goal, Rating, Step

from . import Case, expect


def setup(world):
    m = world.mentee
    world.goal = Goal.create(program=world.program, mentee=m, created_by=m, client_id="access-goal", title="Walk daily")
    world.step = Step.create(goal=world.goal, created_by=m, client_id="access-step", title="Find shoes", position=1)
    world.suggestion = Step.create(goal=world.goal, created_by=world.mentor, client_id="access-sugg",
                                   title="Ask a friend", position=2, is_suggestion=True)
    Rating.create(goal=world.goal, created_by=m, match=world.match, client_id="access-rating", value=3)
    Comment.create(goal=world.goal, author=world.mentor, match=world.match, client_id="access-comment", body="Go!")
    world.draft = Goal.create(program=world.program, mentee=m, created_by=world.mentor, drafted_by=world.mentor,
                              client_id="access-draft", title="Join a choir", status=Goal.DRAFT)


def _url(endpoint, **args):
    return lambda w: url_for(endpoint, **{k: v(w) for k, v in args.items()})


def get(endpoint, expected, **args):
    return Case("GET", _url(endpoint, **args), expected)


def post(endpoint, expected, data=None, **args):
    return Case("POST", _url(endpoint, **args), expected, data or {})


goal = {"goal_id": lambda w: w.goal.id}
draft = {"goal_id": lambda w: w.draft.id}
step = {**goal, "step_id": lambda w: w.step.id}
suggestion = {**goal, "step_id": lambda w: w.suggestion.id}
match = {"match_id": lambda w: w.match.id}


def mentee_owns(status):
    """Mentee-only routes about one goal: others' goals are not found, other roles refused."""
    return expect(mentee=status, other_mentee=404)


def both(mentee, mentor):
    """Routes for the mentee and their current mentor; everyone else finds nothing."""
    return expect(mentee=mentee, other_mentee=404, mentor=mentor, other_mentor=404)


CASES = {
    "goals.index": get("goals.index", expect(mentee=200)),
    "goals.new": get("goals.new", expect(mentee=200)),
    "goals.goal": get("goals.goal", both(200, 200), **goal),
    "goals.edit": get("goals.edit", mentee_owns(200), **goal),
    "goals.accept": post("goals.accept", mentee_owns(303), **draft),
    # The mentee declines first, so the mentor who drafted it finds nothing left.
    "goals.discard": post("goals.discard", both(303, 404), **draft),
    "goals.status": get("goals.status", mentee_owns(200), **goal),
    "goals.delete": get("goals.delete", mentee_owns(200), **goal),
    "goals.ratings": get("goals.ratings", both(200, 200), **goal),
    "goals.add_rating": post("goals.add_rating", mentee_owns(422), **goal),
    "goals.add_comment": post("goals.add_comment", both(422, 422), **goal),
    "goals.add_step": post("goals.add_step", both(422, 422), **goal),
    "goals.toggle_step": post("goals.toggle_step", mentee_owns(303), data={"done": "1"}, **step),
    "goals.move_step": post("goals.move_step", mentee_owns(303), data={"direction": "up"}, **step),
    "goals.accept_step": post("goals.accept_step", mentee_owns(303), **suggestion),
    # The mentee says no thanks first; the suggesting mentor then finds it gone.
    "goals.delete_step": post("goals.delete_step", both(303, 404), **suggestion),
    "goals.edit_step": get("goals.edit_step", mentee_owns(200), **step),
    "goals.draft": get("goals.draft", expect(mentor=200, other_mentor=404), **match),
    "goals.mentee_goals": get("goals.mentee_goals", expect(mentor=200, other_mentor=404), **match),
}
