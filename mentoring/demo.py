"""A program to try the app with, and the crisis resources every program starts from."""

from .db import database
from .models import COORDINATOR, MENTEE, MENTOR, CrisisResource, Program, User
from .people.matching import create_match

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


def seed_demo():
    """The demo program; returns its logins as (email, password, role)."""
    with database.atomic():
        program = create_program("Demo Peer Mentoring", timezone="Europe/London")
        users = {}
        for email, name, role, lead in DEMO_PEOPLE:
            user = User(program=program, email=email, name=name, role=role,
                        timezone=program.timezone, is_safeguarding_lead=lead)
            user.set_password(DEMO_PASSWORD)
            user.save()
            users[email] = user
        for mentor, mentee in DEMO_MATCHES:
            create_match(users[mentor], users[mentee], created_by=users[DEMO_PEOPLE[0][0]])
    return demo_logins()


def demo_logins():
    emails = [p[0] for p in DEMO_PEOPLE]
    present = {u.email: u.role for u in User.select().where(User.email.in_(emails))}
    return [(e, DEMO_PASSWORD, present[e]) for e in emails if e in present]
