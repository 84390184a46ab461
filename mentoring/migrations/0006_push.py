"""Web push: devices, reminder settings, the delivery log, and claims on the outbox.

Frozen copies of the models as they were when this ran first.
"""

import datetime

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TimeField

from mentoring.migrations import _frozen as frozen


def up(migrator, db):
    Base = frozen.base(db)
    User, Notification = frozen.stubs(Base, "users", "notifications")

    class Subscription(Base):
        user = ForeignKeyField(User, on_delete="CASCADE")
        endpoint = CharField(max_length=1000, unique=True)
        p256dh = CharField(max_length=200)
        auth = CharField(max_length=100)
        device_name = CharField(max_length=60)
        created_at = DateTimeField(default=datetime.datetime.utcnow)
        last_success_at = DateTimeField(null=True)
        last_failure_at = DateTimeField(null=True)

        class Meta:
            table_name = "push_subscriptions"
            indexes = ((("user", "created_at"), False),)

    class PushPreference(Base):
        user = ForeignKeyField(User, on_delete="CASCADE", unique=True)
        quiet_start = TimeField(null=True)
        quiet_end = TimeField(null=True)
        daily_cap = IntegerField(default=5)
        checkin_time = TimeField(null=True, index=True)
        updated_at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            table_name = "push_preferences"

    class DeliveryAttempt(Base):
        notification = ForeignKeyField(Notification, null=True, on_delete="SET NULL")
        subscription = ForeignKeyField(Subscription, null=True, on_delete="SET NULL")
        user = ForeignKeyField(User, on_delete="CASCADE")
        origin = CharField(max_length=200)
        status_code = IntegerField(null=True)
        outcome = CharField(max_length=12)
        error = CharField(max_length=300, default="")
        duration_ms = IntegerField(default=0)
        at = DateTimeField(default=datetime.datetime.utcnow, index=True)

        class Meta:
            table_name = "push_attempts"

    migrator.migrate(
        migrator.add_column("notifications", "claim_token", CharField(max_length=64, null=True)),
        migrator.add_column("notifications", "expires_at", DateTimeField(null=True)),
        migrator.add_column("notifications", "key", CharField(max_length=64, null=True)),
        migrator.add_column("notifications", "opened_at", DateTimeField(null=True)),
        migrator.add_column("notifications", "handled_at", DateTimeField(null=True)),
        # One row per producer key: workers racing to make the same reminder make one.
        migrator.add_index("notifications", ("user_id", "key"), unique=True),
        # Collapsing by topic, cancel_pending(topic), and today's count for the daily cap.
        migrator.add_index("notifications", ("user_id", "topic", "status")),
        migrator.add_index("notifications", ("topic", "status")),
        migrator.add_index("notifications", ("user_id", "status", "sent_at")),
    )
    db.create_tables([Subscription, PushPreference, DeliveryAttempt])
