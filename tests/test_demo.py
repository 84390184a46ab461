"""The demo program: every feature has something to show, and nothing in it alarms anyone."""

import html
import json
import re
from datetime import UTC, datetime, time, timedelta

import pytest
import time_machine

from mentoring.clock import local_today, to_local, utcnow
from mentoring.db import database
from mentoring.demo import seed_demo
from mentoring.goals.models import Comment, Goal, Rating, Step
from mentoring.meetings.models import CONFIRMED, VIDEO, WEEKLY, Meeting, MeetingNote, MeetingSeries
from mentoring.messages.models import Conversation, Message
from mentoring.models import Match, Program, User
from mentoring.mood.measures import ITEM9
from mentoring.mood.models import CheckIn, CheckInTag, MeasureResponse, MoodSharing, SafetyPlan
from mentoring.push import Notification
from mentoring.push.models import Subscription
from mentoring.safety import SafeguardingAlert, has_risk

from .test_cli import run

# The demo is told relative to the moment it is made and its pages are read at that moment:
# a Wednesday in the middle of May, so that "this month" holds weeks of check-ins whatever
# today is (on the 1st the page rightly counts one day).
DEMO_NOW = datetime(2027, 5, 19, 10, 0, tzinfo=UTC)


@pytest.fixture
def demo(app):
    # As a timestamp, so that time-machine leaves the machine's zone alone.
    with time_machine.travel(DEMO_NOW.timestamp(), tick=True):
        result = run(app, "seed-demo")
        assert result.exit_code == 0, result.output
        people = {u.email.split("@")[0]: u for u in User.select()}
        people["match"] = Match.get(Match.mentee == people["mentee"])
        people["match2"] = Match.get(Match.mentee == people["mentee2"])
        yield people


def text_of(response):
    """The words on a page, as a reader sees them."""
    assert response.status_code == 200
    body = re.sub(r"(?s)<(script|style|svg)\b.*?</\1>", " ", response.get_data(as_text=True))
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))


def test_seed_demo_prints_the_logins_and_refuses_a_second_time(app):
    result = run(app, "seed-demo")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Demo logins (any of them, password shown):\n"
        "  coordinator  coordinator@demo.example   demo-password-1   also the safeguarding lead: risk alerts go to them\n"
        "  mentor       mentor@demo.example        demo-password-1\n"
        "  mentor       mentor2@demo.example       demo-password-1\n"
        "  mentee       mentee@demo.example        demo-password-1\n"
        "  mentee       mentee2@demo.example       demo-password-1\n"
        "  mentee       mentee3@demo.example       demo-password-1\n"
    )
    assert User.get(User.email == "mentee3@demo.example").check_password("demo-password-1")
    assert User.get(User.email == "coordinator@demo.example").is_safeguarding_lead
    again = run(app, "seed-demo")
    assert again.exit_code == 1 and "already holds a program" in again.output
    assert Program.select().count() == 1


def test_the_mentee_home_shows_their_mentor_next_meeting_and_goals(demo, as_user, url):
    page = text_of(as_user(demo["mentee"]).get(url("home.index")))
    assert "Alex Morgan" in page
    assert re.search(r"Next meeting Tue, \w+ \d+, 5:30 PM", page)
    assert "Walk three times a week 7/10" in page
    assert "Start volunteering again" in page and "New message from your mentor" in page


def test_the_mentee_has_six_weeks_of_check_ins_with_patterns_to_see(demo, as_user, url):
    mentee = demo["mentee"]
    checkins = list(CheckIn.select().where(CheckIn.user == mentee).order_by(CheckIn.at))
    today = local_today(mentee.timezone)
    assert today == DEMO_NOW.date()
    days = [c.local_date for c in checkins]
    assert all(c.local_date == to_local(c.at, mentee.timezone).date() for c in checkins)
    assert 35 <= len(set(days)) <= 43 and (today - days[0]).days == 42
    assert len(days) > len(set(days)), "some days have two check-ins"
    assert len({c.mood for c in checkins}) >= 3 and all(c.sleep_hours and c.energy for c in checkins)
    half = len(checkins) // 2
    average = lambda rows: sum(c.mood for c in rows) / len(rows)  # noqa: E731
    assert average(checkins[half:]) > average(checkins[:half]), "moods rise over the weeks"
    assert CheckInTag.select().join(CheckIn).where(CheckIn.user == mentee).count() > len(checkins)

    page = text_of(as_user(mentee).get(url("mood.trends", days=90)))
    assert int(re.search(r"Keeping it up (\d+)%", page)[1]) >= 70
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        assert re.search(day + r" \w+ \(\d\.\d\)", page), day
    assert "With better days" in page and "With harder days" in page
    this_month = {d for d in days if (d.year, d.month) == (today.year, today.month)}
    assert len(this_month) >= 15
    assert f"{len(this_month)} days with a check-in this month" in page


