from flask import url_for

from . import Case, expect, lead_only


def setup(world):
    from mentoring.safety import raise_alert

    world.concern = raise_alert(world.mentee, "mentor_concern", "Worried", raised_by=world.mentor.id, level="concern")


def get(endpoint, expected, **args):
    return Case("GET", lambda w: url_for(endpoint, **{k: v(w) for k, v in args.items()}), expected)


def post(endpoint, expected, **args):
    return Case("POST", lambda w: url_for(endpoint, **{k: v(w) for k, v in args.items()}), expected)


CASES = {
    "safety.settings": get("safety.settings", lead_only()),
    "safety.figures_page": get("safety.figures_page", lead_only()),
    "safety.export": post("safety.export", lead_only()),
    "safety.alert_contacts": post("safety.alert_contacts", lead_only(), alert_id=lambda w: w.concern.id),
    "safety.concern": get("safety.concern", expect(mentor=200, other_mentor=404), match_id=lambda w: w.match.id),
    "safety.concern_status": get("safety.concern_status", expect(mentor=200, other_mentor=404),
                                 alert_id=lambda w: w.concern.id),
    "safety.contacts": get("safety.contacts", expect(mentee=200)),
    "safety.country": post("safety.country", expect(coordinator=302)),
    "safety.resource_checked": post("safety.resource_checked", expect(coordinator=302),
                                    resource_id=lambda w: w.resource.id),
}
