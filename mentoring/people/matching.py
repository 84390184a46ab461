"""The rules of pairing a mentor with a mentee, and of ending a pair."""

from flask import has_app_context
from peewee import JOIN, IntegrityError, fn

from .. import hooks
from ..clock import utcnow
from ..db import database
from ..i18n import _
from ..models import MENTEE, MENTOR, Match, User


class MatchError(Exception):
    """A pairing the rules don't allow; the message says why, for people."""


def create_match(mentor, mentee, created_by=None, now=None):
    if mentor.program_id != mentee.program_id:
        raise MatchError(_("They are in different programs."))
    if mentor.role != MENTOR or not mentor.is_active:
        raise MatchError(_("%(name)s is not an active mentor.", name=mentor.name))
    if mentee.role != MENTEE or not mentee.is_active:
        raise MatchError(_("%(name)s is not an active mentee.", name=mentee.name))
    with database.atomic():
        if Match.active_count_for_mentor(mentor) >= mentor.mentor_capacity:
            raise MatchError(
                _("%(name)s already has as many mentees as they can take.", name=mentor.name)
            )
        try:
            # Savepoint, so a lost race leaves the outer transaction usable.
            with database.atomic():
                return Match.create(
                    program=mentor.program_id,
                    mentor=mentor,
                    mentee=mentee,
                    created_by=created_by,
                    started_at=now or utcnow(),
                )
        except IntegrityError:
            # The unique index on active matches per mentee: someone was quicker.
            raise MatchError(_("%(name)s already has a mentor.", name=mentee.name)) from None


def add_match_ended_hook(app, hook):
    """hook(match, now) runs in the same transaction as a match ends (cancel what it had planned)."""
    hooks.add(app, "people.match_ended", hook)


def end_match(match, reason, note="", ended_by=None, now=None):
    """End a match once; a second tap changes nothing."""
    now = now or utcnow()
    with database.atomic():
        ended = bool(
            Match.update(
                status=Match.ENDED,
                ended_at=now,
                end_reason=reason,
                end_note=note or "",
                ended_by=ended_by,
            )
            .where((Match.id == match.id) & (Match.status == Match.ACTIVE))
            .execute()
        )
        if ended and has_app_context():
            for hook in hooks.get("people.match_ended"):
                hook(match, now)
    return ended


def mentors_with_room(program):
    """Active mentors below capacity, with how many mentees they have."""
    active = fn.COUNT(Match.id).alias("active_count")
    return (
        User.select(User, active)
        .join(Match, JOIN.LEFT_OUTER, on=((Match.mentor == User.id) & (Match.status == Match.ACTIVE)))
        .where((User.program == program) & (User.role == MENTOR) & User.is_active)
        .group_by(User.id)
        .having(fn.COUNT(Match.id) < User.mentor_capacity)
        .order_by(fn.LOWER(User.name))
    )


def unmatched_mentees(program):
    has_match = Match.select(Match.mentee).where(Match.status == Match.ACTIVE)
    return (
        User.select()
        .where(
            (User.program == program)
            & (User.role == MENTEE)
            & User.is_active
            & User.id.not_in(has_match)
        )
        .order_by(fn.LOWER(User.name))
    )
