"""Notifications in the demo, with nothing to set up.

The demo makes its own VAPID key pair on its first run and keeps it in the
instance folder, in the files `vapid-keys --dir` writes: phones subscribe to
a key, so a new pair on every run would silently drop every device turned on
before. A worker thread beside the server sends reminders and message alerts,
which `flask worker` does in a real installation.
"""

import logging
import os
import threading
from pathlib import Path

from peewee import OperationalError

from ..clock import utcnow
from ..db import database
from ..push import keys as vapid
from ..push.sender import Sender
from ..push.worker import Worker

log = logging.getLogger(__name__)

KEY_FOLDER = "demo-vapid"
SUBJECT = "mailto:coordinator@demo.example"


def key_folder(instance_path):
    return Path(instance_path) / KEY_FOLDER


def demo_push_settings(instance_path):
    """(VAPID settings for app.config, made): the demo's keys, made the first time.

    Raises ConfigError when the kept files no longer hold a key pair.
    """
    folder = key_folder(instance_path)
    private_path, public_path = folder / "vapid_private_key", folder / "vapid_public_key"
    made = not private_path.exists()
    if made:
        _write_pair(private_path, public_path)
    settings = {
        "VAPID_PRIVATE_KEY": private_path.read_text().strip(),
        "VAPID_PUBLIC_KEY": public_path.read_text().strip(),
        "VAPID_SUBJECT": SUBJECT,
    }
    vapid.load(settings)
    return settings, made


def _write_pair(private_path, public_path):
    private, public = vapid.generate()
    private_path.parent.mkdir(parents=True, exist_ok=True)
    # Readable by the owner only, as `vapid-keys --dir` makes it.
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(private + "\n")
    public_path.write_text(public + "\n")


class DemoWorker(threading.Thread):
    """Sends notifications as they fall due; a daemon thread, so it ends with the server."""

    def __init__(self, app, interval=5.0):
        super().__init__(name="demo-push-worker", daemon=True)
        self.app, self.interval = app, interval
        self.sender = Sender(vapid.load(app.config), timeout=10,
                             allow_private=app.config["PUSH_ALLOW_PRIVATE_ENDPOINTS"])
        self.stopping = threading.Event()

    def run(self):
        worker = Worker(self.sender)
        with self.app.app_context():
            while not self.stopping.is_set():
                try:
                    with database.connection_context():
                        worker.run_pass(utcnow())
                except OperationalError as e:
                    log.warning("demo push worker: database unavailable (%s); retrying", e)
                self.stopping.wait(self.interval)
        self.sender.close()

    def stop(self):
        """Finish the pass in hand and end (the server never calls it; tests do)."""
        self.stopping.set()
        self.join()


def start_worker(app, interval=5.0):
    worker = DemoWorker(app, interval)
    worker.start()
    return worker
