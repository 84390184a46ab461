"""A program to try the app with.

The demo is a program some weeks under way, told relative to the moment it
is made: Riley (mentee@) and Alex (mentor@) have six weeks of check-ins,
goals, messages and weekly calls behind them; Casey (mentee2@) and Jordan
(mentor2@) have just started; Taylor (mentee3@) waits for a mentor. Each
feature writes its part through its own functions (mood.py, goals.py,
messages.py, meetings.py here). Nothing in it raises a safeguarding alert.
"""

import random

from ..clock import utcnow
from ..db import database
from ..meetings.reminders import KIND as MEETING_REMINDER
from ..models import COORDINATOR, MENTEE, MENTOR, CrisisResource, Program, User
from ..people.matching import create_match
from ..push import Notification
from ..safety import crisis_defaults
from . import goals, meetings, messages, mood
from .timeline import Timeline

DEMO_PASSWORD = "demo-password-1"
DEMO_PEOPLE = (
    # email, name, role, lead
    ("coordinator@demo.example", "Sam Rivera", COORDINATOR, True),
    ("mentor@demo.example", "Alex Morgan", MENTOR, False),
    ("mentor2@demo.example", "Jordan Lee", MENTOR, False),
    ("mentee@demo.example", "Riley Chen", MENTEE, False),
    ("mentee2@demo.example", "Casey Patel", MENTEE, False),
    ("mentee3@demo.example", "Taylor Brooks", MENTEE, False),
)
DEMO_MATCHES = (("mentor@demo.example", "mentee@demo.example"),
                ("mentor2@demo.example", "mentee2@demo.example"))
# How long ago each match began, and the people joined, in days.
MATCH_AGES = (49, 12)
JOINED_DAYS_AGO = 56


def create_program(name, timezone="UTC", country=""):
    """A program with the default crisis resources, its own country's first."""
    program = Program.create(name=name, timezone=timezone, country=country, settings={})
    CrisisResource.insert_many(
        [{**row, "program": program.id} for row in crisis_defaults.default_rows(country)]
    ).execute()
    return program


def default_program():
    """The only program, made when there is none (a fresh install)."""
    return Program.select().order_by(Program.id).first() or create_program("Peer Mentoring Program")


def is_empty():
    return not Program.select().exists()


def seed_demo(now=None):
    """The demo program, with its history up to `now`; returns its logins (see demo_logins)."""
    now = now or utcnow()
    with database.atomic():
        program = create_program("Demo Peer Mentoring", timezone="Europe/London", country="GB")
        timeline = Timeline(now, program.timezone)
        joined = timeline.ago(days=JOINED_DAYS_AGO)
        Program.update(created_at=joined).where(Program.id == program.id).execute()
        users = {}
        for email, name, role, lead in DEMO_PEOPLE:
            user = User(program=program, email=email, name=name, role=role,
                        timezone=program.timezone, is_safeguarding_lead=lead, created_at=joined)
            if users:
                # They share one password, and hashing is slow on purpose: hash it once.
                user.password_hash = next(iter(users.values())).password_hash
            else:
                user.set_password(DEMO_PASSWORD)
            user.save()
            users[email] = user
        coordinator = users[DEMO_PEOPLE[0][0]]
        first, second = (
            create_match(users[mentor], users[mentee], created_by=coordinator, now=timeline.ago(days=days))
            for (mentor, mentee), days in zip(DEMO_MATCHES, MATCH_AGES)
        )
        _history(first, second, timeline)
    return demo_logins()


def _history(first, second, timeline):
    # The same demo every time it is made at the same moment.
    rng = random.Random(2024)
    mood.seed(first.mentee, timeline, rng)
    mood.seed_light(second.mentee, timeline, rng)
    goals.seed(first, timeline)
    goals.seed_light(second, timeline)
    messages.seed(first, timeline)
    messages.seed_light(second, timeline)
    meetings.seed(first, timeline)
    meetings.seed_light(second, timeline)
    # The history happened before anyone turned notifications on: nothing of
    # it waits to be pushed, only reminders of the meetings still to come.
    Notification.delete().where(
        (Notification.kind != MEETING_REMINDER) | (Notification.due_at <= timeline.now)
    ).execute()


def demo_logins():
    """(email, password, role, is the safeguarding lead) for each demo person still there."""
    emails = [p[0] for p in DEMO_PEOPLE]
    present = {u.email: u for u in User.select().where(User.email.in_(emails))}
    return [(e, DEMO_PASSWORD, present[e].role, present[e].is_safeguarding_lead) for e in emails if e in present]
