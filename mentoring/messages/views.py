"""Routes: the conversation list, a thread and its live fragment, sending,
changing and reporting messages, and the coordinator's retention setting."""

from dataclasses import dataclass

from flask import Blueprint, current_app, flash, make_response, redirect, render_template, request, url_for
from flask_babel import format_date, format_time
from flask_login import current_user

from ..access import require, roles
from ..clock import local_today, to_local, utcnow
from ..db import database
from ..i18n import _
from ..models import COORDINATOR, MENTEE, MENTOR, Match, Program
from ..pagination import paginate
from ..safety import crisis_panel, panel_next, pending_panel
from ..web import form_status, render, wants_fragment
from . import thread as threads
from .conversations import conversation_list, is_open, membership, open_for_match, open_missing, participants
from .forms import EditForm, MessageForm, ReportForm, RetentionForm
from .models import Conversation, Message
from .policy import RETENTION_KEY, can_change, is_waiting, retention_days
from .reports import existing as existing_report
from .reports import report as file_report
from .sending import Closed, delete, edit, mark_read, send
from .text import linkify, preview

bp = Blueprint("messages", __name__)
members = roles(MENTEE, MENTOR)
HIDDEN_HEADER = "X-Thread-Hidden"


@bp.app_template_filter("message_text")
def _message_text(text):
    return linkify(text)


def _member(conversation_id):
    return require(membership(conversation_id, current_user))


def _int_arg(name):
    value = request.values.get(name, "")
    return int(value) if value.isdigit() and len(value) < 16 else 0


def _etag(version):
    return f"v{version}"


def _poll_seconds():
    return current_app.config.get("MESSAGES_POLL_SECONDS", 4)


def _crisis_next(conversation_id, check):
    """A risky message sent without JavaScript: the next thread page opens with the crisis panel."""
    panel_next(check, f"conversation-{conversation_id}")


def _crisis_once(conversation_id):
    return pending_panel(current_user, f"conversation-{conversation_id}")


# The list of conversations.

@dataclass
class Row:
    participant: object
    other: object
    last: object
    unread: int
    ended: bool
    waiting: bool
    when: str


def _when(moment, today):
    if moment is None:
        return ""
    if to_local(moment, current_user.timezone).date() == today:
        return format_time(moment, "short")
    return format_date(moment, "d MMM")


def _rows(items, now):
    today = local_today(current_user.timezone, now)
    rows = []
    for p in items:
        conversation, match = p.conversation, p.conversation.match
        last = getattr(conversation, "last_message", None)
        if last is not None and last.id is None:
            last = None
        rows.append(Row(
            participant=p,
            other=match.mentor if p.role == MENTEE else match.mentee,
            last=last,
            unread=p.unread or 0,
            ended=match.status != Match.ACTIVE,
            waiting=p.role == MENTOR and match.status == Match.ACTIVE and is_waiting(conversation.waiting_since, now),
            when=_when(conversation.last_message_at, today),
        ))
    return rows


@bp.route("/messages")
@members
def index():
    now = utcnow()
    open_missing(current_user, now)
    page = paginate(conversation_list(current_user, now))
    return render("messages/index.html", "messages/_list.html", page=page, rows=_rows(page.items, now), preview=preview)


@bp.route("/messages/with/<int:match_id>")
@members
def for_match(match_id):
    """The conversation of a match, opened on first use (links from other pages)."""
    match = require(Match.get_or_none(
        (Match.id == match_id) & ((Match.mentor == current_user.id) | (Match.mentee == current_user.id))
    ))
    if match.status == Match.ACTIVE:
        conversation = open_for_match(match)
    else:
        conversation = require(Conversation.get_or_none(Conversation.match == match.id))
    return redirect(url_for("messages.thread", conversation_id=conversation.id))


# A thread.

