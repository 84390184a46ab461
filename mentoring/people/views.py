"""Coordinators run the program: people, invites and matches."""

from dataclasses import dataclass

from flask import Blueprint, current_app, flash, redirect, request, url_for
from flask_login import current_user
from peewee import fn

from .. import audit
from ..access import require, roles
from ..clock import utcnow
from ..db import database
from ..forms import choices
from ..i18n import _, _l
from ..models import COORDINATOR, MENTEE, MENTOR, Invite, Match, PasswordReset, User, UserSession
from ..pagination import paginate
from ..web import add_nav, form_status, render
from .forms import END_REASONS, EndMatchForm, InviteForm, MatchForm, PeopleFilter, PersonSettingsForm
from .matching import MatchError, create_match, end_match, mentors_with_room, unmatched_mentees

bp = Blueprint("people", __name__)
coordinator = roles(COORDINATOR)


@dataclass(frozen=True)
class Fact:
    """One line of how a match is going, for coordinators: never its contents."""

    label: str
    value: str
    level: str = ""  # "", "warning" or "alert"


def add_match_facts(app, loader, order):
    """loader(matches) -> {match id: [Fact]}, for a whole page of matches in one go."""
    loaders = app.extensions.setdefault("match_facts", [])
    loaders.append((order, loader))
    loaders.sort(key=lambda pair: pair[0])


def match_facts(matches):
    facts = {}
    if matches:
        for _order, loader in current_app.extensions.get("match_facts", []):
            for match_id, found in loader(matches).items():
                facts.setdefault(match_id, []).extend(found)
    return facts


def _program_person(user_id):
    return require(User.get_or_none((User.id == user_id) & (User.program == current_user.program_id)))


def _program_match(match_id):
    return require(
        Match.with_people().where((Match.id == match_id) & (Match.program == current_user.program_id)).first()
    )


def _active_matches_by_person(people):
    """{user id: active match} for a page of people, in one query."""
    ids = [p.id for p in people]
    if not ids:
        return {}
    matches = Match.with_people().where(
        (Match.status == Match.ACTIVE) & (Match.mentor.in_(ids) | Match.mentee.in_(ids))
    )
    by_person = {}
    for match in matches:
        by_person.setdefault(match.mentor_id, []).append(match)
        by_person.setdefault(match.mentee_id, []).append(match)
    return by_person


@bp.route("/people")
@coordinator
def people():
    form = PeopleFilter(request.args)
    query = User.select().where(User.program == current_user.program_id)
    if form.validate():
        if form.q.data:
            term = form.q.data.strip()
            query = query.where(User.name.contains(term) | User.email.contains(term))
        if form.role.data:
            query = query.where(User.role == form.role.data)
        status = form.status.data or "active"
        if status != "all":
            query = query.where(User.is_active == (status == "active"))
    page = paginate(query.order_by(fn.LOWER(User.name), User.id))
    return render(
        "people/people.html",
        "people/_people_list.html",
        form=form,
        page=page,
        matches=_active_matches_by_person(page.items),
    )


def _person_page(user, settings_form=None, reset_link=None, status=200):
    history = (
        Match.with_people()
        .where((Match.mentor == user) | (Match.mentee == user))
        .order_by(Match.started_at.desc())
        .limit(50)
    )
    return render(
        "people/person.html",
        person=user,
        may_change_lead=may_change_lead(current_user, user),
        may_reset_password=may_reset_password(current_user, user),
        history=list(history),
        settings_form=settings_form or PersonSettingsForm(obj=user),
        reset_link=reset_link,
        status=status,
    )


@bp.route("/people/<int:user_id>")
@coordinator
def person(user_id):
    user = _program_person(user_id)
    if user.id != current_user.id:
        audit.record(current_user, "person_viewed", subject=user)
    return _person_page(user)


