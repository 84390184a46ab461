"""Questionnaires: what is due, taking one, and its result in plain words."""

from flask import abort, flash
from flask_login import current_user

from ...access import require, roles
from ...i18n import _
from ...models import MENTEE
from ...safety import crisis_panel
from ...web import form_status, redirect_to, render
from ..forms import measure_form
from ..measures import MEASURES, item9_answer
from ..models import MeasureResponse
from ..responses import due_measures, progress, save_response
from ..settings import mood_settings
from . import bp
from .common import me

mentee = roles(MENTEE)


@bp.route("/mood/questionnaires")
@mentee
def measures():
    user = me()
    settings = mood_settings(user.program)
    found = progress(user.id)
    due = {d.measure.code for d in due_measures(user, settings)}
    # The program's current ones first, then any the mentee took before the program changed its mind.
    codes = settings["measures"] + [code for code in MEASURES if code in found and code not in settings["measures"]]
    return render(
        "mood/measures.html",
        rows=[(MEASURES[code], found.get(code), code in due, code in settings["measures"]) for code in codes],
        every_days=settings["every_days"],
    )


@bp.route("/mood/questionnaires/<code>", methods=["GET", "POST"])
@mentee
def take_measure(code):
    user = me()
    if code not in mood_settings(user.program)["measures"]:
        abort(404)
    measure = MEASURES[code]
    form = measure_form(measure)
    if form.validate_on_submit():
        answers = [field.data for field in form.item_fields]
        response, created = save_response(user, measure, form.client_id.data, answers)
        if created:
            flash(_("Thank you. Your answers are saved."), "success")
        return redirect_to("mood.measure_result", response_id=response.id)
    return render("mood/measure.html", measure=measure, form=form, status=form_status(form))


@bp.route("/mood/questionnaires/results/<int:response_id>")
@mentee
def measure_result(response_id):
    user = me()
    response = require(
        MeasureResponse.get_or_none((MeasureResponse.id == response_id) & (MeasureResponse.user == current_user.id))
    )
    measure = require(MEASURES.get(response.measure))
    first = (
        MeasureResponse.select()
        .where((MeasureResponse.user == user) & (MeasureResponse.measure == response.measure))
        .order_by(MeasureResponse.taken_at, MeasureResponse.id)
        .first()
    )
    is_first = first.id == response.id
    item9 = item9_answer(response.measure, response.answers)
    return render(
        "mood/result.html",
        measure=measure, response=response, result=measure.result(response.answers), first=first, is_first=is_first,
        change=None if is_first else measure.change(first.score, response.score),
        item_changes=[] if is_first or not measure.per_item else list(zip(measure.items, first.answers, response.answers)),
        # Item 9 above 0: crisis resources and the safety plan at once, on this very page.
        # The answer raised an alert when it was saved; the panel says who was told.
        crisis=crisis_panel(user, told_lead=user.program.has_active_lead()) if item9 > 0 else None,
        has_mentor=user.active_match() is not None,
    )
