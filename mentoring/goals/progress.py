"""Progress ratings (the mentee's) and comments (mentee and current mentor)."""

from flask import abort
from flask_login import current_user

from ..access import require, roles
from ..db import database
from ..i18n import _
from ..models import MENTEE, MENTOR
from ..web import form_status
from . import actions, queries
from .forms import CommentForm, RatingForm
from .page import answer, bp, watch_words
from .rules import OWNER


@bp.route("/goals/<int:goal_id>/ratings", methods=["POST"])
@roles(MENTEE)
def add_rating(goal_id):
    goal, role, match = queries.load_goal(goal_id, current_user)
    require(role == OWNER and goal.is_open)
    form = RatingForm(prefix="rating")
    if form.validate_on_submit():
        with database.atomic():  # the rating and any alert it raises, together
            rating, created = actions.add_rating(goal, form, current_user, match)
            crisis = watch_words(current_user, [rating.note], "goal_rating", before=[] if created else [rating.note])
        return answer(goal, role, match, current_user, "progress", crisis=crisis,
                      announce=_("Saved: %(value)d out of 10.", value=rating.value))
    return answer(goal, role, match, current_user, "progress", status=form_status(form), rating_form=form)


@bp.route("/goals/<int:goal_id>/comments", methods=["POST"])
@roles(MENTEE, MENTOR)
def add_comment(goal_id):
    goal, role, match = queries.load_goal(goal_id, current_user)
    require(goal.shared and not goal.is_draft)
    if match is None:
        # A mentee with no mentor right now has nobody to talk to here.
        abort(404)
    form = CommentForm(prefix="comment")
    if form.validate_on_submit():
        with database.atomic():
            comment, created = actions.add_comment(goal, form, current_user, match)
            crisis = watch_words(current_user, [comment.body], "goal_comment", before=[] if created else [comment.body])
        return answer(goal, role, match, current_user, "comments", crisis=crisis, announce=_("Sent."))
    return answer(goal, role, match, current_user, "comments", status=form_status(form), comment_form=form)
