"""Get help now, the program's crisis resources, and the safeguarding queue."""

from flask import Blueprint, flash, redirect, request, session, url_for
from flask_login import current_user
from peewee import JOIN, Case

from .. import audit
from ..access import public, require, roles, safeguarding_lead
from ..clock import utcnow
from ..home import add_home_card, add_match_panel
from ..i18n import _, _l
from ..models import COORDINATOR, MENTEE, CrisisResource, Match, Program, User
from ..pagination import paginate
from ..web import add_account_link, add_database_fallback, add_slot, filled_slots, form_status, render
from . import kept_copy
from .alerts import StaleAction, record
from .crisis_defaults import EMERGENCY_NUMBERS, country_name
from .crisis_list import checks_card, mark_checked, set_country
from .escalation import escalate
from .forms import AlertActionForm, CountryForm, CrisisResourceForm
from .models import AlertEvent, SafeguardingAlert

bp = Blueprint("safety", __name__)


def _help_program():
    if current_user.is_authenticated:
        return current_user.program
    return Program.select().order_by(Program.id).first()


def add_help_section(app, template, loader, order):
    """A piece of Get help now (and of the crisis panel) for signed-in people; loader gets the user."""
    add_slot(app, "help", template, loader, order)


def crisis_panel(user, told_lead=False):
    """Context for safety/_crisis_panel.html, shown right after someone writes risky words.

    `told_lead`: an alert went to the program's safeguarding lead, and the panel
    says so plainly; without one it makes no such promise.
    """
    return {
        "resources": list(user.program.crisis_resources()),
        "sections": filled_slots("help", user),
        "told_lead": told_lead,
    }


# A save that redirects asks the page it lands on to open with the panel.
PANEL_KEY = "safety_panel"


def panel_next(check, place):
    """After a save with risky words (check: a WritingCheck), the next page at `place`
    ("mood", "goals", "meetings", "conversation-3") opens with the crisis panel, once."""
    session[PANEL_KEY] = {"place": place, "told_lead": check.told_lead}


def pending_panel(user, place):
    """The crisis panel's context when the last save asked for it at `place`, once; else None."""
    asked = session.get(PANEL_KEY)
    if not isinstance(asked, dict) or asked.get("place") != place:
        return None
    session.pop(PANEL_KEY)
    return crisis_panel(user, told_lead=asked.get("told_lead", False))


@bp.route("/help")
@public
def help():
    program = _help_program()
    resources = list(program.crisis_resources()) if program else []
    if program:
        kept_copy.keep(program.id, resources)
    sections = filled_slots("help", current_user) if current_user.is_authenticated else []
    return render("safety/help.html", program=program, resources=resources, sections=sections)


def help_without_database():
    """Get help now with the database down: the kept copy, or the emergency numbers."""
    return render("safety/help.html", program=None, resources=kept_copy.kept_for_session(), sections=[],
                  public_shell=True)


# Crisis resources, kept by coordinators.

def _resource(resource_id):
    return require(
        CrisisResource.get_or_none(
            (CrisisResource.id == resource_id) & (CrisisResource.program == current_user.program_id)
        )
    )


@bp.route("/program/crisis-resources", methods=["GET", "POST"])
@roles(COORDINATOR)
def resources():
    form = CrisisResourceForm()
    if form.validate_on_submit():
        resource = CrisisResource(program=current_user.program_id)
        form.populate_obj(resource)
        resource.position = form.position.data or 0
        resource.save()
        kept_copy.keep_program(current_user.program)
        flash(_("Added %(name)s.", name=resource.name), "success")
        return redirect(url_for("safety.resources"))
    return _resources_page(form=form)


def _resources_page(form=None, country_form=None):
    program = current_user.program
    form = form or CrisisResourceForm(formdata=None)
    country_form = country_form or CountryForm(formdata=None, country=program.country)
    return render(
        "safety/resources.html",
        resources=list(program.crisis_resources()),
        form=form,
        country_form=country_form,
        country=country_name(program.country),
        status=form_status(form, country_form),
    )


@bp.route("/program/crisis-resources/country", methods=["POST"])
@roles(COORDINATOR)
def country():
    form = CountryForm()
    if not form.validate_on_submit():
        return _resources_page(country_form=form)
    program = current_user.program
    set_country(program, form.country.data or "")
    kept_copy.keep_program(program)
    flash(_("Saved your program's country."), "success")
    return redirect(url_for("safety.resources"))


@bp.route("/program/crisis-resources/<int:resource_id>/checked", methods=["POST"])
@roles(COORDINATOR)
def resource_checked(resource_id):
    found = _resource(resource_id)
    mark_checked(found, current_user.timezone)
    flash(_("Marked %(name)s as checked today.", name=found.name), "success")
    return redirect(url_for("safety.resources"))


@bp.route("/program/crisis-resources/<int:resource_id>", methods=["GET", "POST"])
@roles(COORDINATOR)
def resource(resource_id):
    found = _resource(resource_id)
    form = CrisisResourceForm(obj=found)
    if form.validate_on_submit():
        form.populate_obj(found)
        found.position = form.position.data or 0
        found.save()
        kept_copy.keep_program(current_user.program)
        flash(_("Saved %(name)s.", name=found.name), "success")
        return redirect(url_for("safety.resources"))
    return render("safety/resource.html", resource=found, form=form, status=form_status(form))


