"""How fast each level of alert must be taken on, and who hears when it is not.

A program's choices live in Program.settings["safeguarding"]. Deadlines are
worked out once, when an alert is raised, and stored on it.

Who hears, step by step (an alert nobody has acknowledged):
  raised           the program's safeguarding leads who are not deputies
                   (all of them when none, or every one, is marked deputy;
                   every coordinator when the program has no lead);
  half the time    the deputy leads; with no deputies chosen, every lead again;
  the deadline     every lead and every coordinator of the program.
"""

from datetime import timedelta

from ..clock import to_local, to_utc
from ..db import database
from ..models import COORDINATOR, Program, User

KEY = "safeguarding"

DEFAULTS = {
    "immediate_minutes": 15,
    "urgent_hours": 4,
    # Working days are Monday to Friday in the program's time zone.
    "concern_working_days": 2,
    # Safeguarding leads who back up the others (user ids).
    "deputy_ids": [],
}


def safeguarding_settings(program):
    """The program's choices, with defaults for anything it has not chosen."""
    chosen = (program.settings or {}).get(KEY) or {}
    return {key: chosen.get(key, default) for key, default in DEFAULTS.items()}


def save_safeguarding_settings(program, **values):
    # Read the row afresh inside the transaction: other features keep their
    # own keys in the same JSON column.
    with database.atomic():
        fresh = Program.get_by_id(program.id)
        settings = dict(fresh.settings or {})
        current = safeguarding_settings(fresh)
        current.update({k: v for k, v in values.items() if k in DEFAULTS})
        settings[KEY] = current
        Program.update(settings=settings).where(Program.id == program.id).execute()
    program.settings = settings
    return current


def add_working_days(moment, days, tz_name):
    """`days` weekdays after `moment` (naive UTC), at the same local clock time."""
    local = to_local(moment, tz_name).replace(tzinfo=None)
    # From a weekend, the count starts on Monday morning's clock.
    while local.weekday() >= 5:
        local = (local + timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
    left = days
    while left > 0:
        local += timedelta(days=1)
        if local.weekday() < 5:
            left -= 1
    return to_utc(local, tz_name)


def deadlines(program, level, raised_at):
    """(half-way, deadline) for an alert of `level` raised at `raised_at`."""
    chosen = safeguarding_settings(program)
    if level == "immediate":
        due = raised_at + timedelta(minutes=chosen["immediate_minutes"])
    elif level == "concern":
        due = add_working_days(raised_at, chosen["concern_working_days"], program.timezone)
    else:
        due = raised_at + timedelta(hours=chosen["urgent_hours"])
    return raised_at + (due - raised_at) / 2, due


def first_to_hear(program):
    """The leads told when an alert is raised; with no lead at all, every coordinator."""
    leads = list(program.safeguarding_leads())
    if not leads:
        # Nobody could act on it in time: the coordinators must find someone now.
        return everyone_responsible(program)
    deputies = set(safeguarding_settings(program)["deputy_ids"])
    primary = [u for u in leads if u.id not in deputies]
    return primary or leads


def deputies(program):
    leads = list(program.safeguarding_leads())
    chosen = set(safeguarding_settings(program)["deputy_ids"])
    return [u for u in leads if u.id in chosen] or leads


def everyone_responsible(program):
    """Every active lead and coordinator: the last step."""
    return list(User.select().where((User.program == program) & (User.role == COORDINATOR) & User.is_active))
