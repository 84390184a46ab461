import stat
from pathlib import Path

import pytest

from mentoring.models import Match, Program, User
from mentoring.push import keys as vapid
from mentoring.push.keys import load as push_keys


def run(app, *args, **kw):
    return app.test_cli_runner().invoke(args=list(args), **kw)


def test_create_user_makes_a_program_on_a_fresh_install(app):
    result = run(app, "create-user", "--email", "Ana@Example.org", "--name", "Ana", "--role",
                 "coordinator", "--password", "a good long password", "--lead")
    assert result.exit_code == 0, result.output
    user = User.by_email("ana@example.org")
    assert user.is_safeguarding_lead and user.check_password("a good long password")
    assert Program.select().count() == 1
    assert user.program.crisis_resources().count() > 0


def test_create_user_prompts_for_a_hidden_password(app):
    result = run(app, "create-user", "--email", "b@example.org", "--name", "B", "--role", "mentor",
                 input="a good long password\na good long password\n")
    assert result.exit_code == 0, result.output
    assert "a good long password" not in result.output
    assert User.by_email("b@example.org").check_password("a good long password")


def test_wrong_input_ends_with_one_clear_line(app, world):
    cases = [
        (["--email", "x@example.org", "--name", "X", "--role", "admin", "--password", "p" * 12], "Invalid value for '--role'"),
        (["--email", world.mentee.email, "--name", "X", "--role", "mentee", "--password", "p" * 12], "already exists"),
        (["--email", "x@example.org", "--name", "X", "--role", "mentee", "--password", "short"], "use 10 to 128 characters"),
        (["--email", "x@example.org", "--name", "X", "--role", "mentee", "--password", "p" * 12, "--timezone", "Mars/Base"], "unknown time zone"),
        (["--email", "not-an-email", "--name", "X", "--role", "mentee", "--password", "p" * 12], "expected an email address"),
        (["--email", "x@example.org", "--name", "X", "--role", "mentee", "--password", "p" * 12, "--lead"], "only a coordinator"),
        (["--email", "x@example.org", "--name", "X", "--role", "mentee", "--password", "p" * 12, "--program", "999"], "no program with id 999"),
    ]
    for args, message in cases:
        result = run(app, "create-user", *args)
        assert result.exit_code != 0
        assert message in result.output, result.output
        assert "Traceback" not in result.output


def test_match_pairs_two_people(app, world):
    from .factories import make_user

    mentee = make_user(world.program, "mentee", email="new@example.org")
    result = run(app, "match", world.mentor.email, "NEW@example.org")
    assert result.exit_code == 0, result.output
    assert Match.get(Match.mentee == mentee).mentor_id == world.mentor.id


def test_match_explains_why_it_cannot(app, world):
    result = run(app, "match", world.other_mentor.email, world.mentee.email)
    assert result.exit_code == 1
    assert "already has a mentor" in result.output
    result = run(app, "match", "ghost@example.org", world.mentee.email)
    assert "no one with the email ghost@example.org" in result.output


def test_seed_demo_fills_an_empty_database_and_prints_logins(app):
    result = run(app, "seed-demo")
    assert result.exit_code == 0, result.output
    assert "coordinator@demo.example" in result.output and "demo-password-1" in result.output
    assert Match.select().count() == 2
    again = run(app, "seed-demo")
    assert again.exit_code == 1 and "already holds a program" in again.output


def test_migrate_says_when_there_is_nothing_to_do(app):
    result = run(app, "migrate")
    assert result.exit_code == 0
    assert "database is up to date" in result.output


@pytest.fixture
def serving(app, monkeypatch, tmp_path):
    """The demo command with its server and push worker replaced by notes of how they were started."""
    from mentoring import cli

    started = {"workers": []}
    monkeypatch.setattr(cli, "run_simple", lambda host, port, wsgi, **kw: started.update(host=host, port=port))
    monkeypatch.setattr(cli, "start_worker",
                        lambda app: started["workers"].append(push_keys(app.config).application_server_key))
    monkeypatch.setattr(app, "instance_path", str(tmp_path / "instance"))
    return started


