"""Programs as a fresh install makes them: the production defaults.

Every program starts with the default crisis resources (safety/crisis_defaults.py,
its own country's first), which its coordinator checks; `create-user` on an
empty database makes the first program. The demo (mentoring/demo/) builds on
this, never the other way round.
"""

from .models import CrisisResource, Program
from .safety import crisis_defaults


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
