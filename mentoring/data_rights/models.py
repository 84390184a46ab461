"""A person's request to have their account deleted, and what became of it."""

from peewee import CharField, DateTimeField, ForeignKeyField

from ..clock import utcnow
from ..db import BaseModel
from ..models import User


class DeletionRequest(BaseModel):
    PENDING, CANCELLED, DONE = "pending", "cancelled", "done"

    # The user row outlives the deletion (anonymised), so the record of it stays.
    user = ForeignKeyField(User, backref="+", on_delete="CASCADE")
    requested_at = DateTimeField(default=utcnow)
    # When it completes by itself if no coordinator confirms it sooner.
    due_at = DateTimeField()
    status = CharField(max_length=12, default=PENDING)
    confirmed_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    cancelled_at = DateTimeField(null=True)
    completed_at = DateTimeField(null=True)

    class Meta:
        table_name = "deletion_requests"
        indexes = (
            # The worker's due requests; the coordinators' list.
            (("status", "due_at"), False),
        )

    @property
    def is_pending(self):
        return self.status == self.PENDING


# One open request per person: a double tap on "Delete my account" makes one.
DeletionRequest.add_index(DeletionRequest.index(DeletionRequest.user, unique=True,
                                                name="deletion_requests_one_pending")
                          .where(DeletionRequest.status == DeletionRequest.PENDING))

DATA_RIGHTS_MODELS = (DeletionRequest,)
