"""iCalendar (RFC 5545) for one meeting, one series, or a person's whole feed.

What goes into a calendar is kept minimal and neutral: when, how long,
with whom, where (or "phone call", "video call") and a link back to the app.
Never the agenda, notes, or anything said.
"""

from datetime import UTC, date, timedelta

from icalendar import Calendar, Event

from ..clock import to_local, utcnow
from ..i18n import _
from .models import CANCELLED, CONFIRMED, FORTNIGHTLY, IN_PERSON, MONTHLY, PHONE, VIDEO, WEEKLY
from .recurrence import week_of_month

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
STATUS = {CONFIRMED: "CONFIRMED", CANCELLED: "CANCELLED"}


def where(meeting):
    if meeting.mode == IN_PERSON:
        return meeting.place
    return {PHONE: _("Phone call"), VIDEO: _("Video call")}.get(meeting.mode, "")


def _base_event(thing, uid, other_name, url, stamp):
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp.replace(tzinfo=UTC))
    event.add("summary", _("Meeting with %(name)s", name=other_name))
    event.add("duration", timedelta(minutes=thing.duration))
    event.add("status", STATUS.get(thing.status, "TENTATIVE"))
    if where(thing):
        event.add("location", where(thing))
    event.add("url", url)
    if thing.changed_at:
        event.add("last-modified", thing.changed_at.replace(tzinfo=UTC))
    return event


def meeting_event(meeting, other_name, url, host, stamp):
    event = _base_event(meeting, f"meeting-{meeting.id}@{host}", other_name, url, stamp)
    event.add("dtstart", to_local(meeting.starts_at, meeting.timezone))
    return event


def series_rule(series):
    weekday = WEEKDAYS[series.first_date.weekday()]
    if series.rule in (WEEKLY, FORTNIGHTLY):
        rule = {"freq": "weekly", "interval": 2 if series.rule == FORTNIGHTLY else 1, "byday": weekday}
    elif series.rule == MONTHLY:
        rule = {"freq": "monthly", "byday": f"{week_of_month(series.first_date)}{weekday}"}
    else:
        raise ValueError(series.rule)
    if series.ends_at is not None:
        # UNTIL is inclusive and, with a zoned DTSTART, given in UTC.
        rule["until"] = (series.ends_at - timedelta(seconds=1)).replace(tzinfo=UTC)
    return rule


def changes_occurrence(series, row):
    """Whether a stored occurrence reads differently in a calendar than the rule
    says: cancelled, moved, or held another way. Most rows only record that a
    meeting happened, or carry notes; writing those out as overrides made a
    year-old weekly series hundreds of events long."""
    if row.occurrence_date is None:
        return False
    if row.status == CANCELLED:
        return True
    # The raw fields behind where(): no translated words needed to compare.
    fields = ("duration", "status", "mode", "place", "link")
    if any(getattr(row, f) != getattr(series, f) for f in fields):
        return True
    return row.starts_at != series.occurrence_start(row.occurrence_date)


def series_events(series, exceptions, other_name, url_for_meeting, host, stamp):
    """The series' master event with its rule, and one override per occurrence with a story."""
    uid = f"series-{series.id}@{host}"
    first = to_local(series.occurrence_start(series.first_date), series.timezone)
    master = _base_event(series, uid, other_name, url_for_meeting(series), stamp)
    master.add("dtstart", first)
    master.add("rrule", series_rule(series))
    overrides = []
    for row in exceptions:
        if not changes_occurrence(series, row):
            continue
        original = to_local(series.occurrence_start(row.occurrence_date), series.timezone)
        if row.status == CANCELLED:
            master.add("exdate", original)
            continue
        override = _base_event(row, uid, other_name, url_for_meeting(row), stamp)
        override.add("recurrence-id", original)
        override.add("dtstart", to_local(row.starts_at, row.timezone))
        overrides.append(override)
    return [master, *overrides]


def calendar(events, name=None, now=None):
    """A VCALENDAR holding `events`, with a VTIMEZONE for every zone they use."""
    cal = Calendar()
    # Neutral even in its product id: a feed may sit in a shared or work calendar.
    cal.add("prodid", "-//Meetings//Calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name:
        cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(event)
    today = (now or utcnow()).date()
    starts = [e.decoded("dtstart").date() for e in events if "dtstart" in e]
    first = min(starts + [today]) - timedelta(days=1)
    last = date(max(starts + [today]).year + 5, 12, 31)
    cal.add_missing_timezones(first_date=first, last_date=last)
    return cal.to_ical()
