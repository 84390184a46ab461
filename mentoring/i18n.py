"""Every user-facing string goes through gettext, so programs can translate."""

from flask_babel import Babel, format_date, format_datetime, get_locale, gettext, lazy_gettext, ngettext

_ = gettext
_l = lazy_gettext

__all__ = ["_", "_l", "ngettext", "format_date", "format_datetime", "init_app"]


def _timezone():
    from flask_login import current_user

    return getattr(current_user, "timezone", None) or "UTC"


def init_app(app):
    Babel(app, locale_selector=lambda: "en", timezone_selector=_timezone)
    app.jinja_env.globals.update(get_locale=get_locale, format_date=format_date, format_datetime=format_datetime)
