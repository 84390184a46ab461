"""What meetings put on other features' pages: home cards, the mentor's
panel about one mentee, and how long since a match last met (coordinators
see the count of days, never what was said)."""

from datetime import timedelta

from flask_login import current_user
from peewee import fn

from ..clock import utcnow
from ..i18n import _, _l
from ..models import MENTEE, Match, User
from ..people import Fact
from . import schedule
from .display import days_ago
from .models import HAPPENED, Meeting

WARNING_DAYS, ALERT_DAYS = 45, 60
CARD_WINDOW = timedelta(days=92)
LOOK_BACK = timedelta(days=14)


def _overview(user, matches, now):
    items, for_me, waiting = schedule.overview(user, matches, now - LOOK_BACK, now + CARD_WINDOW, now)
    return {
        "matches": matches,
        "next": schedule.next_confirmed(items, now),
        "attention": for_me[:5],
        "waiting": waiting[:3],
        "unmarked": schedule.unmarked(items, now)[:3],
        "now": now,
    }


def _home_matches(user):
    """A mentee has one match, which their home has read already (User.active_match)."""
    if user.role != MENTEE:
        return schedule.member_matches(user)
    match = user.active_match()
    if match is None:
        return []
    match.mentee = user
    return [match]


def home_card(user):
    """Mentee (and mentor) home: the next meeting and what is waiting for them. Three queries
    (two for a mentee, whose match the home has read)."""
    matches = _home_matches(user)
    return _overview(user, matches, utcnow()) if matches else None


def match_panel(match):
    """On the mentor's page about one mentee: that match's next meeting."""
    now = utcnow()
    matches = schedule.member_matches(current_user, match.id)
    if not matches:
        return None
    data = _overview(current_user, matches, now)
    data["match"] = matches[0]
    return data


def level(days):
    if days >= ALERT_DAYS:
        return "alert"
    if days >= WARNING_DAYS:
        return "warning"
    return ""


def days_since_meeting(match, last, now):
    """Days since the match last met, or since it began when it never has."""
    return max(0, (now - (last or match.started_at)).days)


def match_facts(matches):
    """{match id: [Fact]}: days since the last meeting that happened. One query."""
    now = utcnow()
    last = schedule.last_happened([m.id for m in matches], now)
    facts = {}
    for match in matches:
        if not match.is_active:
            continue
        days = days_since_meeting(match, last.get(match.id), now)
        if match.id in last:
            value = days_ago(days)
        else:
            value = _("none yet (matched %(when)s)", when=days_ago(days))
        facts[match.id] = [Fact(str(_l("Last meeting")), value, level(days))]
    return facts


def _last_met(now):
    """The start of the match's last meeting that happened: one seek down the
    (match, outcome, starts_at) index per match, never a read of its meetings."""
    return (
        Meeting.select(Meeting.starts_at)
        .where((Meeting.match == Match.id) & (Meeting.outcome == HAPPENED) & (Meeting.starts_at <= now))
        .order_by(Meeting.starts_at.desc())
        .limit(1)
    )


def quiet_matches(program_id, now, limit=10):
    """Active matches that have not met for WARNING_DAYS or more, longest first. One query."""
    Mentor, Mentee = User.alias(), User.alias()
    last_met = _last_met(now)
    since = fn.COALESCE(last_met, Match.started_at)
    rows = (
        Match.select(Match, Mentor, Mentee, last_met.alias("last_at"))
        .join(Mentor, on=(Match.mentor == Mentor.id))
        .switch(Match)
        .join(Mentee, on=(Match.mentee == Mentee.id))
        .where((Match.program == program_id) & (Match.status == Match.ACTIVE)
               & (since <= now - timedelta(days=WARNING_DAYS)))
        .order_by(since, Match.id)
        .limit(limit + 1)
    )
    found = []
    for match in rows:
        last_at = _moment(match.last_at)
        days = days_since_meeting(match, last_at, now)
        found.append({"match": match, "days": days, "level": level(days), "met": last_at is not None})
    return found[:limit], len(found) > limit


def _moment(value):
    """SQLite hands a computed column back as text."""
    return Meeting.starts_at.python_value(value) if isinstance(value, str) else value


def coordinator_card(user):
    now = utcnow()
    quiet, more = quiet_matches(user.program_id, now)
    return {"quiet": quiet, "more": more, "warning_days": WARNING_DAYS, "alert_days": ALERT_DAYS}
