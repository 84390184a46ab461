"""The thread page: who may read it, how it reads, what it costs."""

import re
from datetime import datetime, timedelta

from playhouse.test_utils import count_queries

from mentoring.clock import utcnow
from mentoring.messages import Conversation, Message
from mentoring.messages.policy import PAGE_SIZE, RETENTION_KEY
from mentoring.models import Match, User
from mentoring.people.matching import end_match

from ..factories import make_match, make_user
from .support import bulk, fresh, sides
def articles(html):
    return re.findall(r'<article class="msg[^"]*" id="m(\d+)"', html)


def test_both_people_in_the_match_read_the_conversation(world, as_user, url, say):
    conv, mentee, _ = sides(world.match)
    say(mentee, "Thanks for today")
    for person in (world.mentee, world.mentor):
        page = as_user(person).get(url("messages.thread", conversation_id=conv.id))
        assert page.status_code == 200
        assert "Thanks for today" in page.get_data(as_text=True)


def test_it_returns_404_for_a_guessed_conversation_id(world, as_user, url, say):
    conv, mentee, _ = sides(world.match)
    say(mentee, "private")
    other_conv, _, _ = sides(world.other_match)
    for person in (world.other_mentee, world.other_mentor):
        assert as_user(person).get(url("messages.thread", conversation_id=conv.id)).status_code == 404
    assert as_user(world.mentee).get(url("messages.thread", conversation_id=other_conv.id)).status_code == 404
    assert as_user(world.mentee).get(url("messages.thread", conversation_id=conv.id + 1000)).status_code == 404


