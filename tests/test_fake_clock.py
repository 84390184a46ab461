"""The fake clock the suite can run under (MENTORING_FAKE_NOW), and how it reaches child processes."""

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from . import fake_clock

ROOT = Path(__file__).resolve().parents[1]
SHOW_CLOCK = "import time, datetime; print(datetime.datetime.now(datetime.UTC).isoformat(), time.strftime('%z'))"


def test_an_instant_without_an_offset_is_utc_not_the_machines_zone():
    assert fake_clock.parse("2028-02-29T12:00:00") == datetime(2028, 2, 29, 12, 0, tzinfo=UTC)
    assert fake_clock.parse("2027-03-14T06:30:00Z") == datetime(2027, 3, 14, 6, 30, tzinfo=UTC)
    assert fake_clock.parse("2027-03-14T01:30:00-05:00") == datetime(2027, 3, 14, 6, 30, tzinfo=UTC)


def test_a_bad_instant_is_named_in_the_error():
    with pytest.raises(ValueError, match="MENTORING_FAKE_NOW must be an ISO 8601 instant"):
        fake_clock.parse("next tuesday")


def test_a_child_process_travels_to_the_instant_and_keeps_the_machines_zone(tmp_path):
    script = tmp_path / "show_clock.py"
    script.write_text(SHOW_CLOCK)
    env = {**os.environ, fake_clock.ENV: "2027-03-14T06:30:00Z", "TZ": "Pacific/Kiritimati"}
    result = subprocess.run([sys.executable, "-m", "tests.fake_clock", str(script)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    now, offset = result.stdout.split()
    assert 0 <= (datetime.fromisoformat(now) - datetime(2027, 3, 14, 6, 30, tzinfo=UTC)).total_seconds() < 5
    assert offset == "+1400"


def test_child_processes_get_this_sessions_clock():
    if fake_clock.active():
        # The instant as it is now, not where the session began: the clock has been ticking.
        sent = fake_clock.parse(fake_clock.child_env({})[fake_clock.ENV])
        assert abs((sent - datetime.now(UTC)).total_seconds()) < 5
        assert fake_clock.command("flask", "worker")[1:3] == ["-m", "tests.fake_clock"]
    else:
        assert fake_clock.ENV not in fake_clock.child_env({fake_clock.ENV: "2027-03-14T06:30:00Z"})
        assert fake_clock.command("flask", "worker") == ["flask", "worker"]
