"""Commands for operators: `flask --app app <command>`.

Wrong input ends with one clear line and a non-zero exit, never a traceback.
"""

from functools import wraps
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from werkzeug.serving import run_simple
from peewee import OperationalError

from . import db
from .backup import BackupError, backup_sqlite
from .clock import is_timezone
from .config import ConfigError
from .demo import default_program, demo_logins, is_empty, seed_demo
from .demo.push import demo_push_settings, key_folder, start_worker
from .forms import PASSWORD_MAX, PASSWORD_MIN
from .models import COORDINATOR, ROLES, Program, User
from .people.matching import MatchError, create_match


def _database_errors(command):
    """Turn a database that can't be reached into one readable line."""

    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except OperationalError as e:
            raise click.ClickException(f"database error: {e}".strip()) from None

    return wrapper


def _connected(command):
    @wraps(command)
    def wrapper(*args, **kwargs):
        with db.database.connection_context():
            return command(*args, **kwargs)

    return _database_errors(wrapper)


def _require_migrated():
    pending = db.pending_migrations()
    if pending:
        raise click.ClickException(
            f"the database needs migrating first ({len(pending)} pending): flask --app app migrate"
        )


@click.command("migrate")
@_database_errors
def migrate_command():
    """Apply pending database migrations."""
    applied = db.migrate()
    if applied:
        for name in applied:
            click.echo(f"applied {name}")
    else:
        click.echo("database is up to date")


def _validate_password(password):
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        raise click.BadParameter(f"use {PASSWORD_MIN} to {PASSWORD_MAX} characters", param_hint="--password")
    return password


@click.command("create-user")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", required=True, type=click.Choice(ROLES))
@click.option("--password", help="Prompted for, hidden, when left out.")
@click.option("--timezone", "tz", help="IANA time zone, e.g. Europe/London (default: the program's).")
@click.option("--lead", is_flag=True, help="Make a coordinator the safeguarding lead.")
@click.option("--program", "program_id", type=int, help="Program id (default: the first program).")
@_connected
def create_user_command(email, name, role, password, tz, lead, program_id):
    """Create a person who can sign in straight away."""
    _require_migrated()
    email = User.normalize_email(email)
    if "@" not in email or len(email) > 254:
        raise click.BadParameter("expected an email address", param_hint="--email")
    name = name.strip()
    if not name or len(name) > 80:
        raise click.BadParameter("use 1 to 80 characters", param_hint="--name")
    if tz and not is_timezone(tz):
        raise click.BadParameter(f"unknown time zone {tz!r}", param_hint="--timezone")
    if lead and role != COORDINATOR:
        raise click.BadParameter("only a coordinator can be the safeguarding lead", param_hint="--lead")
    if User.email_taken(email):
        raise click.ClickException(f"someone with the email {email} already exists")
    if program_id is not None:
        program = Program.get_or_none(Program.id == program_id)
        if program is None:
            raise click.BadParameter(f"no program with id {program_id}", param_hint="--program")
    else:
        program = default_program()
    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    _validate_password(password)
    with db.database.atomic():
        user = User(program=program, email=email, name=name, role=role,
                    timezone=tz or program.timezone, is_safeguarding_lead=lead,
                    mentor_capacity=program.setting("mentor_capacity"))
        user.set_password(password)
        user.save()
    click.echo(f"created {role} {email} in {program.name}")


@click.command("match")
@click.argument("mentor_email")
@click.argument("mentee_email")
@_connected
def match_command(mentor_email, mentee_email):
    """Pair a mentor with a mentee."""
    _require_migrated()
    mentor = User.by_email(mentor_email)
    mentee = User.by_email(mentee_email)
    if mentor is None:
        raise click.ClickException(f"no one with the email {mentor_email}")
    if mentee is None:
        raise click.ClickException(f"no one with the email {mentee_email}")
    try:
        match = create_match(mentor, mentee)
    except MatchError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"matched {mentor.email} with {mentee.email} (match {match.id})")


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
@_connected
def seed_demo_command():
    """Fill an empty database with a demo program and print its logins."""
    _refuse_in_production()
    _require_migrated()
    if not is_empty():
        raise click.ClickException("the database already holds a program; the demo goes only into an empty one")
    _print_logins(seed_demo())


@click.command("demo")
@click.option("--port", default=5000, show_default=True)
@with_appcontext
@_database_errors
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


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup_command(path):
    """Copy the SQLite database to PATH while the app runs, and check the copy."""
    url = current_app.config["DATABASE_URL"]
    if not url.startswith("sqlite:///"):
        raise click.ClickException(
            "this database is PostgreSQL: back it up with pg_dump (see \"Backups\" in README.md)")
    source = url[len("sqlite:///"):]
    if source == ":memory:":
        raise click.ClickException("an in-memory database cannot be backed up")
    try:
        size = backup_sqlite(source, path)
    except (BackupError, OSError) as e:
        raise click.ClickException(f"backup failed: {e}") from None
    click.echo(f"backup: {path} ({size / 1_000_000:.1f} MB), integrity check ok")


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
    for command in (migrate_command, create_user_command, match_command, seed_demo_command, demo_command,
                    backup_command):
        app.cli.add_command(command)

