"""The program's choice of questionnaires, how often, and its own emotions and activities."""

from flask import flash
from flask_login import current_user

from ...access import roles
from ...i18n import _
from ...models import COORDINATOR
from ...web import form_status, redirect_to, render
from ..forms import ProgramMoodForm, lines
from ..measures import MEASURES
from ..settings import DEPRESSION_MEASURES, mood_settings, save_mood_settings
from . import bp


def _initial(settings):
    chosen = settings["measures"]
    return {
        "depression": next((m for m in chosen if m in DEPRESSION_MEASURES), ""),
        "others": [m for m in chosen if m not in DEPRESSION_MEASURES],
        "every_days": settings["every_days"],
        "emotions": "\n".join(settings["emotions"]),
        "activities": "\n".join(settings["activities"]),
    }


@bp.route("/program/mood", methods=["GET", "POST"])
@roles(COORDINATOR)
def program_settings():
    program = current_user.program
    settings = mood_settings(program)
    form = ProgramMoodForm(data=_initial(settings))
    has_lead = program.has_active_lead()
    if form.validate_on_submit():
        if form.depression.data == "phq9" and not has_lead:
            form.depression.errors = list(form.depression.errors) + [_(
                "Nobody in the program is a safeguarding lead, so nobody would see an answer to PHQ-9 question 9. "
                "Choose PHQ-8, or make someone a safeguarding lead first."
            )]
        else:
            save_mood_settings(
                program,
                measures=([form.depression.data] if form.depression.data else []) + list(form.others.data or []),
                every_days=form.every_days.data,
                emotions=lines(form.emotions.data),
                activities=lines(form.activities.data),
            )
            flash(_("Saved. Mentees see the change on their next visit."), "success")
            return redirect_to("mood.program_settings")
    return render("mood/program.html", form=form, has_lead=has_lead, measures=MEASURES, status=form_status(form))
