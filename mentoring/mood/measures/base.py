"""What every questionnaire is made of, and the arithmetic they share.

A measure is data (items, answer options, bands) plus a scoring rule. Results
are in plain words and never a diagnosis.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Band:
    """Scores from `low` up to and including `high` share a label and an explanation."""

    low: int
    high: int
    key: str
    label: object
    text: object
    # The same advice for a mentee with no mentor (waiting for one, or between two), where
    # `text` suggests the mentor: it names who they can talk to instead.
    without_mentor: object = None

    def advice(self, has_mentor):
        return self.text if has_mentor or self.without_mentor is None else self.without_mentor


@dataclass(frozen=True)
class Item:
    number: int
    text: object
    # The item's own options and bands when they differ from the measure's (ONS4).
    options: tuple = ()
    bands: tuple = ()
    short: object = ""


@dataclass(frozen=True)
class ItemResult:
    item: Item
    value: int
    band: Band


@dataclass(frozen=True)
class Result:
    score: int | None
    band: Band | None
    items: tuple = ()  # ItemResults for measures that report each item alone


@dataclass(frozen=True)
class Measure:
    code: str
    name: str  # a proper name, not translated: PHQ-9
    title: object  # what it is about, in plain words
    question: object  # the stem shown above the items
    options: tuple  # ((value, label), ...)
    items: tuple
    bands: tuple = ()
    max_score: int = 0
    # A change of at least this many points is more than day-to-day wobble.
    meaningful_change: int | None = None
    higher_is_better: bool = False
    minutes: int = 2
    source: object = ""
    # How a raw total becomes the reported score (WHO-5 multiplies by 4).
    multiplier: int = 1
    per_item: bool = False
    extra: dict = field(default_factory=dict)

    def options_for(self, item):
        return item.options or self.options

    def valid_answers(self, answers):
        if len(answers) != len(self.items):
            return False
        return all(
            isinstance(a, int) and a in {v for v, _ in self.options_for(item)}
            for item, a in zip(self.items, answers)
        )

    def score(self, answers):
        """The reported total, or None for measures read item by item."""
        if self.per_item:
            return None
        return sum(answers) * self.multiplier

    def band_for(self, score, bands=None):
        for band in bands or self.bands:
            if band.low <= score <= band.high:
                return band
        return None

    def result(self, answers):
        if self.per_item:
            return Result(
                None, None,
                tuple(ItemResult(item, a, self.band_for(a, item.bands)) for item, a in zip(self.items, answers)),
            )
        total = self.score(answers)
        return Result(total, self.band_for(total))

    def change(self, first, latest):
        """How the latest score compares with the first, in plain terms."""
        if first is None or latest is None:
            return None
        delta = latest - first
        better = delta > 0 if self.higher_is_better else delta < 0
        meaningful = self.meaningful_change is not None and abs(delta) >= self.meaningful_change
        return Change(delta=delta, better=better and delta != 0, worse=not better and delta != 0,
                      meaningful=meaningful, threshold=self.meaningful_change)


@dataclass(frozen=True)
class Change:
    delta: int
    better: bool
    worse: bool
    meaningful: bool
    threshold: int | None
