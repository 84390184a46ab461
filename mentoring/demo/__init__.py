"""A program to try the app with, and the crisis resources every program starts from.

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
from . import goals, meetings, messages, mood
from .timeline import Timeline

# Numbers as DOMAIN.md lists them; a coordinator checks them and records the
# date ("last verified") before relying on them. Left unverified on purpose.
DEFAULT_CRISIS_RESOURCES = (
    {"name": "Emergency services", "region": "US and Canada", "phone": "911", "is_emergency": True,
     "description": "If you or someone else is in immediate danger."},
    {"name": "988 Suicide & Crisis Lifeline", "region": "US and Canada", "phone": "988", "sms": "988",
     "description": "Call or text, free, 24 hours a day."},
    {"name": "Emergency services", "region": "UK", "phone": "999", "is_emergency": True,
     "description": "If you or someone else is in immediate danger."},
    {"name": "Samaritans", "region": "UK and Ireland", "phone": "116 123",
     "description": "Free, any time, day or night."},
    {"name": "Shout", "region": "UK", "sms": "85258", "description": "Text SHOUT, free, 24/7."},
    {"name": "Emergency services", "region": "Europe", "phone": "112", "is_emergency": True,
     "description": "If you or someone else is in immediate danger."},
    {"name": "Lifeline", "region": "Australia", "phone": "13 11 14",
     "description": "Crisis support, 24 hours a day."},
    {"name": "Emergency services", "region": "Australia", "phone": "000", "is_emergency": True,
     "description": "If you or someone else is in immediate danger."},
)

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


def create_program(name, timezone="UTC"):
    """A program with the default crisis resources."""
    program = Program.create(name=name, timezone=timezone, settings={})
    CrisisResource.insert_many(
        [{**resource, "program": program.id, "position": i * 10}
         for i, resource in enumerate(DEFAULT_CRISIS_RESOURCES)]
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
        program = create_program("Demo Peer Mentoring", timezone="Europe/London")
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
