"""The demo's own push keys and the worker that runs beside its server."""

import time
from datetime import timedelta

import pytest

from mentoring.clock import utcnow
from mentoring.config import ConfigError
from mentoring.demo.push import demo_push_settings, start_worker
from mentoring.push import keys as vapid
from mentoring.push.outbox import Notification

from .support import add_device, queue


def test_the_keys_are_made_once_then_read_back(tmp_path):
    made, first_time = demo_push_settings(tmp_path)
    again, second_time = demo_push_settings(tmp_path)
    assert (first_time, second_time) == (True, False)
    assert made == again
    assert vapid.load(made).subject == "mailto:coordinator@demo.example"


def test_a_damaged_key_file_is_an_error_not_a_silent_new_pair(tmp_path):
    demo_push_settings(tmp_path)
    (tmp_path / "demo-vapid" / "vapid_public_key").write_text(vapid.generate()[1])
    with pytest.raises(ConfigError, match="does not belong"):
        demo_push_settings(tmp_path)


def test_the_worker_sends_what_falls_due_while_the_demo_runs(app, world, fake_push):
    add_device(world.mentee, fake_push)
    # Urgent, so the mentee's quiet hours (whatever the hour now) hold nothing back.
    waiting = queue(world.mentee, at=utcnow() - timedelta(minutes=1), urgent=True)
    worker = start_worker(app, interval=0.05)
    try:
        for _ in range(100):
            if Notification.get_by_id(waiting.id).status == Notification.SENT:
                break
            time.sleep(0.05)
    finally:
        worker.stop()
    assert not worker.is_alive()
    assert Notification.get_by_id(waiting.id).status == Notification.SENT
    assert len(fake_push.accepted()) == 1