@bp.route("/program/crisis-resources/<int:resource_id>/delete", methods=["POST"])
@roles(COORDINATOR)
def delete_resource(resource_id):
    found = _resource(resource_id)
    found.delete_instance()
    kept_copy.keep_program(current_user.program)
    flash(_("Removed %(name)s.", name=found.name), "success")
    return redirect(url_for("safety.resources"))


# The safeguarding queue, for leads only.

# Open alerts nobody has taken on come first, the nearest deadline at the top.
WAITING_FIRST = (
    Case(None, [(SafeguardingAlert.acknowledged_at.is_null(), 0)], 1),
    Case(None, [(SafeguardingAlert.ack_due_at.is_null(), 1)], 0),
    SafeguardingAlert.ack_due_at,
    SafeguardingAlert.created_at.desc(),
)


def _alerts(program_id):
    Subject = User.alias()
    return (
        SafeguardingAlert.select(SafeguardingAlert, Subject)
        .join(Subject, on=(SafeguardingAlert.subject == Subject.id))
        .where(SafeguardingAlert.program == program_id)
    )


@bp.route("/safeguarding")
@safeguarding_lead
def alerts():
    show_closed = request.args.get("show") == "closed"
    query = _alerts(current_user.program_id)
    if show_closed:
        query = query.where(SafeguardingAlert.status == SafeguardingAlert.CLOSED).order_by(
            SafeguardingAlert.updated_at.desc()
        )
    else:
        query = query.where(SafeguardingAlert.status != SafeguardingAlert.CLOSED).order_by(*WAITING_FIRST)
    return render("safety/alerts.html", page=paginate(query), show_closed=show_closed)


def lead_alert(alert_id):
    return require(_alerts(current_user.program_id).where(SafeguardingAlert.id == alert_id).first())


@bp.route("/safeguarding/<int:alert_id>", methods=["GET", "POST"])
@safeguarding_lead
def alert(alert_id):
    found = lead_alert(alert_id)
    form = AlertActionForm(found)
    if form.validate_on_submit():
        try:
            record(found, current_user.id, form.action.data, (form.note.data or "").strip(),
                   outcome=form.outcome.data if form.action.data == "close" else "")
            flash(_("Recorded."), "success")
        except StaleAction:
            flash(_("Someone else changed this alert first: see its history."), "error")
        return redirect(url_for("safety.alert", alert_id=found.id))
    if request.method == "GET":
        # The page shows what raised it, with its context: a look at personal data.
        audit.record(current_user, "alert_viewed", subject=found.subject_id, target=found)
    return alert_page(found, form=form, status=form_status(form))


def alert_page(found, contacts=None, form=None, status=200):
    """The alert, its history and what may be recorded next, in a fixed number of queries."""
    Actor = User.alias()
    events = (
        AlertEvent.select(AlertEvent, Actor)
        .join(Actor, on=(AlertEvent.actor == Actor.id), join_type=JOIN.LEFT_OUTER)
        .where(AlertEvent.alert == found)
        .order_by(AlertEvent.at, AlertEvent.id)
    )
    Mentor = User.alias()
    match = (
        Match.select(Match, Mentor)
        .join(Mentor, on=(Match.mentor == Mentor.id))
        .where((Match.mentee == found.subject_id) & (Match.status == Match.ACTIVE))
        .first()
    )
    owner = User.get_or_none(User.id == found.owner_id) if found.owner_id else None
    return render(
        "safety/alert.html", "safety/_contacts.html" if contacts is not None else None,
        alert=found, owner=owner, events=list(events), match=match, contacts=contacts,
        form=form or AlertActionForm(found, formdata=None), status=status, now=utcnow(),
        outcomes=SafeguardingAlert.OUTCOMES,
    )


def _lead_card(user):
    if not user.is_safeguarding_lead:
        return None
    query = _alerts(user.program_id).where(SafeguardingAlert.status != SafeguardingAlert.CLOSED)
    return {"alerts": list(query.order_by(*WAITING_FIRST).limit(5))}


def init_app(app):
    # Their routes join this blueprint, so they load before it is registered.
    from . import lead_views, people_views  # noqa: F401

    app.register_blueprint(bp)
    add_database_fallback(app, "safety.help", help_without_database)
    app.after_request(kept_copy.remember_program)
    app.jinja_env.globals["emergency_numbers"] = EMERGENCY_NUMBERS
    add_home_card(app, COORDINATOR, "safety/_lead_card.html", _lead_card, 5)
    add_home_card(app, COORDINATOR, "safety/_checks_card.html", checks_card, 6)
    add_account_link(app, [COORDINATOR], "safety.resources", _l("Crisis resources"), 50)
    add_account_link(app, [MENTEE], "safety.contacts", _l("Who to call in an emergency"), 45)
    add_match_panel(app, "safety/_concern_panel.html", people_views.concern_panel, 90)
    # The worker runs escalations on every pass, beside the reminders.
    app.extensions.setdefault("reminder_producers", []).append(escalate)

