"""The mentee's safety plan, and the mentor's read-only view when it is shared."""

from flask import flash

from ...access import mentors_match, require, roles
from ...models import MENTEE, MENTOR
from ...i18n import _
from ...web import form_status, redirect_to, render
from ..forms import SafetyPlanForm
from ..models import SafetyPlan
from ..safety_plan import SECTIONS, new_plan, plan_for, save_plan
from . import bp
from .common import me


@bp.route("/mood/safety-plan", methods=["GET", "POST"])
@roles(MENTEE)
def safety_plan():
    user = me()
    plan = plan_for(user)
    form = SafetyPlanForm(obj=plan or new_plan(user))
    if form.validate_on_submit():
        save_plan(user, {name: getattr(form, name).data for name, _h, _p in SECTIONS} | {"shared": form.shared.data})
        flash(_("Your safety plan is saved."), "success")
        return redirect_to("mood.safety_plan")
    return render("mood/safety_plan.html", form=form, plan=plan, sections=SECTIONS, status=form_status(form))


@bp.route("/mood/mentees/<int:match_id>/safety-plan")
@roles(MENTOR)
def mentee_safety_plan(match_id):
    match = mentors_match(match_id)
    plan = require(SafetyPlan.get_or_none((SafetyPlan.user == match.mentee_id) & SafetyPlan.shared))
    return render("mood/mentee_safety_plan.html", match=match, plan=plan, sections=SECTIONS)
