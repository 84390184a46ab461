"""A program's country, so Get help now starts with its own crisis numbers.

Empty for programs made before: their coordinator chooses it on the crisis
resources page (their home screen reminds them).
"""

from peewee import SQL, CharField


def up(migrator, db):
    country = CharField(max_length=2)
    # NOT NULL with a DEFAULT in the DDL itself: SQLite adds the column in place,
    # where a later NOT NULL would rebuild "programs", which every table points at.
    country.constraints = [SQL("DEFAULT ''")]
    migrator.migrate(migrator.add_column("programs", "country", country, allow_not_null=True))
