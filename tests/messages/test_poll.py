"""The live end of a thread: conditional polls that cost almost nothing when nothing changed."""

import re

from playhouse.test_utils import count_queries

from mentoring.messages import Conversation

from .support import bulk, fresh, sides
HTMX = {"HX-Request": "true"}


def poll(client, url, conv, etag=None, hidden=False, after=0):
    headers = dict(HTMX)
    if etag:
        headers["If-None-Match"] = etag
    if hidden:
        headers["X-Thread-Hidden"] = "1"
    return client.get(url("messages.recent", conversation_id=conv.id, after=after), headers=headers)


def test_an_unchanged_poll_answers_204_after_one_query_past_sign_in(world, as_user, url, say):
    conv, mentee, _ = sides(world.match)
    bulk(conv, [world.mentee, world.mentor], 50)
    client = as_user(world.mentee)
    first = poll(client, url, conv)
    assert first.status_code == 200
    etag = first.headers["ETag"]
    with count_queries() as counted:
        again = poll(client, url, conv, etag=etag)
    assert again.status_code == 204
    assert again.get_data() == b""
    assert again.headers["ETag"] == etag
    tables = [re.search(r'FROM "(\w+)"', q.msg[0]).group(1) for q in counted.get_queries()]
    assert tables == ["users", "conversation_participants"], "the session's user, then one indexed lookup"


def test_a_plain_conditional_request_gets_304(world, as_user, url):
    conv, _, _ = sides(world.match)
    client = as_user(world.mentee)
    etag = client.get(url("messages.recent", conversation_id=conv.id)).headers["ETag"]
    again = client.get(url("messages.recent", conversation_id=conv.id), headers={"If-None-Match": etag})
    assert again.status_code == 304


def test_a_new_message_changes_the_poll(world, as_user, url, say):
    conv, mentee, mentor = sides(world.match)
    client = as_user(world.mentee)
    etag = poll(client, url, conv).headers["ETag"]
    say(mentor, "Just checking in")
    changed = poll(client, url, conv, etag=etag)
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    html = changed.get_data(as_text=True)
    assert "Just checking in" in html
    assert html.lstrip().startswith('<div id="thread-recent"')
    assert f'"If-None-Match": "\\"{changed.headers["ETag"].strip(chr(34))}\\""' in html.replace("&#34;", '"')


def test_an_edit_by_the_other_person_changes_the_poll(world, as_user, url, say, app):
    from mentoring.messages.sending import edit

    conv, mentee, mentor = sides(world.match)
    message = say(mentor, "See you Tuesdy")
    client = as_user(world.mentee)
    etag = poll(client, url, conv).headers["ETag"]
    with app.app_context():
        edit(fresh(mentor), message, "See you Tuesday")
    changed = poll(client, url, conv, etag=etag)
    assert changed.status_code == 200 and "See you Tuesday" in changed.get_data(as_text=True)


def test_a_visible_poll_marks_new_messages_read(world, as_user, url, say):
    conv, mentee, mentor = sides(world.match)
    client = as_user(world.mentee)
    etag = poll(client, url, conv).headers["ETag"]
    message = say(mentor, "Hello")
    poll(client, url, conv, etag=etag)
    assert fresh(mentee).last_read_message_id == message.id


def test_a_hidden_tab_polls_without_marking_read(world, as_user, url, say):
    conv, mentee, mentor = sides(world.match)
    client = as_user(world.mentee)
    etag = poll(client, url, conv).headers["ETag"]
    message = say(mentor, "Hello")
    hidden = poll(client, url, conv, etag=etag, hidden=True)
    assert hidden.status_code == 200 and "Hello" in hidden.get_data(as_text=True)
    assert fresh(mentee).last_read_message_id < message.id
    # Coming back to the tab: the same version, but unread, so it is not "unchanged".
    back = poll(client, url, conv, etag=hidden.headers["ETag"])
    assert back.status_code == 200
    assert fresh(mentee).last_read_message_id == message.id


def test_the_sender_sees_read_once_the_other_person_looks(world, as_user, url, say):
    conv, mentee, mentor = sides(world.match)
    say(mentee, "Did you get my message?")
    client = as_user(world.mentee)
    first = poll(client, url, conv)
    assert ">Sent<" in first.get_data(as_text=True)
    as_user(world.mentor).get(url("messages.thread", conversation_id=conv.id))
    changed = poll(client, url, conv, etag=first.headers["ETag"])
    assert changed.status_code == 200 and ">Read<" in changed.get_data(as_text=True)


def test_the_poll_brings_only_messages_after_the_page_it_belongs_to(world, as_user, url, say):
    conv, mentee, mentor = sides(world.match)
    last = bulk(conv, [world.mentee, world.mentor], 40)
    say(mentor, "brand new")
    html = poll(as_user(world.mentee), url, conv, after=last.id).get_data(as_text=True)
    assert "brand new" in html
    assert len(re.findall(r"<article ", html)) == 1


def test_a_poll_after_hundreds_of_new_messages_asks_for_a_reload(world, as_user, url):
    conv, _, _ = sides(world.match)
    first = bulk(conv, [world.mentee, world.mentor], 1)
    bulk(conv, [world.mentor], 205)
    response = poll(as_user(world.mentee), url, conv, after=first.id)
    assert response.headers.get("HX-Refresh") == "true"


def test_the_poll_answers_404_to_outsiders(world, as_user, url):
    conv, _, _ = sides(world.match)
    assert poll(as_user(world.other_mentee), url, conv).status_code == 404
    assert poll(as_user(world.other_mentor), url, conv, etag='"v0"').status_code == 404


def test_the_version_is_the_etag(world, as_user, url):
    conv, _, _ = sides(world.match)
    response = poll(as_user(world.mentee), url, conv)
    assert response.headers["ETag"] == f'"v{Conversation.get_by_id(conv.id).version}"'
