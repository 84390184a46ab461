"""Each use of a staff power over someone else, each staff look at personal data and each
export leaves one audit row, with ids and codes only."""

from datetime import datetime

import pytest

from mentoring import audit
from mentoring.audit import AuditEvent
from mentoring.models import PasswordReset
from mentoring.safety import raise_alert

NOW = datetime(2026, 3, 10, 12, 0)


def events():
    return [(e.actor_id, e.action, e.subject_id, e.target_type, e.target_id) for e in
            AuditEvent.select().order_by(AuditEvent.id)]


def alert_for(app, world):
    with app.app_context():
        return raise_alert(world.mentee, "other", "Needs a call today", now=NOW)


def test_a_coordinator_opening_someones_page_is_recorded(as_user, world, url):
    as_user(world.coordinator).get(url("people.person", user_id=world.mentee.id))
    assert events() == [(world.coordinator.id, "person_viewed", world.mentee.id, "", None)]


def test_opening_ones_own_page_is_not(as_user, world, url):
    as_user(world.coordinator).get(url("people.person", user_id=world.coordinator.id))
    assert events() == []


def test_making_and_unmaking_a_lead_is_recorded_once_per_change(as_user, world, url):
    lead = as_user(world.lead)
    target = url("people.person_settings", user_id=world.coordinator.id)
    lead.post(target, data={"is_safeguarding_lead": "y"})
    lead.post(target, data={"is_safeguarding_lead": "y"})  # a double tap
    lead.post(target, data={})
    assert events() == [(world.lead.id, "lead_granted", world.coordinator.id, "", None),
                        (world.lead.id, "lead_removed", world.coordinator.id, "", None)]


def test_a_refused_lead_change_records_nothing(as_user, world, url):
    as_user(world.coordinator).post(url("people.person_settings", user_id=world.lead.id), data={})
    assert events() == []


def test_switching_an_account_off_and_on_is_recorded_once_per_change(as_user, world, url):
    coordinator = as_user(world.coordinator)
    target = url("people.person_active", user_id=world.mentee.id)
    coordinator.post(target, data={"active": "0"})
    coordinator.post(target, data={"active": "0"})
    coordinator.post(target, data={"active": "1"})
    assert [e[1] for e in events()] == ["account_switched_off", "account_switched_on"]
    assert {e[2] for e in events()} == {world.mentee.id}


def test_a_password_link_is_recorded_with_the_link_it_made(as_user, world, url):
    as_user(world.coordinator).post(url("people.person_reset_link", user_id=world.mentee.id))
    reset = PasswordReset.get(PasswordReset.user == world.mentee.id)
    assert events() == [(world.coordinator.id, "password_link_made", world.mentee.id, "password_resets", reset.id)]


def test_a_lead_opening_an_alert_is_recorded_and_acting_on_it_is_not_a_view(app, as_user, world, url):
    alert = alert_for(app, world)
    lead = as_user(world.lead)
    lead.get(url("safety.alert", alert_id=alert.id))
    lead.post(url("safety.alert", alert_id=alert.id), data={"action": "acknowledge"})
    assert events() == [(world.lead.id, "alert_viewed", world.mentee.id, "safeguarding_alerts", alert.id)]


def test_viewing_emergency_contacts_is_recorded_beside_the_alerts_history(app, as_user, world, url):
    alert = alert_for(app, world)
    as_user(world.lead).post(url("safety.alert_contacts", alert_id=alert.id))
    assert events() == [(world.lead.id, "contacts_viewed", world.mentee.id, "safeguarding_alerts", alert.id)]


def test_the_safeguarding_export_is_recorded_with_its_period_and_size(app, as_user, world, url):
    alert_for(app, world)
    as_user(world.lead).post(url("safety.export", start="2026-03-01", end="2026-03-31"))
    [event] = AuditEvent.select()
    assert (event.actor_id, event.action, event.subject_id) == (world.lead.id, "safeguarding_exported", None)
    assert event.meta == {"rows": 1, "start": "2026-03-01", "end": "2026-03-31"}


@pytest.mark.parametrize("meta", [{"note": "she said she felt low"}, {"name": "Mia Mentee"}, {"note": "x" * 41},
                                  {"lines": ["a"]}, {"Bad Key": 1}])
def test_metadata_refuses_anything_like_personal_text(app, world, meta):
    with pytest.raises(ValueError):
        audit.record(world.lead, "person_viewed", subject=world.mentee, **meta)
    assert events() == []


def test_an_unknown_action_is_refused(app, world):
    with pytest.raises(ValueError):
        audit.record(world.lead, "person_veiwed", subject=world.mentee)
