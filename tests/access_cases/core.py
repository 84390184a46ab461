from flask import url_for

from mentoring.models import Invite, PasswordReset

from . import Case, coordinators, everyone, expect, lead_only


def setup(world):
    _, world.invite_token = Invite.issue(world.program, "mentee", "new@example.org", world.coordinator)
    world.invite = Invite.get(Invite.email == "new@example.org")
    _, world.reset_token = PasswordReset.issue(world.other_mentee, world.coordinator)
    from mentoring.safety import raise_alert

    world.alert = raise_alert(world.mentee, "other", "Test alert")
    world.resource = world.program.crisis_resources().first()


def get(endpoint, expected, **args):
    return Case("GET", lambda w: url_for(endpoint, **{k: v(w) for k, v in args.items()}), expected)


def post(endpoint, expected, **args):
    return Case("POST", lambda w: url_for(endpoint, **{k: v(w) for k, v in args.items()}), expected)


signed_in = everyone(200, anon=302)

CASES = {
    "web.healthz": get("web.healthz", everyone(200)),
    "web.service_worker": get("web.service_worker", everyone(200)),
    "safety.help": get("safety.help", everyone(200)),
    "accounts.login": get("accounts.login", everyone(302, anon=200)),
    "accounts.logout": post("accounts.logout", everyone(303, anon=302)),
    "accounts.accept_invite": get("accounts.accept_invite", everyone(200), token=lambda w: w.invite_token),
    "accounts.reset_password": get("accounts.reset_password", everyone(200), token=lambda w: w.reset_token),
    "accounts.account": get("accounts.account", signed_in),
    "accounts.change_password": get("accounts.change_password", signed_in),
    "home.index": get("home.index", signed_in),
    "home.mentee": get("home.mentee", expect(mentor=200, other_mentor=404), match_id=lambda w: w.match.id),
    "people.people": get("people.people", coordinators()),
    "people.person": get("people.person", coordinators(), user_id=lambda w: w.mentee.id),
    "people.person_settings": post("people.person_settings", coordinators(303), user_id=lambda w: w.mentor.id),
    "people.person_active": post("people.person_active", coordinators(303), user_id=lambda w: w.other_mentee.id),
    "people.person_reset_link": post("people.person_reset_link", coordinators(200), user_id=lambda w: w.mentee.id),
    "people.invites": get("people.invites", coordinators()),
    "people.revoke_invite": post("people.revoke_invite", coordinators(303), invite_id=lambda w: w.invite.id),
    "people.matches": get("people.matches", coordinators()),
    "people.new_match": get("people.new_match", coordinators()),
    "people.match": get("people.match", coordinators(), match_id=lambda w: w.match.id),
    "people.end": post("people.end", coordinators(422), match_id=lambda w: w.match.id),
    "safety.resources": get("safety.resources", coordinators()),
    "safety.resource": get("safety.resource", coordinators(), resource_id=lambda w: w.resource.id),
    "safety.delete_resource": post("safety.delete_resource", expect(coordinator=303, lead=404), resource_id=lambda w: w.resource.id),
    "safety.alerts": get("safety.alerts", lead_only()),
    "safety.alert": get("safety.alert", lead_only(), alert_id=lambda w: w.alert.id),
}
