"""Pages of a list without counting the whole list."""

from dataclasses import dataclass

from flask import request


@dataclass
class Page:
    items: list
    number: int
    has_next: bool

    @property
    def has_prev(self):
        return self.number > 1


def page_number():
    value = request.args.get("page", "1")
    return int(value) if value.isdigit() and 0 < int(value) < 100_000 else 1


def paginate(query, per_page=25, number=None):
    """One query: fetch a row more than the page holds to learn if more follow."""
    number = number or page_number()
    rows = list(query.limit(per_page + 1).offset((number - 1) * per_page))
    return Page(items=rows[:per_page], number=number, has_next=len(rows) > per_page)
