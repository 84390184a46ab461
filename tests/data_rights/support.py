"""A mentee's life in the app, from every feature, at a fixed moment."""

import io
import json
import zipfile
from datetime import datetime, timedelta

from mentoring.meetings.models import MeetingNote
from mentoring.messages import Message
from mentoring.mood.models import MeasureResponse, SafetyPlan
from mentoring.push.models import PushPreference, Subscription
from mentoring.safety import raise_alert

from ..goals.support import comment, make_goal, make_step, rate
from ..meetings.support import make_meeting
from ..messages.support import bulk, sides
from ..mood.support import add_checkin, add_daily

NOW = datetime(2026, 3, 18, 12, 0)


def fill(app, world, days=3, messages=4):
    """Records of every kind for world.mentee, and a few that must never reach their download."""
    with app.app_context():
        return _fill(world, days, messages)


def _fill(world, days, messages):
    mentee, mentor, match = world.mentee, world.mentor, world.match
    add_daily([mentee], days, end=NOW)
    add_checkin(world.other_mentee, 1, note="Other mentee's secret")
    MeasureResponse.create(user=mentee, client_id="m1", measure="phq9", answers=[1] * 9, score=9,
                           taken_at=NOW - timedelta(days=2), local_date=(NOW - timedelta(days=2)).date())
    SafetyPlan.create(user=mentee, warning_signs="Not sleeping", reasons="My cat")
    goal = make_goal(mentee, "Walk to the park")
    make_step(goal, "Shoes by the door")
    rate(goal, 6, match=match, note="Getting there")
    comment(goal, mentor, match, body="Proud of you")
    conversation, mentee_side, _ = sides(match)
    bulk(conversation, [mentee, mentor], messages, start=NOW - timedelta(days=30))
    meeting = make_meeting(match, NOW - timedelta(days=3))
    for author, private, body in ((mentee, True, "My own reminder"), (mentor, False, "Shared summary"),
                                  (mentor, True, "Mentor's private worry")):
        MeetingNote.create(meeting=meeting, author=author, private=private, body=body, client_id=body)
    Subscription.create(user=mentee, endpoint="https://push.example.org/abc", p256dh="KEYP256", auth="AUTHSECRET",
                        device_name="Phone")
    PushPreference.create(user=mentee, daily_cap=3)
    raise_alert(mentee, "other", "Safeguarding detail nobody exports")
    return goal


def more(app, world, days, messages):
    """A lot more check-ins and messages for world.mentee, in bulk."""
    with app.app_context():
        add_daily([world.mentee], days, end=NOW - timedelta(days=400), tags=True)
        conversation, _, _ = sides(world.match)
        rows = [{"conversation": conversation.id, "author": (world.mentee, world.mentor)[i % 2].id,
                 "client_id": f"more-{i}", "body": f"More {i}", "created_at": NOW - timedelta(minutes=i)}
                for i in range(messages)]
        for start in range(0, len(rows), 500):
            Message.insert_many(rows[start:start + 500]).execute()


def unzip(data):
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name).decode() for name in archive.namelist()}


def load(files, name):
    return json.loads(files[name])
