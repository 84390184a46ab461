"""A mentor raises a concern about their mentee and sees what became of it, never the leads' notes."""

from mentoring.push.outbox import Notification
from mentoring.safety import SafeguardingAlert, record


def send(client, url, world, **data):
    data = {"level": "concern", "note": "Sounded low and said goodbye oddly", "client_id": "tap-12345678", **data}
    return client.post(url("safety.concern", match_id=world.match.id), data=data)


def test_the_mentees_page_offers_to_raise_a_concern(as_user, world, url):
    body = as_user(world.mentor).get(url("home.mentee", match_id=world.match.id)).get_data(as_text=True)
    assert "I'm worried about Mia Mentee" in body
    assert url("safety.concern", match_id=world.match.id) in body


def test_a_double_tap_raises_one_concern_for_the_leads(as_user, world, url):
    mentor = as_user(world.mentor)
    first = send(mentor, url, world)
    second = send(mentor, url, world)
    [alert] = SafeguardingAlert.select()
    assert first.headers["Location"] == second.headers["Location"] == url("safety.concern_status", alert_id=alert.id)
    assert (alert.kind, alert.level, alert.raised_by_id, alert.subject_id) == (
        "mentor_concern", "concern", world.mentor.id, world.mentee.id)
    assert [n.user_id for n in Notification.select()] == [world.lead.id]


def test_someone_in_danger_now_is_immediate(as_user, world, url):
    send(as_user(world.mentor), url, world, level="immediate")
    assert SafeguardingAlert.get().level == "immediate"


def test_a_concern_needs_a_note_and_keeps_what_was_chosen(as_user, world, url):
    response = send(as_user(world.mentor), url, world, level="immediate", note="  ")
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="note-error"' in body
    assert 'checked id="level-1"' in body
    assert SafeguardingAlert.select().count() == 0


def test_the_mentor_sees_who_took_it_on_but_not_the_notes(app, as_user, world, url):
    mentor = as_user(world.mentor)
    send(mentor, url, world)
    alert = SafeguardingAlert.get()
    status = url("safety.concern_status", alert_id=alert.id)
    assert "Not yet" in mentor.get(status).get_data(as_text=True)
    with app.app_context():
        record(alert, world.lead.id, "acknowledge")
        record(alert, world.lead.id, "note", "Private: spoke to GP about medication")
    body = mentor.get(status).get_data(as_text=True)
    assert "Lee Lead" in body
    assert "medication" not in body
    page = mentor.get(url("home.mentee", match_id=world.match.id)).get_data(as_text=True)
    assert "Taken on by Lee Lead" in page


def test_another_mentor_cannot_raise_or_read_it(as_user, world, url):
    send(as_user(world.mentor), url, world)
    alert = SafeguardingAlert.get()
    other = as_user(world.other_mentor)
    assert send(other, url, world, client_id="other-123456").status_code == 404
    assert other.get(url("safety.concern_status", alert_id=alert.id)).status_code == 404


def test_a_mentor_can_raise_it_from_their_conversation_too(as_user, world, url):
    from mentoring.messages import open_for_match

    conversation = open_for_match(world.match)
    thread = url("messages.thread", conversation_id=conversation.id)
    assert url("safety.concern", match_id=world.match.id) in as_user(world.mentor).get(thread).get_data(as_text=True)
    assert "worried" not in as_user(world.mentee).get(thread).get_data(as_text=True)
