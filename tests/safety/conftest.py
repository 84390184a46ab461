"""Safety tests: escalations go out through the push worker, so they use push's fixtures."""

from ..push.conftest import app, fake_push, sender, worker  # noqa: F401
