"""Who sees what. The mentee decides; nothing is shared until they choose.

- Their mentor (active match only) sees check-ins when the mentee shares
  them, and among those only the notes the mentee shared one by one;
  questionnaire results when the mentee shares those; the safety plan when
  the mentee shares it.
- Coordinators see none of it. Safeguarding leads see only alerts.
"""

from peewee import JOIN

from ..clock import utcnow
from ..db import create_once, database
from ..models import Match
from .models import MoodSharing, SafetyPlan


def sharing_for(user):
    """The mentee's choices; an unsaved row with everything off when they have not chosen."""
    return MoodSharing.get_or_none(MoodSharing.user == user) or MoodSharing(user=user)


def has_chosen(user):
    return MoodSharing.select().where((MoodSharing.user == user) & MoodSharing.chosen_at.is_null(False)).exists()


def save_sharing(user, share_checkins=None, share_measures=None, now=None):
    """Record the mentee's choice; None leaves a setting as it was."""
    now = now or utcnow()
    with database.atomic():
        row, _created = create_once(MoodSharing, {"user": user}, updated_at=now)
        if share_checkins is not None:
            row.share_checkins = bool(share_checkins)
        if share_measures is not None:
            row.share_measures = bool(share_measures)
        row.chosen_at = row.chosen_at or now
        row.updated_at = now
        row.save()
    return row


def visible_to_mentor(match):
    """What the mentor of an active `match` may see of the mentee's mood records.

    Returns (share_checkins, share_measures, plan_shared) in one query.
    """
    if not match.is_active:
        return False, False, False
    row = (
        Match.select(MoodSharing.share_checkins, MoodSharing.share_measures, SafetyPlan.shared)
        .join(MoodSharing, on=(MoodSharing.user == Match.mentee), join_type=JOIN.LEFT_OUTER)
        .switch(Match)
        .join(SafetyPlan, on=(SafetyPlan.user == Match.mentee), join_type=JOIN.LEFT_OUTER)
        .where(Match.id == match.id)
        .tuples()
        .first()
    )
    if row is None:
        return False, False, False
    return tuple(bool(value) for value in row)
