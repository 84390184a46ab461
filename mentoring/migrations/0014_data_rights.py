"""Deletion requests: a person asks, a coordinator confirms or the grace period ends.

Frozen copies of the models as they were when this ran first.
"""

import datetime

from peewee import CharField, DateTimeField, ForeignKeyField

from mentoring.migrations import _frozen as frozen


def up(migrator, db):
    Base = frozen.base(db)
    (User,) = frozen.stubs(Base, "users")

    class DeletionRequest(Base):
        user = ForeignKeyField(User, on_delete="CASCADE")
        requested_at = DateTimeField(default=datetime.datetime.utcnow)
        due_at = DateTimeField()
        status = CharField(max_length=12, default="pending")
        confirmed_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
        cancelled_at = DateTimeField(null=True)
        completed_at = DateTimeField(null=True)

        class Meta:
            table_name = "deletion_requests"
            indexes = ((("status", "due_at"), False),)

    db.create_tables([DeletionRequest])
    db.execute_sql(
        "CREATE UNIQUE INDEX deletion_requests_one_pending ON deletion_requests (user_id) "
        "WHERE status = 'pending'"
    )
