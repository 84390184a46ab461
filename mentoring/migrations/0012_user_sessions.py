"""One row per signed-in device, so signing out ends that session on the server;
and a note of when a person was told that staff made a password link for them.

Frozen copies of the models as they were when this ran first.
"""

import datetime

from peewee import CharField, DateTimeField, ForeignKeyField

from mentoring.migrations import _frozen as frozen


def up(migrator, db):
    Base = frozen.base(db)
    (User,) = frozen.stubs(Base, "users")

    class UserSession(Base):
        user = ForeignKeyField(User, on_delete="CASCADE")
        secret_hash = CharField(max_length=64, unique=True)
        user_token = CharField(max_length=64)
        user_agent = CharField(max_length=200, default="")
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        ended_at = DateTimeField(null=True)

        class Meta:
            table_name = "user_sessions"
            indexes = ((("user", "ended_at"), False),)

    db.create_tables([UserSession])
    migrator.migrate(
        migrator.add_column("password_resets", "notified_at", DateTimeField(null=True)),
        migrator.add_index("password_resets", ("user_id", "notified_at"), False),
    )
    # Links made before this ran are not news to anyone.
    db.execute_sql("UPDATE password_resets SET notified_at = created_at")
