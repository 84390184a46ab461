"""What shows on a lock screen: neutral words only, whatever the kind or the page behind it."""

import json
import re
from datetime import datetime

import pytest

from mentoring.models import COORDINATOR, MENTEE, MENTOR
from mentoring.push import notify
from mentoring.push.models import PushPreference
from mentoring.push.texts import KINDS, MAX_PAYLOAD, payload, texts

from .support import add_device

# Words that would tell an onlooker about someone's health or what was said.
FORBIDDEN = re.compile(
    r"mood|mental|health|depress|anxi|suicid|self.?harm|\bharm|crisis|\brisk|panic|therap|recover|"
    r"phq|gad|who-?5|diagnos|medic|alcohol|drug|addict|bipolar|trauma|feel|\bsad\b|worr|overdose|"
    r"\bkill|\bdie\b|\bdead|lonely|cry|hurt|wellbeing|symptom|score|safety plan|safeguard",
    re.IGNORECASE,
)
KIND_NAMES = sorted(KINDS) + ["a_kind_added_later"]
ROLES = [MENTEE, MENTOR, COORDINATOR]


class FakeNotification:
    def __init__(self, kind, topic="", url="/"):
        self.kind, self.topic, self.url, self.id = kind, topic, url, 1


@pytest.mark.parametrize("kind", KIND_NAMES)
@pytest.mark.parametrize("role", ROLES)
def test_no_payload_carries_a_health_word_or_a_feature_address(app, kind, role):
    with app.test_request_context():
        body = payload(FakeNotification(kind, url="/mood/phq9/crisis"), role, "/notifications/1/open")
    text = body.decode()
    assert not FORBIDDEN.search(text), text
    assert "/mood" not in text
    assert len(body) < MAX_PAYLOAD // 10
    assert set(json.loads(body)) == {"title", "body", "tag", "url"}


def test_the_forbidden_list_would_catch_a_careless_text():
    assert FORBIDDEN.search("Your mood check-in")
    assert FORBIDDEN.search("Feeling anxious? Talk to your mentor")
    assert not FORBIDDEN.search("Time for your check-in")


def test_a_message_says_only_who_it_is_from_by_role(app):
    with app.test_request_context():
        assert texts("message", MENTEE)[0] == "New message from your mentor"
        assert texts("message", MENTOR)[0] == "New message from your mentee"
        assert texts("message", COORDINATOR)[0] == "New message"


def test_an_unknown_kind_gets_the_neutral_fallback(app):
    with app.test_request_context():
        assert texts("anything_new", MENTEE) == ("You have a new notification", "Open the app to see it.")


def test_what_the_worker_sends_holds_no_health_word_or_page_address(world, fake_push, worker):
    add_device(world.mentee, fake_push)
    add_device(world.mentor, fake_push)
    add_device(world.lead, fake_push)
    now = datetime(2025, 6, 2, 12, 0)
    for person in (world.mentee, world.mentor):
        PushPreference.create(user=person, daily_cap=20)
    for kind in KIND_NAMES:
        notify(world.mentee, kind, "/mood/entries/9?note=feeling+low", topic=f"{kind}-for-mood-entry-9", now=now)
        notify(world.mentor, kind, "/messages/3", topic=f"{kind}-match-3", now=now)
    notify(world.lead, "safeguarding", "/safeguarding/4", topic="safeguarding-alert-4", urgent=True, now=now)
    worker(now)
    payloads = fake_push.payloads()
    assert len(payloads) == 2 * len(KIND_NAMES) + 1
    for sent in payloads:
        assert not FORBIDDEN.search(json.dumps(sent)), sent
        assert re.fullmatch(r"/notifications/\d+/open", sent["url"])


def test_topics_leave_as_digests_that_push_services_accept():
    from mentoring.push.outbox import topic_key

    key = topic_key("safeguarding-alert-for-match-12")
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", key)
    assert key == topic_key("safeguarding-alert-for-match-12") != topic_key("safeguarding-alert-for-match-13")
    assert topic_key("") == ""


def test_every_kind_the_features_queue_has_its_own_words():
    import re
    from pathlib import Path

    source = "\n".join(p.read_text() for p in (Path(__file__).parents[2] / "mentoring").rglob("*.py"))
    queued = set(re.findall(r'notify\([^,]+, "([a-z_]+)"', source))
    queued |= set(re.findall(r'^KIND = "([a-z_]+)"', source, re.M))
    assert {"goal", "message", "safeguarding", "meeting_reminder"} <= queued
    assert queued <= set(KINDS)
