"""Steps: added, ticked, reordered, edited and suggested, in place with htmx or by page without."""

from mentoring.goals.models import STEPS_PER_GOAL, Goal, Step
from mentoring.push import Notification

from .support import make_goal, make_step
HX = {"HX-Request": "true", "HX-Target": "goal-steps"}


def steps_of(goal):
    return [s.title for s in Step.select().where(Step.goal == goal.id).order_by(Step.position, Step.id)]


class TestAdding:
    def test_without_javascript_it_goes_back_to_the_steps(self, world, as_user, url):
        goal = make_goal(world.mentee)
        response = as_user(world.mentee).post(url("goals.add_step", goal_id=goal.id),
                                              data={"step-title": "Find shoes", "step-client_id": "step-client-1"})
        assert response.status_code == 303
        assert response.headers["Location"].endswith(url("goals.goal", goal_id=goal.id) + "#goal-steps")
        assert steps_of(goal) == ["Find shoes"]

    def test_with_htmx_the_fragment_comes_back_with_a_fresh_form(self, world, as_user, url):
        goal = make_goal(world.mentee)
        response = as_user(world.mentee).post(
            url("goals.add_step", goal_id=goal.id), headers=HX,
            data={"step-title": "Find shoes", "step-due_date": "2030-01-05", "step-client_id": "step-client-1"})
        html = response.get_data(as_text=True)
        assert response.status_code == 200 and html.lstrip().startswith('<section id="goal-steps"')
        assert "Find shoes" in html and "by 5 Jan" in html and "step-client-1" not in html
        assert 'hx-swap-oob="innerHTML:#goal-announcer">Step added.' in html

    def test_a_double_tap_adds_one_step(self, world, as_user, url):
        goal = make_goal(world.mentee)
        client = as_user(world.mentee)
        for _ in range(2):
            client.post(url("goals.add_step", goal_id=goal.id), headers=HX,
                        data={"step-title": "Find shoes", "step-client_id": "step-client-1"})
        assert steps_of(goal) == ["Find shoes"]

    def test_a_long_step_comes_back_with_its_text(self, world, as_user, url):
        goal = make_goal(world.mentee)
        for headers in (HX, {}):
            response = as_user(world.mentee).post(url("goals.add_step", goal_id=goal.id), headers=headers,
                                                  data={"step-title": "y" * 130, "step-client_id": "step-client-1"})
            html = response.get_data(as_text=True)
            assert response.status_code == 422 and "it has 130 now" in html and "y" * 130 in html
        assert steps_of(goal) == []

    def test_a_full_goal_says_so(self, world, as_user, url):
        goal = make_goal(world.mentee)
        for i in range(STEPS_PER_GOAL):
            make_step(goal, f"s{i}")
        response = as_user(world.mentee).post(url("goals.add_step", goal_id=goal.id), headers=HX,
                                              data={"step-title": "More", "step-client_id": "step-client-1"})
        assert response.status_code == 422 and "up to 30 steps" in response.get_data(as_text=True)

    def test_no_steps_on_a_finished_goal(self, world, as_user, url):
        goal = make_goal(world.mentee, status=Goal.ACHIEVED)
        response = as_user(world.mentee).post(url("goals.add_step", goal_id=goal.id),
                                              data={"step-title": "More", "step-client_id": "step-client-1"})
        assert response.status_code == 404


class TestSuggestions:
    def test_the_mentors_step_waits_for_the_mentee(self, world, as_user, url):
        goal = make_goal(world.mentee)
        response = as_user(world.mentor).post(url("goals.add_step", goal_id=goal.id), headers=HX,
                                              data={"step-title": "Ask a friend", "step-client_id": "step-client-1"})
        html = response.get_data(as_text=True)
        assert response.status_code == 200 and "waiting for Mia Mentee" in html and "Withdraw" in html
        step = Step.get()
        assert step.is_suggestion and Notification.select().where(Notification.user == world.mentee.id).count() == 1
        mine = as_user(world.mentee).get(url("goals.goal", goal_id=goal.id)).get_data(as_text=True)
        assert "Suggested by your mentor" in mine and "Add “Ask a friend” to my steps" in mine

    def test_the_mentee_accepts_it(self, world, as_user, url):
        goal = make_goal(world.mentee)
        step = make_step(goal, "Ask a friend", is_suggestion=True, created_by=world.mentor)
        response = as_user(world.mentee).post(url("goals.accept_step", goal_id=goal.id, step_id=step.id), headers=HX)
        assert response.status_code == 200 and 'aria-label="Change “Ask a friend”"' in response.get_data(as_text=True)
        assert not Step.get_by_id(step.id).is_suggestion

    def test_the_mentee_says_no_thanks(self, world, as_user, url):
        goal = make_goal(world.mentee)
        step = make_step(goal, "Ask a friend", is_suggestion=True, created_by=world.mentor)
        as_user(world.mentee).post(url("goals.delete_step", goal_id=goal.id, step_id=step.id))
        assert steps_of(goal) == []

    def test_the_mentor_may_withdraw_only_their_own_suggestion(self, world, as_user, url):
        goal = make_goal(world.mentee)
        theirs = make_step(goal, "Mine", is_suggestion=True, created_by=world.mentor)
        accepted = make_step(goal, "Mentee's")
        mentor = as_user(world.mentor)
        assert mentor.post(url("goals.delete_step", goal_id=goal.id, step_id=accepted.id)).status_code == 404
        assert mentor.post(url("goals.delete_step", goal_id=goal.id, step_id=theirs.id)).status_code == 303
        assert steps_of(goal) == ["Mentee's"]

    def test_a_mentor_cannot_tick_accept_or_move(self, world, as_user, url):
        goal = make_goal(world.mentee)
        step = make_step(goal, "Mine", is_suggestion=True, created_by=world.mentor)
        mentor = as_user(world.mentor)
        assert mentor.post(url("goals.accept_step", goal_id=goal.id, step_id=step.id)).status_code == 403
        assert mentor.post(url("goals.toggle_step", goal_id=goal.id, step_id=step.id), data={"done": "1"}).status_code == 403
        assert mentor.post(url("goals.move_step", goal_id=goal.id, step_id=step.id), data={"direction": "up"}).status_code == 403


