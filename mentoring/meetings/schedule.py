"""Finding meetings: a match's rows and series, expanded for a window of time.

Every reader here runs a fixed number of queries, whatever the number of
meetings, series or exceptions: matches (1), series (1), rows (1).
"""

import copy
import re
from datetime import datetime, timedelta

from peewee import fn

from ..access import require
from ..clock import to_local
from ..models import Match, User
from .models import CANCELLED, CONFIRMED, PROPOSED, Meeting, MeetingSeries
from .recurrence import falls_on, local_dates

# Local dates can differ from UTC dates by up to a day either way.
DATE_SLACK = timedelta(days=2)
REF = re.compile(r"^(?:(?P<id>\d{1,12})|s(?P<series>\d{1,12})(?:-(?P<day>\d{8}))?)$")


def member_matches(user, match_id=None):
    """The user's active matches with both people loaded, in one query."""
    Mentor, Mentee = User.alias(), User.alias()
    query = (
        Match.select(Match, Mentor, Mentee)
        .join(Mentor, on=(Match.mentor == Mentor.id))
        .switch(Match)
        .join(Mentee, on=(Match.mentee == Mentee.id))
        .where((Match.status == Match.ACTIVE) & ((Match.mentor == user.id) | (Match.mentee == user.id)))
        .order_by(Mentee.name, Match.id)
    )
    if match_id is not None:
        query = query.where(Match.id == match_id)
    return list(query)


def member_match(user, match_id):
    """The user's active match `match_id`, or 404."""
    found = member_matches(user, match_id)
    return require(found[0] if found else None)


def expand(series, start, end):
    """Occurrences of a series that start in [start, end), as unsaved Meetings."""
    if series.status == CANCELLED:
        return []
    first = to_local(start, series.timezone).date() - timedelta(days=1)
    last = to_local(end, series.timezone).date() + timedelta(days=1)
    found = []
    for day in local_dates(series.rule, series.first_date, first, last):
        begins = series.occurrence_start(day)
        if start <= begins < end and (series.ends_at is None or begins < series.ends_at):
            found.append(series.occurrence(day))
    return found


def _series_query(start, end):
    return (MeetingSeries.first_date <= end.date() + DATE_SLACK) & (
        MeetingSeries.ends_at.is_null() | (MeetingSeries.ends_at > start)
    )


def _rows_query(start, end, series_ids):
    in_window = (Meeting.starts_at >= start) & (Meeting.starts_at < end)
    if not series_ids:
        return in_window
    # An occurrence moved out of the window still hides the one it replaced.
    replaced = Meeting.series.in_(series_ids) & Meeting.occurrence_date.between(
        start.date() - DATE_SLACK, end.date() + DATE_SLACK
    )
    return in_window | replaced


def merge(series_list, rows, start, end):
    """Rows in the window plus every occurrence that no row stands in for, by time."""
    by_id = {s.id: s for s in series_list}
    taken = {(r.series_id, r.occurrence_date) for r in rows if r.series_id}
    items = []
    for row in rows:
        if row.series_id in by_id:
            row.series = by_id[row.series_id]
        row.rule = by_id[row.series_id].rule if row.series_id in by_id else None
        if start <= row.starts_at < end:
            items.append(row)
    for series in series_list:
        for occurrence in expand(series, start, end):
            if (series.id, occurrence.occurrence_date) not in taken:
                occurrence.rule = series.rule
                items.append(occurrence)
    items.sort(key=lambda m: (m.starts_at, m.id or 0))
    return items


def between(matches, start, end):
    """Every meeting of `matches` starting in [start, end), rows and occurrences. Two queries."""
    if not matches:
        return []
    match_ids = [m.id for m in matches]
    series_list = list(
        MeetingSeries.select().where(MeetingSeries.match.in_(match_ids) & _series_query(start, end))
    )
    rows = list(
        Meeting.select().where(
            Meeting.match.in_(match_ids) & _rows_query(start, end, [s.id for s in series_list])
        )
    )
    return _placed(series_list, rows, start, end, matches)


