"""Mood check-ins, questionnaire answers, safety plans and the mentee's sharing choices.

Frozen copies of the models as they were when this ran first.
"""

import datetime

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    SmallIntegerField,
    TextField,
)

from mentoring.migrations import _frozen as frozen


def up(migrator, db):
    Base = frozen.base(db)
    (User,) = frozen.stubs(Base, "users")

    class MoodSharing(Base):
        user = ForeignKeyField(User, on_delete="CASCADE", unique=True)
        share_checkins = BooleanField(default=False)
        share_measures = BooleanField(default=False)
        chosen_at = DateTimeField(null=True)
        updated_at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            table_name = "mood_sharing"

    class CheckIn(Base):
        user = ForeignKeyField(User, on_delete="CASCADE")
        client_id = CharField(max_length=64)
        at = DateTimeField()
        local_date = DateField()
        mood = SmallIntegerField()
        energy = SmallIntegerField(null=True)
        sleep_hours = FloatField(null=True)
        sleep_quality = SmallIntegerField(null=True)
        note = TextField(default="")
        note_shared = BooleanField(default=False)
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        updated_at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            table_name = "checkins"
            indexes = (
                (("user", "client_id"), True),
                (("user", "local_date"), False),
                (("user", "at"), False),
            )

    class CheckInTag(Base):
        checkin = ForeignKeyField(CheckIn, on_delete="CASCADE")
        kind = CharField(max_length=10)
        name = CharField(max_length=40)

        class Meta:
            table_name = "checkin_tags"
            indexes = ((("checkin", "kind", "name"), True),)

    class MeasureResponse(Base):
        user = ForeignKeyField(User, on_delete="CASCADE")
        client_id = CharField(max_length=64)
        measure = CharField(max_length=10)
        answers = TextField()
        score = IntegerField(null=True)
        taken_at = DateTimeField(default=datetime.datetime.utcnow)
        local_date = DateField()

        class Meta:
            table_name = "measure_responses"
            indexes = (
                (("user", "client_id"), True),
                (("user", "measure", "taken_at"), False),
            )

    class SafetyPlan(Base):
        user = ForeignKeyField(User, on_delete="CASCADE", unique=True)
        warning_signs = TextField(default="")
        coping = TextField(default="")
        distractions = TextField(default="")
        helpers = TextField(default="")
        professionals = TextField(default="")
        environment = TextField(default="")
        reasons = TextField(default="")
        shared = BooleanField(default=False)
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        updated_at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            table_name = "safety_plans"

    # Only the new tables: `users` exists already.
    db.create_tables([MoodSharing, CheckIn, CheckInTag, MeasureResponse, SafetyPlan])
