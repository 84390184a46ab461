"""The pieces mood adds to pages other features own: home cards, the mentor's panel, Get help now.

Each loader runs a fixed number of queries, whatever the history behind it.
"""

from datetime import timedelta

from peewee import fn

from ..clock import local_today
from ..models import Match, User
from .charts import sparkline
from .flags import LOW_RUN, QUIET_DAYS, status_for
from .models import CheckIn, MoodSharing
from .responses import due_measures, progress
from .safety_plan import SECTIONS, plan_for
from .settings import mood_settings
from .sharing import visible_to_mentor
from .trends import daily

SPARK_DAYS = 14
SHARED_NOTES = 3


def mentee_card(user):
    """Check in now, or done today; and a questionnaire when one is due."""
    today = local_today(user.timezone)
    latest = (
        CheckIn.select(CheckIn.id, CheckIn.mood)
        .where((CheckIn.user == user) & (CheckIn.local_date == today))
        .order_by(CheckIn.at.desc())
        .first()
    )
    due = due_measures(user, mood_settings(user.program))
    return {"latest": latest, "due": due}


def match_panel(match):
    """The mentor's view of a mentee who shares; None when they share nothing."""
    share_checkins, share_measures, plan_shared = visible_to_mentor(match)
    if not (share_checkins or share_measures or plan_shared):
        return None
    mentee = match.mentee
    data = {"match": match, "mentee": mentee, "share_checkins": share_checkins, "share_measures": share_measures,
            "plan_shared": plan_shared, "low_run": LOW_RUN, "quiet_days": QUIET_DAYS}
    if share_checkins:
        today = local_today(mentee.timezone)
        start = today - timedelta(days=SPARK_DAYS - 1)
        days = daily(mentee.id, start, today)
        path, points = sparkline(days, start, today)
        notes = list(
            CheckIn.select(CheckIn.id, CheckIn.at, CheckIn.mood, CheckIn.note)
            .where((CheckIn.user == mentee) & (CheckIn.note_shared == True) & (CheckIn.note != ""))  # noqa: E712
            .order_by(CheckIn.at.desc())
            .limit(SHARED_NOTES)
        )
        data.update(status=status_for([mentee])[mentee.id], days=days, spark_path=path, spark_points=points,
                    spark_start=start, notes=notes)
    if share_measures:
        data["progress"] = progress(mentee.id)
    return data


def mentor_card(user):
    """Mentees who may need their mentor, among those who share check-ins; None when nobody shares."""
    Mentee = User.alias()
    matches = list(
        Match.select(Match, Mentee)
        .join(Mentee, on=(Match.mentee == Mentee.id))
        .switch(Match)
        .join(MoodSharing, on=(MoodSharing.user == Match.mentee))
        .where((Match.mentor == user) & (Match.status == Match.ACTIVE) & (MoodSharing.share_checkins == True))  # noqa: E712
        .order_by(fn.LOWER(Mentee.name))
    )
    if not matches:
        return None
    statuses = status_for([m.mentee for m in matches])
    flagged = [(m, statuses[m.mentee.id]) for m in matches if statuses[m.mentee.id].flagged]
    return {"flagged": flagged, "sharing": len(matches), "low_run": LOW_RUN, "quiet_days": QUIET_DAYS}


def help_section(user):
    """"Your safety plan" on Get help now and in the crisis panel, for mentees."""
    if not user.is_authenticated or not user.is_mentee:
        return None
    return {"plan": plan_for(user), "sections": SECTIONS}