def test_it_shows_html_in_a_message_as_text(world, as_user, url, say):
    conv, mentee, _ = sides(world.match)
    say(mentee, '<script>alert("hi")</script>\n<b>bold</b>')
    html = as_user(world.mentor).get(url("messages.thread", conversation_id=conv.id)).get_data(as_text=True)
    assert "<script>alert" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(&#34;hi&#34;)&lt;/script&gt;\n&lt;b&gt;bold&lt;/b&gt;" in html


def test_it_groups_messages_by_day_in_the_readers_time_zone(world, as_user, url, say):
    conv, mentee, _ = sides(world.match)
    night = datetime.combine(utcnow().date() - timedelta(days=10), datetime.min.time()) + timedelta(hours=23, minutes=30)
    say(mentee, "late", at=night)
    say(mentee, "later", at=night + timedelta(hours=1))
    User.update(timezone="UTC").where(User.id == world.mentee.id).execute()
    User.update(timezone="America/New_York").where(User.id == world.mentor.id).execute()
    in_utc = as_user(User.get_by_id(world.mentee.id)).get(url("messages.thread", conversation_id=conv.id))
    in_new_york = as_user(User.get_by_id(world.mentor.id)).get(url("messages.thread", conversation_id=conv.id))
    assert in_utc.get_data(as_text=True).count('class="thread-day"') == 2
    assert in_new_york.get_data(as_text=True).count('class="thread-day"') == 1


def test_today_and_yesterday_are_named(world, as_user, url, say):
    conv, mentee, _ = sides(world.match)
    say(mentee, "yesterday's", at=utcnow() - timedelta(days=1))
    say(mentee, "today's")
    html = as_user(world.mentee).get(url("messages.thread", conversation_id=conv.id)).get_data(as_text=True)
    assert ">Yesterday</time>" in html and ">Today</time>" in html


def test_opening_the_thread_marks_it_read_and_the_sender_sees_read(world, as_user, url, say):
    conv, mentee, mentor = sides(world.match)
    message = say(mentee, "Are you free Thursday?")
    before = as_user(world.mentee).get(url("messages.thread", conversation_id=conv.id)).get_data(as_text=True)
    assert re.search(r'class="msg-state">Sent<', before)
    as_user(world.mentor).get(url("messages.thread", conversation_id=conv.id))
    assert fresh(mentor).last_read_message_id == message.id
    after = as_user(world.mentee).get(url("messages.thread", conversation_id=conv.id)).get_data(as_text=True)
    assert re.search(r'class="msg-state msg-read">Read<', after)


def test_it_shows_the_latest_page_and_a_link_to_earlier_messages(world, as_user, url):
    conv, _, _ = sides(world.match)
    bulk(conv, [world.mentee, world.mentor], 75)
    html = as_user(world.mentee).get(url("messages.thread", conversation_id=conv.id)).get_data(as_text=True)
    shown = [int(i) for i in articles(html)]
    newest = Message.select().where(Message.conversation == conv.id).order_by(Message.id.desc())
    assert shown == sorted(m.id for m in newest.limit(PAGE_SIZE))
    assert url("messages.thread", conversation_id=conv.id, before=shown[0]) in html


def test_earlier_messages_come_a_page_at_a_time_by_id(world, as_user, url):
    conv, _, _ = sides(world.match)
    bulk(conv, [world.mentee, world.mentor], 75)
    ids = [m.id for m in Message.select(Message.id).where(Message.conversation == conv.id).order_by(Message.id)]
    client = as_user(world.mentee)
    fragment = client.get(url("messages.thread", conversation_id=conv.id, before=ids[45]), headers={"HX-Request": "true", "HX-Target": f"older-{ids[45]}"})
    html = fragment.get_data(as_text=True)
    assert "<main" not in html, "htmx gets the fragment only"
    assert [int(i) for i in articles(html)] == ids[15:45]
    assert url("messages.thread", conversation_id=conv.id, before=ids[15]) in html
    first = client.get(url("messages.thread", conversation_id=conv.id, before=ids[15])).get_data(as_text=True)
    assert "<main" in first, "without htmx it is a whole page"
    assert [int(i) for i in articles(first)] == ids[:15]
    assert "Show earlier messages" not in first


def test_day_headings_do_not_repeat_where_pages_meet(world, as_user, url):
    conv, _, _ = sides(world.match)
    bulk(conv, [world.mentee, world.mentor], 40, start=utcnow() - timedelta(hours=3), step=timedelta(minutes=1))
    client = as_user(world.mentee)
    latest = client.get(url("messages.thread", conversation_id=conv.id)).get_data(as_text=True)
    first_shown = int(articles(latest)[0])
    older = client.get(url("messages.thread", conversation_id=conv.id, before=first_shown),
                       headers={"HX-Request": "true", "HX-Target": f"older-{first_shown}"}).get_data(as_text=True)
    assert (latest + older).count('class="thread-day"') <= 2
    assert latest.count('class="thread-day"') == 0 or older.count('class="thread-day"') == 0


def test_the_thread_costs_the_same_queries_whatever_its_length(world, as_user, url):
    short, _, _ = sides(world.match)
    bulk(short, [world.mentee, world.mentor], 5)
    long, _, _ = sides(world.other_match)
    bulk(long, [world.other_mentee, world.other_mentor], 400)
    counts = []
    for person, conv in ((world.mentee, short), (world.other_mentee, long)):
        client = as_user(person)
        client.get(url("messages.thread", conversation_id=conv.id))  # reads, so both start alike
        with count_queries() as counted:
            assert client.get(url("messages.thread", conversation_id=conv.id)).status_code == 200
        counts.append(counted.count)
    assert counts[0] == counts[1]
    assert counts[0] <= 8  # including the bottom-nav badges of other features


def test_a_deleted_message_leaves_message_deleted(world, as_user, url, say):
    conv, mentee, _ = sides(world.match)
    message = say(mentee, "sent to the wrong person")
    Message.update(deleted_at=utcnow(), body="").where(Message.id == message.id).execute()
    html = as_user(world.mentor).get(url("messages.thread", conversation_id=conv.id)).get_data(as_text=True)
    assert "Message deleted" in html and "wrong person" not in html


def test_the_mentor_sees_a_guide_after_a_mentees_risky_words(world, as_user, url, say):
    conv, mentee, _ = sides(world.match)
    say(mentee, "Honestly I feel like ending it all")
    mentor_html = as_user(world.mentor).get(url("messages.thread", conversation_id=conv.id)).get_data(as_text=True)
    assert "Words in this message can point to risk of harm" in mentor_html
    assert "Tell the safeguarding lead" in mentor_html
    mentee_html = as_user(world.mentee).get(url("messages.thread", conversation_id=conv.id)).get_data(as_text=True)
    assert "Words in this message can point to risk of harm" not in mentee_html


def test_a_mentee_message_unanswered_for_48_hours_shows_as_waiting(world, as_user, url, say):
    conv, mentee, mentor = sides(world.match)
    say(mentee, "Hello?", at=utcnow() - timedelta(hours=49))
    mentor_client = as_user(world.mentor)
    assert "waited more than 2 days" in mentor_client.get(url("messages.thread", conversation_id=conv.id)).get_data(as_text=True)
    assert "Waiting for your reply" in mentor_client.get(url("messages.index")).get_data(as_text=True)
    say(mentor, "Sorry, I'm here")
    assert "waited more than 2 days" not in mentor_client.get(url("messages.thread", conversation_id=conv.id)).get_data(as_text=True)


def test_a_message_younger_than_48_hours_is_not_waiting(world, as_user, url, say):
    conv, mentee, _ = sides(world.match)
    say(mentee, "Hello?", at=utcnow() - timedelta(hours=47))
    assert "waited more than 2 days" not in as_user(world.mentor).get(
        url("messages.thread", conversation_id=conv.id)).get_data(as_text=True)


def test_an_ended_match_is_read_only_for_both(world, as_user, url, say):
    conv, mentee, _ = sides(world.match)
    say(mentee, "Thank you for everything")
    end_match(world.match, "completed")
    for person in (world.mentee, world.mentor):
        html = as_user(person).get(url("messages.thread", conversation_id=conv.id)).get_data(as_text=True)
        assert "Thank you for everything" in html
        assert 'id="composer" class="composer composer-closed"' in html
        assert "hx-trigger" not in html.split('id="thread-recent"')[1].split(">")[0], "no polling once closed"


def test_a_former_mentor_loses_the_conversation_after_the_retention_period(world, as_user, url, say):
    conv, mentee, _ = sides(world.match)
    say(mentee, "Goodbye")
    end_match(world.match, "completed", now=utcnow() - timedelta(days=31))
    mentor_client = as_user(world.mentor)
    assert mentor_client.get(url("messages.thread", conversation_id=conv.id)).status_code == 404
    assert "Goodbye" not in mentor_client.get(url("messages.index")).get_data(as_text=True)
    # The mentee keeps their own history.
    assert as_user(world.mentee).get(url("messages.thread", conversation_id=conv.id)).status_code == 200


def test_the_retention_period_is_the_programs_choice(world, as_user, url, say):
    conv, mentee, _ = sides(world.match)
    say(mentee, "Goodbye")
    end_match(world.match, "completed", now=utcnow() - timedelta(days=31))
    world.program.settings = {RETENTION_KEY: 60}
    world.program.save()
    assert as_user(world.mentor).get(url("messages.thread", conversation_id=conv.id)).status_code == 200
    world.program.settings = {RETENTION_KEY: 0}
    world.program.save()
    end_match(world.other_match, "completed")
    other, _, _ = sides(world.other_match)
    assert as_user(world.other_mentor).get(url("messages.thread", conversation_id=other.id)).status_code == 404


def test_a_new_match_with_the_same_people_is_a_new_conversation(world):
    conv, _, _ = sides(world.match)
    end_match(world.match, "rematch")
    again = make_match(world.mentor, world.mentee)
    conv_again, _, _ = sides(again)
    assert conv_again.id != conv.id
    assert Conversation.select().where(Conversation.match.in_([world.match.id, again.id])).count() == 2


def test_for_match_opens_the_conversation_once(world, as_user, url):
    client = as_user(world.mentee)
    first = client.get(url("messages.for_match", match_id=world.match.id))
    second = client.get(url("messages.for_match", match_id=world.match.id))
    assert first.location == second.location
    assert Conversation.select().where(Conversation.match == world.match.id).count() == 1


def test_an_unmatched_mentee_has_no_conversations(world, as_user, url):
    loner = make_user(world.program, "mentee")
    html = as_user(loner).get(url("messages.index")).get_data(as_text=True)
    assert "No conversations yet" in html
    assert not Match.select().where(Match.mentee == loner.id).exists()
