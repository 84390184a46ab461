"""Programs as a fresh install makes them: the production defaults.

Every program starts with the default crisis resources, which its
coordinator checks; `create-user` on an empty database makes the first
program. The demo (mentoring/demo/) builds on this, never the other way round.
"""

from .models import CrisisResource, Program

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
