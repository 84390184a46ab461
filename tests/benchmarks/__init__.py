"""Benchmarks: run as modules (python -m tests.benchmarks.<name>), never collected as tests."""


def scratch_postgres(server, prefix):
    """A fresh database on the PostgreSQL server at `server`: (its URL, drop())."""
    import os
    from urllib.parse import urlsplit, urlunsplit

    import psycopg2

    name = f"{prefix}_{os.getpid()}"
    admin_url = urlunsplit(urlsplit(server)._replace(path="/postgres"))

    def admin(sql):
        conn = psycopg2.connect(admin_url)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(sql)
        conn.close()

    admin(f'CREATE DATABASE "{name}"')
    return urlunsplit(urlsplit(server)._replace(path=f"/{name}")), lambda: admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
