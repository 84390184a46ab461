"""The program's choices about personal data, kept in Program.settings["data_rights"]."""

from ..db import database
from ..models import Program

KEY = "data_rights"

DEFAULTS = {
    # How long a deletion request waits for a coordinator before it completes by itself.
    "deletion_grace_days": 14,
    # How long the content of an ended match (messages, meeting notes, goal comments) is kept.
    "retention_days": 730,
    # Whether a deleted person's messages are blanked too; by default the other
    # person keeps the conversation they took part in, signed "Former member".
    "delete_messages_with_account": False,
}


def data_settings(program):
    """The program's choices, with defaults for anything it has not chosen."""
    chosen = (program.settings or {}).get(KEY) or {}
    return {key: chosen.get(key, default) for key, default in DEFAULTS.items()}


def setting(program, key):
    return data_settings(program)[key]


def save_data_settings(program, **values):
    # Read the row afresh inside the transaction: other features keep their
    # own keys in the same JSON column.
    with database.atomic():
        fresh = Program.get_by_id(program.id)
        settings = dict(fresh.settings or {})
        current = data_settings(fresh)
        current.update({k: v for k, v in values.items() if k in DEFAULTS})
        settings[KEY] = current
        Program.update(settings=settings).where(Program.id == program.id).execute()
    program.settings = settings
    return current
