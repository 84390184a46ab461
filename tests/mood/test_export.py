"""A mentee takes their own data away: check-ins as CSV, everything as JSON."""

import csv
import io
import json
from datetime import datetime

from mentoring.mood.measures import GAD7
from mentoring.mood.responses import save_response
from mentoring.mood.safety_plan import save_plan

from .support import add_checkin
def test_csv_has_every_check_in_in_the_mentees_time(world, as_user, url):
    add_checkin(world.mentee, 4, local_at=datetime(2024, 7, 1, 23, 30), note="Late walk", emotions=["calm"],
                activities=["exercise", "outdoors"], sleep_hours=7.5)
    add_checkin(world.mentee, 2, local_at=datetime(2024, 7, 2, 8, 0))
    add_checkin(world.other_mentee, 5, note="not theirs")
    response = as_user(world.mentee).get(url("mood.export_csv"))
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="check-ins-')
    assert response.headers["Cache-Control"] == "no-store"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [(r["date"], r["time"], r["mood_word"]) for r in rows] == [("2024-07-01", "23:30", "Good"), ("2024-07-02", "08:00", "Bad")]
    first = rows[0]
    assert first["time_zone"] == "Europe/London" and first["recorded_utc"] == "2024-07-01T22:30:00Z"
    assert first["emotions"] == "Calm" and first["activities"] == "Exercise; Time outdoors"
    assert first["note"] == "Late walk" and first["sleep_hours"] == "7.5" and first["note_shared_with_mentor"] == "no"
    assert "not theirs" not in response.get_data(as_text=True)


def test_csv_cells_cannot_run_as_spreadsheet_formulas(world, as_user, url):
    add_checkin(world.mentee, 3, note='=HYPERLINK("http://evil.example","x")')
    rows = list(csv.DictReader(io.StringIO(as_user(world.mentee).get(url("mood.export_csv")).get_data(as_text=True))))
    assert rows[0]["note"].startswith("'=")


def test_json_has_check_ins_questionnaires_sharing_and_the_plan(world, as_user, url):
    add_checkin(world.mentee, 5, local_at=datetime(2024, 7, 3, 12, 0), note="Sunny")
    save_response(world.mentee, GAD7, "export-1", [1, 1, 1, 1, 1, 0, 0])
    save_plan(world.mentee, {"reasons": "My dog", "shared": True})
    response = as_user(world.mentee).get(url("mood.export_json"))
    assert response.mimetype == "application/json"
    data = json.loads(response.get_data(as_text=True))
    assert data["check_ins"][0]["note"] == "Sunny" and data["check_ins"][0]["mood"] == 5
    assert data["questionnaires"] == [{
        "questionnaire": "GAD-7", "date": data["questionnaires"][0]["date"], "answers": [1, 1, 1, 1, 1, 0, 0],
        "score": 5, "band": "Mild", "recorded_utc": data["questionnaires"][0]["recorded_utc"],
    }]
    assert data["safety_plan"]["reasons"] == "My dog"
    assert data["sharing"] == {"check_ins_with_mentor": False, "questionnaires_with_mentor": False,
                               "safety_plan_with_mentor": True}


def test_an_empty_export_is_still_a_valid_file(world, as_user, url):
    client = as_user(world.mentee)
    assert client.get(url("mood.export_csv")).get_data(as_text=True).startswith("date,time,time_zone,mood")
    data = json.loads(client.get(url("mood.export_json")).get_data(as_text=True))
    assert data["check_ins"] == [] and data["safety_plan"] is None