def _thread_context(member, block, now, **extra):
    people = participants(member.conversation_id)
    other = next((p.user for p in people if p.user_id != current_user.id), None)
    conversation = member.conversation
    return dict(
        member=member,
        conversation=conversation,
        other=other,
        block=block,
        entries=threads.layout(block, current_user, people, now),
        writable=is_open(member),
        waiting=member.role == MENTOR and is_open(member) and is_waiting(conversation.waiting_since, now),
        poll_seconds=_poll_seconds(),
        **extra,
    )


def _live_context(member, form=None, now=None, **extra):
    """The latest page of a thread, marked read: what the thread page shows."""
    now = now or utcnow()
    version = member.conversation.version
    if mark_read(member, member.conversation.last_message_id, now):
        version += 1
    block = threads.latest(member.conversation_id)
    after = block.prev.id if block.prev else 0
    return _thread_context(
        member, block, now, after=after, etag=_etag(version), version=version,
        form=form or MessageForm(formdata=None), mode="latest", **extra,
    )


def _composer_label(form, other):
    if other is not None:
        form.body.label.text = _("Message to %(name)s", name=other.name)


@bp.route("/messages/<int:conversation_id>")
@members
def thread(conversation_id):
    member = _member(conversation_id)
    now = utcnow()
    before = _int_arg("before")
    if before:
        block = threads.older(conversation_id, before)
        return render("messages/thread.html", "messages/_older.html",
                      **_thread_context(member, block, now, mode="older", crisis=None))
    context = _live_context(member, now=now, crisis=_crisis_once(conversation_id))
    _composer_label(context["form"], context["other"])
    return render("messages/thread.html", **context)


@bp.route("/messages/<int:conversation_id>/recent")
@members
def recent(conversation_id):
    """The live end of a thread, polled: unchanged costs one indexed query."""
    member = _member(conversation_id)
    conversation = member.conversation
    visible_now = request.headers.get(HIDDEN_HEADER) != "1"
    unread = (conversation.last_message_id or 0) > member.last_read_message_id
    version = conversation.version
    if request.if_none_match.contains(_etag(version)) and not (unread and visible_now):
        response = make_response("", 204 if request.headers.get("HX-Request") else 304)
        response.set_etag(_etag(version))
        return response
    now = utcnow()
    if visible_now and mark_read(member, conversation.last_message_id, now):
        version += 1
    block = threads.since(conversation_id, _int_arg("after"))
    if not block.complete:
        # Hundreds arrived while the page was open: start afresh, leaving no gap.
        return make_response("", 200, {"HX-Refresh": "true"})
    context = _thread_context(member, block, now, after=_int_arg("after"), etag=_etag(version), version=version)
    response = make_response(render_template("messages/_recent.html", **context))
    response.set_etag(_etag(version))
    response.vary.add("HX-Request")
    return response


@bp.route("/messages/<int:conversation_id>/send", methods=["POST"])
@members
def send_message(conversation_id):
    member = _member(conversation_id)
    form = MessageForm()
    if not is_open(member):
        form.validate()
        return _send_failed(member, form, closed=True)
    if not form.validate_on_submit():
        return _send_failed(member, form)
    now = utcnow()
    message, _created = send(member, form.body.data, form.client_id.data, now)
    crisis = message.safety.shows_panel
    if not wants_fragment():
        if crisis:
            _crisis_next(conversation_id, message.safety)
        return redirect(url_for("messages.thread", conversation_id=conversation_id, _anchor=f"m{message.id}"))
    # The send moved the version and our read marker: read them afresh.
    member = _member(conversation_id)
    after = _int_arg("after")
    block = threads.since(conversation_id, after)
    version = member.conversation.version
    context = _thread_context(
        member, block, now, after=after, etag=_etag(version), version=version, form=MessageForm(formdata=None),
        crisis=crisis_panel(current_user, told_lead=message.safety.told_lead) if crisis else None,
    )
    _composer_label(context["form"], context["other"])
    if not block.complete:
        return make_response("", 200, {"HX-Refresh": "true"})
    return render_template("messages/_sent.html", **context)


