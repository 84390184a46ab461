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
    # Not the idiom "killing myself laughing".
    r"kill(?:ing)? my ?self(?! (?:laughing|with laughter))",
    r"unaliv(?:e|ing) my ?self",
    # Not "ending things with him": a break-up, not a risk.
    r"end(?:ing)? (?:it all|my life|my own life|things|everything)(?! with\b)",
    r"take my (?:own )?life",
    r"(?:want|wanted|wanting|wanna) to die",
    r"wanna die",
    r"wish (?:i was|i were|i'd been|i had been) dead",
    r"better off dead",
    r"better off without me",
    r"no (?:reason|point) (?:to|in) (?:live|living|go on|going on)",
    r"(?:life|living) (?:is not|isn't|is no longer|isnt) worth (?:it|living)",
    r"not worth living",
    r"can'?t go on (?:anymore|any more|like this|living)",
    r"(?:don't|do not) want to (?:be here|live|wake up|be alive)(?: anymore| any more)?",
    # Not "I never wake up before nine".
    r"(?:sleep|asleep) and never wake up",
    r"(?:want|wish|hope) (?:to|i could|i would|i'd|i'll) never wake up",
    r"self[- ]?harm(?:ing|ed)?",
    # Not "cut myself a slice" or "cut myself some slack".
    r"(?:hurt|hurting|harm|harming) my ?self",
    r"(?:cut|cutting) my ?self(?! (?:a|an|some|off)\b)",
    r"(?:slit|slitting|cut|cutting) my wrists?",
    r"overdos(?:e|ed|es|ing)",
    r"hang(?:ing)? my ?self",
    r"jump(?:ing)? (?:off|in front of) (?:a |the )?(?:bridge|building|roof|train|cliff)",
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
