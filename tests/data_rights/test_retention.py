"""Retention: an ended match's messages, meeting notes and goal comments go after the program's period."""

from datetime import timedelta

from mentoring.data_rights import retention
from mentoring.goals.models import Comment
from mentoring.meetings.models import MeetingNote
from mentoring.messages import Conversation, Message, MessageReport
from mentoring.models import Match

from .support import NOW, fill


def _end(match, days_ago):
    Match.update(status=Match.ENDED, ended_at=NOW - timedelta(days=days_ago)).where(Match.id == match.id).execute()


def _counts():
    return {"messages": Message.select().count(), "meeting_notes": MeetingNote.select().count(),
            "goal_comments": Comment.select().count()}


def test_an_active_or_recently_ended_match_keeps_everything(app, world):
    fill(app, world)
    before = _counts()
    assert retention.apply(NOW) == dict.fromkeys(retention.KINDS, 0)
    _end(world.match, 729)
    assert retention.apply(NOW) == dict.fromkeys(retention.KINDS, 0)
    assert _counts() == before


def test_after_two_years_the_matchs_content_goes(app, world):
    fill(app, world, messages=4)
    _end(world.match, 731)
    assert retention.count_expired(NOW) == {"messages": 4, "meeting_notes": 3, "goal_comments": 1}
    assert retention.apply(NOW) == {"messages": 4, "meeting_notes": 3, "goal_comments": 1}
    assert _counts() == dict.fromkeys(retention.KINDS, 0)
    conversation = Conversation.get(Conversation.match == world.match.id)
    assert (conversation.message_count, conversation.last_message_id) == (0, None)


def test_the_program_sets_the_period(app, world):
    fill(app, world)
    world.program.settings = {"data_rights": {"retention_days": 30}}
    world.program.save()
    _end(world.match, 31)
    assert retention.count_expired(NOW)["messages"] == 4


def test_a_reported_message_stays_with_its_safeguarding_record(app, world):
    fill(app, world)
    reported = Message.select().order_by(Message.id).first()
    MessageReport.create(message=reported, reporter=world.mentor, note="worrying")
    _end(world.match, 800)
    assert retention.apply(NOW)["messages"] == 3
    assert [m.id for m in Message.select()] == [reported.id]


def test_the_dry_run_prints_counts_and_deletes_nothing(app, world):
    fill(app, world)
    _end(world.match, 10_000)
    before = _counts()
    result = app.test_cli_runner().invoke(args=["retention", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["would delete 4 messages", "would delete 3 meeting notes",
                                          "would delete 1 goal comments"]
    assert _counts() == before
    result = app.test_cli_runner().invoke(args=["retention"])
    assert "deleted 4 messages" in result.output
    assert _counts() == dict.fromkeys(retention.KINDS, 0)
