"""Operator commands: vapid-keys, worker (a loop) and send-due (one pass, for cron)."""

import logging
import os
import signal
import threading
from datetime import timedelta
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from peewee import OperationalError

from .. import db
from ..clock import utcnow
from ..config import ConfigError
from . import keys as vapid
from .sender import Sender
from .worker import TIMEOUT_RETRIES, Worker, prune

log = logging.getLogger(__name__)
PRUNE_EVERY = timedelta(hours=1)


@click.command("vapid-keys")
@click.option("--subject", default="mailto:you@example.org", show_default=True,
              help="A mailto: address push services can write to if something goes wrong.")
@click.option("--dir", "directory", type=click.Path(file_okay=False, path_type=Path),
              help="Write the keys into files in this folder, for VAPID_*_FILE, instead of printing them.")
@with_appcontext
def vapid_keys_command(subject, directory):
    """Make a VAPID key pair for web push and show how to configure it."""
    if not subject.startswith("mailto:") or "@" not in subject:
        raise click.BadParameter("expected mailto:someone@example.org", param_hint="--subject")
    private, public = vapid.generate()
    if directory:
        directory.mkdir(parents=True, exist_ok=True)
        private_path, public_path = directory / "vapid_private_key", directory / "vapid_public_key"
        for path in (private_path, public_path):
            if path.exists():
                raise click.ClickException(f"{path} exists already: keep it, or move it away first")
        fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(private + "\n")
        public_path.write_text(public + "\n")
        settings = [f"VAPID_PRIVATE_KEY_FILE={private_path.resolve()}",
                    f"VAPID_PUBLIC_KEY_FILE={public_path.resolve()}", f"VAPID_SUBJECT={subject}"]
    else:
        settings = [f"VAPID_PRIVATE_KEY={private}", f"VAPID_PUBLIC_KEY={public}", f"VAPID_SUBJECT={subject}"]
    click.echo("Set these for the app and every worker (environment, or a systemd EnvironmentFile):\n")
    for line in settings:
        click.echo(f"  {line}")
    click.echo(
        "\nKeep the private key secret and keep it for good: devices subscribe to this key,"
        "\nso a new pair means everyone has to turn notifications on again."
        "\nUse a real address for VAPID_SUBJECT; push services write to it about problems."
    )
    if current_app.config.get("VAPID_PRIVATE_KEY"):
        click.echo("\nNote: this server already has VAPID keys configured.", err=True)


def _sender(timeout, lease):
    if lease <= timeout:
        # A send still waiting on a push service must never outlive its claim.
        raise click.BadParameter("must be longer than --timeout", param_hint="--lease")
    try:
        keys = vapid.load(current_app.config)
    except ConfigError as e:
        raise click.ClickException(str(e)) from None
    if keys is None:
        raise click.ClickException(
            "push is off: set VAPID_PRIVATE_KEY, VAPID_PUBLIC_KEY and VAPID_SUBJECT "
            "(make them with: flask --app app vapid-keys)"
        )
    return Sender(keys, timeout=timeout, allow_private=current_app.config["PUSH_ALLOW_PRIVATE_ENDPOINTS"])


def _require_migrated():
    pending = db.pending_migrations()
    if pending:
        raise click.ClickException(
            f"the database needs migrating first ({len(pending)} pending): flask --app app migrate"
        )


def _logging():
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


_worker_options = [
    click.option("--lease", default=300, show_default=True, type=click.IntRange(1, 3600),
                 help="Seconds a claimed notification stays with this worker before another may take it; "
                      "longer than --timeout times the devices a person may have."),
    click.option("--batch", default=50, show_default=True, type=click.IntRange(1, 1000),
                 help="Due notifications looked at per query."),
    click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(1, 60),
                 help="Seconds to wait for a push service to answer."),
    click.option("--timeout-retries", default=TIMEOUT_RETRIES, show_default=True, type=click.IntRange(0, 3),
                 help="Sends again after a timeout; a push that timed out may have arrived all the same."),
]


def worker_options(command):
    for option in reversed(_worker_options):
        command = option(command)
    return command


@click.command("send-due")
@worker_options
@with_appcontext
def send_due_command(lease, batch, timeout, timeout_retries):
    """Send every due notification once and exit (for cron or a systemd timer)."""
    _logging()
    sender = _sender(timeout, lease)
    try:
        with db.database.connection_context():
            _require_migrated()
            now = utcnow()
            report = Worker(sender, lease=timedelta(seconds=lease), batch=batch,
                            timeout_retries=timeout_retries).run_pass(now)
            prune(now)
    except OperationalError as e:
        raise click.ClickException(f"database error: {e}".strip()) from None
    finally:
        sender.close()
    click.echo(f"push: {report}")


@click.command("worker")
@worker_options
@click.option("--interval", default=5.0, show_default=True, type=click.FloatRange(0.05, 3600),
              help="Seconds to wait between passes.")
@with_appcontext
def worker_command(lease, batch, timeout, timeout_retries, interval):
    """Send notifications as they fall due, until stopped (SIGTERM or Ctrl+C)."""
    _logging()
    sender = _sender(timeout, lease)
    with db.database.connection_context():
        _require_migrated()
    worker = Worker(sender, lease=timedelta(seconds=lease), batch=batch, timeout_retries=timeout_retries)
    wake = threading.Event()

    def stop(signum, frame):
        # Finish the notification in hand, then leave: nothing is half-sent.
        worker.stopping = True
        wake.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log.info("push worker %s started (lease %ss, every %ss)", worker.name, lease, interval)
    last_prune = None
    while not worker.stopping:
        try:
            with db.database.connection_context():
                now = utcnow()
                report = worker.run_pass(now)
                if last_prune is None or now - last_prune >= PRUNE_EVERY:
                    prune(now)
                    last_prune = now
            if report.handled:
                log.info("push: %s", report)
        except OperationalError as e:
            # The database restarting is no reason to stop; try again shortly.
            log.warning("push: database unavailable (%s); retrying", e)
        wake.wait(interval)
    sender.close()
    log.info("push worker %s stopped", worker.name)


def init_app(app):
    for command in (vapid_keys_command, send_due_command, worker_command):
        app.cli.add_command(command)
