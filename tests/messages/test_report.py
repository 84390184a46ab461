"""Reporting a message: the lead gets it and the few before it, the reporter learns what happens next."""

from mentoring.messages import MessageReport
from mentoring.messages.policy import REPORT_CONTEXT
from mentoring.push import Notification
from mentoring.safety import SafeguardingAlert

from .support import sides


def report_url(url, message):
    return url("messages.report_message", conversation_id=message.conversation_id, message_id=message.id)


def test_the_report_page_says_what_a_report_does(world, as_user, url, say):
    _, mentee, _ = sides(world.match)
    message = say(mentee, "something worrying")
    html = as_user(world.mentor).get(report_url(url, message)).get_data(as_text=True)
    assert "something worrying" in html
    assert "only the few before it" in html
    assert "Send the report" in html


def test_a_report_sends_the_message_and_only_the_few_before_it(world, as_user, url, say):
    _, mentee, mentor = sides(world.match)
    for i in range(6):
        say(mentee if i % 2 == 0 else mentor, f"earlier {i}")
    reported = say(mentee, "the worrying one")
    say(mentor, "a reply after it")
    response = as_user(world.mentor).post(report_url(url, reported), data={"note": "She sounded very low."})
    assert response.status_code == 302
    alert = SafeguardingAlert.get()
    assert alert.kind == "message_report"
    assert alert.subject_id == world.mentee.id
    assert alert.raised_by_id == world.mentor.id
    context = alert.details["context"]
    assert [item["text"] for item in context] == ["earlier 3", "earlier 4", "earlier 5", "the worrying one"]
    assert len(context) == REPORT_CONTEXT + 1
    assert [item["author"] for item in context][-1] == world.mentee.name
    assert all(set(item) == {"author", "at", "text"} for item in context)
    assert ["Their note", "She sounded very low."] in alert.details["lines"]
    assert world.mentor.name in alert.summary and world.mentee.name in alert.summary


def test_the_reporter_is_told_what_happens_next(world, as_user, url, say):
    _, mentee, _ = sides(world.match)
    message = say(mentee, "worrying")
    client = as_user(world.mentor)
    html = client.post(report_url(url, message), data={}, follow_redirects=True).get_data(as_text=True)
    assert "You reported this message" in html
    assert "What happens next" in html
    assert "Send the report" not in html


def test_reporting_twice_files_one_report(world, as_user, url, say):
    _, mentee, _ = sides(world.match)
    message = say(mentee, "worrying")
    client = as_user(world.mentor)
    client.post(report_url(url, message), data={})
    client.post(report_url(url, message), data={})
    assert MessageReport.select().count() == 1
    assert SafeguardingAlert.select().count() == 1


def test_a_mentee_can_report_the_mentors_message_and_the_alert_is_about_the_mentee(world, as_user, url, say):
    _, _, mentor = sides(world.match)
    message = say(mentor, "give me your home address")
    as_user(world.mentee).post(report_url(url, message), data={})
    alert = SafeguardingAlert.get()
    assert alert.subject_id == world.mentee.id
    assert alert.raised_by_id == world.mentee.id
    assert alert.details["context"][-1]["text"] == "give me your home address"


def test_the_lead_gets_an_urgent_push_and_the_lead_alone_sees_the_text(world, as_user, url, say):
    _, mentee, _ = sides(world.match)
    message = say(mentee, "very worrying words")
    as_user(world.mentor).post(report_url(url, message), data={})
    alert = SafeguardingAlert.get()
    assert Notification.select().where((Notification.user == world.lead.id) & Notification.urgent).exists()
    alert_url = url("safety.alert", alert_id=alert.id)
    assert "very worrying words" in as_user(world.lead).get(alert_url).get_data(as_text=True)
    assert as_user(world.coordinator).get(alert_url).status_code == 403


def test_own_messages_cannot_be_reported(world, as_user, url, say):
    _, mentee, _ = sides(world.match)
    message = say(mentee, "mine")
    client = as_user(world.mentee)
    assert client.get(report_url(url, message)).status_code == 404
    assert client.post(report_url(url, message), data={}).status_code == 404
    assert not SafeguardingAlert.select().exists()


def test_outsiders_cannot_report(world, as_user, url, say):
    _, mentee, _ = sides(world.match)
    message = say(mentee, "private")
    assert as_user(world.other_mentor).post(report_url(url, message), data={}).status_code == 404
    assert not SafeguardingAlert.select().exists()


def test_a_report_note_has_a_length_limit(world, as_user, url, say):
    _, mentee, _ = sides(world.match)
    message = say(mentee, "worrying")
    response = as_user(world.mentor).post(report_url(url, message), data={"note": "n" * 1001})
    assert response.status_code == 422
    assert "n" * 1001 in response.get_data(as_text=True)
    assert not SafeguardingAlert.select().exists()
