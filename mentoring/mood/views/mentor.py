"""What a mentor sees of a mentee who shares: their check-ins, as the mentee allows."""

from peewee import Case

from ...access import mentors_match, require, roles
from ...models import MENTOR
from ...pagination import paginate
from ...web import render
from ..checkins import tags_by_checkin
from ..models import CheckIn
from ..sharing import visible_to_mentor
from . import bp


@bp.route("/mood/mentees/<int:match_id>/check-ins")
@roles(MENTOR)
def mentee_checkins(match_id):
    match = mentors_match(match_id)
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
