"""Malformed input never gets a 5xx: every form, every field, every route's ids.

Each route is tried as someone it is open to, with one field at a time set to
a value drawn from the ends of the calendar, NUL bytes, numbers too large for
SQLite, file parts and odd text. Bounded and derandomised, so a run is
repeatable; it runs on both databases like the rest of the suite.
"""

import io
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.routing import IntegerConverter
from wtforms.form import BaseForm

from .conftest import signed_in
from .test_access import CASES, MODULES

# Minutes, not seconds: in the whole suite on both databases, not in the fast loop.
pytestmark = pytest.mark.slow

EDGES = [
    "\x00", "a note with a \x00 inside", "9" * 25, "-" + "9" * 25, str(2**63), "1e400", "NaN",
    "0001-01-01", "9999-12-31", "0001-01-01T00:00", "9999-12-31T23:59", "0000-00-00", "24:61", "23:59:60",
    "", " ", "\u202e", "\U0001f4ac" * 30, "a" * 5000, "<script>x</script>", "../../etc/passwd",
]
VALUES = st.one_of(st.sampled_from(EDGES), st.text(max_size=30))
ALLOWED = ("lead", "mentee", "mentor", "anon")
EXAMPLES = 25


def first_allowed(case):
    """Someone the route is open to, so the fuzz reaches the form and not the door."""
    for kind in ALLOWED:
        if case.expect.get(kind) not in (403, 404, 302, 401, 405):
            return kind
    return None


def form_fields(client, case, url):
    """The names of every form field the view builds (prefixes included)."""
    names = []
    process = BaseForm.process

    def recording(self, *args, **kwargs):
        names.extend(field.name for field in self)
        return process(self, *args, **kwargs)

    with patch.object(BaseForm, "process", recording):
        client.open(url, method=case.method, data=case.data)
    return sorted(set(names) - {"csrf_token"})


def prepared(app, world, endpoint):
    case = CASES[endpoint]
    with app.test_request_context():
        for module in MODULES:
            if hasattr(module, "setup"):
                module.setup(world)
        url = case.url(world)
    kind = first_allowed(case)
    if kind is None:
        pytest.skip("open to nobody")
    return case, url, app.test_client() if kind == "anon" else signed_in(app, world.people()[kind])


def send(client, case, url, data):
    if case.method == "GET":
        return client.get(url, query_string=data)
    return client.open(url, method=case.method, data=data, content_type="multipart/form-data")


@pytest.mark.parametrize("endpoint", sorted(CASES))
def test_no_field_value_gives_a_server_error(app, world, endpoint):
    case, url, client = prepared(app, world, endpoint)
    names = form_fields(client, case, url)
    if not names:
        pytest.skip("no form here")

    @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(name=st.sampled_from(names), value=VALUES)
    def check(name, value):
        response = send(client, case, url, {**case.data, name: value})
        assert response.status_code < 500, f"{case.method} {url} {name}={value!r}: {response.status_code}"

    check()


@pytest.mark.parametrize("endpoint", sorted(CASES))
def test_a_file_where_text_is_expected_is_refused_calmly(app, world, endpoint):
    case, url, client = prepared(app, world, endpoint)
    if case.method == "GET":
        pytest.skip("files come only with posts")
    for name in form_fields(client, case, url):
        response = send(client, case, url, {**case.data, name: (io.BytesIO(b"\x00\xff"), "x.bin")})
        assert response.status_code < 500, f"{url} file in {name}: {response.status_code}"


HUGE = (2**63, 10**30)


def test_ids_too_large_for_the_database_are_not_found(app, world):
    client = signed_in(app, world.lead)
    mentee = signed_in(app, world.mentee)
    failures = []
    for rule in app.url_map.iter_rules():
        ints = [name for name, conv in rule._converters.items() if isinstance(conv, IntegerConverter)]
        if not ints:
            continue
        for huge in HUGE:
            values = {name: 1 for name in rule.arguments}
            values.update({name: huge for name in ints})
            with app.test_request_context():
                try:
                    url = app.url_map.bind("localhost").build(rule.endpoint, values)
                except Exception:  # noqa: BLE001 (a rule with other converters we cannot fill)
                    continue
            for who in (client, mentee):
                for method in rule.methods - {"HEAD", "OPTIONS"}:
                    status = who.open(url, method=method).status_code
                    if status >= 500:
                        failures.append(f"{method} {url}: {status}")
    assert not failures
