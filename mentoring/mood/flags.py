"""The gentle flag a mentor sees: a nudge to say hello, never an emergency signal.

The rule, as the app explains it to mentors:
- low mood: the last LOW_RUN check-ins were all "Bad" or "Awful";
- quiet: they have checked in before, but not for QUIET_DAYS days or more.
Risk of harm does not wait for a flag: it goes to the safeguarding lead.
"""

from dataclasses import dataclass


from ..clock import local_today
from ..db import database, is_postgres
from ..models import User
from .convert import as_date, as_datetime
from .models import CheckIn
from .vocab import LOW_MOOD

LOW_RUN = 3
QUIET_DAYS = 7


@dataclass(frozen=True)
class MoodStatus:
    latest_mood: int | None
    latest_at: object  # naive UTC of the latest check-in
    days_since: int | None
    low_run: bool
    quiet: bool

    @property
    def flagged(self):
        return self.low_run or self.quiet


def recent_checkins(user_ids, per_user=LOW_RUN):
    """{user id: [(mood, at, local_date), ...] newest first}, at most per_user each, in one query."""
    if not user_ids:
        return {}
    query = _latest_per_user_postgres if is_postgres() else _latest_per_user_sqlite
    found = {}
    for user_id, mood, at, local_date in query(user_ids, per_user):
        found.setdefault(user_id, []).append((mood, as_datetime(at), as_date(local_date)))
    return found


def _latest_per_user_sqlite(user_ids, per_user):
    # SQLite walks each person's (user, at) index for their last few ids: a few
    # index steps per person however long their history.
    Latest = CheckIn.alias()
    latest_ids = (
        Latest.select(Latest.id).where(Latest.user == User.id)
        .order_by(Latest.at.desc(), Latest.id.desc()).limit(per_user)
    )
    return (
        User.select(User.id, CheckIn.mood, CheckIn.at, CheckIn.local_date)
        .from_(User, CheckIn)
        .where(User.id.in_(user_ids) & CheckIn.id.in_(latest_ids))
        .order_by(User.id, CheckIn.at.desc(), CheckIn.id.desc())
        .tuples()
    )


def _latest_per_user_postgres(user_ids, per_user):
    # PostgreSQL re-runs a correlated IN for every row, and a window over the
    # people's rows sorts their whole history; a LATERAL subquery walks each
    # person's (user, at) index backwards for their last few rows instead.
    if not user_ids:
        return []
    table = CheckIn._meta.table_name
    return database.execute_sql(
        "SELECT c.user_id, c.mood, c.at, c.local_date FROM unnest(%s::integer[]) AS u(id) "
        f"CROSS JOIN LATERAL (SELECT user_id, mood, at, local_date, id FROM {table} "
        "WHERE user_id = u.id ORDER BY at DESC, id DESC LIMIT %s) AS c "
        "ORDER BY c.user_id, c.at DESC, c.id DESC",
        (list(user_ids), per_user),
    ).fetchall()


def status_for(users, now=None):
    """{user id: MoodStatus} for many mentees in one query."""
    recent = recent_checkins([u.id for u in users])
    statuses = {}
    for user in users:
        rows = recent.get(user.id, [])
        if not rows:
            statuses[user.id] = MoodStatus(None, None, None, False, False)
            continue
        days_since = (local_today(user.timezone, now) - rows[0][2]).days
        low_run = len(rows) >= LOW_RUN and all(mood <= LOW_MOOD for mood, _at, _d in rows[:LOW_RUN])
        statuses[user.id] = MoodStatus(rows[0][0], rows[0][1], max(days_since, 0), low_run, days_since >= QUIET_DAYS)
    return statuses
