"""Deleting an account: asked for by its owner, confirmed by a coordinator or by time.

The user row stays, anonymised, so messages the other person received and
safeguarding records still point at someone ("Former member"); everything
else the person recorded goes. Each deletion is one transaction.
"""

import logging
from datetime import timedelta

from peewee import IntegrityError, fn

from ..audit import record
from ..clock import utcnow
from ..db import database
from ..goals.models import Comment, Goal, Rating, Step
from ..meetings.models import CalendarFeed, MeetingNote, ReminderChoice
from ..messages.models import Message
from ..models import Invite, Match, PasswordReset, User, UserSession, new_token
from ..mood.models import CheckIn, CheckInTag, MeasureResponse, MoodSharing, SafetyPlan
from ..people.matching import end_match
from ..push.models import DeliveryAttempt, PushPreference, Subscription
from ..push.outbox import Notification
from ..safety.models import SafetyContact
from .models import DeletionRequest
from .settings import setting

log = logging.getLogger(__name__)

FORMER_MEMBER = "Former member"


def pending_exists():
    """An expression for the user query: this user has an open deletion request."""
    return fn.EXISTS(DeletionRequest.select(DeletionRequest.id).where(
        (DeletionRequest.user == User.id) & (DeletionRequest.status == DeletionRequest.PENDING)))


def pending_for(user):
    return DeletionRequest.get_or_none((DeletionRequest.user == user) & (DeletionRequest.status == DeletionRequest.PENDING))


def request_deletion(user, now=None):
    """The open request for `user`, made now if there was none (a double tap makes one)."""
    now = now or utcnow()
    due = now + timedelta(days=setting(user.program, "deletion_grace_days"))
    try:
        with database.atomic():
            return DeletionRequest.create(user=user, requested_at=now, due_at=due)
    except IntegrityError:
        return pending_for(user)


def cancel(user, now=None):
    """Withdraw the open request; False when there was none (already done or cancelled)."""
    with database.atomic():
        return bool(DeletionRequest.update(status=DeletionRequest.CANCELLED, cancelled_at=now or utcnow())
                    .where((DeletionRequest.user == user) & (DeletionRequest.status == DeletionRequest.PENDING))
                    .execute())


def pending_in(program):
    """A program's open requests, soonest due first, each with its person (one query)."""
    return (DeletionRequest.select(DeletionRequest, User).join(User, on=(DeletionRequest.user == User.id))
            .where((User.program == program) & (DeletionRequest.status == DeletionRequest.PENDING))
            .order_by(DeletionRequest.due_at))


def in_program(request_id, program_id, exclude_user=None):
    """True when the request belongs to someone in the program (other than `exclude_user`).

    Whatever its status: a second tap on "Delete now" finds it done, not missing.
    """
    query = (DeletionRequest.select().join(User, on=(DeletionRequest.user == User.id))
             .where((DeletionRequest.id == request_id) & (User.program == program_id)))
    if exclude_user is not None:
        query = query.where(User.id != exclude_user)
    return query.exists()


def complete(request_id, confirmed_by=None, now=None):
    """Claim the request and delete, both or neither; False when another got there first."""
    now = now or utcnow()
    with database.atomic():
        claimed = (DeletionRequest.update(status=DeletionRequest.DONE, completed_at=now, confirmed_by=confirmed_by)
                   .where((DeletionRequest.id == request_id) & (DeletionRequest.status == DeletionRequest.PENDING))
                   .execute())
        if not claimed:
            return False
        user = DeletionRequest.get_by_id(request_id).user
        delete_account(user, now)
        if confirmed_by is not None:
            # A staff power: the log keeps who used it (by id; the name is gone).
            record(confirmed_by, "account_deleted", subject=user, now=now)
    return True


def run_due(now):
    """The worker's producer: complete every request whose grace period is over."""
    done = 0
    due = DeletionRequest.select(DeletionRequest.id).where(
        (DeletionRequest.status == DeletionRequest.PENDING) & (DeletionRequest.due_at <= now))
    for (request_id,) in due.tuples():
        try:
            done += complete(request_id, now=now)
        except Exception:  # one bad account must not stop the others
            log.exception("data rights: deleting for request %s failed", request_id)
    return done


def delete_account(user, now):
    """Everything below in the caller's transaction."""
    _end_matches(user, now)
    _delete_records(user)
    if setting(user.program, "delete_messages_with_account"):
        Message.update(body="", deleted_at=now).where(
            (Message.author == user) & Message.deleted_at.is_null()).execute()
    _anonymise(user)


def _end_matches(user, now):
    reason = "mentee_request" if user.is_mentee else "mentor_request"
    for match in Match.select().where(((Match.mentor == user) | (Match.mentee == user))
                                      & (Match.status == Match.ACTIVE)):
        end_match(match, reason, ended_by=user, now=now)


def _delete_records(user):
    goals = Goal.select(Goal.id).where(Goal.mentee == user)
    checkins = CheckIn.select(CheckIn.id).where(CheckIn.user == user)
    # Children first: the schema cascades, but saying so keeps it true on any database.
    for model, where in (
        (CheckInTag, CheckInTag.checkin.in_(checkins)),
        (CheckIn, CheckIn.user == user),
        (MeasureResponse, MeasureResponse.user == user),
        (SafetyPlan, SafetyPlan.user == user),
        (MoodSharing, MoodSharing.user == user),
        (Step, Step.goal.in_(goals)),
        (Rating, Rating.goal.in_(goals)),
        (Comment, Comment.goal.in_(goals)),
        (Goal, Goal.mentee == user),
        (MeetingNote, MeetingNote.author == user),
        (CalendarFeed, CalendarFeed.user == user),
        (ReminderChoice, ReminderChoice.user == user),
        (DeliveryAttempt, DeliveryAttempt.user == user),
        (Notification, Notification.user == user),
        (Subscription, Subscription.user == user),
        (PushPreference, PushPreference.user == user),
        (SafetyContact, SafetyContact.user == user),
        (PasswordReset, PasswordReset.user == user),
        (UserSession, UserSession.user == user),
    ):
        model.delete().where(where).execute()


def _anonymise(user):
    placeholder = f"deleted-{user.id}@deleted.invalid"
    Invite.update(email=placeholder).where(Invite.user == user).execute()
    (User.update(name=FORMER_MEMBER, email=placeholder, password_hash="", is_active=False,
                 is_safeguarding_lead=False, session_token=new_token(), last_login_at=None)
     .where(User.id == user.id).execute())
