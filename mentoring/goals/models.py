"""A mentee's goals, their steps, progress ratings and the talk about them.

A goal belongs to its mentee. A shared goal is seen by the mentee's current
mentor; a private one by nobody else. Ratings and comments remember the match
they were made in, so a mentor sees only their own conversation and
evaluation can measure progress per match.
"""

from peewee import BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from ..clock import utcnow
from ..db import BaseModel
from ..models import Match, Program, User

TITLE_MAX = 120
MEASURE_MAX = 120
TEXT_MAX = 500  # support, why
STEP_MAX = 120
NOTE_MAX = 280  # a rating's note: short on purpose
COMMENT_MAX = 1000
REFLECTION_MAX = 1000
STEPS_PER_GOAL = 30


class Goal(BaseModel):
    DRAFT, ACTIVE, ACHIEVED, PAUSED, LET_GO = "draft", "active", "achieved", "paused", "let_go"
    STATUSES = (DRAFT, ACTIVE, ACHIEVED, PAUSED, LET_GO)
    OPEN = (ACTIVE, PAUSED)
    DONE = (ACHIEVED, LET_GO)

    program = ForeignKeyField(Program, backref="+", on_delete="CASCADE")
    mentee = ForeignKeyField(User, backref="+", on_delete="CASCADE")
    # Who wrote it first: the mentee, or a mentor drafting it with them.
    created_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    drafted_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    client_id = CharField(max_length=64)
    title = CharField(max_length=TITLE_MAX)
    measure = CharField(max_length=MEASURE_MAX, default="")
    target_date = DateField(null=True)
    support = TextField(default="")
    why = TextField(default="")
    area = CharField(max_length=20, default="")
    shared = BooleanField(default=True)
    status = CharField(max_length=12, default=ACTIVE)
    reflection = TextField(default="")
    created_at = DateTimeField(default=utcnow)
    # The mentee's last move on it (edit, step, rating, status): "last update".
    updated_at = DateTimeField(default=utcnow)
    status_changed_at = DateTimeField(null=True)
    # When the mentee last opened it; comments after this are new to them.
    mentee_seen_at = DateTimeField(null=True)

    class Meta:
        table_name = "goals"
        indexes = (
            # The mentee's lists, newest move first; the mentor's view of shared goals.
            (("mentee", "status", "updated_at"), False),
            (("mentee", "shared", "status"), False),
            # Coordinator counts per program.
            (("program", "shared", "status"), False),
            # create_once: a double tap makes one goal.
            (("created_by", "client_id"), True),
        )

    @property
    def is_draft(self):
        return self.status == self.DRAFT

    @property
    def is_open(self):
        return self.status in self.OPEN


class Step(BaseModel):
    goal = ForeignKeyField(Goal, backref="steps", on_delete="CASCADE")
    created_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    client_id = CharField(max_length=64)
    title = CharField(max_length=STEP_MAX)
    due_date = DateField(null=True)
    position = IntegerField(default=0)
    # A mentor's suggestion stays one until the mentee takes it on.
    is_suggestion = BooleanField(default=False)
    done_at = DateTimeField(null=True)
    created_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "goal_steps"
        indexes = (
            (("goal", "position"), False),
            # create_once: a double tap makes one step.
            (("created_by", "client_id"), True),
        )

    @property
    def is_done(self):
        return self.done_at is not None


class Rating(BaseModel):
    """How far along the mentee feels, 0-10 (Goal-Based Outcomes style)."""

    goal = ForeignKeyField(Goal, backref="ratings", on_delete="CASCADE")
    created_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    match = ForeignKeyField(Match, null=True, backref="+", on_delete="SET NULL")
    client_id = CharField(max_length=64)
    value = IntegerField()
    note = TextField(default="")
    created_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "goal_ratings"
        indexes = (
            (("goal", "created_at"), False),
            # First and last rating of a goal within a match (migration 0008).
            (("match", "goal", "id"), False),
            # create_once: a double tap makes one rating.
            (("created_by", "client_id"), True),
        )


class Comment(BaseModel):
    goal = ForeignKeyField(Goal, backref="comments", on_delete="CASCADE")
    author = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    match = ForeignKeyField(Match, null=True, backref="+", on_delete="SET NULL")
    client_id = CharField(max_length=64)
    body = TextField()
    created_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "goal_comments"
        indexes = (
            (("goal", "created_at"), False),
            (("goal", "match", "created_at"), False),
            # create_once: a double tap makes one comment.
            (("author", "client_id"), True),
        )

