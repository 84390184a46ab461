"""/sw.js: told its version and what to keep, so deploys install a new one."""

import json
import re
import shutil
from pathlib import Path

import pytest


def prelude(client):
    source = client.get("/sw.js").get_data(as_text=True)
    return {
        "version": json.loads(re.search(r"self\.ASSET_VERSION = (.+);", source).group(1)),
        "precache": json.loads(re.search(r"self\.PRECACHE_URLS = (.+);", source).group(1)),
        "source": source,
    }


@pytest.fixture
def own_static(app, tmp_path):
    shutil.copytree(app.static_folder, tmp_path / "static")
    app.static_folder = str(tmp_path / "static")
    return Path(app.static_folder)


def test_it_is_served_from_the_root_and_always_checked(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Service-Worker-Allowed"] == "/"
    assert response.headers["Cache-Control"] == "no-cache"
    assert 'importScripts("/static/js/sw-push.js");' in response.get_data(as_text=True)


def test_it_keeps_styles_scripts_and_the_offline_page(client):
    precache = prelude(client)["precache"]
    assert "/offline" in precache
    assert any(re.match(r"^/static/css/app\.[0-9a-f]{12}\.css$", u) for u in precache)
    assert any(re.match(r"^/static/js/htmx-2\.0\.11\.min\.[0-9a-f]{12}\.js$", u) for u in precache)
    assert not any("sw-push" in u for u in precache), "the worker imports that one itself"
    for url in precache:
        assert client.get(url).status_code == 200


def test_the_version_changes_when_a_static_file_changes(app, own_static):
    client = app.test_client()
    before = prelude(client)
    (own_static / "js" / "app.js").write_text((own_static / "js" / "app.js").read_text() + "\n// next\n")
    app.extensions.pop("static_digests", None)
    after = prelude(client)
    assert after["version"] != before["version"]
    assert set(after["precache"]) - set(before["precache"]) == {
        u for u in after["precache"] if u.startswith("/static/js/app.")
    }


def test_the_version_is_the_same_while_nothing_changes(client):
    assert prelude(client)["version"] == prelude(client)["version"]


def test_it_never_keeps_pages_or_fragments():
    """Only navigations (network first) and hashed static files are handled."""
    source = (Path(__file__).parents[2] / "static" / "sw.js").read_text()
    assert source.count("cache.put(") == 2
    assert "HASHED.test(url.pathname)" in source
    assert 'request.mode === "navigate"' in source
