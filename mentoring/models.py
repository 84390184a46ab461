"""The core of a program: who is in it, and who mentors whom.

Feature models live beside their features; these are the ones every
feature stands on. Group mentoring will come as its own tables (a group
with members), so a Match stays exactly one mentor and one mentee.
"""

import hashlib
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import has_request_context, request
from flask_login import UserMixin
from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
    fn,
)

from . import hooks
from .clock import utcnow
from .db import BaseModel, JSONField, database

MENTEE, MENTOR, COORDINATOR = "mentee", "mentor", "coordinator"
ROLES = (MENTEE, MENTOR, COORDINATOR)

# argon2id with the library's defaults (RFC 9106 low-memory profile).
_hasher = PasswordHasher()
# Verified against when no account matches, so a wrong email costs the same time.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))

PROGRAM_DEFAULTS = {
    "mentor_capacity": 3,
    "invite_days": 7,
}


def new_token():
    return secrets.token_urlsafe(32)


def token_digest(token):
    """Links carry the token; the database keeps only its digest."""
    return hashlib.sha256(token.encode()).hexdigest()


class Program(BaseModel):
    name = CharField(max_length=120)
    timezone = CharField(max_length=64, default="UTC")
    # ISO 3166 code (GB, US...): whose crisis numbers come first; "" until chosen.
    country = CharField(max_length=2, default="")
    settings = JSONField(default=dict)
    created_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "programs"

    def setting(self, key):
        return (self.settings or {}).get(key, PROGRAM_DEFAULTS.get(key))

    def save_setting(self, key, value):
        """Store one key of `settings`, read afresh so keys other features saved meanwhile stay."""
        with database.atomic():
            settings = dict(Program.get_by_id(self.id).settings or {})
            settings[key] = value
            Program.update(settings=settings).where(Program.id == self.id).execute()
        self.settings = settings

    def crisis_resources(self):
        return self.crisisresource_set.order_by(CrisisResource.position, CrisisResource.id)

    # Set when the program was loaded with the signed-in person; otherwise asked.
    has_lead = None

    @classmethod
    def lead_exists(cls):
        """An expression: the program (in the query) has an active safeguarding lead."""
        Lead = User.alias()
        return fn.EXISTS(Lead.select(Lead.id).where(
            (Lead.program == cls.id) & (Lead.role == COORDINATOR) & Lead.is_safeguarding_lead & Lead.is_active))

    def has_active_lead(self):
        if self.has_lead is None:
            self.has_lead = self.safeguarding_leads().exists()
        return self.has_lead

    def safeguarding_leads(self):
        return User.select().where(
            (User.program == self)
            & (User.role == COORDINATOR)
            & User.is_safeguarding_lead
            & User.is_active
        )


class CrisisResource(BaseModel):
    program = ForeignKeyField(Program, on_delete="CASCADE")
    region = CharField(max_length=60, default="")
    name = CharField(max_length=120)
    description = CharField(max_length=300, default="")
    phone = CharField(max_length=40, default="")
    sms = CharField(max_length=40, default="")
    url = CharField(max_length=300, default="")
    is_emergency = BooleanField(default=False)
    position = IntegerField(default=0)
    last_verified = DateField(null=True)

    class Meta:
        table_name = "crisis_resources"
        indexes = (
            # The program's list in its order.
            (("program", "position"), False),
        )

    @staticmethod
    def dial(number):
        """A number as a tel:/sms: target: digits and a leading + only."""
        return "".join(c for c in number if c.isdigit() or c == "+")


