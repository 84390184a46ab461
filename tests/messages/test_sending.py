"""Sending, editing, deleting and reading, below the views."""

from datetime import timedelta

import pytest

from mentoring.clock import utcnow
from mentoring.messages import Message
from mentoring.messages.sending import Closed, delete, edit, mark_read, send
from mentoring.push import Notification
from mentoring.push.outbox import topic_key

from .support import conversation, fresh, sides


@pytest.fixture(autouse=True)
def app_context(app):
    """Below the views, notifications still build URLs with the app's routes."""
    with app.app_context():
        yield


def test_it_sends_a_message_once_for_the_same_client_id(world):
    conv, mentee, _mentor = sides(world.match)
    first, created = send(fresh(mentee), "Hello", "same-client-id-1")
    again, created_again = send(fresh(mentee), "Hello", "same-client-id-1")
    assert created and not created_again
    assert first.id == again.id
    assert Message.select().where(Message.conversation == conv.id).count() == 1
    assert conversation(conv.id).message_count == 1
    assert fresh(mentee).sent_count == 1


def test_the_same_client_id_from_two_people_is_two_messages(world):
    conv, mentee, mentor = sides(world.match)
    send(fresh(mentee), "Hi", "shared-client-id")
    send(fresh(mentor), "Hi back", "shared-client-id")
    assert Message.select().where(Message.conversation == conv.id).count() == 2


def test_sending_moves_the_version_and_the_last_message(world, say):
    conv, mentee, _mentor = sides(world.match)
    before = conversation(conv.id).version
    message = say(mentee, "Hello")
    after = conversation(conv.id)
    assert after.version == before + 1
    assert after.last_message_id == message.id
    # The sender has read their own message.
    assert fresh(mentee).last_read_message_id == message.id


def test_it_queues_one_neutral_push_per_conversation(world, say):
    conv, mentee, _mentor = sides(world.match)
    say(mentee, "first, about my sister")
    say(mentee, "second")
    pending = list(Notification.select().where(Notification.user == world.mentor.id))
    assert len(pending) == 1, "a newer message replaces the waiting notification"
    note = pending[0]
    assert note.kind == "message"
    assert note.topic == topic_key(f"conv-{conv.id}")
    assert note.url == f"/messages/{conv.id}"
    assert "sister" not in f"{note.kind}{note.url}{note.topic}"
    assert not Notification.select().where(Notification.user == world.mentee.id).exists()


def test_reading_withdraws_the_waiting_push(world, say):
    conv, mentee, mentor = sides(world.match)
    message = say(mentee, "Hello")
    assert mark_read(fresh(mentor), message.id)
    assert not Notification.select().where(Notification.user == world.mentor.id).exists()


def test_mark_read_only_moves_forward_and_bumps_the_version_once(world, say):
    conv, mentee, mentor = sides(world.match)
    first = say(mentee, "one")
    second = say(mentee, "two")
    version = conversation(conv.id).version
    assert mark_read(fresh(mentor), second.id)
    assert not mark_read(fresh(mentor), second.id)
    assert not mark_read(fresh(mentor), first.id)
    assert fresh(mentor).last_read_message_id == second.id
    assert conversation(conv.id).version == version + 1


def test_a_mentee_message_waits_until_the_mentor_replies(world, say):
    conv, mentee, mentor = sides(world.match)
    start = utcnow() - timedelta(hours=5)
    say(mentee, "Are you around?", at=start)
    say(mentee, "No rush", at=start + timedelta(hours=1))
    assert conversation(conv.id).waiting_since == start, "the clock starts at the first unanswered message"
    say(mentor, "Here now", at=start + timedelta(hours=3))
    after = conversation(conv.id)
    assert after.waiting_since is None
    assert after.reply_count == 1
    assert after.reply_wait_seconds == 3 * 3600


def test_a_mentor_message_without_a_question_waiting_counts_no_reply(world, say):
    conv, _mentee, mentor = sides(world.match)
    say(mentor, "How was your week?")
    assert conversation(conv.id).reply_count == 0
    assert conversation(conv.id).waiting_since is None


def test_risk_words_are_flagged_only_in_a_mentees_message(world, say):
    _conv, mentee, mentor = sides(world.match)
    assert say(mentee, "some days I want to die").risk
    assert not say(mentor, "if you ever feel suicidal, tell me").risk
    assert not say(mentee, "I had a good day").risk


def test_own_message_can_be_changed_inside_the_window(world, say):
    conv, mentee, _mentor = sides(world.match)
    message = say(mentee, "Helo")
    assert edit(fresh(mentee), message, "Hello")
    changed = Message.get_by_id(message.id)
    assert changed.body == "Hello" and changed.edited_at is not None


def test_a_message_cannot_be_changed_after_the_window(world, say):
    _conv, mentee, _mentor = sides(world.match)
    message = say(mentee, "Helo", at=utcnow() - timedelta(minutes=16))
    with pytest.raises(Closed):
        edit(fresh(mentee), message, "Hello")
    with pytest.raises(Closed):
        delete(fresh(mentee), message)
    assert Message.get_by_id(message.id).body == "Helo"


def test_someone_elses_message_cannot_be_changed(world, say):
    _conv, mentee, mentor = sides(world.match)
    message = say(mentee, "Mine")
    with pytest.raises(Closed):
        edit(fresh(mentor), message, "Theirs now")


def test_deleting_removes_the_text_and_keeps_the_place(world, say):
    conv, mentee, _mentor = sides(world.match)
    message = say(mentee, "Oops, wrong person")
    version = conversation(conv.id).version
    assert delete(fresh(mentee), message)
    gone = Message.get_by_id(message.id)
    assert gone.deleted_at is not None and gone.body == ""
    assert conversation(conv.id).version == version + 1
    with pytest.raises(Closed):
        delete(fresh(mentee), gone)
