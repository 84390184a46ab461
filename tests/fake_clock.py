"""The suite at a chosen instant: MENTORING_FAKE_NOW=2028-02-29T12:00:00Z (or --fake-now).

The whole session travels there with the clock ticking, so code that waits for time to
pass still sees it pass. The machine's zone is the caller's: set TZ beside it.
Child processes (the push workers) are started through `python -m tests.fake_clock`,
which travels to the parent's current instant before running the command.
"""

import os
import runpy
import sys
import time
from datetime import UTC, datetime, timedelta

import time_machine

ENV = "MENTORING_FAKE_NOW"

_session = None  # (destination, monotonic time when the travel began), while travelling
_traveller = None


def parse(value):
    """An ISO 8601 instant; one without an offset is taken as UTC, not the machine's zone."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{ENV} must be an ISO 8601 instant such as 2028-02-29T12:00:00Z, not {value!r}") from None
    return moment.replace(tzinfo=moment.tzinfo or UTC)


def start(value):
    """Travel to `value` until stop(); every later resume() continues from where it would be."""
    global _session
    _session = (parse(value), time.monotonic())
    resume()


def active():
    return _session is not None


def current():
    """The fake instant now: the destination plus the real time elapsed since travelling."""
    destination, began = _session
    return destination + timedelta(seconds=time.monotonic() - began)


def pause():
    """Back to the real clock (for a test that needs it) until resume()."""
    global _traveller
    if _traveller is not None:
        _traveller.stop()
        _traveller = None


def resume():
    global _traveller
    pause()
    # A timestamp, not an aware datetime: given one in UTC, time-machine also sets TZ=UTC,
    # and the machine's zone is the caller's to choose.
    _traveller = time_machine.travel(current().timestamp(), tick=True)
    _traveller.start()


def stop():
    global _session
    pause()
    _session = None


def command(*argv):
    """argv for a child process that sees the same fake clock as this one (or the real one)."""
    if not active():
        return list(argv)
    return [sys.executable, "-m", "tests.fake_clock", *argv]


def child_env(env):
    """env for command(): carries this process's fake instant, as it is at the moment of starting."""
    if active():
        return {**env, ENV: current().isoformat()}
    return {k: v for k, v in env.items() if k != ENV}


def _main(argv):
    # A console script such as .venv/bin/flask is a small Python file: run it as __main__
    # after travelling, exactly as it would run on its own.
    start(os.environ[ENV])
    sys.argv = argv
    runpy.run_path(argv[0], run_name="__main__")


if __name__ == "__main__":
    _main(sys.argv[1:])
