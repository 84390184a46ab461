"""The lead's figures and the safeguarding log export, each in a fixed number of queries."""

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from statistics import median

from peewee import fn

from ..clock import to_utc
from .models import SafeguardingAlert

# What the log may carry: times, levels, states and who acted. Never a summary, a note or a message.
LOG_COLUMNS = ("alert_id", "raised_at", "kind", "level", "subject_id", "raised_by_id", "owner_id",
               "acknowledged_at", "minutes_to_acknowledge", "deadline", "deadline_breached",
               "escalated_level", "status", "closed_at", "outcome")


def period(program, first_day, last_day):
    """[start, end) in naive UTC for whole local days of the program."""
    start = to_utc(datetime.combine(first_day, time()), program.timezone)
    end = to_utc(datetime.combine(last_day + timedelta(days=1), time()), program.timezone)
    return start, end


@dataclass
class Figures:
    open_by_level: dict
    raised: int = 0
    acknowledged: int = 0
    median_minutes: float | None = None
    worst_minutes: float | None = None
    breaches: int = 0
    outcomes: Counter = field(default_factory=Counter)
    false_alarms: Counter = field(default_factory=Counter)


def _minutes(alert):
    return (alert.acknowledged_at - alert.created_at).total_seconds() / 60


def alerts_in(program, start, end):
    return (SafeguardingAlert.select()
            .where((SafeguardingAlert.program == program) & (SafeguardingAlert.created_at >= start)
                   & (SafeguardingAlert.created_at < end))
            .order_by(SafeguardingAlert.created_at, SafeguardingAlert.id))


def figures(program, start, end, now):
    """Open alerts by level now, and how the period's alerts were handled: two queries."""
    open_by_level = dict(
        SafeguardingAlert.select(SafeguardingAlert.level, fn.COUNT(SafeguardingAlert.id))
        .where((SafeguardingAlert.program == program) & (SafeguardingAlert.status != SafeguardingAlert.CLOSED))
        .group_by(SafeguardingAlert.level).tuples()
    )
    result = Figures(open_by_level={level: open_by_level.get(level, 0) for level in reversed(SafeguardingAlert.LEVELS)})
    waits = []
    for alert in alerts_in(program, start, end):
        result.raised += 1
        if alert.acknowledged_at is not None:
            waits.append(_minutes(alert))
        result.breaches += alert.breached(now)
        if alert.outcome:
            result.outcomes[alert.outcome] += 1
        if alert.outcome == "false_alarm":
            result.false_alarms[alert.kind] += 1
    if waits:
        result.acknowledged = len(waits)
        result.median_minutes = round(median(waits), 1)
        result.worst_minutes = round(max(waits), 1)
    return result


def _iso(moment):
    return moment.isoformat(timespec="seconds") if moment else ""


def log_row(alert, now):
    return (alert.id, _iso(alert.created_at), alert.kind, alert.level, alert.subject_id, alert.raised_by_id or "",
            alert.owner_id or "", _iso(alert.acknowledged_at),
            round(_minutes(alert), 1) if alert.acknowledged_at else "", _iso(alert.ack_due_at),
            "yes" if alert.breached(now) else "no", alert.escalated_level, alert.status, _iso(alert.closed_at),
            alert.outcome)


def log_csv(alerts, now):
    """(csv text, number of rows)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(LOG_COLUMNS)
    rows = 0
    for alert in alerts:
        writer.writerow(log_row(alert, now))
        rows += 1
    return out.getvalue(), rows
