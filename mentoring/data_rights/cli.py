"""Operator commands: run-deletions and retention (the worker runs both on every pass)."""

import click
from flask.cli import with_appcontext
from peewee import OperationalError

from .. import db
from ..clock import utcnow
from . import deletion, retention


def _connected(work):
    try:
        with db.database.connection_context():
            return work()
    except OperationalError as e:
        raise click.ClickException(f"database error: {e}".strip()) from None


@click.command("run-deletions")
@with_appcontext
def run_deletions_command():
    """Delete the accounts whose grace period is over."""
    done = _connected(lambda: deletion.run_due(utcnow()))
    click.echo(f"deleted {done} account(s)")


@click.command("retention")
@click.option("--dry-run", is_flag=True, help="Only print what would be deleted.")
@with_appcontext
def retention_command(dry_run):
    """Delete ended matches' messages, meeting notes and goal comments past the retention period."""
    now = utcnow()
    counts = _connected(lambda: retention.count_expired(now) if dry_run else retention.apply(now))
    verb = "would delete" if dry_run else "deleted"
    for kind in retention.KINDS:
        click.echo(f"{verb} {counts[kind]} {kind.replace('_', ' ')}")


def init_app(app):
    for command in (run_deletions_command, retention_command):
        app.cli.add_command(command)
