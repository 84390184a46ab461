import re

import pytest
from flask import url_for

from .conftest import make_app, signed_in


def test_every_response_has_a_strict_content_security_policy(client, world):
    response = client.get("/login")
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_pages_hold_no_inline_script_style_or_handlers(client, as_user, world):
    pages = [client.get("/login"), client.get("/help"), as_user(world.coordinator).get("/people"),
             as_user(world.mentee).get("/"), as_user(world.lead).get("/safeguarding")]
    for response in pages:
        body = response.get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)", body)
        assert not re.search(r"<style|\sstyle=|\son[a-z]+=|\shx-on", body)


def test_personal_pages_are_never_stored(as_user, world):
    response = as_user(world.mentee).get("/")
    assert response.headers["Cache-Control"] == "no-store"
    assert "Cookie" in response.headers["Vary"]


def test_htmx_history_is_off_for_signed_in_pages(as_user, world):
    body = as_user(world.mentee).get("/").get_data(as_text=True)
    assert 'hx-history="false"' in body
    assert '"historyCacheSize":0' in body


@pytest.fixture
def csrf_app(migrated_url):
    return make_app(migrated_url, WTF_CSRF_ENABLED=True)


def test_every_state_changing_route_refuses_a_request_without_a_csrf_token(csrf_app, world):
    client = signed_in(csrf_app, world.lead)
    methods = {"POST", "PUT", "PATCH", "DELETE"}
    checked = 0
    with csrf_app.test_request_context():
        rules = [(rule, sorted(rule.methods & methods)) for rule in csrf_app.url_map.iter_rules()]
        targets = []
        for rule, verbs in rules:
            if not verbs:
                continue
            args = {name: 1 for name in rule.arguments}
            args.update({name: "token" for name in rule.arguments if name == "token"})
            targets.append((url_for(rule.endpoint, **args), verbs))
    for path, verbs in targets:
        for verb in verbs:
            response = client.open(path, method=verb, data={"x": "1"})
            assert response.status_code == 400, f"{verb} {path} accepted a request without a CSRF token"
            checked += 1
    assert checked >= 10


def test_htmx_requests_send_the_token_as_a_header(csrf_app, world):
    client = signed_in(csrf_app, world.coordinator)
    page = client.get("/invites").get_data(as_text=True)
    token = re.search(r'<meta name="csrf-token" content="([^"]+)">', page).group(1)
    response = client.post("/invites", data={"role": "mentee", "email": "x@example.org"},
                           headers={"X-CSRFToken": token, "HX-Request": "true"})
    assert response.status_code == 200
    assert "/join/" in response.get_data(as_text=True)


def test_production_cookies_are_secure_http_only_and_same_site(migrated_url, world):
    app = make_app(migrated_url, MENTORING_ENV="production", SESSION_COOKIE_SECURE="true")
    client = app.test_client()
    response = client.post("/login", data={"email": world.mentee.email, "password": "x" * 12},
                           base_url="https://localhost")
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_friendly_error_pages(client, as_user, world):
    missing = client.get("/no/such/page")
    assert missing.status_code == 404
    assert "find that page" in missing.get_data(as_text=True)
    forbidden = as_user(world.mentee).get("/people")
    assert forbidden.status_code == 403
    assert "open to you" in forbidden.get_data(as_text=True)
    assert client.get("/no/such/page", headers={"Accept": "application/json"}).get_json() == {
        "error": "We couldn't find that page"}


def test_an_unexpected_error_gets_a_friendly_500(app, as_user, world, monkeypatch):
    from mentoring.people import views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "paginate", broken)
    response = as_user(world.coordinator).get("/people")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.get_data(as_text=True)


def test_htmx_requests_for_signed_out_people_redirect_the_whole_tab(client):
    response = client.get("/people", headers={"HX-Request": "true"})
    assert response.status_code == 401
    assert response.headers["HX-Redirect"].startswith("/login")


def test_user_written_names_are_escaped(as_user, world):
    world.mentee.name = '<script>alert("x")</script>'
    world.mentee.save()
    for path in ("/", "/people", f"/people/{world.mentee.id}"):
        client = as_user(world.mentor if path == "/" else world.coordinator)
        body = client.get(path).get_data(as_text=True)
        assert '<script>alert("x")</script>' not in body
        assert "&lt;script&gt;" in body
