from flask import url_for

from . import Case, everyone


def get(endpoint, expected):
    return Case("GET", lambda w: url_for(endpoint), expected)


CASES = {
    "pwa.manifest": get("pwa.manifest", everyone(200)),
    "pwa.offline": get("pwa.offline", everyone(200)),
    "pwa.install": get("pwa.install", everyone(200)),
}
