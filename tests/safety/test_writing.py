"""The one rule for written words: on every surface, a mentee's risky words tell the
safeguarding lead once (who, when, where: never the text), and the writer sees the panel."""

from datetime import datetime

import pytest

from mentoring.clock import to_local
from mentoring.meetings.models import Meeting
from mentoring.messages import Message
from mentoring.safety import SafeguardingAlert, check_writing

from ..goals.support import make_goal, make_step
from ..meetings.support import make_meeting, soon
from ..messages.support import sides

TOLD = "your program's safeguarding lead has been told"
PRIVATE = "my sister Jo"  # words around the risky ones that must never reach the lead
NOW = datetime(2026, 3, 10, 12, 0)


def alerts():
    return list(SafeguardingAlert.select().order_by(SafeguardingAlert.id))


def assert_one_alert_about(person, where):
    found = alerts()
    assert len(found) == 1, [a.summary for a in found]
    alert = found[0]
    assert alert.kind == "risk_words" and alert.subject_id == person.id
    assert where in alert.summary and person.name in alert.summary
    stored = alert.summary + str(alert.details)
    assert PRIVATE not in stored


# The function itself.

@pytest.fixture
def ctx(app):
    with app.test_request_context():
        yield


def test_it_alerts_once_per_new_phrase_and_never_stores_the_text(world, ctx):
    text = f"Fight with {PRIVATE}. I want to kill myself."
    check = check_writing(world.mentee, [text], "message", now=NOW)
    assert check.shows_panel and check.told_lead and check.alert is not None
    again = check_writing(world.mentee, [text + " Sorry."], "message", before=[text], now=NOW)
    assert again.shows_panel and again.alert is None
    assert_one_alert_about(world.mentee, "Message")
    assert "“kill myself”" in str(alerts()[0].details)


def test_mentors_words_are_theirs_to_use(world, ctx):
    check = check_writing(world.mentor, ["Are you having thoughts of suicide?"], "message", now=NOW)
    assert not check.shows_panel and alerts() == []


def test_without_a_lead_the_alert_waits_and_the_panel_promises_nothing(world, ctx):
    world.lead.is_safeguarding_lead = False
    world.lead.save()
    check = check_writing(world.mentee, ["kms"], "goal", now=NOW)
    assert check.shows_panel and check.alert is not None and not check.told_lead


# Messages.

def send(client, url, conversation, body, client_id="msg-client-0001", htmx=True):
    return client.post(
        url("messages.send_message", conversation_id=conversation.id),
        data={"body": body, "client_id": client_id, "after": 0},
        headers={"HX-Request": "true", "HX-Target": "composer"} if htmx else {},
    )


def test_a_mentees_risky_message_alerts_the_lead_once_however_often_it_is_sent(world, as_user, url):
    conversation, _, _ = sides(world.match)
    client = as_user(world.mentee)
    body = f"{PRIVATE} doesn't know I want to die"
    html = send(client, url, conversation, body).get_data(as_text=True)
    send(client, url, conversation, body)
    assert 'id="crisis-panel"' in html and TOLD in html
    assert_one_alert_about(world.mentee, "Message")


def test_editing_a_message_alerts_only_for_new_risky_words(world, as_user, url):
    conversation, _, _ = sides(world.match)
    client = as_user(world.mentee)
    send(client, url, conversation, "All fine", htmx=False)
    message = Message.get()
    edit = url("messages.edit_message", conversation_id=conversation.id, message_id=message.id)
    client.post(edit, data={"body": f"{PRIVATE}: I want to end it all"})
    client.post(edit, data={"body": f"{PRIVATE}: I want to end it all."})
    assert_one_alert_about(world.mentee, "Message")
    thread = client.get(url("messages.thread", conversation_id=conversation.id)).get_data(as_text=True)
    assert TOLD in thread


def test_a_mentors_message_raises_nothing(world, as_user, url):
    conversation, _, _ = sides(world.match)
    send(as_user(world.mentor), url, conversation, "If you ever feel suicidal, tell me")
    assert alerts() == []


# Goals.

def test_a_new_goal_with_risky_words_alerts_once_even_when_sent_twice(world, as_user, url):
    client = as_user(world.mentee)
    data = {"title": "Get through the week", "why": f"so {PRIVATE} stops worrying I'll hurt myself",
            "client_id": "goal-client-0001"}
    client.post(url("goals.new"), data=data)
    client.post(url("goals.new"), data=data)
    assert_one_alert_about(world.mentee, "goals")