def for_series(series_list, start, end):
    """{series id: its meetings in [start, end)} for series already loaded. One query."""
    if not series_list:
        return {}
    rows = list(
        Meeting.select().where(
            Meeting.series.in_([s.id for s in series_list])
            & _rows_query(start, end, [s.id for s in series_list])
        )
    )
    items = merge(series_list, rows, start, end)
    grouped = {s.id: [] for s in series_list}
    for item in items:
        if item.series_id in grouped:
            grouped[item.series_id].append(item)
    return grouped


def overview(user, matches, start, end, now):
    """between() and needing_attention() at once, for home cards: two queries.

    Each table is read once for both the window and what waits on someone;
    the rows are then told apart here by the same conditions the two
    functions give the database.
    """
    if not matches:
        return [], [], []
    ids = [m.id for m in matches]
    series_all = list(MeetingSeries.select().where(
        MeetingSeries.match.in_(ids) & (_series_query(start, end) | _series_waiting(user))))
    in_window = [s for s in series_all if _series_in_window(s, start, end)]
    window_ids = [s.id for s in in_window]
    rows_all = list(Meeting.select().where(
        Meeting.match.in_(ids) & (_rows_query(start, end, window_ids) | _rows_waiting(user, now))))
    window_rows = [r for r in rows_all if _row_in_window(r, start, end, window_ids)]
    items = _placed(in_window, window_rows, start, end, matches)
    # Copies: merge() gave these rows their series' rule, a list of changes shows none.
    waiting_rows = [copy.copy(r) for r in rows_all if _row_waiting(r, user, now)]
    waiting_series = [s for s in series_all if _series_is_waiting(s, user)]
    for_me, waiting = _attention(user, matches, waiting_rows, waiting_series)
    return items, for_me, waiting


def _series_waiting(user):
    return (MeetingSeries.attention == user.id) | (
        (MeetingSeries.status == PROPOSED) & (MeetingSeries.proposed_by == user.id))


def _series_is_waiting(series, user):
    return series.attention_id == user.id or (series.status == PROPOSED and series.proposed_by_id == user.id)


def _series_in_window(series, start, end):
    return series.first_date <= end.date() + DATE_SLACK and (series.ends_at is None or series.ends_at > start)


def _rows_waiting(user, now):
    mine_waiting = (Meeting.status == PROPOSED) & (Meeting.proposed_by == user.id)
    return ((Meeting.attention == user.id) | mine_waiting) & ~((Meeting.status == PROPOSED) & (Meeting.starts_at <= now))


def _row_waiting(row, user, now):
    mine_waiting = row.status == PROPOSED and row.proposed_by_id == user.id
    return (row.attention_id == user.id or mine_waiting) and not (row.status == PROPOSED and row.starts_at <= now)


def _row_in_window(row, start, end, series_ids):
    if start <= row.starts_at < end:
        return True
    return (row.series_id in series_ids and row.occurrence_date is not None
            and start.date() - DATE_SLACK <= row.occurrence_date <= end.date() + DATE_SLACK)


def _placed(series_list, rows, start, end, matches):
    """merge(), with each item and series knowing its match, as between() gives them."""
    by_id = {m.id: m for m in matches}
    for series in series_list:
        series.match = by_id[series.match_id]
    items = merge(series_list, rows, start, end)
    for item in items:
        item.match = by_id[item.match_id]
    return items


def _attention(user, matches, rows, series):
    by_id = {m.id: m for m in matches}
    key = lambda i: i.changed_at or i.created_at  # noqa: E731
    rows, series = sorted(rows, key=key, reverse=True)[:40], sorted(series, key=key, reverse=True)[:40]
    for item in rows + series:
        item.match = by_id[item.match_id]
    for row in rows:
        row.rule = None
    items = sorted(rows + series, key=key, reverse=True)
    for_me = [i for i in items if i.attention_id == user.id][:20]
    waiting = [i for i in items if i.attention_id != user.id][:20]
    return for_me, waiting


def next_confirmed(items, now):
    return next((m for m in items if m.status == CONFIRMED and m.ends_at > now), None)


