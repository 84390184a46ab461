"""vapid-keys, send-due and worker as an operator runs them, and VAPID settings read strictly."""

import os
import re
import stat
from datetime import timedelta

import pytest

from mentoring.clock import utcnow
from mentoring.push import keys
from mentoring.push.outbox import Notification

from ..conftest import make_app
from .support import SUBJECT, add_device, queue


def settings_in(output):
    return dict(re.findall(r"^\s+(VAPID_\w+)=(\S+)$", output, re.MULTILINE))


def test_vapid_keys_prints_a_pair_the_app_accepts(app, migrated_url):
    result = app.test_cli_runner().invoke(args=["vapid-keys", "--subject", "mailto:ops@example.org"])
    assert result.exit_code == 0, result.output
    printed = settings_in(result.output)
    assert set(printed) == {"VAPID_PRIVATE_KEY", "VAPID_PUBLIC_KEY", "VAPID_SUBJECT"}
    loaded = keys.load(printed)
    assert loaded.application_server_key == printed["VAPID_PUBLIC_KEY"]
    assert make_app(migrated_url, **printed).config["VAPID_PUBLIC_KEY"] == printed["VAPID_PUBLIC_KEY"]
    assert "turn notifications on again" in result.output


def test_vapid_keys_can_write_files_for_the_file_settings(app, migrated_url, tmp_path):
    result = app.test_cli_runner().invoke(args=["vapid-keys", "--dir", str(tmp_path / "keys")])
    assert result.exit_code == 0, result.output
    printed = settings_in(result.output)
    private_file = printed["VAPID_PRIVATE_KEY_FILE"]
    assert stat.S_IMODE(os.stat(private_file).st_mode) == 0o600
    configured = make_app(migrated_url, VAPID_PRIVATE_KEY_FILE=private_file,
                          VAPID_PUBLIC_KEY_FILE=printed["VAPID_PUBLIC_KEY_FILE"], VAPID_SUBJECT=SUBJECT)
    assert keys.load(configured.config) is not None
    again = app.test_cli_runner().invoke(args=["vapid-keys", "--dir", str(tmp_path / "keys")])
    assert again.exit_code != 0 and "exists already" in again.output


def test_vapid_keys_wants_a_mailto_subject(app):
    result = app.test_cli_runner().invoke(args=["vapid-keys", "--subject", "ops@example.org"])
    assert result.exit_code != 0 and "mailto:" in result.output


def test_pem_keys_work_too(migrated_url, vapid_settings):
    pem = keys.load(vapid_settings)
    configured = make_app(migrated_url, VAPID_PRIVATE_KEY=pem.private_pem().decode(),
                          VAPID_PUBLIC_KEY=pem.public_pem().decode(), VAPID_SUBJECT=SUBJECT)
    assert keys.load(configured.config).application_server_key == vapid_settings["VAPID_PUBLIC_KEY"]


@pytest.mark.parametrize("private, public, message", [
    ("not-a-key", None, "VAPID_PRIVATE_KEY: not a P-256 private key"),
    (None, "other", "VAPID_PUBLIC_KEY: does not belong to VAPID_PRIVATE_KEY"),
])
def test_wrong_keys_stop_the_app_with_one_line(migrated_url, vapid_settings, private, public, message):
    settings = dict(vapid_settings)
    if private:
        settings["VAPID_PRIVATE_KEY"] = private
    if public:
        settings["VAPID_PUBLIC_KEY"] = keys.generate()[1]
    with pytest.raises(SystemExit) as stopped:
        make_app(migrated_url, **settings)
    assert message in str(stopped.value)


def test_send_due_sends_what_is_due_and_says_so(app, world, fake_push):
    add_device(world.mentee, fake_push)
    queue(world.mentee, at=utcnow() - timedelta(minutes=1))
    queue(world.mentee, at=utcnow() + timedelta(hours=1))
    result = app.test_cli_runner().invoke(args=["send-due"])
    assert result.exit_code == 0, result.output
    assert "sent 1" in result.output
    assert len(fake_push.accepted()) == 1


def test_send_due_refuses_without_keys(migrated_url):
    result = make_app(migrated_url).test_cli_runner().invoke(args=["send-due"])
    assert result.exit_code != 0
    assert "push is off" in result.output and "vapid-keys" in result.output


def test_worker_refuses_without_keys(migrated_url):
    result = make_app(migrated_url).test_cli_runner().invoke(args=["worker"])
    assert result.exit_code != 0 and "push is off" in result.output


def test_send_due_forgets_history_older_than_a_month(app, world, fake_push):
    old = queue(world.mentee, at=utcnow() - timedelta(days=31), status=Notification.SENT)
    app.test_cli_runner().invoke(args=["send-due"])
    assert not Notification.select().where(Notification.id == old.id).exists()
