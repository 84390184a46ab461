"""gzip for text responses, so phones on slow connections download less.

Kept although production runs behind a TLS proxy that could compress: it
costs nothing measurable, makes `flask demo` and any single-machine setup
send what the page budget (budget.py) counts, and knows which answers must
stay plain (cross-site requests, against BREACH), which a proxy does not.

A middleware of our own rather than a dependency: the standard library's
gzip is all it needs. Static files (the same bytes for everyone) are
compressed once and kept; pages are compressed as they go.
"""

import gzip

from flask import current_app, request

COMPRESSIBLE = {
    "text/html", "text/css", "text/javascript", "text/plain", "text/calendar", "text/csv",
    "application/javascript", "application/json", "application/manifest+json", "image/svg+xml",
}
MIN_SIZE = 512
LEVEL = 6
STATIC_LEVEL = 9


def _wanted(response):
    if request.method == "HEAD" or response.status_code in (204, 206, 304) or response.status_code < 200:
        return False
    if "Content-Encoding" in response.headers or "no-transform" in response.headers.get("Cache-Control", ""):
        return False
    if response.mimetype not in COMPRESSIBLE:
        return False
    response.vary.add("Accept-Encoding")
    if not request.accept_encodings["gzip"]:
        return False
    # BREACH: an attacker who makes someone's browser send many requests from
    # another site and watches the sizes could guess secrets in a page. Pages
    # asked for by another site are sent uncompressed.
    return request.headers.get("Sec-Fetch-Site") != "cross-site"


def _static_body(response):
    etag, _ = response.get_etag()
    cache = current_app.extensions.setdefault("gzip_static", {})
    key = (request.path, etag)
    opened = response.response
    if key not in cache or current_app.debug:
        response.direct_passthrough = False
        cache[key] = gzip.compress(response.get_data(), STATIC_LEVEL, mtime=0)
    if hasattr(opened, "close"):
        opened.close()
    return cache[key]


def compress(response):
    if not _wanted(response):
        return response
    if request.endpoint == "static":
        body = _static_body(response)
        response.direct_passthrough = False
    elif response.is_streamed or response.direct_passthrough:
        return response  # exports and feeds that stream stay as they are
    else:
        data = response.get_data()
        if len(data) < MIN_SIZE:
            return response
        body = gzip.compress(data, LEVEL, mtime=0)
    response.set_data(body)
    response.headers["Content-Encoding"] = "gzip"
    etag, weak = response.get_etag()
    if etag and not weak:
        # Not the same bytes as the plain file, so not the same strong tag.
        response.set_etag(etag, weak=True)
    return response


def init_app(app):
    app.after_request(compress)
