"""Setting a goal: only a title is needed; limits are explained; nothing typed is lost."""

from mentoring.goals.models import TITLE_MAX, Goal, Step

CLIENT = "new-goal-client-1"


def post(client, url, **data):
    data.setdefault("client_id", CLIENT)
    return client.post(url("goals.new"), data=data)


def test_the_form_guides_toward_a_smart_goal(world, as_user, url):
    html = as_user(world.mentee).get(url("goals.new")).get_data(as_text=True)
    for text in ("What do you want to achieve?", "How much, or how often?", "By when?",
                 "What support would you like from your mentor?", "Why does it matter to you?",
                 "Part of life", "Who can see it?", "3 times a week"):
        assert text in html
    assert 'name="client_id"' in html


def test_a_title_alone_sets_a_shared_goal(world, as_user, url):
    response = post(as_user(world.mentee), url, title="Walk to the park")
    goal = Goal.get()
    assert response.status_code == 303 and response.headers["Location"].endswith(url("goals.goal", goal_id=goal.id))
    assert goal.title == "Walk to the park" and goal.shared and goal.status == Goal.ACTIVE
    assert goal.mentee_id == world.mentee.id and goal.program_id == world.program.id


def test_every_field_is_kept(world, as_user, url):
    post(as_user(world.mentee), url, title="Cook", measure="2 meals a week", target_date="2030-06-01",
         support="Ask me on Fridays", why="To feel better", area="health", shared="private",
         steps="Buy a pan\nFind a recipe")
    goal = Goal.get()
    assert (goal.measure, str(goal.target_date), goal.support, goal.why, goal.area, goal.shared) == (
        "2 meals a week", "2030-06-01", "Ask me on Fridays", "To feel better", "health", False)
    assert [s.title for s in Step.select().order_by(Step.position)] == ["Buy a pan", "Find a recipe"]


def test_a_missing_title_is_explained(world, as_user, url):
    response = post(as_user(world.mentee), url, title="  ", why="Because")
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "Give your goal a name" in html and "Because" in html
    assert Goal.select().count() == 0


def test_a_long_title_comes_back_with_the_count(world, as_user, url):
    long_title = "x" * (TITLE_MAX + 5)
    response = post(as_user(world.mentee), url, title=long_title, measure="daily", steps="Step one")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f"Keep this to {TITLE_MAX} characters or fewer: it has {TITLE_MAX + 5} now." in html
    assert long_title in html and "daily" in html and "Step one" in html
    assert 'aria-invalid="true"' in html


def test_long_notes_and_too_many_steps_are_refused(world, as_user, url):
    response = post(as_user(world.mentee), url, title="Ok", why="w" * 501, steps="\n".join(f"s{i}" for i in range(11)))
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "it has 501 now" in html and "up to 10 steps" in html
    # The optional part opens by itself when it holds a problem.
    assert '<details class="more-fields" open>' in html


def test_a_bad_date_is_explained(world, as_user, url):
    response = post(as_user(world.mentee), url, title="Ok", target_date="soon")
    assert response.status_code == 422 and "Choose a date from the calendar" in response.get_data(as_text=True)


def test_a_double_tap_sets_one_goal(world, as_user, url):
    client = as_user(world.mentee)
    first = post(client, url, title="Walk", steps="Shoes")
    second = post(client, url, title="Walk", steps="Shoes")
    assert first.headers["Location"] == second.headers["Location"]
    assert Goal.select().count() == 1 and Step.select().count() == 1


def test_worrying_words_bring_up_help_on_the_goal_page(world, as_user, url):
    client = as_user(world.mentee)
    post(client, url, title="Stop wanting to end it all")
    html = client.get(url("goals.goal", goal_id=Goal.get().id)).get_data(as_text=True)
    assert 'id="crisis-panel"' in html and "How are you doing?" in html
    # Once is enough: it does not follow them around.
    assert 'id="crisis-panel"' not in client.get(url("goals.goal", goal_id=Goal.get().id)).get_data(as_text=True)


def test_mentors_and_coordinators_cannot_set_goals_for_themselves(world, as_user, url):
    assert post(as_user(world.mentor), url, title="x").status_code == 403
    assert post(as_user(world.coordinator), url, title="x").status_code == 403
    assert Goal.select().count() == 0