def test_the_mentee_shares_check_ins_results_and_one_note_with_the_mentor(demo):
    mentee = demo["mentee"]
    sharing = MoodSharing.get(MoodSharing.user == mentee)
    assert sharing.share_checkins and sharing.share_measures
    shared = CheckIn.select().where((CheckIn.user == mentee) & CheckIn.note_shared)
    assert shared.count() == 1
    for code, change in (("phq9", 5), ("gad7", 4)):
        first, latest = MeasureResponse.select().where(
            (MeasureResponse.user == mentee) & (MeasureResponse.measure == code)).order_by(MeasureResponse.taken_at)
        assert latest.score <= first.score - change, code
        assert (latest.taken_at - first.taken_at).days in (27, 28)
    plan = SafetyPlan.get(SafetyPlan.user == mentee)
    assert plan.shared and not plan.is_empty() and "Samaritans" in plan.professionals


def test_the_mentee_has_shared_goals_with_progress_and_a_private_one(demo, as_user, url):
    mentee, mentor, match = demo["mentee"], demo["mentor"], demo["match"]
    goals = {g.title: g for g in Goal.select().where(Goal.mentee == mentee)}
    assert [g.shared for g in goals.values()].count(True) == 2
    assert not goals["Read before bed instead of scrolling"].shared
    for goal in goals.values():
        assert goal.status == Goal.ACTIVE and goal.measure and goal.target_date and goal.why
        values = [r.value for r in Rating.select().where(Rating.goal == goal).order_by(Rating.created_at)]
        assert len(values) >= 2 and values == sorted(values) and values[-1] > values[0]
    steps = list(Step.select().join(Goal).where(Goal.mentee == mentee))
    today = local_today(mentee.timezone)
    assert sum(s.is_done for s in steps) >= 4
    assert [s.title for s in steps if s.due_date and s.due_date < today and not s.is_done] == [
        "Phone the community garden about Saturday mornings"]
    assert Comment.select().where((Comment.author == mentor) & (Comment.match == match)).count() == 2

    page = text_of(as_user(mentee).get(url("goals.index")))
    assert all(title in page for title in goals) and "Only you" in page
    page = text_of(as_user(mentor).get(url("goals.mentee_goals", match_id=match.id)))
    assert "Walk three times a week" in page and "Read before bed" not in page


def test_the_mentor_sees_riley_on_their_home_and_mentee_page(demo, as_user, url):
    mentor, match = demo["mentor"], demo["match"]
    home = text_of(as_user(mentor).get(url("home.index")))
    assert "Riley Chen" in home and "Nobody is flagged right now" in home
    assert re.search(r"Next meeting Tue, \w+ \d+, 5:30 PM", home)
    page = text_of(as_user(mentor).get(url("home.mentee", match_id=match.id)))
    assert "Walked by the canal with Mei" in page
    assert "PHQ-9 6 /27" in page and "That is a meaningful change" in page
    assert "Their safety plan" in page and "1 step overdue" in page and "3 unread messages" in page
    checkins = text_of(as_user(mentor).get(url("mood.mentee_checkins", match_id=match.id)))
    assert "Walked by the canal" in checkins and "Long day. Went to bed early." not in checkins


def test_the_messages_list_shows_what_the_mentor_has_not_read(demo, as_user, url):
    conversation = Conversation.get(Conversation.match == demo["match"])
    assert conversation.message_count == Message.select().where(Message.conversation == conversation).count() == 15
    assert conversation.version >= 15 and conversation.reply_count > 0
    first = Message.select().where(Message.conversation == conversation).order_by(Message.id).first()
    assert 13 <= (utcnow() - first.created_at).days <= 15
    mentor_list = text_of(as_user(demo["mentor"]).get(url("messages.index")))
    assert "Riley Chen" in mentor_list and "3 unread" in mentor_list
    assert "unread" not in text_of(as_user(demo["mentee"]).get(url("messages.index")))
    assert "1 unread" in text_of(as_user(demo["mentor2"]).get(url("messages.index")))


