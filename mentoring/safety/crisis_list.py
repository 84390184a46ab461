"""A program's crisis list: its own country's numbers first, and the yearly checks.

"Not checked yet" is the coordinator's to-do, shown on their home screen
until every number is checked; a person looking for help never sees it.
"""

from datetime import timedelta

from ..clock import local_today, utcnow
from ..db import database
from ..models import CrisisResource, Program
from . import crisis_defaults

# A number checked once can stop working: check each one again within a year.
RECHECK = timedelta(days=365)


def _numbers(resource):
    return {CrisisResource.dial(n) for n in (resource.phone, resource.sms) if n}


def _own_first(program, country, existing):
    """The country's defaults (the program's own rows where the numbers match), then the rest."""
    first, used = [], set()
    for default in crisis_defaults.for_country(country):
        if country not in default.countries:
            break
        wanted = {CrisisResource.dial(n) for n in default.numbers()}
        match = next((r for r in existing if r.id not in used and _numbers(r) & wanted), None)
        if match is not None:
            used.add(match.id)
        first.append(match or CrisisResource(program=program.id, **default.row()))
    return first + [r for r in existing if r.id not in used]


def set_country(program, country):
    """Set the program's country and put its numbers at the top, adding any the list lacks.

    It sets a state, so a second tap finds everything in place and adds nothing.
    """
    with database.atomic():
        Program.update(country=country).where(Program.id == program.id).execute()
        program.country = country
        if not country:
            return
        existing = list(program.crisis_resources())
        for i, resource in enumerate(_own_first(program, country, existing)):
            if resource.id is None or resource.position != i * 10:
                resource.position = i * 10
                resource.save()


def checks_due(program_id, today):
    """How many numbers were never checked, or not within a year: one query."""
    return CrisisResource.select().where(
        (CrisisResource.program == program_id)
        & (CrisisResource.last_verified.is_null() | (CrisisResource.last_verified <= today - RECHECK))
    ).count()


def mark_checked(resource, timezone):
    """Checked today (the coordinator's own day): sets a date, so a double tap is harmless."""
    resource.last_verified = local_today(timezone, utcnow())
    resource.save()


def checks_card(user):
    """The coordinator's to-do: numbers to check, and a country to choose. Two queries."""
    due = checks_due(user.program_id, local_today(user.timezone, utcnow()))
    country = Program.select(Program.country).where(Program.id == user.program_id).scalar() or ""
    if not due and country:
        return None
    return {"due": due, "country": country}
