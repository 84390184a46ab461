"""Words in a person's own writing that suggest risk of harm.

The one list for the whole app (check-in notes, messages, anything else a
person writes). A match shows the writer a calm "How are you doing?" panel;
it is a prompt to care, never a diagnosis, so a few false alarms are an
acceptable price for not missing the real thing.
"""

import re

# Each pattern is matched on whole words, case-insensitively, after
# apostrophes are straightened and runs of space folded.
PATTERNS = (
    r"suicid(?:e|al|ally)",
    r"kill(?:ing)? my ?self",
    r"end(?:ing)? (?:it all|my life|my own life|things|everything)",
    r"take my (?:own )?life",
    r"(?:want|wanted|wanting|wanna) to die",
    r"wanna die",
    r"wish (?:i was|i were|i'd been|i had been) dead",
    r"better off dead",
    r"better off without me",
    r"no (?:reason|point) (?:to|in) (?:live|living|go on|going on)",
    r"(?:don't|do not) want to (?:be here|live|wake up)(?: anymore| any more)?",
    r"self[- ]?harm(?:ing|ed)?",
    r"(?:hurt|hurting|cut|cutting|harm|harming) my ?self",
    r"overdos(?:e|ed|es|ing)",
    r"hang(?:ing)? my ?self",
)

_RISK = re.compile(r"\b(?:" + "|".join(PATTERNS) + r")\b", re.IGNORECASE)


def _normalise(text):
    text = (text or "").replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text)


def risk_phrases(text):
    """The risky phrases found in `text`, in order, lower-cased."""
    return [m.group(0).lower() for m in _RISK.finditer(_normalise(text))]


def has_risk(text):
    return _RISK.search(_normalise(text)) is not None
