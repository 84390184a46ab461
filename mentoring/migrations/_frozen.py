"""What every migration's frozen models share. Never change it: applied migrations use it.

    Base = frozen.base(db)
    User, Match = frozen.stubs(Base, "users", "matches")

A stub stands for a table a migration points at without owning it: it needs
only its name (and the implicit id) for a foreign key.
"""

from peewee import Model


def base(db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    return Base


def stubs(base_model, *tables):
    return tuple(
        type(f"Stub_{table}", (base_model,), {"Meta": type("Meta", (), {"table_name": table})})
        for table in tables
    )
