"""Changing or deleting one's own message, within 15 minutes."""

from datetime import timedelta

from mentoring.clock import utcnow
from mentoring.messages import Message
from mentoring.people.matching import end_match

from .support import sides


def edit_url(url, message):
    return url("messages.edit_message", conversation_id=message.conversation_id, message_id=message.id)


def delete_url(url, message):
    return url("messages.delete_message", conversation_id=message.conversation_id, message_id=message.id)


def test_the_edit_page_shows_the_message_to_change(world, as_user, url, say):
    _, mentee, _ = sides(world.match)
    message = say(mentee, "See you Tuesdy")
    html = as_user(world.mentee).get(edit_url(url, message)).get_data(as_text=True)
    assert "See you Tuesdy</textarea>" in html
    assert "Delete message" in html


def test_changing_a_message_shows_edited_to_both(world, as_user, url, say):
    conv, mentee, _ = sides(world.match)
    message = say(mentee, "See you Tuesdy")
    response = as_user(world.mentee).post(edit_url(url, message), data={"body": "See you Tuesday"})
    assert response.status_code == 302
    assert Message.get_by_id(message.id).body == "See you Tuesday"
    html = as_user(world.mentor).get(url("messages.thread", conversation_id=conv.id)).get_data(as_text=True)
    assert "See you Tuesday" in html and "· edited" in html


def test_after_the_window_the_change_is_refused_and_the_text_kept(world, as_user, url, say):
    _, mentee, _ = sides(world.match)
    message = say(mentee, "See you Tuesdy", at=utcnow() - timedelta(minutes=16))
    client = as_user(world.mentee)
    assert "Save the change" not in client.get(edit_url(url, message)).get_data(as_text=True)
    response = client.post(edit_url(url, message), data={"body": "See you Tuesday"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "first 15 minutes" in html and "See you Tuesday</textarea>" in html
    assert Message.get_by_id(message.id).body == "See you Tuesdy"


def test_an_invalid_change_comes_back_with_the_text(world, as_user, url, say):
    _, mentee, _ = sides(world.match)
    message = say(mentee, "short")
    response = as_user(world.mentee).post(edit_url(url, message), data={"body": "y" * 2001})
    assert response.status_code == 422
    assert "y" * 2001 in response.get_data(as_text=True)


def test_the_other_person_cannot_change_or_delete_it(world, as_user, url, say):
    _, mentee, _ = sides(world.match)
    message = say(mentee, "mine")
    client = as_user(world.mentor)
    assert client.get(edit_url(url, message)).status_code == 404
    assert client.post(edit_url(url, message), data={"body": "changed"}).status_code == 404
    assert client.post(delete_url(url, message)).status_code == 404
    assert Message.get_by_id(message.id).body == "mine"


def test_deleting_leaves_message_deleted_for_both(world, as_user, url, say):
    conv, mentee, _ = sides(world.match)
    message = say(mentee, "wrong chat, sorry")
    response = as_user(world.mentee).post(delete_url(url, message))
    assert response.status_code == 302
    for person in (world.mentee, world.mentor):
        html = as_user(person).get(url("messages.thread", conversation_id=conv.id)).get_data(as_text=True)
        assert "Message deleted" in html and "wrong chat" not in html
    assert "Message deleted" in as_user(world.mentor).get(url("messages.index")).get_data(as_text=True)


def test_deleting_after_the_window_is_refused(world, as_user, url, say):
    _, mentee, _ = sides(world.match)
    message = say(mentee, "keep me", at=utcnow() - timedelta(minutes=20))
    client = as_user(world.mentee)
    response = client.post(delete_url(url, message), follow_redirects=True)
    assert "first 15 minutes" in response.get_data(as_text=True)
    assert Message.get_by_id(message.id).deleted_at is None


def test_an_ended_match_freezes_messages(world, as_user, url, say):
    _, mentee, _ = sides(world.match)
    message = say(mentee, "fresh but frozen")
    end_match(world.match, "completed")
    client = as_user(world.mentee)
    assert client.post(edit_url(url, message), data={"body": "changed"}).status_code == 422
    client.post(delete_url(url, message))
    assert Message.get_by_id(message.id).body == "fresh but frozen"


def test_the_change_link_shows_only_inside_the_window(world, as_user, url, say):
    conv, mentee, _ = sides(world.match)
    old = say(mentee, "old one", at=utcnow() - timedelta(minutes=30))
    new = say(mentee, "new one")
    html = as_user(world.mentee).get(url("messages.thread", conversation_id=conv.id)).get_data(as_text=True)
    assert edit_url(url, new) in html
    assert edit_url(url, old) not in html


def test_editing_in_risk_words_brings_the_crisis_panel(world, as_user, url, say):
    conv, mentee, _ = sides(world.match)
    message = say(mentee, "I'm fine")
    client = as_user(world.mentee)
    client.post(edit_url(url, message), data={"body": "I'm not fine, I keep thinking about overdosing"})
    assert Message.get_by_id(message.id).risk
    assert 'id="crisis-panel"' in client.get(url("messages.thread", conversation_id=conv.id)).get_data(as_text=True)
