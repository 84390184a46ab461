from mentoring.push import Notification
from mentoring.safety import AlertEvent, SafeguardingAlert, raise_alert


def alert_for(app, world, **kw):
    with app.app_context():
        return raise_alert(world.mentee, "other", "Needs a call today", **kw)


def test_raising_an_alert_notifies_each_lead_urgently(app, world):
    alert = alert_for(app, world, details={"lines": [["Answer", "Several days"]]})
    pushes = list(Notification.select())
    assert [(n.user_id, n.urgent, n.url) for n in pushes] == [(world.lead.id, True, f"/safeguarding/{alert.id}")]
    assert [e.action for e in AlertEvent.select()] == ["raised"]


def test_the_lead_sees_open_alerts_on_home_and_in_the_queue(app, as_user, world):
    alert_for(app, world)
    lead = as_user(world.lead)
    assert "Needs a call today" in lead.get("/").get_data(as_text=True)
    assert "Needs a call today" in lead.get("/safeguarding").get_data(as_text=True)
    assert "Needs a call today" not in as_user(world.coordinator).get("/").get_data(as_text=True)


def test_the_alert_page_shows_who_their_mentor_and_the_details(app, as_user, world):
    alert = alert_for(app, world, details={"lines": [["Answer", "Several days"]]})
    body = as_user(world.lead).get(f"/safeguarding/{alert.id}").get_data(as_text=True)
    assert world.mentee.email in body and "Mo Mentor" in body and "Several days" in body


def test_a_lead_acknowledges_notes_and_closes_keeping_history(app, as_user, world):
    alert = alert_for(app, world)
    lead = as_user(world.lead)
    lead.post(f"/safeguarding/{alert.id}", data={"action": "acknowledge"})
    assert SafeguardingAlert.get_by_id(alert.id).status == "acknowledged"
    lead.post(f"/safeguarding/{alert.id}", data={"action": "note", "note": "Called, safe, GP tomorrow"})
    lead.post(f"/safeguarding/{alert.id}", data={"action": "close", "outcome": "contacted_safe", "note": "Followed up"})
    assert SafeguardingAlert.get_by_id(alert.id).status == "closed"
    history = [(e.action, e.note) for e in AlertEvent.select().order_by(AlertEvent.id)]
    assert history == [("raised", ""), ("acknowledge", ""), ("note", "Called, safe, GP tomorrow"),
                       ("close", "Followed up")]
    assert "Needs a call today" in lead.get("/safeguarding", query_string={"show": "closed"}).get_data(as_text=True)


def test_closing_needs_a_note(app, as_user, world):
    alert = alert_for(app, world)
    response = as_user(world.lead).post(f"/safeguarding/{alert.id}", data={"action": "close", "note": " "})
    assert response.status_code == 422
    assert "Write what was done" in response.get_data(as_text=True)
    assert SafeguardingAlert.get_by_id(alert.id).status == "open"


def test_a_lead_of_another_program_cannot_see_the_alert(app, as_user, world):
    from mentoring.models import COORDINATOR

    from ..factories import make_program, make_user

    alert = alert_for(app, world)
    outsider = make_user(make_program("Elsewhere"), COORDINATOR, is_safeguarding_lead=True)
    assert as_user(outsider).get(f"/safeguarding/{alert.id}").status_code == 404
