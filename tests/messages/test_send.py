"""Sending from the thread: with htmx or a plain form, never twice, never losing the text."""

import re

from mentoring.messages import Message
from mentoring.messages.policy import MAX_LENGTH
from mentoring.people.matching import end_match
from mentoring.push import Notification

from .support import sides
HTMX = {"HX-Request": "true", "HX-Target": "composer"}


def post(client, url, conv, body, client_id="client-id-0001", htmx=False, after=0):
    return client.post(
        url("messages.send_message", conversation_id=conv.id),
        data={"body": body, "client_id": client_id, "after": after},
        headers=HTMX if htmx else {},
    )


def messages_in(conv):
    return list(Message.select().where(Message.conversation == conv.id))


def test_htmx_send_puts_the_message_in_the_thread_at_once(world, as_user, url):
    conv, _, _ = sides(world.match)
    response = post(as_user(world.mentee), url, conv, "Hello Mo", htmx=True)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert html.lstrip().startswith('<form id="composer"')
    assert 'id="thread-recent" class="thread-block"' in html and 'hx-swap-oob="true"' in html
    assert "Hello Mo" in html.split('id="thread-recent"')[1]
    # A fresh, empty composer with a new client id for the next message.
    composer = html.split('id="thread-recent"')[0]
    assert "Hello Mo" not in composer
    assert 'value="client-id-0001"' not in composer


def test_a_plain_form_send_comes_back_to_the_thread(world, as_user, url):
    conv, _, _ = sides(world.match)
    response = post(as_user(world.mentee), url, conv, "Hello Mo")
    message = messages_in(conv)[0]
    assert response.status_code == 303
    assert response.location.endswith(url("messages.thread", conversation_id=conv.id) + f"#m{message.id}")


def test_a_double_tap_or_retry_sends_once(world, as_user, url):
    conv, _, _ = sides(world.match)
    client = as_user(world.mentee)
    first = post(client, url, conv, "Only once please", htmx=True)
    second = post(client, url, conv, "Only once please", htmx=True)
    third = post(client, url, conv, "Only once please")
    assert first.status_code == second.status_code == 200 and third.status_code == 303
    assert [m.body for m in messages_in(conv)] == ["Only once please"]
    assert Notification.select().where(Notification.user == world.mentor.id).count() == 1
    assert second.get_data(as_text=True).count("Only once please") == 1


def test_line_breaks_are_kept(world, as_user, url):
    conv, _, _ = sides(world.match)
    post(as_user(world.mentee), url, conv, "one\r\ntwo\n\nthree")
    assert messages_in(conv)[0].body == "one\ntwo\n\nthree"


def test_a_message_too_long_comes_back_with_the_text_and_a_clear_reason(world, as_user, url):
    conv, _, _ = sides(world.match)
    text = "word " * 500  # 2,500 characters
    for htmx in (True, False):
        response = post(as_user(world.mentee), url, conv, text, htmx=htmx)
        assert response.status_code == 422
        html = response.get_data(as_text=True)
        assert f"up to {MAX_LENGTH:,} characters and this one has 2,499" in html
        assert text.rstrip() in html
    assert messages_in(conv) == []


def test_an_empty_message_is_refused(world, as_user, url):
    conv, _, _ = sides(world.match)
    response = post(as_user(world.mentee), url, conv, "   \n ", htmx=True)
    assert response.status_code == 422
    assert "Write a message first." in response.get_data(as_text=True)
    assert messages_in(conv) == []


def test_a_message_of_exactly_the_limit_is_sent(world, as_user, url):
    conv, _, _ = sides(world.match)
    assert post(as_user(world.mentee), url, conv, "x" * MAX_LENGTH).status_code == 303
    assert len(messages_in(conv)[0].body) == MAX_LENGTH


def test_a_mentees_risky_words_bring_the_crisis_panel_right_after_sending(world, as_user, url):
    conv, _, _ = sides(world.match)
    client = as_user(world.mentee)
    html = post(client, url, conv, "I don't want to be here anymore", htmx=True).get_data(as_text=True)
    assert 'id="crisis-panel"' in html
    assert "Samaritans" in html  # the program's own crisis resources


def test_without_javascript_the_crisis_panel_shows_on_the_next_page_once(world, as_user, url):
    conv, _, _ = sides(world.match)
    client = as_user(world.mentee)
    post(client, url, conv, "thinking about suicide", client_id="client-risk-01")
    thread = url("messages.thread", conversation_id=conv.id)
    assert 'id="crisis-panel"' in client.get(thread).get_data(as_text=True)
    assert 'id="crisis-panel"' not in client.get(thread).get_data(as_text=True)


def test_an_ordinary_message_brings_no_crisis_panel(world, as_user, url):
    conv, _, _ = sides(world.match)
    html = post(as_user(world.mentee), url, conv, "Had a good day today", htmx=True).get_data(as_text=True)
    assert 'id="crisis-panel"' not in html


def test_a_mentor_writing_risk_words_sees_no_crisis_panel(world, as_user, url):
    conv, _, _ = sides(world.match)
    html = post(as_user(world.mentor), url, conv, "If you ever feel suicidal, tell me", htmx=True).get_data(as_text=True)
    assert 'id="crisis-panel"' not in html


def test_an_ended_match_takes_no_new_messages_and_gives_the_text_back(world, as_user, url):
    conv, _, _ = sides(world.match)
    end_match(world.match, "completed")
    for htmx in (True, False):
        response = post(as_user(world.mentor), url, conv, "One last thing", htmx=htmx)
        assert response.status_code == 422
        html = response.get_data(as_text=True)
        assert "no new messages can be sent" in html
        assert re.search(r"<textarea[^>]*readonly[^>]*>One last thing</textarea>", html)
    assert messages_in(conv) == []


def test_outsiders_cannot_send(world, as_user, url):
    conv, _, _ = sides(world.match)
    assert post(as_user(world.other_mentor), url, conv, "hi").status_code == 404
    assert messages_in(conv) == []


def test_the_send_response_is_html_escaped(world, as_user, url):
    conv, _, _ = sides(world.match)
    html = post(as_user(world.mentee), url, conv, "<img src=x onerror=alert(1)>", htmx=True).get_data(as_text=True)
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_a_send_answers_with_only_what_the_page_has_not_shown(world, as_user, url):
    conv, _, _ = sides(world.match)
    client = as_user(world.mentee)
    for n in range(40):
        post(client, url, conv, f"Earlier message {n}", client_id=f"client-early-{n:04d}", htmx=True)
    shown = messages_in(conv)[-1].id
    send = url("messages.send_message", conversation_id=conv.id)
    rolled = client.post(send, data={"body": "The newest", "client_id": "client-new-00001", "after": 0, "last": shown},
                         headers=HTMX).get_data(as_text=True)
    live = rolled.split('id="thread-recent"')[1]
    assert "The newest" in live and "Earlier message" not in live and "data-rolled" in live
    # The live end now starts at what the page showed: its poll and the next send say so.
    assert f"after={shown}" in live and f'name="after" value="{shown}"' in rolled
    # Without `last` (no script), everything since the page loaded, as before.
    whole = post(client, url, conv, "One more", client_id="client-new-00002", htmx=True).get_data(as_text=True)
    assert "Earlier message 0" in whole and "data-rolled" not in whole
    assert len(rolled) * 5 < len(whole)
