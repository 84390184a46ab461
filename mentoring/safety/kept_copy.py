"""A copy of each program's crisis numbers kept outside the database.

Get help now must answer when the database does not. Each program's list
is kept as a JSON file (CRISIS_COPY_DIR, in the instance folder unless
set), rewritten when a coordinator changes the list and whenever the list
is drawn and differs from the copy, so numbers added any other way (a
seed, a migration, a script) reach it too. The session remembers which
program a person belongs to, since who they are can't be looked up then.
"""

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from flask import current_app, g, session

from ..models import CrisisResource

FIELDS = ("name", "region", "description", "phone", "sms", "url", "is_emergency")
PROGRAM_KEY = "help_program"


@dataclass(frozen=True)
class KeptResource:
    """A crisis resource read back from the copy; drawn like a CrisisResource."""

    name: str
    region: str = ""
    description: str = ""
    phone: str = ""
    sms: str = ""
    url: str = ""
    is_emergency: bool = False
    last_verified = None
    dial = staticmethod(CrisisResource.dial)


def _folder():
    return Path(current_app.config.get("CRISIS_COPY_DIR") or Path(current_app.instance_path) / "crisis-numbers")


def _path(program_id):
    return _folder() / f"program-{int(program_id)}.json"


def _text(resources):
    rows = [{name: getattr(r, name) for name in FIELDS} for r in resources]
    return json.dumps({"resources": rows}, indent=1, sort_keys=True)


def keep(program_id, resources):
    """Write the copy when it differs from what is kept; never fails the page that asks."""
    text = _text(resources)
    path = _path(program_id)
    try:
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        # A new file moved into place: a reader never sees half of one.
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as tmp:
            tmp.write(text)
        os.replace(tmp.name, path)
    except OSError:
        current_app.logger.exception("Could not keep a copy of the crisis numbers")


def keep_program(program):
    keep(program.id, program.crisis_resources())


def _read(path):
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))["resources"]
        return [KeptResource(**{k: row[k] for k in FIELDS if k in row}) for row in rows]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _program_number(path):
    return int(path.stem.rpartition("-")[2]) if path.stem.rpartition("-")[2].isdigit() else 0


def kept(program_id=None):
    """The kept list of `program_id`; without one, the first program's; [] when none is kept."""
    if program_id:
        return _read(_path(program_id)) or []
    for path in sorted(_folder().glob("program-*.json"), key=_program_number):
        found = _read(path)
        if found:
            return found
    return []


def kept_for_session():
    return kept(session.get(PROGRAM_KEY))


def remember_program(response):
    """after_request: note the signed-in person's program in their session (no query: only
    when this request loaded them anyway), for when the database is down later."""
    user = g.get("_login_user")
    if user is not None and user.is_authenticated and session.get(PROGRAM_KEY) != user.program_id:
        session[PROGRAM_KEY] = user.program_id
    return response
