"""Goals, their steps, progress ratings and comments.

Frozen copies of the goal models as they were when this ran first; the
tables they point at (programs, users, matches) are stubs, made by 0001.
"""

import datetime

from peewee import BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from mentoring.migrations import _frozen as frozen


def up(migrator, db):
    Base = frozen.base(db)
    Program, User, Match = frozen.stubs(Base, "programs", "users", "matches")

    class Goal(Base):
        program = ForeignKeyField(Program, on_delete="CASCADE")
        mentee = ForeignKeyField(User, backref="+", on_delete="CASCADE")
        created_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
        drafted_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
        client_id = CharField(max_length=64)
        title = CharField(max_length=120)
        measure = CharField(max_length=120, default="")
        target_date = DateField(null=True)
        support = TextField(default="")
        why = TextField(default="")
        area = CharField(max_length=20, default="")
        shared = BooleanField(default=True)
        status = CharField(max_length=12, default="active")
        reflection = TextField(default="")
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        updated_at = DateTimeField(default=datetime.datetime.utcnow)
        status_changed_at = DateTimeField(null=True)
        mentee_seen_at = DateTimeField(null=True)

        class Meta:
            table_name = "goals"
            indexes = (
                # The mentee's lists, newest move first; the mentor's view of shared goals.
                (("mentee", "status", "updated_at"), False),
                (("mentee", "shared", "status"), False),
                # Coordinator counts per program.
                (("program", "shared", "status"), False),
                (("created_by", "client_id"), True),
            )

    class Step(Base):
        goal = ForeignKeyField(Goal, on_delete="CASCADE")
        created_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
        client_id = CharField(max_length=64)
        title = CharField(max_length=120)
        due_date = DateField(null=True)
        position = IntegerField(default=0)
        is_suggestion = BooleanField(default=False)
        done_at = DateTimeField(null=True)
        created_at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            table_name = "goal_steps"
            indexes = (
                (("goal", "position"), False),
                (("created_by", "client_id"), True),
            )

    class Rating(Base):
        goal = ForeignKeyField(Goal, on_delete="CASCADE")
        created_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
        match = ForeignKeyField(Match, null=True, backref="+", on_delete="SET NULL")
        client_id = CharField(max_length=64)
        value = IntegerField()
        note = TextField(default="")
        created_at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            table_name = "goal_ratings"
            indexes = (
                (("goal", "created_at"), False),
                # Progress change per match, for evaluation.
                (("match", "goal"), False),
                (("created_by", "client_id"), True),
            )

    class Comment(Base):
        goal = ForeignKeyField(Goal, on_delete="CASCADE")
        author = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
        match = ForeignKeyField(Match, null=True, backref="+", on_delete="SET NULL")
        client_id = CharField(max_length=64)
        body = TextField()
        created_at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            table_name = "goal_comments"
            indexes = (
                (("goal", "created_at"), False),
                (("goal", "match", "created_at"), False),
                (("author", "client_id"), True),
            )

    db.create_tables([Goal, Step, Rating, Comment])
