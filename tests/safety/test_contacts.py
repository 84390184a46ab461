"""A mentee's phone and emergency contact: optional, seen only by leads, every look recorded."""

from mentoring.safety import AlertEvent, raise_alert
from mentoring.safety.models import SafetyContact

CONTACTS = {"phone": "07700 900123", "contact_name": "Sam", "contact_relation": "my sister",
            "contact_phone": "+44 7700 900456"}


def test_a_mentee_adds_and_changes_their_contacts(as_user, world, url):
    mentee = as_user(world.mentee)
    page = mentee.get(url("safety.contacts")).get_data(as_text=True)
    assert "Only your program's safeguarding leads can see these details" in page
    assert mentee.post(url("safety.contacts"), data=CONTACTS).status_code == 302
    mentee.post(url("safety.contacts"), data={**CONTACTS, "phone": "07700 900999"})
    [saved] = SafetyContact.select()
    assert (saved.phone, saved.contact_name, saved.contact_phone) == ("07700 900999", "Sam", "+44 7700 900456")


def test_a_named_contact_needs_a_number(as_user, world, url):
    response = as_user(world.mentee).post(url("safety.contacts"), data={"contact_name": "Sam"})
    assert response.status_code == 422
    assert 'id="contact_phone-error"' in response.get_data(as_text=True)
    assert 'value="Sam"' in response.get_data(as_text=True)


def test_the_lead_sees_them_only_on_asking_and_each_look_is_recorded(app, as_user, world, url):
    as_user(world.mentee).post(url("safety.contacts"), data=CONTACTS)
    with app.app_context():
        alert = raise_alert(world.mentee, "other", "Needs a call")
    lead = as_user(world.lead)
    page = lead.get(url("safety.alert", alert_id=alert.id)).get_data(as_text=True)
    assert "900123" not in page and "Show contact details" in page
    shown = lead.post(url("safety.alert_contacts", alert_id=alert.id)).get_data(as_text=True)
    assert 'href="tel:07700900123"' in shown and 'href="tel:+447700900456"' in shown
    assert "Sam (my sister)" in shown
    fragment = lead.post(url("safety.alert_contacts", alert_id=alert.id),
                         headers={"HX-Request": "true", "HX-Target": "contacts"}).get_data(as_text=True)
    assert fragment.lstrip().startswith('<section id="contacts"')
    views = AlertEvent.select().where(AlertEvent.action == "contacts_viewed")
    assert [(e.actor_id, e.alert_id) for e in views] == [(world.lead.id, alert.id)] * 2
    assert "Contact details viewed" in lead.get(url("safety.alert", alert_id=alert.id)).get_data(as_text=True)


def test_the_mentor_never_sees_them(as_user, world, url):
    as_user(world.mentee).post(url("safety.contacts"), data=CONTACTS)
    page = as_user(world.mentor).get(url("home.mentee", match_id=world.match.id)).get_data(as_text=True)
    assert "900123" not in page
