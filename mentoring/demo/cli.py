"""The demo's commands: `seed-demo` and `demo`, added by mentoring.cli when this package exists."""

import click
from flask import current_app
from flask.cli import with_appcontext
from werkzeug.serving import run_simple

from .. import db
from ..cli import connected, database_errors, require_migrated
from . import demo_logins, is_empty, seed_demo


def _print_logins(logins):
    click.echo("Demo logins (any of them, password shown):")
    for email, password, role in logins:
        click.echo(f"  {role:<12} {email:<26} {password}")


@click.command("seed-demo")
@with_appcontext
@connected
def seed_demo_command():
    """Fill an empty database with a demo program and print its logins."""
    require_migrated()
    if not is_empty():
        raise click.ClickException("the database already holds a program; the demo goes only into an empty one")
    _print_logins(seed_demo())


@click.command("demo")
@click.option("--port", default=5000, show_default=True)
@with_appcontext
@database_errors
def demo_command(port):
    """Migrate, seed the demo program if empty, and serve on 127.0.0.1."""
    db.migrate()
    with db.database.connection_context():
        logins = seed_demo() if is_empty() else demo_logins()
    if logins:
        _print_logins(logins)
    click.echo(f"Open http://127.0.0.1:{port} (stop with Ctrl+C)")
    # Not app.run(): inside the flask command it declines to block.
    run_simple("127.0.0.1", port, current_app._get_current_object(), threaded=True)


def init_app(app):
    for command in (seed_demo_command, demo_command):
        app.cli.add_command(command)