class User(UserMixin, BaseModel):
    program = ForeignKeyField(Program, on_delete="RESTRICT")
    email = CharField(max_length=254, unique=True)
    name = CharField(max_length=80)
    role = CharField(max_length=16)
    timezone = CharField(max_length=64, default="UTC")
    password_hash = CharField(max_length=255, default="")
    is_safeguarding_lead = BooleanField(default=False)
    is_active = BooleanField(default=True)
    mentor_capacity = IntegerField(default=3)
    # Part of the session id: rotating it signs the person out everywhere.
    session_token = CharField(max_length=64, default=new_token)
    created_at = DateTimeField(default=utcnow)
    last_login_at = DateTimeField(null=True)

    class Meta:
        table_name = "users"
        indexes = (
            # A program's people by role, active ones first.
            (("program", "role", "is_active"), False),
        )

    # The signed-in session this row was loaded for ("<session id>.<secret>").
    session_key = None

    def get_id(self):
        """What the session cookie and the "keep me signed in" cookie carry.

        It names one server-side session, so signing out ends exactly that
        session, and a copied cookie stops working with it.
        """
        if self.session_key is None:
            raise RuntimeError("start a UserSession before signing someone in")
        return self.session_key

    def start_session(self, user_agent=""):
        """Open a server-side session for this person; returns its key."""
        self.session_key = UserSession.start(self, user_agent)
        return self.session_key

    @classmethod
    def from_session_id(cls, value):
        """The active person whose open session `value` names, in one query, or None."""
        session_id, _, secret = (value or "").partition(".")
        if not session_id.isdigit() or len(session_id) > 18 or not secret:
            return None
        user = (
            # The program comes along (most pages read its settings), and so
            # does the session's last sighting, so keeping it fresh costs no
            # query on the (many) requests where it is fresh enough.
            cls.select(cls, Program, UserSession.last_seen_at, Program.lead_exists().alias("program_has_lead"),
                       *[flag().alias(name) for name, flag in hooks.get("accounts.user_flag")])
            .join(Program)
            .switch(cls)
            .join(UserSession, on=(UserSession.user == cls.id), attr="signed_in_session")
            .where(
                (UserSession.id == int(session_id))
                & (UserSession.secret_hash == token_digest(secret))
                & UserSession.ended_at.is_null()
                # Rotating the person's token (a new password, switched off)
                # ends every session they had at once.
                & (UserSession.user_token == cls.session_token)
                & cls.is_active
            )
            .first()
        )
        if user is not None:
            user.session_key = value
            # Safety rules ask it on many pages (PHQ-9 needs a lead; the panel says who was told).
            user.program.has_lead = bool(user.__dict__.pop("program_has_lead"))
        return user

    @property
    def session_seen_at(self):
        """When the session this row was loaded for was last seen (None if never, or not loaded so)."""
        signed_in = self.__dict__.get("signed_in_session")
        return signed_in.last_seen_at if signed_in is not None else None

    @property
    def session_id(self):
        """The id of the UserSession this row was loaded for, or None."""
        session_id = (self.session_key or "").partition(".")[0]
        return int(session_id) if session_id.isdigit() else None

    @staticmethod
    def normalize_email(email):
        return (email or "").strip().lower()

    @classmethod
    def by_email(cls, email):
        return cls.get_or_none(cls.email == cls.normalize_email(email))

    @classmethod
    def email_taken(cls, email):
        return cls.select().where(cls.email == cls.normalize_email(email)).exists()

    @property
    def is_mentee(self):
        return self.role == MENTEE

    @property
    def is_mentor(self):
        return self.role == MENTOR

    @property
    def is_coordinator(self):
        return self.role == COORDINATOR

    def set_password(self, password):
        self.password_hash = _hasher.hash(password)
        self.session_token = new_token()

    def check_password(self, password):
        """True when it matches; upgrades an outdated hash in passing."""
        try:
            _hasher.verify(self.password_hash, password)
        except (VerificationError, InvalidHashError):
            return False
        if _hasher.check_needs_rehash(self.password_hash):
            self.password_hash = _hasher.hash(password)
            self.save(only=[User.password_hash])
        return True

    @staticmethod
    def burn_password_check(password):
        """Spend the time of a real check when there is no account."""
        try:
            _hasher.verify(_DUMMY_HASH, password)
        except VerificationError:
            pass

    def active_match(self):
        """The mentee's current match with the mentor loaded, or None.

        Read once per request: several cards of the mentee's home ask for it.
        """
        memo = request.environ.setdefault("mentoring.active_matches", {}) if has_request_context() else {}
        if self.id not in memo:
            Mentor = User.alias()
            memo[self.id] = (
                Match.select(Match, Mentor)
                .join(Mentor, on=(Match.mentor == Mentor.id))
                .where((Match.mentee == self) & (Match.status == Match.ACTIVE))
                .first()
            )
        return memo[self.id]

    def active_mentee_matches(self):
        """The mentor's current matches with each mentee loaded."""
        Mentee = User.alias()
        return (
            Match.select(Match, Mentee)
            .join(Mentee, on=(Match.mentee == Mentee.id))
            .where((Match.mentor == self) & (Match.status == Match.ACTIVE))
            .order_by(fn.LOWER(Mentee.name))
        )


# How stale "last seen" may get: one write per device per this long at most.
SEEN_EVERY = timedelta(minutes=10)