@bp.route("/people/<int:user_id>/settings", methods=["POST"])
@coordinator
def person_settings(user_id):
    user = _program_person(user_id)
    form = PersonSettingsForm()
    if form.validate_on_submit():
        if user.role == COORDINATOR and form.is_safeguarding_lead.data != user.is_safeguarding_lead:
            if not may_change_lead(current_user, user):
                form.is_safeguarding_lead.errors.append(_("Only another safeguarding lead can change this."))
                return _person_page(user, settings_form=form, status=422)
            _set_lead(user, form.is_safeguarding_lead.data)
        if user.role == MENTOR and form.mentor_capacity.data is not None:
            user.mentor_capacity = form.mentor_capacity.data
            user.save(only=[User.mentor_capacity])
        flash(_("Saved."), "success")
        return redirect(url_for("people.person", user_id=user.id))
    return _person_page(user, settings_form=form, status=422)


def _set_lead(user, lead):
    """Make or unmake a lead; of two taps at once only the one that changed it is recorded."""
    with database.atomic():
        changed = User.update(is_safeguarding_lead=lead).where(
            (User.id == user.id) & (User.is_safeguarding_lead != lead)).execute()
        if changed:
            audit.record(current_user, "lead_granted" if lead else "lead_removed", subject=user)
    user.is_safeguarding_lead = lead


def may_change_lead(actor, person):
    """Only a lead makes or unmakes a lead, and never themselves (the operator CLI can too)."""
    return actor.is_safeguarding_lead and actor.id != person.id


def may_reset_password(actor, person):
    """Never one's own (that is what "change password" is for), and a lead's only by another lead."""
    return actor.id != person.id and (actor.is_safeguarding_lead or not person.is_safeguarding_lead)


@bp.route("/people/<int:user_id>/active", methods=["POST"])
@coordinator
def person_active(user_id):
    user = _program_person(user_id)
    if user.id == current_user.id:
        flash(_("You can't switch off your own account."), "error")
        return redirect(url_for("people.person", user_id=user.id))
    if user.is_safeguarding_lead and not may_change_lead(current_user, user):
        flash(_("Only another safeguarding lead can switch a lead's account on or off."), "error")
        return redirect(url_for("people.person", user_id=user.id))
    switch_on = request.form.get("active") == "1"
    fields = {User.is_active: switch_on}
    if not switch_on:
        # Signs them out everywhere at once.
        fields[User.session_token] = User.session_token.default()
    with database.atomic():
        # Setting a state, not toggling: a second tap changes nothing and records nothing.
        if User.update(fields).where((User.id == user.id) & (User.is_active != switch_on)).execute():
            audit.record(current_user, "account_switched_on" if switch_on else "account_switched_off", subject=user)
            if not switch_on:
                UserSession.end_all(user)
    flash(_("%(name)s is switched on.", name=user.name) if switch_on else _("%(name)s is switched off and signed out.", name=user.name), "success")
    return redirect(url_for("people.person", user_id=user.id))


@bp.route("/people/<int:user_id>/reset-link", methods=["POST"])
@coordinator
def person_reset_link(user_id):
    user = _program_person(user_id)
    if not may_reset_password(current_user, user):
        own = user.id == current_user.id
        flash(_("To change your own password, use “Change password” on your account page.") if own
              else _("Only another safeguarding lead can make a password link for a lead."), "error")
        return redirect(url_for("people.person", user_id=user.id))
    with database.atomic():
        reset, token = PasswordReset.issue(user, created_by=current_user.id)
        # Whoever holds the link next, nobody stays signed in on the old password.
        user.session_token = User.session_token.default()
        user.save(only=[User.session_token])
        UserSession.end_all(user)
        audit.record(current_user, "password_link_made", subject=user, target=reset)
    link = url_for("accounts.reset_password", token=token, _external=True)
    return _person_page(user, reset_link=link), {"Referrer-Policy": "no-referrer"}


@bp.route("/invites", methods=["GET", "POST"])
@coordinator
def invites():
    form = InviteForm()
    link = None
    if form.validate_on_submit():
        if User.email_taken(form.email.data):
            form.email.errors.append(_("Someone with this email is already in the program."))
        else:
            with database.atomic():
                invite, token = Invite.issue(current_user.program, form.role.data, form.email.data, current_user.id)
            link = url_for("accounts.accept_invite", token=token, _external=True)
            form = InviteForm(formdata=None, role=form.role.data)
    pending = Invite.pending(current_user.program_id).limit(100)
    return render("people/invites.html", "people/_invites.html", form=form, link=link,
                  pending=list(pending), status=form_status(form))


