"""How a meeting's time and place read, in each person's own zone."""

from babel.dates import format_skeleton, format_time, get_timezone_name
from flask_babel import get_locale
from flask_login import current_user

from ..clock import to_local, utcnow
from ..i18n import _, _l, ngettext
from .models import FORTNIGHTLY, IN_PERSON, MONTHLY, PHONE, VIDEO, WEEKLY
from .recurrence import week_of_month

MODES = {IN_PERSON: _l("In person"), PHONE: _l("Phone call"), VIDEO: _l("Video call")}
ORDINALS = {1: _l("first"), 2: _l("second"), 3: _l("third"), 4: _l("fourth"), -1: _l("last")}


def _locale():
    return get_locale() or "en"


def local_day(moment, tz_name, year=None):
    local = to_local(moment, tz_name)
    skeleton = "MMMEd" if local.year == (year or to_local(utcnow(), tz_name).year) else "yMMMEd"
    return format_skeleton(skeleton, local, locale=_locale())


def local_clock(moment, tz_name):
    return format_time(to_local(moment, tz_name), "short", locale=_locale())


def when(meeting, tz_name=None):
    """'Tue, Mar 4, 10:00 AM' in tz_name (the reader's zone by default)."""
    tz_name = tz_name or current_user.timezone
    return _("%(day)s, %(time)s", day=local_day(meeting.starts_at, tz_name), time=local_clock(meeting.starts_at, tz_name))


def until(meeting, tz_name=None):
    return local_clock(meeting.ends_at, tz_name or current_user.timezone)


def zone_name(tz_name):
    return tz_name.split("/")[-1].replace("_", " ")


def how(meeting):
    """'In person at the library', 'Phone call', 'Video call'."""
    if meeting.mode == IN_PERSON and meeting.place:
        return _("In person at %(place)s", place=meeting.place)
    return str(MODES.get(meeting.mode, ""))


def summary(meeting, tz_name=None):
    """A short plain line: weekday, date, time, how. For data-next-meeting and screen readers."""
    return _("%(when)s, %(how)s", when=when(meeting, tz_name), how=str(MODES.get(meeting.mode, "")).lower())


def other_zone(meeting, viewer):
    """The other person and their zone, when it differs from the viewer's; else None."""
    other = meeting.match.other(viewer)
    if other.timezone == viewer.timezone:
        return None
    return other


def their_time(meeting, other):
    """'5:00 AM for Mia (New York)'."""
    return _(
        "%(time)s on %(day)s for %(name)s (%(zone)s)",
        time=local_clock(meeting.starts_at, other.timezone), day=local_day(meeting.starts_at, other.timezone),
        name=other.name, zone=zone_name(other.timezone),
    )


def rule_text(thing):
    """'Every week', 'Every two weeks', 'Every month on the second Tuesday'."""
    rule = getattr(thing, "rule", None)
    if rule == WEEKLY:
        return _("Every week")
    if rule == FORTNIGHTLY:
        return _("Every two weeks")
    if rule == MONTHLY:
        first = thing.first_date if hasattr(thing, "first_date") else thing.series.first_date
        weekday = format_skeleton("EEEE", first, locale=_locale())
        return _("Every month on the %(nth)s %(weekday)s", nth=ORDINALS[week_of_month(first)], weekday=weekday)
    return ""


def zone_label(tz_name):
    long_name = get_timezone_name(to_local(utcnow(), tz_name).tzinfo, locale=_locale())
    return f"{zone_name(tz_name)} ({long_name})"


def days_ago(days):
    if days == 0:
        return _("today")
    return ngettext("%(num)d day ago", "%(num)d days ago", days)


TEMPLATE_HELPERS = {
    "meeting_when": when,
    "meeting_until": until,
    "meeting_clock": local_clock,
    "meeting_how": how,
    "meeting_summary": summary,
    "meeting_other_zone": other_zone,
    "meeting_their_time": their_time,
    "meeting_rule": rule_text,
    "meeting_zone_label": zone_label,
}