class UserSession(BaseModel):
    """One signed-in device. Only a digest of its secret is stored."""

    user = ForeignKeyField(User, backref="sessions", on_delete="CASCADE")
    secret_hash = CharField(max_length=64, unique=True)
    # The person's session_token when this session began.
    user_token = CharField(max_length=64)
    user_agent = CharField(max_length=200, default="")
    created_at = DateTimeField(default=utcnow)
    ended_at = DateTimeField(null=True)
    # Added by 0013_devices_audit; at most SEEN_EVERY out of date.
    last_seen_at = DateTimeField(null=True, default=utcnow)

    class Meta:
        table_name = "user_sessions"
        indexes = ((("user", "ended_at"), False),)

    @classmethod
    def start(cls, user, user_agent=""):
        secret = new_token()
        row = cls.create(user=user, secret_hash=token_digest(secret), user_token=user.session_token,
                         user_agent=(user_agent or "")[:200])
        return f"{row.id}.{secret}"

    @classmethod
    def end(cls, key, now=None):
        """End the session that `key` names; a no-op when it is already over."""
        session_id = (key or "").partition(".")[0]
        if session_id.isdigit():
            cls.end_where(cls.id == int(session_id), now)

    @classmethod
    def end_where(cls, condition, now=None):
        """End the open sessions that match `condition`; returns their ids. Call inside a transaction."""
        ids = [row.id for row in cls.select(cls.id).where(condition & cls.ended_at.is_null())]
        if ids:
            cls.update(ended_at=now or utcnow()).where(cls.id.in_(ids) & cls.ended_at.is_null()).execute()
            # Inside the transaction that ended them: features let go of what belonged to those devices.
            for forget in hooks.get("accounts.sessions_ended"):
                forget(ids)
        return ids

    @classmethod
    def end_all(cls, user, keep=None, now=None):
        """End every open session of `user` but `keep` (a session id); returns their ids.

        Rotating the person's token already locks those sessions out; ending
        them as well lets features forget what belonged to those devices.
        """
        condition = cls.user == getattr(user, "id", user)
        if keep is not None:
            condition &= cls.id != keep
        return cls.end_where(condition, now)

    @classmethod
    def open_for(cls, user):
        """The person's signed-in devices, most recently seen first.

        Sessions from before their token last changed (a new password) no
        longer work, so they are not shown as open.
        """
        return (
            cls.select()
            .where((cls.user == user.id) & cls.ended_at.is_null() & (cls.user_token == user.session_token))
            .order_by(cls.last_seen_at.desc(), cls.id.desc())
        )

    @classmethod
    def seen(cls, session_id, last_seen_at, now=None):
        """Note that the device is in use, at most once per SEEN_EVERY; returns True when written.

        The condition is in the UPDATE too, so two requests at once write once.
        """
        now = now or utcnow()
        if session_id is None or (last_seen_at is not None and last_seen_at >= now - SEEN_EVERY):
            return False
        stale = cls.last_seen_at.is_null() | (cls.last_seen_at < now - SEEN_EVERY)
        return cls.update(last_seen_at=now).where((cls.id == session_id) & stale).execute() == 1


class Match(BaseModel):
    ACTIVE, ENDED = "active", "ended"
    END_REASONS = ("completed", "mentee_request", "mentor_request", "rematch", "no_contact", "other")

    program = ForeignKeyField(Program, on_delete="RESTRICT")
    mentor = ForeignKeyField(User, backref="mentor_matches", on_delete="RESTRICT")
    mentee = ForeignKeyField(User, backref="mentee_matches", on_delete="RESTRICT")
    status = CharField(max_length=16, default=ACTIVE)
    started_at = DateTimeField(default=utcnow)
    ended_at = DateTimeField(null=True)
    end_reason = CharField(max_length=40, default="")
    end_note = TextField(default="")
    created_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    ended_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")

    class Meta:
        table_name = "matches"
        indexes = (
            # Someone's active match; a program's matches by status and start.
            (("mentor", "status"), False),
            (("mentee", "status"), False),
            (("program", "status", "started_at"), False),
        )

    @property
    def is_active(self):
        return self.status == self.ACTIVE

    def other(self, user):
        return self.mentee if user.id == self.mentor_id else self.mentor

    @classmethod
    def with_people(cls):
        """Matches with mentor and mentee loaded in the same query."""
        Mentor, Mentee = User.alias(), User.alias()
        return (
            cls.select(cls, Mentor, Mentee)
            .join(Mentor, on=(cls.mentor == Mentor.id))
            .switch(cls)
            .join(Mentee, on=(cls.mentee == Mentee.id))
        )

    @classmethod
    def active_count_for_mentor(cls, mentor):
        return cls.select().where((cls.mentor == mentor) & (cls.status == cls.ACTIVE)).count()

    @classmethod
    def mentored_by(cls, match_id, mentor):
        """The mentor's active match `match_id`, both people loaded, or None."""
        return cls.with_people().where(
            (cls.id == match_id) & (cls.mentor == mentor.id) & (cls.status == cls.ACTIVE)
        ).first()


# A mentee has at most one active match; the database enforces it so two
# coordinators pairing at once cannot both succeed.
Match.add_index(Match.index(Match.mentee, unique=True, name="matches_one_active_per_mentee")
                .where(Match.status == Match.ACTIVE))


