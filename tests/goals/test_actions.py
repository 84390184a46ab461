"""Changes to goals: each applied once, in the right state, with the right people told."""

from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from mentoring.clock import utcnow
from mentoring.goals import actions
from mentoring.goals.models import STEPS_PER_GOAL, Comment, Goal, Rating, Step
from mentoring.push import Notification

from .support import make_draft, make_goal, make_step
@pytest.fixture(autouse=True)
def app_context(app):
    # Pushes build their links with the app's URL map; no requests are made here.
    with app.app_context():
        yield


def form(client_id="client-0001", shared=True, steps=(), **values):
    fields = {"title": "Walk", "measure": "", "target_date": None, "support": "", "why": "", "area": "",
              "due_date": None, "value": 5, "note": "", "body": "Hi"}
    fields.update(values)
    f = SimpleNamespace(**{k: SimpleNamespace(data=v) for k, v in fields.items()})
    f.client_id = SimpleNamespace(data=client_id)
    f.is_shared = shared
    f.step_titles = list(steps)
    return f


def pushes(user):
    return list(Notification.select().where(Notification.user == user.id))


class TestCreating:
    def test_a_mentee_sets_an_active_goal_with_first_steps(self, world):
        goal, created = actions.create_goal(world.mentee, form(steps=["Shoes", "Corner"]), world.mentee)
        assert created and goal.status == Goal.ACTIVE and goal.shared and goal.drafted_by_id is None
        assert [s.title for s in Step.select().where(Step.goal == goal).order_by(Step.position)] == ["Shoes", "Corner"]

    def test_the_same_form_sent_twice_makes_one_goal(self, world):
        first, _ = actions.create_goal(world.mentee, form(steps=["Shoes"]), world.mentee)
        second, created = actions.create_goal(world.mentee, form(steps=["Shoes"]), world.mentee)
        assert not created and second.id == first.id
        assert Goal.select().count() == 1 and Step.select().count() == 1

    def test_a_private_goal_stays_private(self, world):
        goal, _ = actions.create_goal(world.mentee, form(shared=False), world.mentee)
        assert not goal.shared

    def test_a_mentor_draft_is_shared_waits_for_the_mentee_and_tells_them(self, world):
        goal, _ = actions.create_goal(world.mentee, form(shared=False), world.mentor, world.match)
        assert goal.status == Goal.DRAFT and goal.shared and goal.drafted_by_id == world.mentor.id
        [push] = pushes(world.mentee)
        assert push.kind == "goal" and push.url == f"/goals/{goal.id}"


class TestDrafts:
    def test_accepting_makes_it_active_once(self, world):
        draft = make_draft(world.mentor, world.mentee)
        assert actions.accept_draft(draft)
        assert not actions.accept_draft(draft)
        assert Goal.get_by_id(draft.id).status == Goal.ACTIVE

    def test_editing_a_draft_makes_it_the_mentees(self, world):
        draft = make_draft(world.mentor, world.mentee)
        actions.update_goal(draft, form(title="Sing in a choir", shared=False))
        saved = Goal.get_by_id(draft.id)
        assert saved.status == Goal.ACTIVE and saved.title == "Sing in a choir" and not saved.shared

    def test_discarding_removes_only_drafts(self, world):
        draft, goal = make_draft(world.mentor, world.mentee), make_goal(world.mentee)
        assert actions.discard_draft(draft) and not actions.discard_draft(goal)
        assert list(Goal.select()) == [goal]


class TestStatus:
    def test_achieving_a_shared_goal_tells_the_mentor(self, world):
        goal = make_goal(world.mentee)
        assert actions.set_status(goal, Goal.ACHIEVED, "It took a month", mentor_id=world.mentor.id)
        saved = Goal.get_by_id(goal.id)
        assert saved.status == Goal.ACHIEVED and saved.reflection == "It took a month" and saved.status_changed_at
        assert len(pushes(world.mentor)) == 1

    def test_achieving_a_private_goal_tells_nobody(self, world):
        goal = make_goal(world.mentee, shared=False)
        actions.set_status(goal, Goal.ACHIEVED, mentor_id=world.mentor.id)
        assert pushes(world.mentor) == []

    def test_the_same_move_twice_changes_nothing(self, world):
        goal = make_goal(world.mentee)
        assert actions.set_status(goal, Goal.PAUSED)
        assert not actions.set_status(goal, Goal.PAUSED)

    def test_a_refused_move_raises(self, world):
        goal = make_goal(world.mentee, status=Goal.ACHIEVED)
        with pytest.raises(actions.GoalError):
            actions.set_status(goal, Goal.LET_GO)


