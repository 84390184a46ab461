"""Meetings: single meetings, recurring series and their exceptions, notes,
calendar feeds and each person's choice of meeting reminders.

Frozen copies of the models as they were when this ran first.
"""

import datetime

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

from mentoring.migrations import _frozen as frozen


def up(migrator, db):
    Base = frozen.base(db)
    User, Match = frozen.stubs(Base, "users", "matches")

    def arrangement():
        return {
            "match": ForeignKeyField(Match, backref="+", on_delete="CASCADE"),
            "timezone": CharField(max_length=64),
            "duration": IntegerField(default=60),
            "mode": CharField(max_length=12, default="in_person"),
            "place": CharField(max_length=200, default=""),
            "link": CharField(max_length=500, default=""),
            "agenda": TextField(default=""),
            "status": CharField(max_length=12, default="proposed"),
            "proposed_by": ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL"),
            "client_id": CharField(max_length=64, null=True),
            "attention": ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL"),
            "change_note": CharField(max_length=200, default=""),
            "changed_by": ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL"),
            "changed_at": DateTimeField(null=True),
            "created_at": DateTimeField(default=datetime.datetime.utcnow),
        }

    MeetingSeries = type("MeetingSeries", (Base,), {
        **arrangement(),
        "rule": CharField(max_length=12),
        "first_date": DateField(),
        "start_time": TimeField(),
        "ends_at": DateTimeField(null=True),
        "reminded_through": DateTimeField(null=True),
        "Meta": type("Meta", (), {
            "table_name": "meeting_series",
            "indexes": (
                (("match", "status"), False),
                (("proposed_by", "client_id"), True),
                (("attention", "status"), False),
                (("status", "ends_at"), False),
            ),
        }),
    })

    Meeting = type("Meeting", (Base,), {
        **arrangement(),
        "series": ForeignKeyField(MeetingSeries, null=True, backref="+", on_delete="CASCADE"),
        "occurrence_date": DateField(null=True),
        "starts_at": DateTimeField(),
        "outcome": CharField(max_length=12, default=""),
        "outcome_by": ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL"),
        "outcome_at": DateTimeField(null=True),
        "logged": BooleanField(default=False),
        "Meta": type("Meta", (), {
            "table_name": "meetings",
            "indexes": (
                (("match", "starts_at"), False),
                (("match", "outcome", "starts_at"), False),
                (("series", "occurrence_date"), True),
                (("proposed_by", "client_id"), True),
                (("attention", "status"), False),
            ),
        }),
    })

    class MeetingNote(Base):
        meeting = ForeignKeyField(Meeting, backref="+", on_delete="CASCADE")
        author = ForeignKeyField(User, backref="+", on_delete="CASCADE")
        private = BooleanField(default=False)
        body = TextField()
        client_id = CharField(max_length=64)
        created_at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            table_name = "meeting_notes"
            indexes = (
                (("meeting", "created_at"), False),
                (("author", "client_id"), True),
            )

    class CalendarFeed(Base):
        user = ForeignKeyField(User, backref="+", on_delete="CASCADE", unique=True)
        token_hash = CharField(max_length=64, unique=True)
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        last_fetched_at = DateTimeField(null=True)

        class Meta:
            table_name = "calendar_feeds"

    class ReminderChoice(Base):
        user = ForeignKeyField(User, backref="+", on_delete="CASCADE", unique=True)
        minutes = CharField(max_length=100, default="")
        updated_at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            table_name = "meeting_reminder_choices"

    db.create_tables([MeetingSeries, Meeting, MeetingNote, CalendarFeed, ReminderChoice])
