"""Add to calendar: an .ics per meeting, a private feed per person, reminder choices."""

import hashlib
from datetime import timedelta

from flask import Response, flash, request, url_for
from flask_login import current_user

from ..access import public, require
from ..clock import utcnow
from ..db import database
from ..i18n import _
from ..models import User, new_token, token_digest
from ..web import redirect_to, render
from . import schedule
from .calendar import calendar, changes_occurrence, meeting_event, series_events
from .forms import ReminderForm
from .models import CONFIRMED, CalendarFeed, Meeting, MeetingSeries
from .reminders import OFFSET_CHOICES, offsets_for, save_offsets
from .views import bp, members

# A feed carries what a calendar app needs to show: recent weeks and the year ahead.
FEED_PAST = timedelta(days=60)
FEED_AHEAD = timedelta(days=366)


def _host():
    return request.host.split(":")[0] or "localhost"


def _page_url(thing):
    return url_for("meetings.meeting", ref=thing.ref, _external=True)


def _ics(body, filename, download=True):
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Disposition"] = f'{"attachment" if download else "inline"}; filename="{filename}"'
    return response


@bp.route("/meetings/<ref>/calendar.ics")
@members
def ics(ref):
    thing, match = schedule.resolve(ref, current_user)
    other = match.other(current_user).name
    now = utcnow()
    if isinstance(thing, Meeting) and thing.series_id:
        thing = thing.series
    if isinstance(thing, MeetingSeries):
        exceptions = schedule.series_exceptions([thing.id])[thing.id]
        events = series_events(thing, exceptions, other, _page_url, _host(), now)
    else:
        events = [meeting_event(thing, other, _page_url(thing), _host(), now)]
    return _ics(calendar(events, now=now), "meeting.ics")


def feed_rows(user, now):
    """What a person's feed is made of, within its window. Four queries.

    Confirmed single meetings from FEED_PAST back to FEED_AHEAD on, the
    confirmed series of their active matches, and only those series rows whose
    occurrence falls in the window: a year of weekly calls costs the same as a
    month of them.
    """
    matches = {m.id: m for m in schedule.member_matches(user)}
    if not matches:
        return matches, [], [], {}
    since, until = now - FEED_PAST, now + FEED_AHEAD
    singles = list(Meeting.select().where(
        Meeting.match.in_(list(matches)) & Meeting.series.is_null() & (Meeting.status == CONFIRMED)
        & (Meeting.starts_at.between(since, until))
    ).order_by(Meeting.starts_at))
    series_list = list(
        MeetingSeries.select().where(
            MeetingSeries.match.in_(list(matches)) & (MeetingSeries.status == CONFIRMED)
            & (MeetingSeries.ends_at.is_null() | (MeetingSeries.ends_at > since))
        ).order_by(MeetingSeries.id)
    )
    # A day either side: occurrence dates are local to each series' zone.
    exceptions = schedule.series_exceptions(
        [s.id for s in series_list], (since - timedelta(days=1)).date(), (until + timedelta(days=1)).date())
    return matches, singles, series_list, exceptions


def feed_events(user, now, rows=None):
    matches, singles, series_list, exceptions = rows or feed_rows(user, now)
    host, events = _host(), []
    for meeting in singles:
        other = matches[meeting.match_id].other(user).name
        events.append(meeting_event(meeting, other, _page_url(meeting), host, now))
    for series in series_list:
        other = matches[series.match_id].other(user).name
        events.extend(series_events(series, exceptions[series.id], other, _page_url, host, now))
    return events


CALENDAR_FIELDS = ("id", "starts_at", "timezone", "duration", "mode", "place", "link", "status", "changed_at",
                   "rule", "first_date", "start_time", "ends_at", "occurrence_date")


def feed_etag(user, now, rows):
    """A digest of everything the feed says, so an unchanged feed answers 304
    without building its calendar (the costly part). The stamp of each
    event (now) is left out: it changes nothing a calendar app shows."""
    matches, singles, series_list, exceptions = rows
    overrides = [r for s in series_list for r in exceptions[s.id] if changes_occurrence(s, r)]
    parts = [_host(), request.accept_languages.to_header(), str(now.year)]
    parts += sorted(m.other(user).name + str(m.id) for m in matches.values())
    for thing in (*singles, *series_list, *overrides):
        parts.append(type(thing).__name__ + repr([getattr(thing, f, None) for f in CALENDAR_FIELDS]))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


@bp.route("/calendar/<token>.ics")
@public
def feed(token):
    """A person's meetings for their calendar app: no session, the token is the key.

    Calendar apps poll feeds often; an unchanged feed answers 304 to their ETag.
    """
    found = require(CalendarFeed.get_or_none(CalendarFeed.token_hash == token_digest(token)))
    user = require(User.get_or_none((User.id == found.user_id) & User.is_active))
    now = utcnow()
    if found.last_fetched_at is None or found.last_fetched_at < now - timedelta(hours=1):
        CalendarFeed.update(last_fetched_at=now).where(CalendarFeed.id == found.id).execute()
    rows = feed_rows(user, now)
    etag = feed_etag(user, now, rows)
    if request.if_none_match.contains(etag):
        response = Response(status=304)
    else:
        body = calendar(feed_events(user, now, rows), name=_("Meetings"), now=now)
        response = _ics(body, "meetings.ics", download=False)
    response.set_etag(etag)
    response.headers["Cache-Control"] = "private, max-age=900"
    return response


# Settings: reminders and the feed

def _settings_page(form=None, feed_url=None, status=200):
    chosen = offsets_for([current_user.id])[current_user.id]
    if form is None:
        form = ReminderForm(formdata=None, **{f"before_{m}": m in chosen for m, _label in OFFSET_CHOICES})
    feed = CalendarFeed.get_or_none(CalendarFeed.user == current_user.id)
    webcal = feed_url.replace("https://", "webcal://").replace("http://", "webcal://") if feed_url else None
    return render("meetings/settings.html", form=form, feed=feed, feed_url=feed_url, webcal=webcal,
                  offsets=OFFSET_CHOICES, status=status)


@bp.route("/meetings/settings", methods=["GET", "POST"])
@members
def settings():
    form = ReminderForm()
    if form.validate_on_submit():
        minutes = [m for m, _label in OFFSET_CHOICES if getattr(form, f"before_{m}").data]
        save_offsets(current_user, minutes)
        flash(_("Saved. Your reminders for meetings already arranged have moved too."), "success")
        return redirect_to("meetings.settings")
    return _settings_page(form if form.is_submitted() else None, status=422 if form.is_submitted() else 200)


@bp.route("/meetings/settings/calendar-feed", methods=["POST"])
@members
def new_feed():
    token = new_token()
    with database.atomic():
        CalendarFeed.delete().where(CalendarFeed.user == current_user.id).execute()
        CalendarFeed.create(user=current_user.id, token_hash=token_digest(token), created_at=utcnow())
    return _settings_page(feed_url=url_for("meetings.feed", token=token, _external=True))


@bp.route("/meetings/settings/calendar-feed/revoke", methods=["POST"])
@members
def revoke_feed():
    CalendarFeed.delete().where(CalendarFeed.user == current_user.id).execute()
    flash(_("Your calendar address is switched off. Calendars that used it will stop updating."), "success")
    return redirect_to("meetings.settings")