class TestSteps:
    def test_steps_go_to_the_end_and_a_double_tap_adds_one(self, world):
        goal = make_goal(world.mentee)
        make_step(goal, "First")
        step, created = actions.add_step(goal, form(title="Second", client_id="step-0001"), world.mentee)
        again, created_again = actions.add_step(goal, form(title="Second", client_id="step-0001"), world.mentee)
        assert created and not created_again and again.id == step.id and step.position == 2
        assert Step.select().where(Step.goal == goal).count() == 2

    def test_a_mentors_step_is_a_suggestion_and_the_mentee_is_told(self, world):
        goal = make_goal(world.mentee)
        step, _ = actions.add_step(goal, form(title="Ask a friend"), world.mentor, suggestion=True)
        assert step.is_suggestion and len(pushes(world.mentee)) == 1
        assert actions.accept_suggestion(step) and not Step.get_by_id(step.id).is_suggestion

    def test_a_goal_holds_a_limited_number_of_steps(self, world):
        goal = make_goal(world.mentee)
        for i in range(STEPS_PER_GOAL):
            make_step(goal, f"Step {i}")
        with pytest.raises(actions.GoalError):
            actions.add_step(goal, form(title="One more"), world.mentee)

    def test_ticking_sets_a_state_so_a_double_tap_keeps_it_ticked(self, world):
        goal = make_goal(world.mentee, updated_at=utcnow() - timedelta(days=5))
        step = make_step(goal)
        assert actions.set_step_done(step, True)
        assert not actions.set_step_done(Step.get_by_id(step.id), True)
        assert Step.get_by_id(step.id).done_at is not None
        assert Goal.get_by_id(goal.id).updated_at > goal.updated_at
        assert actions.set_step_done(Step.get_by_id(step.id), False)
        assert Step.get_by_id(step.id).done_at is None

    def test_moving_renumbers_the_steps(self, world):
        goal = make_goal(world.mentee)
        a, b, c = (make_step(goal, t, position=1) for t in "abc")  # equal positions: order by id
        assert actions.move_step(goal, c, "up")
        order = [s.title for s in Step.select().where(Step.goal == goal).order_by(Step.position, Step.id)]
        assert order == ["a", "c", "b"]
        assert [s.position for s in Step.select().where(Step.goal == goal).order_by(Step.position)] == [1, 2, 3]
        assert not actions.move_step(goal, Step.get_by_id(a.id), "up")

    def test_editing_a_step_sets_its_date(self, world):
        step = make_step(make_goal(world.mentee))
        actions.update_step(step, form(title="Renamed", due_date=date(2030, 1, 2)))
        saved = Step.get_by_id(step.id)
        assert saved.title == "Renamed" and saved.due_date == date(2030, 1, 2)


class TestRatingsAndComments:
    def test_a_rating_is_kept_with_its_match_once(self, world):
        goal = make_goal(world.mentee)
        rating, created = actions.add_rating(goal, form(value=7, note="Good week"), world.mentee, world.match)
        _, again = actions.add_rating(goal, form(value=7, note="Good week"), world.mentee, world.match)
        assert created and not again and Rating.select().count() == 1
        assert rating.match_id == world.match.id and rating.value == 7 and rating.note == "Good week"

    def test_a_comment_tells_the_other_person_in_the_match(self, world):
        goal = make_goal(world.mentee)
        actions.add_comment(goal, form(body="Keep going"), world.mentor, world.match)
        actions.add_comment(goal, form(body="Thanks", client_id="client-0002"), world.mentee, world.match)
        assert len(pushes(world.mentee)) == 1 and len(pushes(world.mentor)) == 1
        assert Comment.select().where(Comment.match == world.match.id).count() == 2

    def test_a_comment_sent_twice_is_saved_once(self, world):
        goal = make_goal(world.mentee)
        actions.add_comment(goal, form(body="Keep going"), world.mentor, world.match)
        _, created = actions.add_comment(goal, form(body="Keep going"), world.mentor, world.match)
        assert not created and Comment.select().count() == 1

    def test_pushes_never_carry_what_was_written(self, world):
        goal = make_goal(world.mentee, title="Private words")
        actions.add_comment(goal, form(body="Secret"), world.mentor, world.match)
        [push] = pushes(world.mentee)
        assert "Private" not in push.url + push.topic + push.kind and "Secret" not in push.url + push.topic
