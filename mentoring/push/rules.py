"""Local-time rules for pushes: quiet hours, the day a daily cap counts, a daily time.

Preferences are wall-clock times in the person's own IANA zone, recomputed
for every decision, so they follow DST changes and travel (a new zone on the
account page) without anything stored needing to change.
"""

from datetime import datetime, timedelta

from ..clock import to_local, to_utc


def in_quiet_hours(local_time, start, end):
    """Whether a wall-clock time falls in [start, end); start after end crosses midnight."""
    if start is None or end is None or start == end:
        return False
    if start < end:
        return start <= local_time < end
    return local_time >= start or local_time < end


def quiet_hours_end(now, tz_name, start, end):
    """Naive UTC when the quiet hours around `now` end, or None when `now` is not quiet."""
    local = to_local(now, tz_name)
    wall = local.time().replace(tzinfo=None)
    if not in_quiet_hours(wall, start, end):
        return None
    day = local.date() if wall < end else local.date() + timedelta(days=1)
    ends = local_moment(day, end, tz_name)
    # Only a DST jump could put it behind us; never defer into the past.
    return max(ends, now + timedelta(minutes=1))


def local_moment(day, wall_time, tz_name):
    """Naive UTC for a local date and wall-clock time.

    A time skipped by a spring-forward change lands just after the jump (the
    offset before it applies: 01:30 on a 01:00->02:00 night is 02:30); a time
    repeated in the autumn means its first occurrence.
    """
    return to_utc(datetime.combine(day, wall_time.replace(tzinfo=None)), tz_name)


def local_day_bounds(now, tz_name):
    """Naive UTC start and end of the person's current local day (23 or 25 hours on DST days)."""
    today = to_local(now, tz_name).date()
    midnight = datetime.min.time()
    return local_moment(today, midnight, tz_name), local_moment(today + timedelta(days=1), midnight, tz_name)