def fresh_process(app):
    """Each run of `demo` is a new process: nothing set by the last one stays in the config."""
    app.config.update(VAPID_PRIVATE_KEY=None, VAPID_PUBLIC_KEY=None, VAPID_SUBJECT="")


def test_demo_migrates_seeds_and_serves_on_localhost(app, serving):
    result = run(app, "demo")
    assert result.exit_code == 0, result.output
    assert serving["host"] == "127.0.0.1" and serving["port"] == 5000
    assert "mentee@demo.example" in result.output and "http://127.0.0.1:5000" in result.output
    fresh_process(app)
    again = run(app, "demo")
    assert "mentee@demo.example" in again.output
    assert Program.select().count() == 1


def test_the_demo_refuses_to_run_in_production(app):
    app.config["MENTORING_ENV"] = "production"
    for command in (["seed-demo"], ["demo", "--port", "0"]):
        result = run(app, *command)
        assert result.exit_code != 0
        assert "never runs in production" in result.output


def test_demo_says_the_coordinator_is_the_safeguarding_lead(app, serving):
    output = run(app, "demo").output
    coordinator = next(line for line in output.splitlines() if "coordinator@demo.example" in line)
    assert "safeguarding lead" in coordinator
    assert sum("safeguarding lead" in line for line in output.splitlines()) == 1


def test_demo_makes_push_keys_once_keeps_them_in_the_instance_folder_and_sends(app, serving):
    result = run(app, "demo")
    assert result.exit_code == 0, result.output
    folder = Path(app.instance_path) / "demo-vapid"
    assert f"Notifications are on, made VAPID keys for the demo, kept in {folder}" in result.output
    assert "Notifications, turn them on and send a test" in result.output
    assert stat.S_IMODE((folder / "vapid_private_key").stat().st_mode) == 0o600
    first = push_keys(app.config)
    assert first is not None and serving["workers"] == [first.application_server_key]

    fresh_process(app)
    again = run(app, "demo")
    assert "reusing VAPID keys for the demo" in again.output
    assert push_keys(app.config).application_server_key == first.application_server_key
    assert len(serving["workers"]) == 2


def test_demo_uses_the_operators_push_keys_when_set(app, serving):
    private, public = vapid.generate()
    app.config.update(VAPID_PRIVATE_KEY=private, VAPID_PUBLIC_KEY=public, VAPID_SUBJECT="mailto:ops@example.org")
    result = run(app, "demo")
    assert "with the VAPID keys set in the environment" in result.output
    assert push_keys(app.config).application_server_key == public
    assert not (Path(app.instance_path) / "demo-vapid").exists()


def test_demo_stops_with_one_line_when_the_environments_keys_are_wrong(app, serving, monkeypatch):
    from mentoring import cli
    from mentoring.demo.push import start_worker

    monkeypatch.setattr(cli, "start_worker", start_worker)  # the real one, which reads the keys
    private, _ = vapid.generate()
    app.config.update(VAPID_PRIVATE_KEY=private, VAPID_PUBLIC_KEY=vapid.generate()[1], VAPID_SUBJECT="mailto:a@b.org")
    result = run(app, "demo")
    assert result.exit_code == 1 and "does not belong to VAPID_PRIVATE_KEY" in result.output
    assert "Traceback" not in result.output and "port" not in serving


def test_demo_stops_with_one_line_when_its_kept_key_is_damaged(app, serving):
    folder = Path(app.instance_path) / "demo-vapid"
    folder.mkdir(parents=True)
    (folder / "vapid_private_key").write_text("not a key\n")
    (folder / "vapid_public_key").write_text("nor this\n")
    result = run(app, "demo")
    assert result.exit_code == 1
    assert "VAPID_PRIVATE_KEY" in result.output and "move it away to make new keys" in result.output
    assert "Traceback" not in result.output and "port" not in serving