class TestTicking:
    def test_ticking_in_place_returns_the_checked_box(self, world, as_user, url):
        goal = make_goal(world.mentee)
        step = make_step(goal, "Find shoes")
        response = as_user(world.mentee).post(url("goals.toggle_step", goal_id=goal.id, step_id=step.id),
                                              data={"done": "1"}, headers=HX)
        html = response.get_data(as_text=True)
        assert response.status_code == 200 and 'aria-checked="true"' in html and "1 of 1 step done" in html
        assert "Done: Find shoes. Well done." in html

    def test_a_double_tap_leaves_it_ticked(self, world, as_user, url):
        goal = make_goal(world.mentee)
        step = make_step(goal)
        client = as_user(world.mentee)
        for _ in range(2):
            client.post(url("goals.toggle_step", goal_id=goal.id, step_id=step.id), data={"done": "1"})
        assert Step.get_by_id(step.id).done_at is not None
        client.post(url("goals.toggle_step", goal_id=goal.id, step_id=step.id), data={"done": "0"})
        assert Step.get_by_id(step.id).done_at is None

    def test_without_a_wanted_state_it_is_a_bad_request(self, world, as_user, url):
        goal = make_goal(world.mentee)
        step = make_step(goal)
        response = as_user(world.mentee).post(url("goals.toggle_step", goal_id=goal.id, step_id=step.id))
        assert response.status_code == 400

    def test_another_goals_step_is_not_found(self, world, as_user, url):
        mine, other = make_goal(world.mentee), make_goal(world.other_mentee)
        step = make_step(other)
        response = as_user(world.mentee).post(url("goals.toggle_step", goal_id=mine.id, step_id=step.id), data={"done": "1"})
        assert response.status_code == 404 and Step.get_by_id(step.id).done_at is None


class TestReordering:
    def test_up_and_down_without_javascript(self, world, as_user, url):
        goal = make_goal(world.mentee)
        a, b, c = make_step(goal, "a"), make_step(goal, "b"), make_step(goal, "c")
        client = as_user(world.mentee)
        response = client.post(url("goals.move_step", goal_id=goal.id, step_id=c.id), data={"direction": "up"})
        assert response.status_code == 303 and "reorder=1" in response.headers["Location"]
        assert response.headers["Location"].endswith(f"#step-{c.id}")
        client.post(url("goals.move_step", goal_id=goal.id, step_id=a.id), data={"direction": "down"})
        assert steps_of(goal) == ["c", "a", "b"]

    def test_with_htmx_the_list_stays_in_reorder_mode(self, world, as_user, url):
        goal = make_goal(world.mentee)
        make_step(goal, "a")
        b = make_step(goal, "b")
        response = as_user(world.mentee).post(url("goals.move_step", goal_id=goal.id, step_id=b.id),
                                              data={"direction": "up"}, headers=HX)
        html = response.get_data(as_text=True)
        assert "Done reordering" in html and "Moved up: b." in html
        assert steps_of(goal) == ["b", "a"]

    def test_a_bad_direction_is_refused(self, world, as_user, url):
        goal = make_goal(world.mentee)
        step = make_step(goal)
        response = as_user(world.mentee).post(url("goals.move_step", goal_id=goal.id, step_id=step.id),
                                              data={"direction": "sideways"})
        assert response.status_code == 400


class TestEditing:
    def test_the_mentee_renames_and_dates_a_step(self, world, as_user, url):
        goal = make_goal(world.mentee)
        step = make_step(goal, "Old")
        client = as_user(world.mentee)
        assert "Old" in client.get(url("goals.edit_step", goal_id=goal.id, step_id=step.id)).get_data(as_text=True)
        response = client.post(url("goals.edit_step", goal_id=goal.id, step_id=step.id),
                               data={"step-title": "New", "step-due_date": "2031-02-03"})
        assert response.status_code == 303
        saved = Step.get_by_id(step.id)
        assert saved.title == "New" and str(saved.due_date) == "2031-02-03"

    def test_an_empty_title_comes_back(self, world, as_user, url):
        goal = make_goal(world.mentee)
        step = make_step(goal, "Old")
        response = as_user(world.mentee).post(url("goals.edit_step", goal_id=goal.id, step_id=step.id),
                                              data={"step-title": "", "step-due_date": "2031-02-03"})
        assert response.status_code == 422 and "2031-02-03" in response.get_data(as_text=True)
        assert Step.get_by_id(step.id).title == "Old"


def test_ticking_the_last_step_asks_if_the_goal_is_achieved(world, as_user, url):
    goal = make_goal(world.mentee)
    step = make_step(goal, "Only step")
    response = as_user(world.mentee).post(url("goals.toggle_step", goal_id=goal.id, step_id=step.id),
                                          data={"done": "1"}, headers=HX)
    html = response.get_data(as_text=True)
    assert "Every step done." in html and "achieved it" in html
