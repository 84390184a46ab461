"""A mentee's own records to take away: check-ins as CSV, everything as JSON."""

import csv
import io

from ..clock import to_local, utcnow
from .checkins import tags_by_checkin
from .measures import MEASURES
from .models import CheckIn, MeasureResponse
from .safety_plan import SECTIONS, plan_for
from .sharing import sharing_for
from .vocab import ENERGY, SLEEP_QUALITY, mood_word, tag_label

CSV_COLUMNS = (
    "date", "time", "time_zone", "mood", "mood_word", "emotions", "activities", "energy", "sleep_hours",
    "sleep_quality", "note", "note_shared_with_mentor", "recorded_utc",
)


def _checkins(user):
    checkins = list(CheckIn.select().where(CheckIn.user == user).order_by(CheckIn.at, CheckIn.id))
    return checkins, tags_by_checkin(checkins)


def _row(user, checkin, tags):
    local = to_local(checkin.at, user.timezone)
    return {
        "date": local.date().isoformat(),
        "time": local.strftime("%H:%M"),
        "time_zone": user.timezone,
        "mood": checkin.mood,
        "mood_word": str(mood_word(checkin.mood)),
        "emotions": [str(tag_label("emotion", n)) for n in tags["emotion"]],
        "activities": [str(tag_label("activity", n)) for n in tags["activity"]],
        "energy": checkin.energy,
        "energy_word": str(ENERGY[checkin.energy]) if checkin.energy else None,
        "sleep_hours": checkin.sleep_hours,
        "sleep_quality": checkin.sleep_quality,
        "sleep_quality_word": str(SLEEP_QUALITY[checkin.sleep_quality]) if checkin.sleep_quality else None,
        "note": checkin.note,
        "note_shared_with_mentor": checkin.note_shared,
        "recorded_utc": checkin.at.isoformat(timespec="seconds") + "Z",
    }


def _cell(value):
    """Spreadsheets run cells that start with = + - @ as formulas; a leading ' stops that."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        value = "; ".join(value)
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def checkins_csv(user):
    checkins, tags = _checkins(user)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for checkin in checkins:
        row = _row(user, checkin, tags[checkin.id])
        writer.writerow([_cell(row[name]) for name in CSV_COLUMNS])
    return out.getvalue()


def everything(user, now=None):
    """All of the mentee's mood records as one JSON-ready dict."""
    checkins, tags = _checkins(user)
    responses = MeasureResponse.select().where(MeasureResponse.user == user).order_by(MeasureResponse.taken_at)
    plan = plan_for(user)
    sharing = sharing_for(user)
    return {
        "exported_utc": (now or utcnow()).isoformat(timespec="seconds") + "Z",
        "name": user.name,
        "time_zone": user.timezone,
        "sharing": {
            "check_ins_with_mentor": sharing.share_checkins,
            "questionnaires_with_mentor": sharing.share_measures,
            "safety_plan_with_mentor": bool(plan and plan.shared),
        },
        "check_ins": [_row(user, c, tags[c.id]) for c in checkins],
        "questionnaires": [_response(user, r) for r in responses],
        "safety_plan": {name: getattr(plan, name) for name, _h, _p in SECTIONS} if plan else None,
    }


def _response(user, response):
    measure = MEASURES.get(response.measure)
    result = measure.result(response.answers) if measure else None
    return {
        "questionnaire": measure.name if measure else response.measure,
        "date": to_local(response.taken_at, user.timezone).date().isoformat(),
        "answers": response.answers,
        "score": response.score,
        "band": str(result.band.label) if result and result.band else None,
        "recorded_utc": response.taken_at.isoformat(timespec="seconds") + "Z",
    }
