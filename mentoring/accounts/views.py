"""Signing in and out, joining by invite, and looking after one's own account."""

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, make_response, redirect, request, session, url_for
from flask_babel import format_date
from flask_login import current_user, login_user, logout_user

from ..access import public, signed_in
from ..clock import utcnow
from ..db import database
from ..i18n import _, _l, ngettext
from ..models import ROLES, Invite, PasswordReset, User, UserSession, session_renewed
from ..security import RateLimit, known_device, remember_device
from ..web import add_account_link, form_status, render
from .forms import AcceptInviteForm, ChangePasswordForm, LoginForm, ProfileForm, ResetPasswordForm

bp = Blueprint("accounts", __name__)

# Links with a token in them must not leak it to other sites.
# Pages reached by a secret link: the link never leaks onward, the page never into a cache.
LINK_PAGE = {"Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}


def _expired(kind):
    return render("accounts/link_expired.html", kind=kind, status=404), LINK_PAGE


def _safe_next(target):
    """Only paths on this site; never an open redirect."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


def into_new_session(target):
    """Where to go once a new session has started: from htmx too, a whole page load
    (HX-Redirect), because the page's CSRF token sits in <head>, which boosted
    swaps keep. Without htmx, a plain redirect."""
    if request.htmx:
        return make_response("", 204, {"HX-Redirect": target})
    return redirect(target)


def start_session(user, remember=False):
    """Sign in with a fresh session, so nothing from before carries over."""
    session.clear()
    with database.atomic():
        user.start_session(request.user_agent.string)
        user.last_login_at = utcnow()
        user.save(only=[User.last_login_at])
        staff_reset = PasswordReset.unannounced_by_staff(user)
    login_user(user, remember=remember)
    if staff_reset is not None:
        # A coordinator could have used the link themselves: the person must hear of it.
        flash(_("%(name)s made a password link for your account on %(date)s. If this wasn't at your "
                "request, please tell your program's safeguarding lead.",
                name=staff_reset.created_by.name, date=format_date(staff_reset.created_at, "long")), "info")


@bp.route("/login", methods=["GET", "POST"])
@public
def login():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = LoginForm()
    error, status = None, None
    if form.validate_on_submit():
        limiter = RateLimit(current_app.config)
        user = User.by_email(form.email.data)
        device = known_device(request, user)
        attempt, wait = limiter.begin(form.email.data, request.remote_addr or "unknown", device)
        if wait:
            error = ngettext(
                "Too many tries. For your safety, sign-in is paused: try again in %(num)d minute.",
                "Too many tries. For your safety, sign-in is paused: try again in %(num)d minutes.",
                wait,
            )
            status = 429
        elif not _password_matches(user, form.password.data):
            error = _("That email and password don't match. Check both and try again.")
        elif not user.is_active:
            attempt.forget()
            error = _("This account is switched off. Your program coordinator can switch it back on.")
        else:
            failed = limiter.succeeded(attempt, user)
            start_session(user, remember=form.remember.data)
            if failed:
                flash(ngettext(
                    "Since you last signed in, someone tried %(num)d time to sign in to your account with a "
                    "wrong password. If that wasn't you, your password kept them out.",
                    "Since you last signed in, someone tried %(num)d times to sign in to your account with a "
                    "wrong password. If that wasn't you, your password kept them out.", failed), "info")
            response = into_new_session(_safe_next(request.args.get("next")) or url_for("home.index"))
            remember_device(response, user, device)
            return response
    form.password.data = ""
    return render("accounts/login.html", form=form, error=error, status=status or form_status(form, error=error))


def _password_matches(user, password):
    if user is None or not user.password_hash:
        User.burn_password_check(password)
        return False
    return user.check_password(password)


@bp.route("/logout", methods=["POST"])
@signed_in
def logout():
    # Ended on the server too: a copied session or "keep me signed in"
    # cookie is worth nothing from now on.
    with database.atomic():
        UserSession.end(current_user.session_key)
    logout_user()
    session.clear()
    flash(_("You have signed out."), "info")
    return redirect(url_for("accounts.login"))


@bp.route("/join/<token>", methods=["GET", "POST"])
@public
def accept_invite(token):
    invite = Invite.open_by_token(token)
    if invite is None:
        if current_user.is_authenticated:
            # A second tap on "Join" after the first one went through.
            return redirect(url_for("home.index"))
        return _expired("invite")
    form = AcceptInviteForm()
    form.personal_words = [invite.email]
    if request.method == "GET":
        form.timezone.data = invite.program.timezone
    error = None
    if form.validate_on_submit():
        user = _join(invite, form)
        if user is None:
            error = _("An account with this email already exists. Sign in instead, or ask your coordinator.")
        else:
            start_session(user)
            flash(_("Welcome, %(name)s. You're in.", name=user.name), "success")
            return into_new_session(url_for("home.index"))
    return render(
        "accounts/join.html", form=form, invite=invite, error=error, status=form_status(form, error=error)
    ), LINK_PAGE


def _join(invite, form):
    """Create the account and use up the invite, both or neither."""
    with database.atomic() as txn:
        if User.email_taken(invite.email):
            return None
        user = User(
            program=invite.program,
            email=invite.email,
            name=form.name.data,
            role=invite.role,
            timezone=form.timezone.data,
            mentor_capacity=invite.program.setting("mentor_capacity"),
        )
        user.set_password(form.password.data)
        user.save()
        if not invite.claim(user):
            txn.rollback()
            return None
    return user


@bp.route("/reset/<token>", methods=["GET", "POST"])
@public
def reset_password(token):
    reset = PasswordReset.open_by_token(token)
    if reset is None:
        return _expired("reset")
    form = ResetPasswordForm()
    form.personal_words = [reset.user.email, reset.user.name]
    if form.validate_on_submit():
        user = reset.user
        with database.atomic() as txn:
            if not reset.claim():
                txn.rollback()
                return _expired("reset")
            user.set_password(form.password.data)
            user.save(only=[User.password_hash, User.session_token])
            UserSession.end_all(user)
        if not user.is_active:
            flash(_("Your password is set. Your account is switched off: ask your coordinator."), "info")
            return redirect(url_for("accounts.login"))
        start_session(user)
        flash(_("Your new password is set."), "success")
        return into_new_session(url_for("home.index"))
    return render("accounts/reset.html", form=form, user=reset.user, status=form_status(form)), LINK_PAGE


@bp.route("/account", methods=["GET", "POST"])
@signed_in
def account():
    form = ProfileForm(obj=current_user)
    if form.validate_on_submit():
        current_user.name = form.name.data
        current_user.timezone = form.timezone.data
        current_user.save(only=[User.name, User.timezone])
        flash(_("Saved."), "success")
        return redirect(url_for("accounts.account"))
    return render("accounts/account.html", form=form, status=form_status(form))


@bp.route("/account/password", methods=["GET", "POST"])
@signed_in
def change_password():
    form = ChangePasswordForm()
    form.personal_words = [current_user.email, current_user.name]
    if form.validate_on_submit():
        if not current_user.check_password(form.current.data):
            form.current.errors.append(_("That is not your current password."))
        else:
            user = current_user._get_current_object()
            user.set_password(form.password.data)
            user.save(only=[User.password_hash, User.session_token])
            # Other devices are signed out by the new token; keep this one.
            old_session = user.session_id
            start_session(user)
            with database.atomic():
                session_renewed.send(current_app._get_current_object(), old=old_session, new=user.session_id)
                UserSession.end_all(user, keep=user.session_id)
            flash(_("Your password is changed. Other devices have been signed out."), "success")
            return into_new_session(url_for("accounts.account"))
    return render("accounts/password.html", form=form, status=form_status(form))


def init_app(app):
    # Its routes join this blueprint, so it loads before the blueprint is registered.
    from . import devices

    app.register_blueprint(bp)
    app.after_request(devices.seen_on_page)
    add_account_link(app, ROLES, "accounts.devices", _l("Your devices"), 15)

