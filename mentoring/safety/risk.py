"""Words in a person's own writing that suggest risk of harm.

The one list for the whole app, kept as data: one tuple of patterns per
language, checked against every language a program uses. A match shows the
writer a calm "How are you doing?" panel; it is a prompt to care, never a
diagnosis, so a few false alarms are an acceptable price for not missing the
real thing. tests/data/risk_corpus.tsv holds labelled phrases (real risk and
harmless near-misses); `python -m mentoring.safety.risk_report` measures the
list against it, and tests hold it to full recall and no listed false alarm.

To add a language: add its patterns under its code in PATTERNS, its phrases
to a corpus, and the code to the program's settings["risk_languages"].
"""

import re

DEFAULT_LANGUAGES = ("en",)

# Each pattern is matched on whole words, case-insensitively, after the text
# is normalised (see _normalise): apostrophes straightened, runs of space
# folded, and digits or symbols standing in for letters read as letters.
PATTERNS = {
    "en": (
        # "sui cide", "s u i c i d e": spaced out to slip past filters.
        r"s ?u ?i ?c ?i ?d ?(?:e|es|al|ally)",
        # Common misspellings.
        r"(?:sucid|suicd|suisid|sucicid|suecid)(?:e|al)",
        r"sewer ?slide",
        # Not the idiom "killing myself laughing".
        r"k ?i ?l ?l?(?:ing|ed)? my ?(?:self|slef|sefl|selfe)(?! (?:laughing|with laughter))",
        # "kms" (kill myself), but not kilometres: "5 kms".
        r"(?<![0-9] )kms",
        r"unaliv(?:e|ed|ing)(?: my ?self)?",
        # Not "ending things with him": a break-up, not a risk.
        r"end(?:ing)? (?:it all|my life|my own life|things|everything)(?! with\b)",
        r"(?:want|going|gonna|wanna|ready) to end it(?: all)?(?! with\b| for\b)",
        r"take my (?:own )?life",
        # Not "I want to die of embarrassment" or "to die for a holiday".
        r"(?:want|wanted|wanting|ready) to die(?! (?:of (?:embarrassment|shame|boredom|laughing|laughter)|for (?:a|an|some|the)\b))",
        r"wanna die",
        r"wish (?:i was|i were|i'd been|i had been) dead",
        r"better off dead",
        r"(?:i'd|i would|id) rather be dead",
        r"better off without me",
        r"no (?:reason|point) (?:to|in) (?:live|living|go on|going on|being alive)",
        r"nothing (?:left )?to live for",
        r"(?:life|living) (?:is not|isn't|is no longer|isnt|aint|ain't) worth (?:it|living)",
        r"not worth living",
        r"can'?t go on (?:anymore|any more|like this|living)",
        r"(?:don't|dont|do not) want to (?:be here|live|wake up|be alive|exist)(?: anymore| any more)?",
        # Not "I never wake up before nine".
        r"(?:sleep|asleep) and never wake up",
        r"(?:want|wish|hope) (?:to|i|i could|i would|i'd|i'll) never wake up",
        r"self[- ]?harm(?:ing|ed|s)?",
        # Not "cut myself a slice" or "cut myself some slack".
        r"(?:hurt|hurting|harm|harming) my ?self",
        r"(?:cut|cutting) my ?self(?! (?:a|an|some|off|free|short|in)\b)",
        r"(?:slit|slitting|cut|cutting) my wrists?",
        r"over ?dos(?:e|ed|es|ing)",
        r"(?:take|taking|took|swallow|swallowed) (?:all )?(?:my|the|these|those) (?:pills|tablets) at once",
        r"(?:take|taking|swallow) all (?:my|the) (?:pills|tablets)",
        r"hang(?:ing)? my ?self",
        r"jump(?:ing)? (?:off|in front of) (?:a |the )?(?:bridge|building|roof|train|cliff)",
    ),
}

# What digits and symbols in the middle of a word usually stand for ("k1ll", "su!c!de").
_LOOKALIKES = str.maketrans({"0": "o", "1": "i", "!": "i", "|": "i", "3": "e", "4": "a", "@": "a", "5": "s", "$": "s", "7": "t"})
# A word with at least one letter and a stand-in: "k1ll", "$uicide", "0verdose".
_DISGUISED = re.compile(r"(?<![\w@$!|])[\w@$!|]*[a-z][\w@$!|]*", re.IGNORECASE)


def _compile(patterns):
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


_COMPILED = {language: _compile(patterns) for language, patterns in PATTERNS.items()}


def _undisguise(word):
    # Only matches are ever shown, so reading "mp3" as "mpe" costs nothing.
    return word.translate(_LOOKALIKES) if re.search(r"[a-z]", word, re.IGNORECASE) else word


def _normalise(text):
    text = (text or "").replace("\u2019", "'").replace("\u2018", "'")
    text = _DISGUISED.sub(lambda m: _undisguise(m.group(0)), text)
    return re.sub(r"\s+", " ", text)


def languages_for(program):
    """The risk-word languages a program checks: the ones it chose, else English."""
    chosen = ((program.settings or {}).get("risk_languages") if program is not None else None) or ()
    return tuple(code for code in chosen if code in _COMPILED) or DEFAULT_LANGUAGES


def risk_phrases(text, languages=DEFAULT_LANGUAGES):
    """The risky phrases found in `text`, in order, lower-cased, checked against each language's list."""
    plain = _normalise(text)
    found = []
    for language in languages:
        found += [(m.start(), m.group(0).lower()) for m in _COMPILED[language].finditer(plain)]
    return [phrase for _start, phrase in sorted(found)]


def has_risk(text, languages=DEFAULT_LANGUAGES):
    return bool(risk_phrases(text, languages))