def test_the_meetings_list_shows_the_weekly_call_and_past_meetings(demo, as_user, url):
    mentee, mentor, match = demo["mentee"], demo["mentor"], demo["match"]
    series = MeetingSeries.get(MeetingSeries.match == match)
    assert (series.status, series.rule, series.mode, series.start_time) == (CONFIRMED, WEEKLY, VIDEO, time(17, 30))
    page = text_of(as_user(mentee).get(url("meetings.index")))
    assert re.search(r"Coming up Tue, \w+ \d+, 5:30 PM until 6:30 PM Video call · Every week", page)
    past = text_of(as_user(mentee).get(url("meetings.past")))
    assert past.count("Happened") >= 5 and "Skipped" in past and "Riverside Café" in past

    noted = Meeting.get(Meeting.id == MeetingNote.select(MeetingNote.meeting).limit(1))
    assert noted.outcome == "happened" and noted.series_id == series.id
    seen_by_mentee = text_of(as_user(mentee).get(url("meetings.meeting", ref=noted.ref)))
    assert "Talked about the walking goal" in seen_by_mentee and "Ask how the call" not in seen_by_mentee
    assert "Ask how the call" in text_of(as_user(mentor).get(url("meetings.meeting", ref=noted.ref)))
    reminders = Notification.select().where(Notification.kind == "meeting_reminder")
    assert {n.user_id for n in reminders} == {mentee.id, mentor.id}


def test_jordan_is_asked_about_caseys_coffee(demo, as_user, url):
    home = text_of(as_user(demo["mentor2"]).get(url("home.index")))
    assert re.search(r"Casey Patel suggests meeting on \w+, \w+ \d+, 12:30 PM\. Accept", home)
    assert "Waiting for Jordan Lee to answer" in text_of(as_user(demo["mentee2"]).get(url("home.index")))


def test_the_lead_has_nothing_to_follow_up_and_nothing_waits_to_be_pushed(demo, as_user, url):
    assert SafeguardingAlert.select().count() == 0
    assert "No open alerts" in text_of(as_user(demo["coordinator"]).get(url("safety.alerts")))
    assert all(r.answers[ITEM9] == 0 for r in MeasureResponse.select().where(MeasureResponse.measure == "phq9"))
    assert Subscription.select().count() == 0
    now = utcnow()
    for n in Notification.select():
        assert n.kind == "meeting_reminder" and n.due_at > now - timedelta(minutes=1)


def _texts():
    """Every string stored, table by table, but the crisis lines every program starts with."""
    for table in database.get_tables():
        if table == "crisis_resources":
            continue  # their names (988 Suicide & Crisis Lifeline) are meant to say it
        for row in database.execute_sql(f'SELECT * FROM "{table}"').fetchall():
            for value in row:
                if isinstance(value, (dict, list)):
                    value = json.dumps(value)
                if isinstance(value, str):
                    yield table, value


def test_no_risk_words_anywhere_in_the_demo(demo):
    texts = list(_texts())
    scanned = {value for _table, value in texts}
    assert {m.body for m in Message.select()} | {c.note for c in CheckIn.select()} <= scanned
    assert [(table, value) for table, value in texts if has_risk(value)] == []


def test_the_demo_is_told_relative_to_the_moment_it_is_made(app):
    # A spring morning just after the clocks went forward in London.
    now = datetime(2025, 4, 2, 7, 0)
    with app.app_context():
        seed_demo(now=now)
    mentee = User.get(User.email == "mentee@demo.example")
    latest = CheckIn.select().where(CheckIn.user == mentee).order_by(CheckIn.at.desc()).first()
    assert latest.at <= now and (now - latest.at) < timedelta(days=1)
    assert Message.select().where(Message.created_at > now).count() == 0
    assert Goal.select().where(Goal.created_at > now).count() == 0
    assert Match.get(Match.mentee == mentee).started_at == now - timedelta(days=49)
    # The weekly call stays at 17:30 in London on both sides of the change.
    starts = [to_local(m.starts_at, "Europe/London") for m in Meeting.select().where(Meeting.series.is_null(False))]
    assert {(s.hour, s.minute) for s in starts} == {(17, 30)} and {s.utcoffset() for s in starts} == {
        timedelta(0), timedelta(hours=1)}
    assert all(m.starts_at < now for m in Meeting.select().where(Meeting.outcome == "happened"))
