"""The expected answer of every route for every kind of person.

Each module here holds CASES, {endpoint: Case}, for one feature, and may
define setup(world) to add what its URLs need. test_access.py gathers them
all and fails on any registered route that no module classifies.
"""

from dataclasses import dataclass, field
from typing import Callable

KINDS = ("anon", "mentee", "other_mentee", "mentor", "other_mentor", "coordinator", "lead")


@dataclass
class Case:
    method: str
    url: Callable  # world -> url
    expect: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)


def expect(anon=302, mentee=403, other_mentee=None, mentor=403, other_mentor=None,
           coordinator=403, lead=None):
    """Statuses by kind; "other" kinds default to their counterpart, lead to coordinator."""
    return {
        "anon": anon,
        "mentee": mentee,
        "other_mentee": mentee if other_mentee is None else other_mentee,
        "mentor": mentor,
        "other_mentor": mentor if other_mentor is None else other_mentor,
        "coordinator": coordinator,
        "lead": coordinator if lead is None else lead,
    }


def everyone(status, anon=None):
    return expect(anon=status if anon is None else anon, mentee=status, mentor=status, coordinator=status)


def coordinators(status=200):
    return expect(coordinator=status)


def lead_only(status=200):
    return expect(coordinator=403, lead=status)
