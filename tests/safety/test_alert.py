"""The alert page: actions follow the state, one owner, closing needs an outcome and a note."""

from datetime import datetime

from mentoring.models import COORDINATOR
from mentoring.safety import AlertEvent, SafeguardingAlert, raise_alert, record

from ..factories import make_user

NOW = datetime(2026, 3, 2, 9, 0)


def alert_for(app, world, **kw):
    with app.app_context():
        return raise_alert(world.mentee, "other", "Needs a call today", now=NOW, **kw)


def reload(alert):
    return SafeguardingAlert.get_by_id(alert.id)


def offered(body):
    return {a for a in ("acknowledge", "note", "close", "reopen") if f'value="{a}"' in body}


def test_a_closed_alert_offers_only_reopen(app, as_user, world, url):
    alert = alert_for(app, world)
    with app.app_context():
        record(alert, world.lead.id, "close", "Called, safe", outcome="contacted_safe")
    body = as_user(world.lead).get(url("safety.alert", alert_id=alert.id)).get_data(as_text=True)
    assert offered(body) == {"reopen"}
    assert "I'm on it" not in body and "Add a follow-up note" not in body


def test_an_open_alert_offers_taking_it_on_and_a_taken_one_does_not(app, as_user, world, url):
    alert = alert_for(app, world)
    lead = as_user(world.lead)
    assert offered(lead.get(url("safety.alert", alert_id=alert.id)).get_data(as_text=True)) == {"acknowledge", "note", "close"}
    lead.post(url("safety.alert", alert_id=alert.id), data={"action": "acknowledge"})
    assert offered(lead.get(url("safety.alert", alert_id=alert.id)).get_data(as_text=True)) == {"note", "close"}


def test_a_closed_alert_refuses_a_note_sent_from_an_old_page(app, as_user, world, url):
    alert = alert_for(app, world)
    with app.app_context():
        record(alert, world.lead.id, "close", "Called, safe", outcome="contacted_safe")
    response = as_user(world.lead).post(url("safety.alert", alert_id=alert.id), data={"action": "note", "note": "late"})
    assert response.status_code == 422
    assert [e.action for e in AlertEvent.select()] == ["raised", "close"]


def test_im_on_it_makes_the_lead_the_one_owner(app, as_user, world, url):
    alert = alert_for(app, world)
    other = make_user(world.program, COORDINATOR, name="Ann Otherlead", is_safeguarding_lead=True)
    as_user(world.lead).post(url("safety.alert", alert_id=alert.id), data={"action": "acknowledge"})
    found = reload(alert)
    assert (found.owner_id, found.status) == (world.lead.id, "acknowledged")
    assert found.acknowledged_at is not None
    # A second lead's stale "I'm on it" changes nothing.
    with app.app_context():
        try:
            record(alert, other.id, "acknowledge")
            raise AssertionError("a second owner was accepted")
        except Exception as e:
            assert type(e).__name__ == "StaleAction"
    assert reload(alert).owner_id == world.lead.id
    body = as_user(other).get(url("safety.alert", alert_id=alert.id)).get_data(as_text=True)
    assert "Lee Lead" in body


def test_closing_needs_an_outcome_and_a_note_with_errors_beside_them(app, as_user, world, url):
    alert = alert_for(app, world)
    response = as_user(world.lead).post(url("safety.alert", alert_id=alert.id),
                                        data={"action": "close", "note": "Rang twice"})
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="outcome-error"' in body and "Choose the outcome." in body
    assert "Rang twice" in body  # the note is kept
    response = as_user(world.lead).post(url("safety.alert", alert_id=alert.id),
                                        data={"action": "close", "outcome": "not_reached", "note": ""})
    body = response.get_data(as_text=True)
    assert 'id="note-error"' in body
    assert '<input checked id="outcome-4" name="outcome" type="radio" value="not_reached">' in body
    assert reload(alert).status == "open"


def test_closing_records_the_outcome_and_takes_it_on(app, as_user, world, url):
    alert = alert_for(app, world)
    as_user(world.lead).post(url("safety.alert", alert_id=alert.id),
                             data={"action": "close", "outcome": "false_alarm", "note": "Song lyrics"})
    found = reload(alert)
    assert (found.status, found.outcome, found.owner_id) == ("closed", "false_alarm", world.lead.id)
    assert found.closed_at is not None and found.acknowledged_at == found.closed_at
    assert found.kind == "other"  # the rule the false alarm counts against


def test_reopening_keeps_the_owner_and_clears_the_outcome(app, as_user, world, url):
    alert = alert_for(app, world)
    lead = as_user(world.lead)
    lead.post(url("safety.alert", alert_id=alert.id), data={"action": "close", "outcome": "contacted_safe", "note": "ok"})
    lead.post(url("safety.alert", alert_id=alert.id), data={"action": "reopen"})
    found = reload(alert)
    assert (found.status, found.outcome, found.owner_id) == ("acknowledged", "", world.lead.id)


def test_phq9_item9_nearly_every_day_is_immediate(app, world):
    from mentoring.mood.measures import PHQ9
    from mentoring.mood.responses import save_response

    with app.app_context():
        save_response(world.mentee, PHQ9, "c1abcdefgh", [0] * 8 + [3], now=NOW)
        save_response(world.mentee, PHQ9, "c2abcdefgh", [0] * 8 + [1], now=NOW)
    levels = [a.level for a in SafeguardingAlert.select().order_by(SafeguardingAlert.id)]
    assert levels == ["immediate", "urgent"]


def test_raise_alert_without_a_level_is_urgent(app, world):
    assert alert_for(app, world).level == "urgent"


def test_the_queue_puts_alerts_nobody_has_taken_on_first_nearest_deadline_first(app, as_user, world, url):
    from datetime import timedelta

    with app.app_context():
        taken = raise_alert(world.mentee, "other", "Taken one", now=NOW, level="immediate")
        record(taken, world.lead.id, "acknowledge", now=NOW)
        raise_alert(world.mentee, "other", "Urgent one", now=NOW + timedelta(minutes=1))
        raise_alert(world.mentee, "other", "Immediate one", now=NOW + timedelta(minutes=2), level="immediate")
    body = as_user(world.lead).get(url("safety.alerts")).get_data(as_text=True)
    assert body.index("Immediate one") < body.index("Urgent one") < body.index("Taken one")


def test_the_alert_page_takes_the_same_queries_however_long_its_history(app, as_user, world, url):
    from playhouse.test_utils import count_queries

    alert = alert_for(app, world)
    lead = as_user(world.lead)

    def queries():
        with count_queries() as counter:
            assert lead.get(url("safety.alert", alert_id=alert.id)).status_code == 200
        return counter.count

    with app.app_context():
        record(alert, world.lead.id, "acknowledge")
    few = queries()
    with app.app_context():
        for i in range(15):
            record(alert, world.lead.id, "note", f"call {i}")
    assert queries() == few
