"""What a mentor sees of a mentee who shares: their check-ins, as the mentee allows."""

from flask_login import current_user
from peewee import Case

from ...access import require, roles
from ...models import MENTOR, Match, User
from ...pagination import paginate
from ...web import render
from ..checkins import tags_by_checkin
from ..models import CheckIn
from ..sharing import visible_to_mentor
from . import bp


def my_match(match_id):
    """An active match in which the signed-in mentor mentors; anything else is not found."""
    match = require(Match.current_for(match_id, current_user))
    require(match.mentor_id == current_user.id)
    match.mentee = User.get_by_id(match.mentee_id)
    return match


@bp.route("/mood/mentees/<int:match_id>/check-ins")
@roles(MENTOR)
def mentee_checkins(match_id):
    match = my_match(match_id)
    share_checkins, _measures, _plan = visible_to_mentor(match)
    require(share_checkins)
    query = (
        CheckIn.select(CheckIn.id, CheckIn.at, CheckIn.local_date, CheckIn.mood, CheckIn.energy, CheckIn.sleep_hours,
                       CheckIn.sleep_quality, CheckIn.note_shared,
                       # A note leaves the database only when the mentee shared that very note.
                       Case(None, [(CheckIn.note_shared == True, CheckIn.note)], "").alias("note"))  # noqa: E712
        .where(CheckIn.user == match.mentee_id)
        .order_by(CheckIn.at.desc(), CheckIn.id.desc())
    )
    page = paginate(query, per_page=30)
    return render("mood/mentee_checkins.html", match=match, page=page, tags=tags_by_checkin(page.items))
