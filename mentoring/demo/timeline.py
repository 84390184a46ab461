"""Demo history told relative to one moment, in the program's own zone."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..clock import local_today, to_utc


@dataclass(frozen=True)
class Timeline:
    now: datetime  # naive UTC
    timezone: str

    @property
    def today(self) -> date:
        return local_today(self.timezone, self.now)

    def day(self, offset) -> date:
        """A local date `offset` days from today (negative: in the past)."""
        return self.today + timedelta(days=offset)

    def local(self, offset, hour, minute=0) -> datetime:
        """Local wall-clock time on day `offset`, as a naive local datetime."""
        return datetime.combine(self.day(offset), time(hour, minute))

    def at(self, offset, hour, minute=0) -> datetime:
        """The same moment as naive UTC, never later than now."""
        return min(to_utc(self.local(offset, hour, minute), self.timezone), self.now)

    def ago(self, **delta) -> datetime:
        return self.now - timedelta(**delta)

    def is_past(self, offset, hour, minute=0) -> bool:
        return to_utc(self.local(offset, hour, minute), self.timezone) <= self.now

    def weekday_on_or_after(self, offset, weekday) -> date:
        """The first local date on or after day `offset` that falls on `weekday` (Monday 0)."""
        start = self.day(offset)
        return start + timedelta(days=(weekday - start.weekday()) % 7)