@bp.route("/invites/<int:invite_id>/revoke", methods=["POST"])
@coordinator
def revoke_invite(invite_id):
    invite = require(Invite.get_or_none((Invite.id == invite_id) & (Invite.program == current_user.program_id)))
    Invite.update(revoked_at=utcnow()).where(
        (Invite.id == invite.id) & Invite.revoked_at.is_null() & Invite.used_at.is_null()
    ).execute()
    flash(_("The invite for %(email)s is withdrawn; its link no longer works.", email=invite.email), "success")
    return redirect(url_for("people.invites"))


@bp.route("/matches")
@coordinator
def matches():
    show = request.args.get("show", "active")
    query = Match.with_people().where(Match.program == current_user.program_id)
    if show == "ended":
        query = query.where(Match.status == Match.ENDED).order_by(Match.ended_at.desc())
    else:
        show = "active"
        query = query.where(Match.status == Match.ACTIVE).order_by(Match.started_at.desc())
    page = paginate(query)
    return render("people/matches.html", "people/_match_list.html", page=page, show=show, facts=match_facts(page.items))


def _match_choices(form, program):
    form.mentor.choices = choices([(0, _("Choose a mentor"))] + [
        (m.id, _("%(name)s (%(count)d of %(capacity)d)", name=m.name, count=m.active_count, capacity=m.mentor_capacity))
        for m in mentors_with_room(program)
    ])
    form.mentee.choices = choices([(0, _("Choose a mentee"))] + [(m.id, m.name) for m in unmatched_mentees(program)])


@bp.route("/matches/new", methods=["GET", "POST"])
@coordinator
def new_match():
    form = MatchForm()
    if request.method == "GET" and request.args.get("mentee", "").isdigit():
        form.mentee.data = int(request.args["mentee"])
    error = None
    if form.validate_on_submit():
        mentor = User.get_or_none((User.id == form.mentor.data) & (User.program == current_user.program_id))
        mentee = User.get_or_none((User.id == form.mentee.data) & (User.program == current_user.program_id))
        if mentor is None:
            form.mentor.errors.append(_("Choose a mentor."))
        if mentee is None:
            form.mentee.errors.append(_("Choose a mentee."))
        if mentor and mentee:
            try:
                match = create_match(mentor, mentee, created_by=current_user.id)
            except MatchError as e:
                error = str(e)
            else:
                flash(_("%(mentor)s and %(mentee)s are now paired.", mentor=mentor.name, mentee=mentee.name), "success")
                return redirect(url_for("people.match", match_id=match.id))
    _match_choices(form, current_user.program_id)
    return render("people/new_match.html", form=form, error=error, status=form_status(form, error=error))


@bp.route("/matches/<int:match_id>")
@coordinator
def match(match_id):
    found = _program_match(match_id)
    return render("people/match.html", match=found, form=EndMatchForm(), reasons=END_REASONS,
                  facts=match_facts([found]))


@bp.route("/matches/<int:match_id>/end", methods=["POST"])
@coordinator
def end(match_id):
    found = _program_match(match_id)
    form = EndMatchForm()
    if form.validate_on_submit():
        if end_match(found, form.reason.data, form.note.data, ended_by=current_user.id):
            flash(_("The match has ended."), "success")
        return redirect(url_for("people.match", match_id=found.id))
    return render("people/match.html", match=found, form=form, reasons=END_REASONS,
                  facts=match_facts([found]), status=422)


def init_app(app):
    app.register_blueprint(bp)
    add_nav(app, COORDINATOR, "people.people", _l("People"), "people", 20,
            also=("people.person", "people.person_settings", "people.person_active", "people.person_reset_link"))
    add_nav(app, COORDINATOR, "people.matches", _l("Matches"), "match", 30,
            also=("people.match", "people.new_match", "people.end"))
    add_nav(app, COORDINATOR, "people.invites", _l("Invite"), "invite", 40, also=("people.revoke_invite",))
