"""The web app manifest: what a phone needs to put the app on its home screen."""

from flask import current_app, url_for

from ..i18n import _
from ..web import static_url

THEME_COLOUR = "#0f5c4d"
BACKGROUND_COLOUR = "#f6f7f5"

# (endpoint, label, icon): offered as a long-press shortcut only when the
# feature that serves it is installed.
SHORTCUTS = (
    ("mood.checkin", lambda: _("Check in"), "icons/shortcut-checkin-96.png"),
    ("messages.index", lambda: _("Messages"), "icons/shortcut-messages-96.png"),
    ("meetings.index", lambda: _("Next meeting"), "icons/shortcut-meetings-96.png"),
)


def shortcuts():
    return [
        {
            "name": label(),
            "short_name": label(),
            "url": url_for(endpoint),
            "icons": [{"src": static_url(icon), "sizes": "96x96", "type": "image/png"}],
        }
        for endpoint, label, icon in SHORTCUTS
        if endpoint in current_app.view_functions
    ]


def _icon(name, size, purpose="any"):
    return {"src": static_url(f"icons/{name}"), "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}


def manifest():
    home = url_for("home.index")
    return {
        "id": home,
        "name": _("Mentoring"),
        "short_name": _("Mentoring"),
        "description": _("Your peer-mentoring program on your phone."),
        "lang": "en",
        "dir": "ltr",
        "start_url": home,
        "scope": home,
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            _icon("icon-192.png", 192),
            _icon("icon-512.png", 512),
            _icon("icon-maskable-512.png", 512, "maskable"),
        ],
        "shortcuts": shortcuts(),
    }
