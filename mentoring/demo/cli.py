"""The demo's commands: `seed-demo` and `demo`, added by mentoring.cli when this package exists."""

import click
from flask import current_app
from flask.cli import with_appcontext
from werkzeug.serving import run_simple

from .. import db
from ..cli import connected, database_errors, require_migrated
from ..config import ConfigError
from . import demo_logins, is_empty, seed_demo
from .push import demo_push_settings, key_folder, start_worker


def _print_logins(logins):
    click.echo("Demo logins (any of them, password shown):")
    for email, password, role, lead in logins:
        line = f"  {role:<12} {email:<26} {password}"
        click.echo(f"{line}   also the safeguarding lead: risk alerts go to them" if lead else line)


def _refuse_in_production():
    # The demo's lead has a published password.
    if current_app.config["MENTORING_ENV"] == "production":
        raise click.ClickException("the demo is for trying the app; it never runs in production mode")


@click.command("seed-demo")
@with_appcontext
@connected
def seed_demo_command():
    """Fill an empty database with a demo program and print its logins."""
    _refuse_in_production()
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
    _refuse_in_production()
    db.migrate()
    with db.database.connection_context():
        logins = seed_demo() if is_empty() else demo_logins()
    if logins:
        _print_logins(logins)
    _demo_notifications(current_app._get_current_object())
    click.echo(f"Open http://127.0.0.1:{port} (stop with Ctrl+C)")
    # Not app.run(): inside the flask command it declines to block.
    run_simple("127.0.0.1", port, current_app._get_current_object(), threaded=True)


def _demo_notifications(app):
    """Push keys (the operator's, else the demo's own), a worker to send, and how to try it."""
    if app.config.get("VAPID_PRIVATE_KEY"):
        where = "with the VAPID keys set in the environment"
    else:
        try:
            settings, made = demo_push_settings(app.instance_path)
        except ConfigError as e:
            raise click.ClickException(
                f"{e} (in {key_folder(app.instance_path)}: move it away to make new keys)") from None
        app.config.update(settings)
        where = (f"{'made' if made else 'reusing'} VAPID keys for the demo, "
                 f"kept in {key_folder(app.instance_path)}")
    try:
        start_worker(app)
    except ConfigError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"Notifications are on, {where}.")
    click.echo("  To try them: sign in, open your account, then Notifications, turn them on and send a test.")
    click.echo("  Reminders and message alerts are sent while the demo runs.")


def init_app(app):
    for command in (seed_demo_command, demo_command):
        app.cli.add_command(command)
