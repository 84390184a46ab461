"""The page budget: what a phone downloads, compressed, measured not timed.

    python -m mentoring.pwa.budget

Builds the app on a throwaway SQLite database with the demo program, then
measures, as gzip bytes on the wire:

- the first visit to the mentee's home: the page and everything it pulls in
  (styles, scripts with htmx, icons, the manifest, the service worker and
  what it keeps for offline use), each file once, as a browser would;
- every htmx fragment that the main pages of each role answer with;

and checks that no page loads anything from another site. Exits 1 when a
limit is passed, so CI fails on a page that grew too heavy.
"""

import json
import re
import secrets
import sys
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

FIRST_VISIT_LIMIT = 60 * 1024
FRAGMENT_LIMIT = 5 * 1024
HEADERS = {"Accept-Encoding": "gzip", "Sec-Fetch-Site": "same-origin"}


class _Resources(HTMLParser):
    """The URLs a page makes the browser fetch, and the links a person can follow."""

    def __init__(self):
        super().__init__()
        self.fetched, self.links, self.blocking = [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        rel = (a.get("rel") or "").split()
        if tag == "link" and a.get("href") and {"stylesheet", "icon", "apple-touch-icon", "manifest"} & set(rel):
            self.fetched.append(a["href"])
            if "stylesheet" in rel:
                self.blocking.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.fetched.append(a["src"])
            if "defer" not in a and "async" not in a and a.get("type") != "module":
                self.blocking.append(a["src"])
        elif tag in ("img", "source") and a.get("src"):
            self.fetched.append(a["src"])
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])


def _parse(html):
    parser = _Resources()
    parser.feed(html)
    return parser


def _third_party(url):
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


@dataclass
class Report:
    first_visit: list = field(default_factory=list)  # [(url, bytes)]
    fragments: list = field(default_factory=list)  # [(role, url, bytes)]
    third_party: list = field(default_factory=list)
    blocking: list = field(default_factory=list)

    @property
    def first_visit_total(self):
        return sum(size for _, size in self.first_visit)

    @property
    def largest_fragment(self):
        return max((size for _, _, size in self.fragments), default=0)

    @property
    def ok(self):
        return (
            self.first_visit_total <= FIRST_VISIT_LIMIT
            and self.largest_fragment <= FRAGMENT_LIMIT
            and not self.third_party
        )

    def as_dict(self):
        return {
            "first_visit": {"files": dict(self.first_visit), "total": self.first_visit_total, "limit": FIRST_VISIT_LIMIT},
            "fragments": [{"role": r, "url": u, "bytes": s} for r, u, s in self.fragments],
            "fragment_limit": FRAGMENT_LIMIT,
            "third_party": self.third_party,
            "render_blocking": self.blocking,
            "ok": self.ok,
        }

    def text(self):
        lines = ["First visit to the mentee's home (gzip bytes):"]
        lines += [f"  {size:>7,}  {url}" for url, size in self.first_visit]
        verdict = "ok" if self.first_visit_total <= FIRST_VISIT_LIMIT else "OVER"
        lines.append(f"  {self.first_visit_total:>7,}  total, limit {FIRST_VISIT_LIMIT:,}: {verdict}")
        lines.append("htmx fragments (gzip bytes):")
        lines += [f"  {size:>7,}  {url} ({role})" for role, url, size in self.fragments] or ["  none found"]
        verdict = "ok" if self.largest_fragment <= FRAGMENT_LIMIT else "OVER"
        lines.append(f"  largest {self.largest_fragment:,}, limit {FRAGMENT_LIMIT:,}: {verdict}")
        lines.append("Third-party requests: " + (", ".join(self.third_party) or "none"))
        lines.append("Render-blocking (same site): " + (", ".join(self.blocking) or "none"))
        return "\n".join(lines)


def _client(app, user):
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = user.start_session()
        session["_fresh"] = True
    return client


def _get(client, url, **headers):
    response = client.get(url, headers={**HEADERS, **headers})
    if response.status_code != 200:
        raise RuntimeError(f"GET {url} answered {response.status_code}")
    return response


def _text(response):
    import gzip

    body = response.data
    if response.headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode("utf-8")


def _worker_files(client):
    """sw.js, the scripts it imports, and the URLs it keeps at install."""
    source = _text(_get(client, "/sw.js"))
    precached = json.loads(re.search(r"self\.PRECACHE_URLS = (\[.*?\]);", source).group(1))
    imported = re.findall(r'importScripts\("([^"]+)"\)', source)
    return ["/sw.js", *imported, *precached]


def first_visit(app, mentee, report):
    client = _client(app, mentee)
    home = _get(client, "/")
    page = _parse(_text(home))
    report.blocking += [u for u in page.blocking if not _third_party(u)]
    seen = {"/": len(home.data)}
    for url in page.fetched + _worker_files(client):
        if _third_party(url):
            report.third_party.append(url)
        elif url not in seen:
            seen[url] = len(_get(client, url).data)
    report.first_visit = list(seen.items())


def main_pages(client):
    """What the person can reach from anywhere: bottom navigation, account page and its links, help."""
    home = _parse(_text(_get(client, "/")))
    account = _parse(_text(_get(client, "/account")))
    paths = [u for u in home.links + ["/account"] + account.links if not _third_party(u)]
    return list(dict.fromkeys(urlsplit(u).path for u in paths if u.startswith("/")))


# Views of a main page that its own links open with a query string, measured too:
# the 90-day trends carry three times the days of the default 30.
OTHER_VIEWS = {"mentee": (("mood.trends", {"days": 90}),)}


def _other_views(app, role):
    from flask import url_for

    with app.test_request_context():
        return [url_for(endpoint, **args) for endpoint, args in OTHER_VIEWS.get(role, ())]


def fragments(app, people, report):
    for role, user in people.items():
        client = _client(app, user)
        for path in main_pages(client) + _other_views(app, role):
            # htmx names the element it will swap; the page says which one.
            target = re.search(r'hx-target="#([\w-]+)"', _text(_get(client, path)))
            if target is None:
                continue  # this page has no fragment of its own
            response = client.get(path, headers={**HEADERS, "HX-Request": "true", "HX-Target": target[1]})
            if response.status_code != 200 or not response.mimetype == "text/html":
                continue
            if "<html" in _text(response)[:500].lower():
                continue  # this page has no fragment of its own
            report.fragments.append((role, path, len(response.data)))


def measure(app, people):
    """people: {"mentee": user, ...}; the mentee's home is the first visit."""
    report = Report()
    first_visit(app, people["mentee"], report)
    fragments(app, people, report)
    return report


def _demo_app(folder):
    from .. import create_app
    from ..db import database, migrate
    from ..demo import seed_demo
    from ..models import User

    app = create_app({
        "MENTORING_ENV": "test",
        "SECRET_KEY": secrets.token_hex(32),
        "DATABASE_URL": f"sqlite:///{folder}/budget.db",
    })
    migrate()
    # The demo arranges meetings and messages, whose links need the app's URL map.
    with app.app_context(), database.connection_context():
        seed_demo()
        people = {
            "mentee": User.get(User.email == "mentee@demo.example"),
            "mentor": User.get(User.email == "mentor@demo.example"),
            "coordinator": User.get(User.email == "coordinator@demo.example"),
        }
    return app, people


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    with tempfile.TemporaryDirectory() as folder:
        app, people = _demo_app(folder)
        report = measure(app, people)
    print(json.dumps(report.as_dict(), indent=2) if "--json" in argv else report.text())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
