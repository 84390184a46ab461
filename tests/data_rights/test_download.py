"""Download my data: one ZIP of everything the person may see, in a fixed number of queries."""

import csv
import io
import time

from playhouse.test_utils import count_queries

from mentoring.data_rights.export import build_zip

from .support import NOW, fill, load, more, unzip


def test_it_is_a_zip_that_no_cache_keeps(app, as_user, world, url):
    fill(app, world)
    response = as_user(world.mentee).get(url("data_rights.download"))
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/zip"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "profile.json" in unzip(response.data)


def test_it_holds_every_kind_of_record(app, world):
    fill(app, world, days=3, messages=4)
    with app.test_request_context():
        files = unzip(build_zip(world.mentee, NOW))
    assert load(files, "profile.json")["email"] == world.mentee.email
    mood = load(files, "mood.json")
    assert len(mood["check_ins"]) == 3
    assert mood["questionnaires"][0]["score"] == 9
    assert mood["safety_plan"]["reasons"] == "My cat"
    goal = load(files, "goals.json")["goals"][0]
    assert goal["title"] == "Walk to the park"
    assert [s["title"] for s in goal["steps"]] == ["Shoes by the door"]
    assert goal["ratings"][0]["value"] == 6
    assert goal["comments"][0] == {"by": world.mentor.name, "body": "Proud of you",
                                   "written_utc": goal["comments"][0]["written_utc"]}
    messages = load(files, "messages.json")
    assert [m["from"] for m in messages] == ["you", world.mentor.name, "you", world.mentor.name]
    assert load(files, "matches.json")[0]["mentor"] == world.mentor.name
    devices = load(files, "devices_and_settings.json")
    assert devices["push_devices"][0]["name"] == "Phone"
    assert devices["push_preferences"]["daily_cap"] == 3
    rows = list(csv.reader(io.StringIO(files["check_ins.csv"])))
    assert len(rows) == 1 + 3
    assert len(list(csv.reader(io.StringIO(files["messages.csv"])))) == 1 + 4


def test_it_never_holds_others_private_notes_staff_notes_or_safeguarding_records(app, world):
    fill(app, world)
    with app.test_request_context():
        everything = "".join(unzip(build_zip(world.mentee, NOW)).values())
    notes = [n["body"] for n in load(unzip(build_zip(world.mentee, NOW)), "meetings.json")["notes"]]
    assert sorted(notes) == ["My own reminder", "Shared summary"]
    for secret in ("Mentor's private worry", "Safeguarding detail nobody exports", "Other mentee's secret",
                   "KEYP256", "AUTHSECRET", world.mentee.password_hash):
        assert secret not in everything


def test_the_mentor_gets_their_side_of_the_conversation_and_notes(app, world):
    fill(app, world)
    with app.test_request_context():
        files = unzip(build_zip(world.mentor, NOW))
    assert len(load(files, "messages.json")) == 4
    notes = sorted(n["body"] for n in load(files, "meetings.json")["notes"])
    assert notes == ["Mentor's private worry", "Shared summary"]
    assert load(files, "goals.json")["comments_you_wrote_on_mentees_goals"][0]["body"] == "Proud of you"
    assert load(files, "mood.json")["check_ins"] == []


def _queries(app, user):
    with app.test_request_context(), count_queries() as counted:
        build_zip(user, NOW)
    return counted.count


def test_a_year_and_a_thousand_messages_build_fast_in_the_same_number_of_queries(app, world):
    fill(app, world, days=3, messages=4)
    small = _queries(app, world.mentee)
    more(app, world, days=365, messages=1000)
    started = time.perf_counter()
    large = _queries(app, world.mentee)
    seconds = time.perf_counter() - started
    assert large == small
    assert seconds < 3, f"took {seconds:.2f}s"
    with app.test_request_context():
        files = unzip(build_zip(world.mentee, NOW))
    assert len(load(files, "messages.json")) == 1004
    assert len(load(files, "mood.json")["check_ins"]) == 368
