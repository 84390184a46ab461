from playhouse.test_utils import count_queries

from mentoring.models import MENTEE, MENTOR

from ..factories import make_match, make_user


def test_a_mentee_without_a_mentor_is_told_what_happens_next(as_user, world):
    waiting = make_user(world.program, MENTEE)
    body = as_user(waiting).get("/").get_data(as_text=True)
    assert "have a mentor yet" in body


def test_a_mentee_sees_their_mentor(as_user, world):
    assert "Mo Mentor" in as_user(world.mentee).get("/").get_data(as_text=True)


def test_a_mentor_sees_their_mentees_only(as_user, world):
    body = as_user(world.mentor).get("/").get_data(as_text=True)
    assert "Mia Mentee" in body and "Omar Othermentee" not in body


def test_a_new_mentor_gets_an_honest_empty_state(as_user, world):
    body = as_user(make_user(world.program, MENTOR)).get("/").get_data(as_text=True)
    assert "No mentees yet" in body


def test_the_coordinator_sees_program_figures(as_user, world):
    make_user(world.program, MENTEE)
    body = as_user(world.coordinator).get("/").get_data(as_text=True)
    assert "Mentees waiting for a mentor" in body
    assert "Pair a mentee" in body


def test_home_pages_cost_the_same_queries_with_more_people(as_user, world):
    clients = {kind: as_user(getattr(world, kind)) for kind in ("mentee", "mentor", "coordinator", "lead")}
    before = {}
    for kind, client in clients.items():
        client.get("/")
        with count_queries() as counted:
            client.get("/")
        before[kind] = counted.count
    for _ in range(15):
        make_match(make_user(world.program, MENTOR), make_user(world.program, MENTEE))
        make_user(world.program, MENTEE)
    for _ in range(10):
        make_match(world.mentor, make_user(world.program, MENTEE))
    for kind, client in clients.items():
        with count_queries() as counted:
            client.get("/")
        assert counted.count == before[kind], kind


def test_program_wide_figures_are_worked_out_at_most_once_a_minute(as_user, world):
    client = as_user(world.coordinator)
    with count_queries() as first:
        client.get("/")
    with count_queries() as kept:
        client.get("/")
    # The goals, meetings, messaging and people figures come from what was kept.
    assert kept.count <= first.count - 4
    client.application.config["PROGRAM_CARD_SECONDS"] = 0
    with count_queries() as again:
        client.get("/")
    assert again.count == first.count


def test_the_mentee_home_runs_ten_queries_or_fewer_however_much_history(as_user, world):
    from datetime import date, timedelta

    from mentoring.goals.models import Goal, Rating, Step

    from ..meetings.support import make_meeting, make_series, soon

    client = as_user(world.mentee)

    def counted():
        with count_queries() as q:
            assert client.get("/").status_code == 200
        return q.count

    before = counted()
    make_series(world.match, date(2025, 1, 6))
    make_meeting(world.match, soon(2), status="proposed", attention=world.mentee)
    for n in range(5):
        goal = Goal.create(program=world.program, mentee=world.mentee, created_by=world.mentee,
                           client_id=f"home-{n}", title=f"Goal {n}")
        Step.create(goal=goal, created_by=world.mentee, client_id=f"home-s{n}", title="Step")
        for r in range(4):
            Rating.create(goal=goal, created_by=world.mentee, match=world.match, client_id=f"home-{n}-{r}",
                          value=r, created_at=goal.created_at - timedelta(days=r))
    after = counted()
    assert after == before and after <= 10
