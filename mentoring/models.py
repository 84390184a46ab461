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

from .clock import utcnow
from .db import BaseModel, JSONField

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
    settings = JSONField(default=dict)
    created_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "programs"

    def setting(self, key):
        return (self.settings or {}).get(key, PROGRAM_DEFAULTS.get(key))

    def crisis_resources(self):
        return self.crisisresource_set.order_by(CrisisResource.position, CrisisResource.id)

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

    def get_id(self):
        return f"{self.id}.{self.session_token}"

    @classmethod
    def from_session_id(cls, value):
        user_id, _, token = (value or "").partition(".")
        if not user_id.isdigit() or not token:
            return None
        # The program comes along: most pages read its settings.
        user = (
            cls.select(cls, Program).join(Program)
            .where((cls.id == int(user_id)) & (cls.session_token == token))
            .first()
        )
        return user if user and user.is_active else None

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

    @property
    def is_active(self):
        return self.status == self.ACTIVE

    def has_member(self, user):
        return user.id in (self.mentor_id, self.mentee_id)

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
    def current_for(cls, match_id, user):
        """An active match this user belongs to, or None."""
        return cls.get_or_none(
            (cls.id == match_id)
            & (cls.status == cls.ACTIVE)
            & ((cls.mentor == user) | (cls.mentee == user))
        )


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

    class Meta:
        table_name = "password_resets"

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

    @classmethod
    def count_since(cls, key, since):
        return cls.select().where((cls.key == key) & (cls.at > since)).count()

    @classmethod
    def oldest_since(cls, key, since):
        return cls.select(fn.MIN(cls.at)).where((cls.key == key) & (cls.at > since)).scalar()


CORE_MODELS = (Program, CrisisResource, User, Match, Invite, PasswordReset, LoginFailure)
