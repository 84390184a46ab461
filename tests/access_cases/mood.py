"""Mood: the mentee's own pages, the mentor's shared views, the program's settings."""

from flask import url_for

from mentoring.mood.checkins import CheckInData, save_checkin
from mentoring.mood.measures import PHQ9
from mentoring.mood.responses import save_response
from mentoring.mood.safety_plan import save_plan
from mentoring.mood.sharing import save_sharing

from . import Case, coordinators, expect


def setup(world):
    world.checkin, _ = save_checkin(world.mentee, "access-checkin-1", CheckInData(mood=4, note="a private note"))
    world.response, _ = save_response(world.mentee, PHQ9, "access-phq9-1", [1, 1, 0, 0, 0, 0, 0, 0, 0])
    save_sharing(world.mentee, share_checkins=True, share_measures=True)
    save_plan(world.mentee, {"coping": "A walk by the river", "shared": True})


def get(endpoint, expected, **args):
    return Case("GET", lambda w: url_for(endpoint, **{k: v(w) for k, v in args.items()}), expected)


def post(endpoint, expected, **args):
    return Case("POST", lambda w: url_for(endpoint, **{k: v(w) for k, v in args.items()}), expected)


mentees = expect(mentee=200)
owner = expect(mentee=200, other_mentee=404)
their_mentor = expect(mentor=200, other_mentor=404)

CASES = {
    "mood.checkin": get("mood.checkin", mentees),
    "mood.history": get("mood.history", mentees),
    "mood.edit_checkin": get("mood.edit_checkin", owner, checkin_id=lambda w: w.checkin.id),
    "mood.delete": post("mood.delete", expect(mentee=303, other_mentee=404), checkin_id=lambda w: w.checkin.id),
    "mood.trends": get("mood.trends", mentees),
    "mood.measures": get("mood.measures", mentees),
    "mood.take_measure": get("mood.take_measure", mentees, code=lambda w: "phq9"),
    "mood.measure_result": get("mood.measure_result", owner, response_id=lambda w: w.response.id),
    "mood.safety_plan": get("mood.safety_plan", mentees),
    "mood.sharing": get("mood.sharing", mentees),
    "mood.export_csv": get("mood.export_csv", mentees),
    "mood.export_json": get("mood.export_json", mentees),
    "mood.mentee_checkins": get("mood.mentee_checkins", their_mentor, match_id=lambda w: w.match.id),
    "mood.mentee_safety_plan": get("mood.mentee_safety_plan", their_mentor, match_id=lambda w: w.match.id),
    "mood.program_settings": get("mood.program_settings", coordinators()),
}
