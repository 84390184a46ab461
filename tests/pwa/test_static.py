"""Static files: content-hashed names, a year in caches, gzip."""

import gzip
import re

import pytest

from mentoring.web import static_digest, static_url

HASHED = re.compile(r"^/static/css/app\.([0-9a-f]{12})\.css$")


@pytest.fixture
def css_url(app):
    with app.test_request_context():
        return static_url("css/app.css")


def test_static_url_puts_a_digest_of_the_content_in_the_name(app, css_url):
    found = HASHED.match(css_url)
    assert found
    with app.app_context():
        assert found.group(1) == static_digest("css/app.css")


def test_a_hashed_name_is_kept_for_a_year(client, css_url):
    response = client.get(css_url)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert b":root" in response.data


def test_it_keeps_the_long_lifetime_for_signed_in_people(as_user, world, css_url):
    response = as_user(world.mentee).get(css_url)
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "Set-Cookie" not in response.headers


def test_an_outdated_digest_still_gets_the_file_but_is_not_kept(client):
    response = client.get("/static/css/app.000000000000.css")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-cache"


def test_a_plain_name_is_checked_each_time(client):
    response = client.get("/static/js/sw-push.js")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-cache"


@pytest.mark.parametrize("path", ["/static/css/missing.0123456789ab.css", "/static/../mentoring/web.py",
                                  "/static/..%2Fmentoring%2Fweb.0123456789ab.py"])
def test_it_returns_404_for_files_that_are_not_there(client, path):
    assert client.get(path).status_code == 404


def test_pages_link_their_files_by_hashed_name(client):
    html = client.get("/login").get_data(as_text=True)
    files = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    assert files and all(re.search(r"\.[0-9a-f]{12}\.[a-z]+$", f) for f in files), files


def test_text_is_gzipped_when_the_browser_accepts_it(client, css_url):
    response = client.get(css_url, headers={"Accept-Encoding": "gzip, br"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["Vary"]
    assert gzip.decompress(response.data).startswith(b"/*")
    assert response.headers["ETag"].startswith('W/"'), "not the same bytes as the file"


def test_pages_are_gzipped_too(client):
    response = client.get("/login", headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert b"Sign in" in gzip.decompress(response.data)


def test_nothing_is_gzipped_for_a_browser_that_does_not_ask(client, css_url):
    response = client.get(css_url)
    assert "Content-Encoding" not in response.headers
    assert "Accept-Encoding" in response.headers["Vary"]


def test_pages_asked_for_by_another_site_are_not_gzipped(client):
    # BREACH: sizes of compressed pages requested cross-site can leak secrets.
    response = client.get("/login", headers={"Accept-Encoding": "gzip", "Sec-Fetch-Site": "cross-site"})
    assert "Content-Encoding" not in response.headers


def test_images_and_tiny_answers_are_left_alone(client, app):
    with app.test_request_context():
        icon = static_url("icons/icon-192.png")
    assert "Content-Encoding" not in client.get(icon, headers={"Accept-Encoding": "gzip"}).headers
    tiny = client.get("/healthz", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in tiny.headers


def test_an_unchanged_file_answers_304(client, css_url):
    first = client.get(css_url, headers={"Accept-Encoding": "gzip"})
    again = client.get(css_url, headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.data == b""


def test_no_font_size_is_fixed_in_pixels(app):
    """People's own text size must apply: rem and em only."""
    from pathlib import Path

    for css in Path(app.static_folder).rglob("*.css"):
        assert not re.search(r"font(-size)?\s*:[^;]*\d+px", css.read_text()), css.name
