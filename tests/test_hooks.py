"""The hook registry: per app, in order, and the one place features plug in."""

from flask import Flask

from mentoring import hooks

from .conftest import make_app


def test_values_come_back_by_order_then_as_added():
    app = Flask(__name__)
    hooks.add(app, "x", "second", order=20)
    hooks.add(app, "x", "first", order=10)
    hooks.add(app, "x", "third", order=20)
    assert hooks.get("x", app) == ["first", "second", "third"]
    assert hooks.get("nothing here", app) == []


def test_two_apps_never_share_a_hook(migrated_url):
    one, two = make_app(migrated_url), make_app(migrated_url)
    hooks.add(one, "push.producer", print)
    assert print in hooks.get("push.producer", one)
    assert print not in hooks.get("push.producer", two)
    assert hooks.get("push.producer", two) == hooks.get("push.producer", one)[:-1]


def test_every_hook_in_use_is_listed_in_the_docstring(migrated_url):
    app = make_app(migrated_url)
    for name in app.extensions[hooks.KEY]:
        generic = name.split(".")
        # "web.nav.mentee" is listed as "web.nav.<role>", "web.slot.home.mentee" as "web.slot.home.<role>".
        listed = [line.split()[0] for line in hooks.__doc__.splitlines() if line.startswith("    ") and "." in line]
        assert any(_matches(generic, pattern.split(".")) for pattern in listed), name


def _matches(parts, pattern):
    # A trailing "<endpoint>" may itself hold dots ("safety.help").
    if pattern[-1] == "<endpoint>":
        return len(parts) > len(pattern) - 1 and parts[:len(pattern) - 1] == pattern[:-1]
    return len(parts) == len(pattern) and all(p == q or q.startswith("<") for p, q in zip(parts, pattern))
