"""Completed questionnaires: saving them, what is due, and how scores have moved."""

from dataclasses import dataclass
from datetime import timedelta

from peewee import fn

from ..clock import local_today, to_local, utcnow
from ..db import create_once, database
from ..i18n import _
from ..safety import raise_alert
from .convert import as_date, as_datetime
from .measures import ITEM9, MEASURES, PHQ9, item9_answer
from .models import MeasureResponse
from .settings import mood_settings


def save_response(user, measure, client_id, answers, now=None):
    """Save a completed questionnaire once per client_id; returns (response, created).

    PHQ-9 item 9 above 0 alerts the safeguarding lead in the same transaction.
    """
    now = now or utcnow()
    with database.atomic():
        response, created = create_once(
            MeasureResponse, {"user": user, "client_id": client_id},
            measure=measure.code, answers=list(answers), score=measure.score(answers),
            taken_at=now, local_date=local_today(user.timezone, now),
        )
        if created and item9_answer(measure.code, answers) > 0:
            alert_item9(user, response)
    return response, created


def alert_item9(user, response):
    """Who, when and which answer: never the rest of the questionnaire."""
    value = response.answers[ITEM9]
    answer = dict(PHQ9.options)[value]
    when = to_local(response.taken_at, user.timezone).strftime("%Y-%m-%d %H:%M")
    return raise_alert(
        user, "phq9_item9",
        _("%(name)s answered “%(answer)s” to PHQ-9 question 9 (thoughts of being better off dead or of "
          "self-harm).", name=user.name, answer=answer),
        details={"lines": [
            [_("Questionnaire"), "PHQ-9"],
            [_("Question"), _("9. %(text)s", text=PHQ9.items[ITEM9].text)],
            [_("Answer"), f"{answer} ({value} of 3)"],
            [_("When"), f"{when} ({user.timezone})"],
        ]},
        now=response.taken_at,
        # "Nearly every day" cannot wait hours: the immediate deadline applies.
        level="immediate" if value == 3 else "urgent",
    )


def latest_dates(user):
    """{measure code: local date last taken} in one query."""
    query = (
        MeasureResponse.select(MeasureResponse.measure, fn.MAX(MeasureResponse.local_date))
        .where(MeasureResponse.user == user)
        .group_by(MeasureResponse.measure)
        .tuples()
    )
    return {code: as_date(day) for code, day in query}


@dataclass(frozen=True)
class Due:
    measure: object
    last_taken: object  # a date, or None when never taken
    due_on: object


def due_measures(user, settings=None, now=None):
    """The program's questionnaires that are due for this mentee today, in the program's order."""
    settings = settings or mood_settings(user.program)
    today = local_today(user.timezone, now)
    every = timedelta(days=settings["every_days"])
    taken = latest_dates(user)
    due = []
    for code in settings["measures"]:
        last = taken.get(code)
        due_on = today if last is None else last + every
        if due_on <= today:
            due.append(Due(MEASURES[code], last, due_on))
    return due


@dataclass(frozen=True)
class Progress:
    measure: object
    first: object  # MeasureResponse
    latest: object  # MeasureResponse
    count: int

    @property
    def result(self):
        return self.measure.result(self.latest.answers)

    @property
    def change(self):
        if self.first.id == self.latest.id:
            return None
        return self.measure.change(self.first.score, self.latest.score)

    def item_changes(self):
        """For measures read item by item: [(item, first value, latest value)]."""
        return [(item, a, b) for item, a, b in zip(self.measure.items, self.first.answers, self.latest.answers)]


def _answers(value):
    return MeasureResponse.answers.python_value(value) if isinstance(value, str) else value


def progress(user_id):
    """{measure code: Progress} with each measure's first and latest response, in one query."""
    first = fn.ROW_NUMBER().over(partition_by=[MeasureResponse.measure],
                                 order_by=[MeasureResponse.taken_at, MeasureResponse.id])
    last = fn.ROW_NUMBER().over(partition_by=[MeasureResponse.measure],
                                order_by=[MeasureResponse.taken_at.desc(), MeasureResponse.id.desc()])
    count = fn.COUNT(MeasureResponse.id).over(partition_by=[MeasureResponse.measure])
    inner = (
        MeasureResponse.select(MeasureResponse, first.alias("first_rank"), last.alias("last_rank"),
                               count.alias("n"))
        .where(MeasureResponse.user == user_id)
        .alias("ranked")
    )
    rows = (
        MeasureResponse.select(inner.c.id, inner.c.measure, inner.c.answers, inner.c.score, inner.c.taken_at,
                               inner.c.local_date, inner.c.user_id, inner.c.client_id,
                               inner.c.first_rank, inner.c.last_rank, inner.c.n)
        .from_(inner)
        .where((inner.c.first_rank == 1) | (inner.c.last_rank == 1))
        .dicts()
    )
    found = {}
    for row in rows:
        response = MeasureResponse(
            id=row["id"], measure=row["measure"], answers=_answers(row["answers"]),
            score=row["score"], taken_at=as_datetime(row["taken_at"]), local_date=as_date(row["local_date"]), user=row["user_id"],
        )
        entry = found.setdefault(row["measure"], {"n": int(row["n"])})
        if row["first_rank"] == 1:
            entry["first"] = response
        if row["last_rank"] == 1:
            entry["latest"] = response
    return {
        code: Progress(MEASURES[code], e["first"], e["latest"], e["n"])
        for code, e in found.items() if code in MEASURES
    }
