"""Pages stay fast with a year of daily check-ins for hundreds of mentees: a fixed number of queries."""

import time
from datetime import timedelta

import pytest
from playhouse.test_utils import count_queries

from mentoring.clock import utcnow
from mentoring.mood.models import MeasureResponse

from ..factories import make_match, make_user
from .support import add_daily, sharing
pytestmark = pytest.mark.slow

MENTEE_PAGES = [("home.index", {}), ("mood.checkin", {}), ("mood.history", {}), ("mood.trends", {"days": 90}),
                ("mood.trends", {"days": 7}), ("mood.measures", {}), ("safety.help", {}), ("mood.export_csv", {}),
                ("mood.export_json", {})]


def mentor_pages(world):
    return [("home.index", {}), ("home.mentee", {"match_id": world.match.id}),
            ("mood.mentee_checkins", {"match_id": world.match.id}),
            ("mood.mentee_safety_plan", {"match_id": world.match.id})]


def measure(client, url, pages):
    counts, timings = {}, {}
    for endpoint, args in pages:
        started = time.perf_counter()
        with count_queries() as counter:
            response = client.get(url(endpoint, **args))
        timings[(endpoint, str(args))] = time.perf_counter() - started
        assert response.status_code == 200, endpoint
        counts[(endpoint, str(args))] = counter.count
    return counts, timings


def add_responses(user, n):
    now = utcnow()
    MeasureResponse.insert_many([
        {"user": user.id, "client_id": f"perf-{code}-{n}-{i}", "measure": code, "answers": [1] * size,
         "score": size, "taken_at": now - timedelta(days=28 * i), "local_date": (now - timedelta(days=28 * i)).date()}
        for i in range(n) for code, size in (("phq9", 9), ("gad7", 7))
    ]).execute()


def test_query_counts_do_not_grow_with_the_data(world, as_user, url):
    from mentoring.mood.safety_plan import save_plan

    sharing(world.mentee, checkins=True, measures=True)
    save_plan(world.mentee, {"coping": "walk", "shared": True})
    second = make_user(world.program, "mentee")
    make_match(world.mentor, second)
    sharing(second)
    add_daily([world.mentee, second], 3)
    add_responses(world.mentee, 1)
    mentee, mentor = as_user(world.mentee), as_user(world.mentor)
    small_mentee, _ = measure(mentee, url, MENTEE_PAGES)
    small_mentor, _ = measure(mentor, url, mentor_pages(world))

    many = [make_user(world.program, "mentee") for _ in range(200)]
    for person in many:
        make_match(world.mentor, person)
        sharing(person)
    add_daily(many, 365, tags=False)
    add_daily([world.mentee], 365, end=utcnow() - timedelta(days=3))
    add_responses(world.mentee, 12)

    large_mentee, mentee_times = measure(mentee, url, MENTEE_PAGES)
    large_mentor, mentor_times = measure(mentor, url, mentor_pages(world))
    assert large_mentee == small_mentee
    assert large_mentor == small_mentor
    for name, seconds in sorted({**mentee_times, **mentor_times}.items(), key=lambda kv: -kv[1])[:5]:
        print(f"{name[0]} {name[1]}: {seconds * 1000:.0f} ms, {({**large_mentee, **large_mentor})[name]} queries")


def test_the_tables_have_indexes_for_user_and_time(app):
    from mentoring.db import database

    with database.connection_context():
        indexes = {(i.table, tuple(i.columns)) for t in ("checkins", "measure_responses", "checkin_tags")
                   for i in database.get_indexes(t)}
    assert ("checkins", ("user_id", "local_date")) in indexes
    assert ("checkins", ("user_id", "at")) in indexes
    assert ("checkins", ("user_id", "client_id")) in indexes
    assert ("measure_responses", ("user_id", "measure", "taken_at")) in indexes
    assert ("checkin_tags", ("checkin_id", "kind", "name")) in indexes
