"""What mentors and mentees do for safety: a mentor's concern, a mentee's contacts for emergencies."""

from flask import flash, redirect, url_for
from flask_login import current_user
from peewee import JOIN

from ..access import require, roles
from ..clock import utcnow
from ..db import database
from ..i18n import _
from ..models import MENTEE, MENTOR, Match, User
from ..web import form_status, render
from .alerts import raise_alert
from .forms import ConcernForm, SafetyContactForm
from .models import SafeguardingAlert, SafetyContact
from .views import bp

RECENT_CONCERNS = 5


def _my_match(match_id):
    return require(
        Match.with_people()
        .where((Match.id == match_id) & (Match.mentor == current_user.id) & (Match.status == Match.ACTIVE))
        .first()
    )


def _my_concerns(mentee_id):
    """The concerns this mentor raised about this mentee, newest first, with who took each on."""
    Owner = User.alias()
    return list(
        SafeguardingAlert.select(SafeguardingAlert, Owner)
        .join(Owner, on=(SafeguardingAlert.owner == Owner.id), join_type=JOIN.LEFT_OUTER)
        .where((SafeguardingAlert.raised_by == current_user.id) & (SafeguardingAlert.subject == mentee_id)
               & (SafeguardingAlert.kind == "mentor_concern"))
        .order_by(SafeguardingAlert.created_at.desc(), SafeguardingAlert.id.desc())
        .limit(RECENT_CONCERNS)
    )


def concern_panel(match):
    """The mentor's page about a mentee: a way to raise a concern, and what became of recent ones."""
    return {"match": match, "concerns": _my_concerns(match.mentee_id)}


@bp.route("/mentees/<int:match_id>/worried", methods=["GET", "POST"])
@roles(MENTOR)
def concern(match_id):
    match = _my_match(match_id)
    form = ConcernForm()
    if form.validate_on_submit():
        alert = raise_alert(
            match.mentee, "mentor_concern",
            _("%(mentor)s, mentor of %(name)s, raised a concern.", mentor=current_user.name, name=match.mentee.name),
            details={"lines": [[_("What worries them"), form.note.data]]},
            raised_by=current_user.id, level=form.level.data, client_id=form.client_id.data,
        )
        flash(_("Sent to the safeguarding team."), "success")
        return redirect(url_for("safety.concern_status", alert_id=alert.id))
    return render("safety/concern.html", match=match, form=form, status=form_status(form),
                  resources=list(current_user.program.crisis_resources()))


@bp.route("/concerns/<int:alert_id>")
@roles(MENTOR)
def concern_status(alert_id):
    """Received, taken on, closed: the mentor never sees the leads' notes."""
    Owner = User.alias()
    found = require(
        SafeguardingAlert.select(SafeguardingAlert, Owner)
        .join(Owner, on=(SafeguardingAlert.owner == Owner.id), join_type=JOIN.LEFT_OUTER)
        .where((SafeguardingAlert.id == alert_id) & (SafeguardingAlert.raised_by == current_user.id))
        .first()
    )
    subject = User.get_by_id(found.subject_id)
    return render("safety/concern_status.html", alert=found, subject=subject)


@bp.route("/account/emergency-contacts", methods=["GET", "POST"])
@roles(MENTEE)
def contacts():
    saved = SafetyContact.get_or_none(SafetyContact.user == current_user.id)
    form = SafetyContactForm(obj=saved)
    if form.validate_on_submit():
        save_contacts(current_user, form)
        flash(_("Saved."), "success")
        return redirect(url_for("safety.contacts"))
    return render("safety/contacts.html", form=form, status=form_status(form))


def save_contacts(user, form):
    values = {name: form[name].data or "" for name in ("phone", "contact_name", "contact_relation", "contact_phone")}
    with database.atomic():
        updated = (SafetyContact.update(**values, updated_at=utcnow())
                   .where(SafetyContact.user == user.id).execute())
        if not updated:
            SafetyContact.insert(user=user.id, updated_at=utcnow(), **values).on_conflict_ignore().execute()
