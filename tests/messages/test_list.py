"""The conversation list and the unread badge."""

import re

from playhouse.test_utils import count_queries

from mentoring.models import MENTEE
from mentoring.people.matching import end_match

from ..factories import make_match, make_user
from .support import bulk, sides


def badge(html):
    found = re.search(r'<span class="badge">(\d+)', html)
    return int(found.group(1)) if found else 0


def test_the_list_shows_the_other_person_the_last_message_and_unread(world, as_user, url, say):
    _, mentee, mentor = sides(world.match)
    say(mentee, "first")
    say(mentee, "second, the latest")
    html = as_user(world.mentor).get(url("messages.index")).get_data(as_text=True)
    assert world.mentee.name in html
    assert "second, the latest" in html
    assert re.search(r'class="unread-count">2<', html)
    mentee_html = as_user(world.mentee).get(url("messages.index")).get_data(as_text=True)
    assert world.mentor.name in mentee_html and "You: second, the latest" in mentee_html
    assert 'class="unread-count"' not in mentee_html


def test_the_nav_badge_counts_unread_messages(world, as_user, url, say):
    conv, mentee, _ = sides(world.match)
    say(mentee, "one")
    say(mentee, "two")
    client = as_user(world.mentor)
    assert badge(client.get(url("home.index")).get_data(as_text=True)) == 2
    client.get(url("messages.thread", conversation_id=conv.id))
    assert badge(client.get(url("home.index")).get_data(as_text=True)) == 0


def test_the_badge_leaves_out_deleted_and_own_messages(world, as_user, url, say, app):
    from mentoring.messages.sending import delete

    from .support import fresh

    _, mentee, mentor = sides(world.match)
    gone = say(mentee, "oops")
    with app.app_context():
        delete(fresh(mentee), gone)
    say(mentor, "my own")
    assert badge(as_user(world.mentor).get(url("home.index")).get_data(as_text=True)) == 0


def test_the_list_takes_the_same_queries_for_one_or_many_conversations(world, as_user, url):
    counts = []
    for extra in (0, 2):
        mentor = make_user(world.program, "mentor", mentor_capacity=5)
        for _ in range(1 + extra):
            match = make_match(mentor, make_user(world.program, MENTEE))
            conv, _, _ = sides(match)
            bulk(conv, [match.mentee, mentor], 60)
        client = as_user(mentor)
        client.get(url("messages.index"))
        with count_queries() as counted:
            html = client.get(url("messages.index")).get_data(as_text=True)
        assert html.count('class="list-row conversation-row"') == 1 + extra
        counts.append(counted.count)
    assert counts[0] == counts[1]


def test_ended_conversations_are_marked_read_only_in_the_list(world, as_user, url, say):
    _, mentee, _ = sides(world.match)
    say(mentee, "bye")
    end_match(world.match, "completed")
    assert "Match ended · read-only" in as_user(world.mentee).get(url("messages.index")).get_data(as_text=True)


def test_active_conversations_come_before_ended_ones(world, as_user, url, say):
    old_conv, old_mentee, _ = sides(world.match)
    say(old_mentee, "from the old match")
    end_match(world.match, "rematch")
    new_match = make_match(world.other_mentor, world.mentee)
    sides(new_match)
    html = as_user(world.mentee).get(url("messages.index")).get_data(as_text=True)
    assert html.index(world.other_mentor.name) < html.index(world.mentor.name)


def test_the_list_opens_conversations_for_new_matches(world, as_user, url):
    html = as_user(world.mentor).get(url("messages.index")).get_data(as_text=True)
    assert world.mentee.name in html and "No messages yet" in html
