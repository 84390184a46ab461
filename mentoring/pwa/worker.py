"""What the service worker is told when it is served: its version and the files to keep.

The version is a digest of every static file and of the offline page's
templates, so any deploy that changes one of them installs a new worker,
which keeps the new files in a new cache and drops the old one.
"""

import hashlib
import json
from pathlib import Path

from flask import current_app, url_for

from ..web import static_digest, static_url

# Kept on the phone at install, so the offline page opens with its styles
# and script. Other static files are kept the first time they are used.
PRECACHE_FOLDERS = ("css", "js")
# The service worker imports these itself; they are not pages' assets.
NOT_PRECACHED = ("sw-",)
VERSIONED_TEMPLATES = ("base.html", "pwa/offline.html")


def static_files():
    root = Path(current_app.static_folder)
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and path.name != "sw.js"
    )


def precached_files(files):
    return [
        name for name in files
        if name.split("/")[0] in PRECACHE_FOLDERS and not Path(name).name.startswith(NOT_PRECACHED)
    ] + ["icons/favicon.svg"]


def asset_version(files):
    digest = hashlib.sha256()
    for name in files:
        digest.update(f"{name}={static_digest(name)}\n".encode())
    templates = Path(current_app.template_folder)
    for name in VERSIONED_TEMPLATES:
        digest.update(hashlib.sha256((templates / name).read_bytes()).digest())
    return digest.hexdigest()[:16]


def prelude():
    files = static_files()
    offline = url_for("pwa.offline")
    urls = [static_url(name) for name in precached_files(files)] + [offline]
    return (
        f"self.ASSET_VERSION = {json.dumps(asset_version(files))};\n"
        f"self.PRECACHE_URLS = {json.dumps(urls)};\n"
        f"self.OFFLINE_URL = {json.dumps(offline)};\n"
    )