class Invite(BaseModel):
    program = ForeignKeyField(Program, on_delete="CASCADE")
    role = CharField(max_length=16)
    email = CharField(max_length=254)
    token_hash = CharField(max_length=64, unique=True)
    created_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    created_at = DateTimeField(default=utcnow)
    expires_at = DateTimeField()
    used_at = DateTimeField(null=True)
    revoked_at = DateTimeField(null=True)
    user = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")

    class Meta:
        table_name = "invites"
        indexes = (
            # A program's open invitations.
            (("program", "used_at", "expires_at"), False),
        )

    @classmethod
    def issue(cls, program, role, email, created_by, now=None):
        """A new invite and the token for its link (shown once, kept hashed)."""
        now = now or utcnow()
        token = new_token()
        invite = cls.create(
            program=program,
            role=role,
            email=User.normalize_email(email),
            token_hash=token_digest(token),
            created_by=created_by,
            created_at=now,
            expires_at=now + timedelta(days=program.setting("invite_days")),
        )
        return invite, token

    @classmethod
    def open_by_token(cls, token, now=None):
        now = now or utcnow()
        return cls.get_or_none(
            (cls.token_hash == token_digest(token or ""))
            & cls.used_at.is_null()
            & cls.revoked_at.is_null()
            & (cls.expires_at > now)
        )

    @classmethod
    def pending(cls, program, now=None):
        return (
            cls.select()
            .where(
                (cls.program == program)
                & cls.used_at.is_null()
                & cls.revoked_at.is_null()
                & (cls.expires_at > (now or utcnow()))
            )
            .order_by(cls.created_at.desc())
        )

    def claim(self, user, now=None):
        """Mark used for this user; False if another request got there first."""
        return bool(
            Invite.update(used_at=now or utcnow(), user=user)
            .where((Invite.id == self.id) & Invite.used_at.is_null() & Invite.revoked_at.is_null())
            .execute()
        )


class PasswordReset(BaseModel):
    LIFETIME = timedelta(hours=24)

    user = ForeignKeyField(User, on_delete="CASCADE")
    token_hash = CharField(max_length=64, unique=True)
    created_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    created_at = DateTimeField(default=utcnow)
    expires_at = DateTimeField()
    used_at = DateTimeField(null=True)
    # When the person was told that staff made this link (at their next sign-in).
    notified_at = DateTimeField(null=True)

    class Meta:
        table_name = "password_resets"
        indexes = ((("user", "notified_at"), False),)

    @classmethod
    def issue(cls, user, created_by, now=None):
        now = now or utcnow()
        # A new link replaces any the person has not used yet.
        cls.update(used_at=now).where((cls.user == user) & cls.used_at.is_null()).execute()
        token = new_token()
        reset = cls.create(
            user=user,
            token_hash=token_digest(token),
            created_by=created_by,
            created_at=now,
            expires_at=now + cls.LIFETIME,
        )
        return reset, token

    @classmethod
    def open_by_token(cls, token, now=None):
        return cls.get_or_none(
            (cls.token_hash == token_digest(token or ""))
            & cls.used_at.is_null()
            & (cls.expires_at > (now or utcnow()))
        )

    @classmethod
    def unannounced_by_staff(cls, user, now=None):
        """Links staff made for `user` that they have not been told about; marks them told.

        The newest is returned, so the person hears of it once, whoever used it.
        """
        Staff = User.alias()
        query = (cls.select(cls, Staff).join(Staff, on=(cls.created_by == Staff.id))
                 .where((cls.user == user) & cls.notified_at.is_null()).order_by(cls.created_at.desc()))
        newest = query.first()
        if newest is not None:
            cls.update(notified_at=now or utcnow()).where(
                (cls.user == user) & cls.notified_at.is_null() & cls.created_by.is_null(False)
            ).execute()
        return newest

    def claim(self, now=None):
        return bool(
            PasswordReset.update(used_at=now or utcnow())
            .where((PasswordReset.id == self.id) & PasswordReset.used_at.is_null())
            .execute()
        )


class LoginFailure(BaseModel):
    """Failed sign-ins, kept in the database so every app server sees them."""

    key = CharField(max_length=300)
    at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "login_failures"
        indexes = (
            # Failures per key within the rate-limit window.
            (("key", "at"), False),
        )

    @classmethod
    def count_since(cls, key, since):
        return cls.select().where((cls.key == key) & (cls.at > since)).count()

    @classmethod
    def oldest_since(cls, key, since):
        return cls.select(fn.MIN(cls.at)).where((cls.key == key) & (cls.at > since)).scalar()

