"""Meetings between a match's two people: single ones, recurring series, notes.

A series stores its rule (local wall-clock time in an IANA zone) and only
its exceptions: an occurrence that was moved, skipped, marked or written
about becomes a Meeting row pointing back at the series and the local date
it replaced. Everything else is expanded in Python for a bounded window.
"""

from datetime import datetime, timedelta

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
    TimeField,
)

from ..clock import to_utc, utcnow
from ..db import BaseModel
from ..models import Match, User

PROPOSED, CONFIRMED, CANCELLED = "proposed", "confirmed", "cancelled"
IN_PERSON, PHONE, VIDEO = "in_person", "phone", "video"
HAPPENED, MISSED = "happened", "missed"
ONCE, WEEKLY, FORTNIGHTLY, MONTHLY = "once", "weekly", "fortnightly", "monthly"


class Arrangement(BaseModel):
    """What a single meeting and a series share: how, how long, who asked."""

    match = ForeignKeyField(Match, backref="+", on_delete="CASCADE")
    timezone = CharField(max_length=64)
    duration = IntegerField(default=60)  # minutes
    mode = CharField(max_length=12, default=IN_PERSON)
    place = CharField(max_length=200, default="")
    link = CharField(max_length=500, default="")
    agenda = TextField(default="")
    status = CharField(max_length=12, default=PROPOSED)
    proposed_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    client_id = CharField(max_length=64, null=True)
    # Who has something to answer or to see (a proposal, a change); cleared
    # when they have. Drives the cards on home screens.
    attention = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    change_note = CharField(max_length=200, default="")
    changed_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    changed_at = DateTimeField(null=True)
    created_at = DateTimeField(default=utcnow)

    @property
    def is_cancelled(self):
        return self.status == CANCELLED


class MeetingSeries(Arrangement):
    rule = CharField(max_length=12)
    first_date = DateField()  # local date of the first occurrence
    start_time = TimeField(formats=["%H:%M:%S", "%H:%M"])  # local wall-clock time
    # Occurrences starting at or after this moment (UTC) are not part of it:
    # the series was ended, or split when its time changed.
    ends_at = DateTimeField(null=True)
    # Start (UTC) of the occurrence whose reminders are queued: the claim that
    # keeps two workers from queueing the same ones.
    reminded_through = DateTimeField(null=True)

    class Meta:
        table_name = "meeting_series"
        indexes = (
            (("match", "status"), False),
            (("proposed_by", "client_id"), True),
            (("attention", "status"), False),
            (("status", "ends_at"), False),
        )

    @property
    def ref(self):
        return f"s{self.id}"

    @property
    def topic(self):
        return f"series-{self.id}"

    def occurrence_start(self, day):
        return to_utc(datetime.combine(day, self.start_time), self.timezone)

    def occurrence(self, day):
        """The occurrence on local `day` as an unsaved Meeting."""
        return Meeting(
            match=self.match_id, series=self, occurrence_date=day,
            starts_at=self.occurrence_start(day), timezone=self.timezone,
            duration=self.duration, mode=self.mode, place=self.place, link=self.link,
            agenda=self.agenda, status=self.status, proposed_by=self.proposed_by_id,
            created_at=self.created_at,
        )


class Meeting(Arrangement):
    """A single meeting, or one occurrence of a series that has a story of its own."""

    series = ForeignKeyField(MeetingSeries, null=True, backref="+", on_delete="CASCADE")
    occurrence_date = DateField(null=True)  # the series' local date it stands for
    starts_at = DateTimeField()  # UTC
    outcome = CharField(max_length=12, default="")  # "", happened, missed
    outcome_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    outcome_at = DateTimeField(null=True)
    logged = BooleanField(default=False)  # written down after the fact

    class Meta:
        table_name = "meetings"
        indexes = (
            (("match", "starts_at"), False),
            (("match", "outcome", "starts_at"), False),
            (("series", "occurrence_date"), True),
            (("proposed_by", "client_id"), True),
            (("attention", "status"), False),
        )

    @property
    def ref(self):
        if self.id:
            return str(self.id)
        return f"s{self.series_id}-{self.occurrence_date:%Y%m%d}"

    @property
    def topic(self):
        """Reminders of a series occurrence travel under the series' topic."""
        return f"series-{self.series_id}" if self.series_id else f"meeting-{self.id}"

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration)

    @property
    def is_virtual(self):
        return self.id is None


class MeetingNote(BaseModel):
    meeting = ForeignKeyField(Meeting, backref="+", on_delete="CASCADE")
    author = ForeignKeyField(User, backref="+", on_delete="CASCADE")
    private = BooleanField(default=False)  # only its author ever sees it
    body = TextField()
    client_id = CharField(max_length=64)
    created_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "meeting_notes"
        indexes = (
            (("meeting", "created_at"), False),
            (("author", "client_id"), True),
        )


class CalendarFeed(BaseModel):
    """A person's private calendar address; only a digest of its token is kept."""

    user = ForeignKeyField(User, backref="+", on_delete="CASCADE", unique=True)
    token_hash = CharField(max_length=64, unique=True)
    created_at = DateTimeField(default=utcnow)
    last_fetched_at = DateTimeField(null=True)

    class Meta:
        table_name = "calendar_feeds"


class ReminderChoice(BaseModel):
    """How long before a meeting a person wants to be reminded (minutes, "1440,60")."""

    user = ForeignKeyField(User, backref="+", on_delete="CASCADE", unique=True)
    minutes = CharField(max_length=100, default="")
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "meeting_reminder_choices"

    @property
    def offsets(self):
        return tuple(int(m) for m in self.minutes.split(",") if m.strip().isdigit())

