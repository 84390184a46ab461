"""The safeguarding lead's tools: deadlines, figures, the log export, and a mentee's contacts."""

from datetime import timedelta

from flask import flash, make_response, redirect, request, url_for
from flask_login import current_user
from wtforms.validators import Optional

from .. import audit
from ..access import safeguarding_lead
from ..clock import local_today, utcnow
from ..db import database
from ..forms import CalendarDateField, GetForm
from ..i18n import _, _l
from ..web import form_status, render
from .deadlines import safeguarding_settings, save_safeguarding_settings
from .figures import alerts_in, figures, log_csv, period
from .forms import SafeguardingSettingsForm
from .models import AlertEvent, SafeguardingAlert, SafeguardingExport, SafetyContact
from .views import alert_page, bp, lead_alert

DEFAULT_PERIOD = 30  # days


@bp.route("/safeguarding/settings", methods=["GET", "POST"])
@safeguarding_lead
def settings():
    program = current_user.program
    form = SafeguardingSettingsForm(data=safeguarding_settings(program))
    leads = list(program.safeguarding_leads())
    form.deputy_ids.choices = [(lead.id, lead.name) for lead in leads]
    if form.validate_on_submit():
        save_safeguarding_settings(program, immediate_minutes=form.immediate_minutes.data,
                                   urgent_hours=form.urgent_hours.data,
                                   concern_working_days=form.concern_working_days.data,
                                   deputy_ids=list(form.deputy_ids.data or []))
        flash(_("Saved. New alerts use these deadlines."), "success")
        return redirect(url_for("safety.settings"))
    return render("safety/settings.html", form=form, status=form_status(form))


class PeriodForm(GetForm):
    start = CalendarDateField(_l("From"), validators=[Optional()])
    end = CalendarDateField(_l("To"), validators=[Optional()])


def _period_form(program):
    form = PeriodForm(request.args)
    today = local_today(program.timezone, utcnow())
    valid = form.validate()
    if not valid or not form.end.data:
        form.end.data = today
    if not valid or not form.start.data:
        form.start.data = form.end.data - timedelta(days=DEFAULT_PERIOD - 1)
    if form.start.data > form.end.data:
        form.start.data, form.end.data = form.end.data, form.start.data
    return form


@bp.route("/safeguarding/figures")
@safeguarding_lead
def figures_page():
    """Open alerts by level and how the chosen period's alerts were handled: a fixed number of queries."""
    program = current_user.program
    form = _period_form(program)
    start, end = period(program, form.start.data, form.end.data)
    found = figures(program, start, end, utcnow())
    return render("safety/figures.html", form=form, figures=found, outcomes=SafeguardingAlert.OUTCOMES)


@bp.route("/safeguarding/export", methods=["POST"])
@safeguarding_lead
def export():
    """The safeguarding log as CSV, metadata only; every export is itself recorded."""
    program = current_user.program
    form = _period_form(program)
    start, end = period(program, form.start.data, form.end.data)
    now = utcnow()
    text, rows = log_csv(alerts_in(program, start, end), now)
    with database.atomic():
        SafeguardingExport.create(program=program, user=current_user.id, period_from=start, period_to=end,
                                  rows=rows, at=now)
        audit.record(current_user, "safeguarding_exported", now=now, rows=rows,
                     start=form.start.data.isoformat(), end=form.end.data.isoformat())
    response = make_response(text)
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    name = f"safeguarding-log-{form.start.data.isoformat()}-to-{form.end.data.isoformat()}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/safeguarding/<int:alert_id>/contacts", methods=["POST"])
@safeguarding_lead
def alert_contacts(alert_id):
    """Show how to reach the person, writing the look into the alert's history first."""
    found = lead_alert(alert_id)
    with database.atomic():
        AlertEvent.create(alert=found, actor=current_user.id, action="contacts_viewed", at=utcnow())
        audit.record(current_user, "contacts_viewed", subject=found.subject_id, target=found)
        contacts = SafetyContact.get_or_none(SafetyContact.user == found.subject_id) or SafetyContact()
    return alert_page(found, contacts=contacts)
