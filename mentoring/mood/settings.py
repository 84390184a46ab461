"""A program's choices about check-ins and questionnaires, kept in Program.settings["mood"]."""

from ..db import database
from ..models import Program

KEY = "mood"

DEFAULTS = {
    # Which questionnaires mentees are asked to fill in, in this order.
    # PHQ-9 only where a safeguarding lead can follow up item 9 the same day;
    # otherwise PHQ-8 (mood_settings swaps it while the program has no lead).
    "measures": ["phq9", "gad7"],
    # How often each one comes due, in days.
    "every_days": 28,
    # Words the program adds to the default emotions and activities.
    "emotions": [],
    "activities": [],
}

FREQUENCIES = (7, 14, 28, 56, 84)
DEPRESSION_MEASURES = ("phq9", "phq8")
OTHER_MEASURES = ("gad7", "who5", "ons4")


def mood_settings(program):
    """The program's settings with defaults for anything it has not chosen."""
    chosen = (program.settings or {}).get(KEY) or {}
    merged = {key: chosen.get(key, default) for key, default in DEFAULTS.items()}
    merged["measures"] = [m for m in merged["measures"] if m in DEPRESSION_MEASURES + OTHER_MEASURES]
    if "phq9" in merged["measures"] and not program.has_active_lead():
        # Nobody would see an answer to item 9: whatever the data says, ask PHQ-8.
        merged["measures"] = ["phq8" if m == "phq9" else m for m in merged["measures"]]
    return merged


def save_mood_settings(program, **values):
    with database.atomic():
        current = mood_settings(Program.get_by_id(program.id))
        current.update({k: v for k, v in values.items() if k in DEFAULTS})
        program.save_setting(KEY, current)
    return current