def needing_attention(user, matches, now):
    """(for the user to answer or see, the user's own proposals awaiting an answer). Two queries.

    Proposals whose time has passed are left out of both: nobody can meet then.
    """
    if not matches:
        return [], []
    by_id = {m.id: m for m in matches}
    mine_waiting = (Meeting.status == PROPOSED) & (Meeting.proposed_by == user.id)
    rows = list(
        Meeting.select()
        .where(
            Meeting.match.in_(list(by_id)) & ((Meeting.attention == user.id) | mine_waiting)
            & ~((Meeting.status == PROPOSED) & (Meeting.starts_at <= now))
        )
        .order_by(Meeting.changed_at.desc())
        .limit(40)
    )
    series = list(
        MeetingSeries.select()
        .where(
            MeetingSeries.match.in_(list(by_id))
            & ((MeetingSeries.attention == user.id)
               | ((MeetingSeries.status == PROPOSED) & (MeetingSeries.proposed_by == user.id)))
        )
        .order_by(MeetingSeries.changed_at.desc())
        .limit(40)
    )
    for item in rows + series:
        item.match = by_id[item.match_id]
    for row in rows:
        row.rule = None
    items = sorted(rows + series, key=lambda i: i.changed_at or i.created_at, reverse=True)
    for_me = [i for i in items if i.attention_id == user.id][:20]
    waiting = [i for i in items if i.attention_id != user.id][:20]
    return for_me, waiting


def unmarked(items, now, days=14):
    """Meetings that have ended in the last `days` days without anyone saying if they happened."""
    since = now - timedelta(days=days)
    return [
        m for m in items
        if m.status == CONFIRMED and not m.outcome and since <= m.starts_at and m.ends_at <= now
    ]


def parse_ref(ref):
    found = REF.match(ref or "")
    require(found)
    return found


def resolve(ref, user):
    """The meeting, occurrence or series `ref` names, if `user` is in its match; else 404.

    Returns (thing, match). An occurrence that has a row comes back as that row.
    """
    parts = parse_ref(ref)
    if parts["id"]:
        meeting = require(Meeting.get_or_none(Meeting.id == int(parts["id"])))
        match = member_match(user, meeting.match_id)
        meeting.match = match
        if meeting.series_id:
            meeting.series = MeetingSeries.get_by_id(meeting.series_id)
            meeting.rule = meeting.series.rule
        else:
            meeting.rule = None
        return meeting, match
    series = require(MeetingSeries.get_or_none(MeetingSeries.id == int(parts["series"])))
    match = member_match(user, series.match_id)
    series.match = match
    if not parts["day"]:
        return series, match
    try:
        day = datetime.strptime(parts["day"], "%Y%m%d").date()
    except ValueError:
        require(False)
    row = Meeting.get_or_none((Meeting.series == series.id) & (Meeting.occurrence_date == day))
    if row is not None:
        row.series, row.match, row.rule = series, match, series.rule
        return row, match
    require(series.status != CANCELLED and falls_on(series.rule, series.first_date, day))
    occurrence = series.occurrence(day)
    require(series.ends_at is None or occurrence.starts_at < series.ends_at)
    occurrence.match, occurrence.rule = match, series.rule
    return occurrence, match


def series_exceptions(series_ids, first=None, last=None):
    """The rows of these series (for calendars), grouped by series. One query.

    With `first` and `last` (local dates), only the occurrences between them:
    the (series, occurrence_date) index finds them however long the series ran.
    """
    grouped = {sid: [] for sid in series_ids}
    if series_ids:
        query = Meeting.select().where(Meeting.series.in_(series_ids))
        if first is not None:
            query = query.where(Meeting.occurrence_date.between(first, last))
        for row in query.order_by(Meeting.starts_at):
            grouped[row.series_id].append(row)
    return grouped


def last_happened(match_ids, now):
    """{match id: start of its last meeting that happened}. One aggregate query."""
    if not match_ids:
        return {}
    return dict(
        Meeting.select(Meeting.match, fn.MAX(Meeting.starts_at))
        .where(Meeting.match.in_(list(match_ids)) & (Meeting.outcome == "happened") & (Meeting.starts_at <= now))
        .group_by(Meeting.match)
        .tuples()
    )

