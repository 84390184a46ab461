"""The schema in one place: what the migrations build is what the models declare.

The suite's database is an empty one brought up by the migrations (SQLite, or
PostgreSQL with TEST_DATABASE_URL). Table by table, its columns (name,
nullability) and indexes (columns, uniqueness, partial or not) must equal the
models', so a query's index, or a unique index behind db.create_once, cannot
live in a migration alone.
"""

import pytest

from mentoring.db import BaseModel, database

# Tables the models do not describe: the migration runner's own record.
NOT_MODELS = {"schema_migration"}


def all_models(cls=BaseModel):
    for sub in cls.__subclasses__():
        yield sub
        yield from all_models(sub)


def concrete_models():
    """Every model with a table of its own; a base that others extend (meetings' Arrangement) has none."""
    return {m._meta.table_name: m for m in all_models() if not m.__subclasses__()}


def model_columns(model):
    return {f.column_name: f.null for f in model._meta.sorted_fields}


def model_indexes(model):
    indexes = set()
    for index in model._meta.fields_to_index():
        columns = tuple(e.column_name for e in index._expressions)
        indexes.add((columns, bool(index._unique), index._where is not None))
    return indexes


def database_columns(table):
    return {c.name: c.null for c in database.get_columns(table)}


def database_indexes(table, primary_key):
    indexes = set()
    for index in database.get_indexes(table):
        columns = tuple(c.strip('"') for c in index.columns)
        if columns == primary_key:
            continue
        indexes.add((columns, bool(index.unique), " WHERE " in index.sql.upper()))
    return indexes


@pytest.fixture
def schema(app):
    with app.app_context(), database.connection_context():
        yield set(database.get_tables())


def test_every_table_belongs_to_a_model_and_every_model_has_its_table(schema):
    assert schema - NOT_MODELS == set(concrete_models())


@pytest.mark.parametrize("table", sorted(concrete_models()))
def test_columns_match_the_model(schema, table):
    model = concrete_models()[table]
    assert database_columns(table) == model_columns(model)


@pytest.mark.parametrize("table", sorted(concrete_models()))
def test_indexes_match_the_model(schema, table):
    model = concrete_models()[table]
    primary_key = (model._meta.primary_key.column_name,)
    in_database, declared = database_indexes(table, primary_key), model_indexes(model)
    assert in_database - declared == set(), "made by a migration but not declared in the model's Meta"
    assert declared - in_database == set(), "declared in the model but missing in the database: add a migration"
