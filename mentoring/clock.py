"""Time: stored as naive UTC, shown in each person's own IANA time zone."""

from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


def utcnow():
    return datetime.now(UTC).replace(tzinfo=None)


@lru_cache(maxsize=512)
def zone(name):
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def is_timezone(name):
    return name in _zone_names()


@lru_cache(maxsize=1)
def _zone_names():
    return frozenset(available_timezones())


@lru_cache(maxsize=1)
def timezone_choices():
    """Region/City zones, sorted, for pickers; legacy aliases left out."""
    return tuple(sorted(n for n in _zone_names() if "/" in n and not n.startswith("Etc/")))


def to_local(moment, tz_name):
    """A stored naive-UTC datetime as an aware datetime in tz_name."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC).astimezone(zone(tz_name))


def to_utc(local_moment, tz_name):
    """A naive wall-clock datetime in tz_name as naive UTC for storage."""
    aware = local_moment.replace(tzinfo=zone(tz_name))
    return aware.astimezone(UTC).replace(tzinfo=None)


def local_today(tz_name, now=None) -> date:
    return to_local(now or utcnow(), tz_name).date()
