"""One database for the whole app, SQLite or PostgreSQL, and its migrations.

Models bind to `database`, a proxy that `init_database` points at the real
thing. On PostgreSQL requests take a pooled connection and always give it
back. On SQLite each thread keeps its own connection open: opening one and
setting its pragmas cost more than a small request (1.2 ms, static files
included), and an idle connection in WAL mode holds no lock.
"""

import json
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from peewee import DatabaseProxy, IntegrityError, Model, SqliteDatabase, TextField
from playhouse.migrations import Runner
from playhouse.pool import PooledPostgresqlDatabase

MIGRATIONS = Path(__file__).parent / "migrations"
# Any constant works; it keeps two servers from migrating at the same time.
PG_MIGRATION_LOCK = 4_242_001

database = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class JSONField(TextField):
    """A dict kept as JSON text, portable across SQLite and PostgreSQL."""

    def db_value(self, value):
        return None if value is None else json.dumps(value, sort_keys=True)

    def python_value(self, value):
        return None if value is None else json.loads(value)


def create_once(model, unique, **fields):
    """Insert a row unless its unique key is taken; returns (row, created).

    For writes a person may send twice (a double tap, a retry after a lost
    answer): `unique` names a unique index, e.g. {"user": u, "client_id": c}.
    """
    try:
        with database.atomic():
            return model.create(**unique, **fields), True
    except IntegrityError:
        conditions = [getattr(model, name) == value for name, value in unique.items()]
        return model.get(*conditions), False


def open_database(url, pool_size=10, synchronous="FULL"):
    """`synchronous` (SQLite): FULL survives a power cut; NORMAL may lose the last commits."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = url[len("sqlite:///"):]
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        return SqliteDatabase(
            path,
            pragmas={
                "journal_mode": "wal",
                "foreign_keys": 1,
                "synchronous": synchronous.lower(),
                "busy_timeout": 10_000,
            },
            timeout=10,
            # Take the write lock at BEGIN, so two writers queue on the busy
            # timeout instead of failing when a reader tries to upgrade.
            lock_type="IMMEDIATE",
        )
    return PooledPostgresqlDatabase(
        unquote(parts.path.lstrip("/")),
        user=unquote(parts.username or "") or None,
        password=unquote(parts.password or "") or None,
        host=parts.hostname or None,
        port=parts.port or None,
        max_connections=pool_size,
        stale_timeout=300,
        timeout=10,
    )


def init_database(url, pool_size=10, synchronous="FULL"):
    db = open_database(url, pool_size, synchronous)
    database.initialize(db)
    return db


def is_postgres():
    return isinstance(database.obj, PooledPostgresqlDatabase)


def init_app(app):
    db = init_database(app.config["DATABASE_URL"], app.config["DATABASE_POOL_SIZE"],
                       app.config.get("SQLITE_SYNCHRONOUS", "FULL"))

    @app.before_request
    def _connect():
        database.connect(reuse_if_open=True)

    if isinstance(db, SqliteDatabase):
        # Kept open for the thread's next request (peewee's connection state is per thread).
        return

    @app.teardown_appcontext
    def _close(exc):
        if not database.is_closed():
            database.close()


@contextmanager
def migration_lock(db):
    """Serialise migrations across processes and machines."""
    if isinstance(db, PooledPostgresqlDatabase):
        db.execute_sql("SELECT pg_advisory_lock(%s)", (PG_MIGRATION_LOCK,))
        try:
            yield
        finally:
            db.execute_sql("SELECT pg_advisory_unlock(%s)", (PG_MIGRATION_LOCK,))
    else:
        # An exclusive transaction blocks other SQLite migrators; the runner's
        # own per-migration transactions nest inside it as savepoints.
        with db.atomic("EXCLUSIVE"):
            yield


def migration_runner(db=None, directory=MIGRATIONS):
    return Runner(db or database.obj, directory=str(directory))


def migrate(db=None, target=None, directory=MIGRATIONS):
    """Apply pending migrations in order; returns the names applied."""
    db = db or database.obj
    with db.connection_context(), migration_lock(db):
        return migration_runner(db, directory).up(target)


def pending_migrations(db=None):
    db = db or database.obj
    with db.connection_context():
        return [m.name for m in migration_runner(db).status() if not m.applied]