def _send_failed(member, form, closed=False):
    """422 with the text typed, as a fragment for htmx or the whole thread otherwise."""
    context = _live_context(member, form=form, closed_text=form.body.data if closed else None)
    if closed:
        context["writable"] = False
    _composer_label(form, context["other"])
    return render("messages/thread.html", "messages/_composer.html", status=422, **context)


# Changing one's own message, and reporting someone else's.

def _message(member, message_id):
    return require(Message.get_or_none(
        (Message.id == message_id) & (Message.conversation == member.conversation_id)
    ))


def _own_message(member, message_id):
    message = _message(member, message_id)
    require(message.author_id == current_user.id and not message.is_deleted)
    return message


def _back_to(message):
    return redirect(url_for("messages.thread", conversation_id=message.conversation_id, _anchor=f"m{message.id}"))


@bp.route("/messages/<int:conversation_id>/<int:message_id>/edit", methods=["GET", "POST"])
@members
def edit_message(conversation_id, message_id):
    member = _member(conversation_id)
    message = _own_message(member, message_id)
    now = utcnow()
    changeable = is_open(member) and can_change(message, current_user.id, now)
    form = EditForm(data={"body": message.body}) if request.method == "GET" else EditForm()
    error = None
    if request.method == "POST":
        if not changeable:
            form.validate()
            error = _("Messages can only be changed in the first 15 minutes after sending. Your text is still here, so you can copy it.")
        elif form.validate_on_submit():
            try:
                edit(member, message, form.body.data, now)
            except Closed:
                error = _("Messages can only be changed in the first 15 minutes after sending.")
            else:
                check = getattr(message, "safety", None)
                if check and check.shows_panel:
                    _crisis_next(conversation_id, check)
                flash(_("Your message is changed."), "success")
                return _back_to(message)
    return render("messages/edit.html", message=message, member=member, form=form, error=error,
                  changeable=changeable, status=form_status(form, error=error))


@bp.route("/messages/<int:conversation_id>/<int:message_id>/delete", methods=["POST"])
@members
def delete_message(conversation_id, message_id):
    member = _member(conversation_id)
    message = _own_message(member, message_id)
    try:
        if not is_open(member):
            raise Closed()
        delete(member, message)
    except Closed:
        flash(_("Messages can only be deleted in the first 15 minutes after sending."), "error")
        return _back_to(message)
    flash(_("Your message is deleted."), "success")
    return _back_to(message)


@bp.route("/messages/<int:conversation_id>/<int:message_id>/report", methods=["GET", "POST"])
@members
def report_message(conversation_id, message_id):
    member = _member(conversation_id)
    message = _message(member, message_id)
    require(message.author_id != current_user.id)
    filed = existing_report(message, current_user)
    form = ReportForm()
    if filed is None and form.validate_on_submit():
        file_report(message, current_user, participants(conversation_id), (form.note.data or "").strip())
        return redirect(url_for("messages.report_message", conversation_id=conversation_id, message_id=message.id))
    people = participants(conversation_id)
    author = next((p.user for p in people if p.user_id == message.author_id), None)
    return render("messages/report.html", message=message, author=author, member=member, filed=filed, form=form,
                  status=form_status(form))


# The program's choice, for coordinators.

@bp.route("/program/messaging", methods=["GET", "POST"])
@roles(COORDINATOR)
def settings():
    program = current_user.program
    form = RetentionForm(data={"days": retention_days(program)}) if request.method == "GET" else RetentionForm()
    if form.validate_on_submit():
        with database.atomic():
            fresh = Program.get_by_id(program.id)
            fresh.settings = {**(fresh.settings or {}), RETENTION_KEY: form.days.data}
            fresh.save(only=[Program.settings])
        flash(_("Saved."), "success")
        return redirect(url_for("messages.settings"))
    return render("messages/settings.html", form=form, status=form_status(form))
