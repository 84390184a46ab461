"""Every registered route, for every kind of person, answers as classified."""

import importlib
import pkgutil

import pytest

from . import access_cases
from .access_cases import KINDS
from .conftest import signed_in

MODULES = [
    importlib.import_module(f"{access_cases.__name__}.{info.name}")
    for info in pkgutil.iter_modules(access_cases.__path__)
]
CASES = {endpoint: case for module in MODULES for endpoint, case in module.CASES.items()}
UNCHECKED = {"static"}


def test_every_route_is_classified(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()} - UNCHECKED
    unclassified = endpoints - set(CASES)
    assert not unclassified, f"add these routes to tests/access_cases: {sorted(unclassified)}"
    assert not set(CASES) - endpoints, "cases for routes that no longer exist"


def test_every_view_declares_who_may_use_it(app):
    undeclared = [
        endpoint for endpoint, view in app.view_functions.items()
        if endpoint not in UNCHECKED and not hasattr(view, "access")
    ]
    assert not undeclared, f"decorate with mentoring.access: {undeclared}"


def case_url(app, world, case):
    """The case's URL, once every feature has added what its URLs need to the world."""
    with app.test_request_context():
        for module in MODULES:
            if hasattr(module, "setup"):
                module.setup(world)
        return case.url(world)


@pytest.mark.parametrize("endpoint", sorted(CASES))
def test_route_answers_each_kind_of_person(app, world, endpoint):
    case = CASES[endpoint]
    url = case_url(app, world, case)
    people = world.people()
    answers = {}
    for kind in KINDS:
        client = app.test_client() if kind == "anon" else signed_in(app, people[kind])
        response = client.open(url, method=case.method, data=case.data)
        answers[kind] = response.status_code
    assert answers == case.expect, f"{case.method} {url}"