def test_editing_a_goal_alerts_for_new_words_only(world, as_user, url):
    goal = make_goal(world.mentee, title="Sleep better", why=f"{PRIVATE} says I self-harm")
    client = as_user(world.mentee)
    client.post(url("goals.edit", goal_id=goal.id), data={"title": "Sleep better", "why": f"{PRIVATE} says I self-harm",
                                                          "shared": "shared"})
    assert alerts() == []
    client.post(url("goals.edit", goal_id=goal.id), data={"title": "Sleep better", "why": "I want to die",
                                                          "shared": "shared"})
    assert_one_alert_about(world.mentee, "goals")
    page = client.get(url("goals.goal", goal_id=goal.id)).get_data(as_text=True)
    assert page.count('id="crisis-panel"') == 1 and TOLD in page


@pytest.mark.parametrize("part, data, where", [
    ("goals.add_rating", {"rating-value": "2", "rating-note": f"{PRIVATE} left, thinking of ending it all",
                          "rating-client_id": "rating-client-1"}, "progress"),
    ("goals.add_comment", {"comment-body": f"{PRIVATE} left. I want to die", "comment-client_id": "comment-client-1"},
     "Comment"),
    ("goals.add_step", {"step-title": f"tell {PRIVATE} I overdosed", "step-client_id": "step-client-1"}, "Step"),
])
def test_ratings_comments_and_steps_alert_once_and_show_the_panel_in_place(world, as_user, url, part, data, where):
    goal = make_goal(world.mentee, shared=True)
    client = as_user(world.mentee)
    target = {"goals.add_rating": "goal-progress", "goals.add_comment": "goal-comments", "goals.add_step": "goal-steps"}
    headers = {"HX-Request": "true", "HX-Target": target[part]}
    html = client.post(url(part, goal_id=goal.id), data=data, headers=headers).get_data(as_text=True)
    client.post(url(part, goal_id=goal.id), data=data, headers=headers)
    assert 'id="crisis-panel"' in html and TOLD in html
    assert_one_alert_about(world.mentee, where)


def test_a_steps_new_title_alerts(world, as_user, url):
    goal = make_goal(world.mentee)
    step = make_step(goal, title="Call the GP")
    as_user(world.mentee).post(url("goals.edit_step", goal_id=goal.id, step_id=step.id),
                               data={"step-title": f"Call {PRIVATE} before I kill myself"})
    assert_one_alert_about(world.mentee, "Step")


# Meetings.

def test_a_risky_meeting_note_alerts_once(world, as_user, url):
    meeting = make_meeting(world.match, soon(-2))
    client = as_user(world.mentee)
    data = {"body": f"Told {PRIVATE} I'm suicidal", "client_id": "note-client-1", "private": "y"}
    html = client.post(url("meetings.add_note", ref=meeting.ref), data=data).get_data(as_text=True)
    client.post(url("meetings.add_note", ref=meeting.ref), data=data)
    assert 'id="crisis-panel"' in html and TOLD in html
    assert_one_alert_about(world.mentee, "Meeting note")
    assert Meeting.select().count() == 1


def test_a_proposals_agenda_alerts_once_and_the_meeting_page_shows_the_panel(world, as_user, url):
    when = to_local(soon(5), world.mentee.timezone)
    data = {"client_id": "c" * 16, "day": when.strftime("%Y-%m-%d"), "time": "10:00", "duration": "60",
            "mode": "phone", "repeat": "once", "match": world.match.id, "agenda": f"{PRIVATE}, and wanting to die"}
    client = as_user(world.mentee)
    first = client.post(url("meetings.propose"), data=data)
    client.post(url("meetings.propose"), data=data)
    assert_one_alert_about(world.mentee, "meeting")
    page = client.get(first.headers["Location"]).get_data(as_text=True)
    assert 'id="crisis-panel"' in page and TOLD in page


def test_a_reason_for_calling_off_alerts(world, as_user, url):
    meeting = make_meeting(world.match, soon(3))
    client = as_user(world.mentee)
    client.post(url("meetings.cancel", ref=meeting.ref), data={"reason": f"{PRIVATE} found me after I overdosed"})
    assert_one_alert_about(world.mentee, "called off")


def test_a_programs_second_language_counts_everywhere_a_message_is_read(world, as_user, url, monkeypatch):
    from mentoring.models import Program
    from mentoring.safety import risk

    monkeypatch.setitem(risk._COMPILED, "xx", risk._compile([r"zorg blap"]))
    Program.update(settings={"risk_languages": ["en", "xx"]}).where(Program.id == world.program.id).execute()
    conversation, _, _ = sides(world.match)
    html = send(as_user(world.mentee), url, conversation, f"{PRIVATE}: zorg blap").get_data(as_text=True)
    assert 'id="crisis-panel"' in html
    assert Message.get().risk  # so the mentor's guide shows too
    assert_one_alert_about(world.mentee, "Message")
