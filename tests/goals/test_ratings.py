"""Rating progress 0-10 with a short note; every rating is kept with its date."""

from datetime import timedelta

from mentoring.clock import utcnow
from mentoring.goals.models import Goal, Rating

from .support import make_goal, rate
HX = {"HX-Request": "true", "HX-Target": "goal-progress"}


def send(client, url, goal, headers=None, **data):
    data = {f"rating-{k}": v for k, v in data.items()}
    data.setdefault("rating-client_id", "rating-client-1")
    return client.post(url("goals.add_rating", goal_id=goal.id), data=data, headers=headers or {})


def test_a_rating_updates_the_progress_in_place(world, as_user, url):
    goal = make_goal(world.mentee)
    rate(goal, 2, days_ago=10)
    response = send(as_user(world.mentee), url, goal, HX, value="6", note="Out twice")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and html.lstrip().startswith('<section id="goal-progress"')
    assert "2 ratings" in html and "from 2 to 6 out of 10" in html and "Out twice" in html
    assert "Saved: 6 out of 10." in html
    rating = Rating.select().order_by(Rating.id.desc()).get()
    assert rating.match_id == world.match.id and rating.created_by_id == world.mentee.id


def test_without_javascript_it_goes_back_to_the_progress(world, as_user, url):
    goal = make_goal(world.mentee)
    response = send(as_user(world.mentee), url, goal, value="0")
    assert response.status_code == 303 and response.headers["Location"].endswith("#goal-progress")
    assert Rating.get().value == 0


def test_a_mentee_without_a_mentor_can_rate(world, as_user, url):
    from ..factories import make_user

    loner = make_user(world.program)
    goal = make_goal(loner)
    send(as_user(loner), url, goal, value="3")
    assert Rating.get().match_id is None


def test_out_of_range_or_missing_ratings_are_explained(world, as_user, url):
    goal = make_goal(world.mentee)
    for value in ("11", "-1", "", "lots"):
        response = send(as_user(world.mentee), url, goal, HX, value=value, note="Kept note")
        html = response.get_data(as_text=True)
        assert response.status_code == 422 and "Choose a number from 0 to 10." in html and "Kept note" in html
    assert Rating.select().count() == 0


def test_a_long_note_comes_back_with_the_chosen_number(world, as_user, url):
    goal = make_goal(world.mentee)
    response = send(as_user(world.mentee), url, goal, value="7", note="n" * 300)
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "it has 300 now" in html and "n" * 300 in html
    assert 'value="7" checked' in html


def test_a_double_tap_saves_one_rating(world, as_user, url):
    goal = make_goal(world.mentee)
    client = as_user(world.mentee)
    send(client, url, goal, HX, value="5")
    send(client, url, goal, HX, value="5")
    assert Rating.select().count() == 1


def test_finished_goals_take_no_ratings(world, as_user, url):
    goal = make_goal(world.mentee, status=Goal.ACHIEVED)
    assert send(as_user(world.mentee), url, goal, value="5").status_code == 404


def test_risky_words_in_a_note_show_help_in_place(world, as_user, url):
    goal = make_goal(world.mentee)
    html = send(as_user(world.mentee), url, goal, HX, value="1", note="I want to die").get_data(as_text=True)
    assert 'id="crisis-panel"' in html and "How are you doing?" in html


def test_all_ratings_page_by_page(world, as_user, url):
    goal = make_goal(world.mentee)
    start = utcnow() - timedelta(days=100)
    for i in range(30):
        Rating.create(goal=goal, created_by=world.mentee, client_id=f"r{i:03d}", value=i % 11,
                      note=f"week {i:02d}", created_at=start + timedelta(days=i))
    client = as_user(world.mentee)
    first = client.get(url("goals.ratings", goal_id=goal.id)).get_data(as_text=True)
    assert "week 29" in first and "week 04" not in first and 'rel="next"' in first
    second = client.get(url("goals.ratings", goal_id=goal.id, page=2)).get_data(as_text=True)
    assert "week 04" in second
    # The goal page links to them once there are more than the chart shows.
    assert "All 30 ratings" in client.get(url("goals.goal", goal_id=goal.id)).get_data(as_text=True)


def test_the_mentor_sees_the_ratings_but_cannot_rate(world, as_user, url):
    goal = make_goal(world.mentee)
    rate(goal, 4, note="Seen by mentor")
    mentor = as_user(world.mentor)
    assert "Seen by mentor" in mentor.get(url("goals.ratings", goal_id=goal.id)).get_data(as_text=True)
    assert send(mentor, url, goal, value="9").status_code == 403
