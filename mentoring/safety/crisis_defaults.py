"""The crisis numbers a new program starts from, by country.

Numbers as DOMAIN.md lists them (and NZ's 111 / 1737). A coordinator checks
each one and records the date ("last verified") before relying on it, so
they go in unverified on purpose. The program's own country comes first.
These are data, not interface text: a coordinator may reword them.
"""

from dataclasses import dataclass

from ..i18n import _l

# ISO 3166 codes (the UK's is GB), as a coordinator picks them.
COUNTRIES = {
    "GB": _l("United Kingdom"),
    "IE": _l("Ireland"),
    "US": _l("United States"),
    "CA": _l("Canada"),
    "AU": _l("Australia"),
    "NZ": _l("New Zealand"),
}

# Shown as tap-to-call links when no program (or no kept list) can be found.
EMERGENCY_NUMBERS = ("112", "911", "999", "000")

IN_DANGER = "If you or someone else is in immediate danger."


@dataclass(frozen=True)
class Default:
    countries: tuple
    region: str
    name: str
    description: str
    phone: str = ""
    sms: str = ""
    is_emergency: bool = False

    def row(self):
        return {"region": self.region, "name": self.name, "description": self.description,
                "phone": self.phone, "sms": self.sms, "is_emergency": self.is_emergency}

    def numbers(self):
        return {n for n in (self.phone, self.sms) if n}


TABLE = (
    Default(("GB",), "UK", "Emergency services", IN_DANGER, phone="999", is_emergency=True),
    Default(("GB", "IE"), "UK and Ireland", "Samaritans", "Free, any time, day or night.", phone="116 123"),
    Default(("GB",), "UK", "Shout", "Text SHOUT, free, 24/7.", sms="85258"),
    Default(("IE",), "Ireland", "Emergency services", IN_DANGER, phone="112", is_emergency=True),
    Default(("US", "CA"), "US and Canada", "Emergency services", IN_DANGER, phone="911", is_emergency=True),
    Default(("US", "CA"), "US and Canada", "988 Suicide & Crisis Lifeline", "Call or text, free, 24 hours a day.",
            phone="988", sms="988"),
    Default(("AU",), "Australia", "Emergency services", IN_DANGER, phone="000", is_emergency=True),
    Default(("AU",), "Australia", "Lifeline", "Crisis support, 24 hours a day.", phone="13 11 14"),
    Default(("NZ",), "New Zealand", "Emergency services", IN_DANGER, phone="111", is_emergency=True),
    Default(("NZ",), "New Zealand", "Need to talk? 1737", "Call or text, free, any time.", phone="1737", sms="1737"),
)


def for_country(country):
    """The table's entries, the country's own first (all of them, in table order, for none)."""
    own = [d for d in TABLE if country in d.countries]
    return own + [d for d in TABLE if country not in d.countries]


def default_rows(country):
    """Rows for CrisisResource.insert_many, numbered so the country's own come first."""
    return [{**d.row(), "position": i * 10} for i, d in enumerate(for_country(country))]


def country_name(code):
    return COUNTRIES.get(code, "")
