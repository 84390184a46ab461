"""What a mentee records: check-ins, questionnaire answers, a safety plan, who may see them."""

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

from ..clock import utcnow
from ..db import BaseModel, JSONField
from ..models import User


class MoodSharing(BaseModel):
    """The mentee's own choices about what their mentor sees.

    No row (or chosen_at empty) means they have not been asked yet: nothing
    is shared until they choose.
    """

    user = ForeignKeyField(User, backref="+", on_delete="CASCADE", unique=True)
    share_checkins = BooleanField(default=False)
    share_measures = BooleanField(default=False)
    chosen_at = DateTimeField(null=True)
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "mood_sharing"


class CheckIn(BaseModel):
    user = ForeignKeyField(User, backref="+", on_delete="CASCADE")
    client_id = CharField(max_length=64)
    # The moment it is about (it may be set back), in naive UTC...
    at = DateTimeField()
    # ...and the person's own calendar day at that moment, fixed when saved,
    # so days, weeks and months group in SQL without time-zone arithmetic.
    local_date = DateField()
    mood = SmallIntegerField()
    energy = SmallIntegerField(null=True)
    sleep_hours = FloatField(null=True)
    sleep_quality = SmallIntegerField(null=True)
    note = TextField(default="")
    note_shared = BooleanField(default=False)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "checkins"
        indexes = (
            (("user", "client_id"), True),
            (("user", "local_date"), False),
            (("user", "at"), False),
        )


class CheckInTag(BaseModel):
    """An emotion or activity that came with a check-in."""

    EMOTION, ACTIVITY = "emotion", "activity"

    checkin = ForeignKeyField(CheckIn, backref="tags", on_delete="CASCADE")
    kind = CharField(max_length=10)
    name = CharField(max_length=40)

    class Meta:
        table_name = "checkin_tags"
        indexes = ((("checkin", "kind", "name"), True),)


class MeasureResponse(BaseModel):
    """One completed questionnaire (PHQ-9, GAD-7...)."""

    user = ForeignKeyField(User, backref="+", on_delete="CASCADE")
    client_id = CharField(max_length=64)
    measure = CharField(max_length=10)
    answers = JSONField()
    # The total as the measure reports it (WHO-5 as a percentage); None when
    # the measure reports each item alone (ONS4).
    score = IntegerField(null=True)
    taken_at = DateTimeField(default=utcnow)
    local_date = DateField()

    class Meta:
        table_name = "measure_responses"
        indexes = (
            (("user", "client_id"), True),
            (("user", "measure", "taken_at"), False),
        )


class SafetyPlan(BaseModel):
    """A Stanley-Brown safety plan, in the mentee's own words."""

    SECTIONS = ("warning_signs", "coping", "distractions", "helpers", "professionals", "environment", "reasons")

    user = ForeignKeyField(User, backref="+", on_delete="CASCADE", unique=True)
    warning_signs = TextField(default="")
    coping = TextField(default="")
    distractions = TextField(default="")
    helpers = TextField(default="")
    professionals = TextField(default="")
    environment = TextField(default="")
    reasons = TextField(default="")
    shared = BooleanField(default=False)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "safety_plans"

    def is_empty(self):
        return not any((getattr(self, name) or "").strip() for name in self.SECTIONS)

