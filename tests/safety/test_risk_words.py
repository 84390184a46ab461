"""The one list of risky words: what it catches, and harmless words it leaves alone."""

import pytest

from mentoring.safety.risk import has_risk, risk_phrases

MATCHES = [
    ("I keep thinking about suicide", "suicide"),
    ("Feeling suicidal again tonight", "suicidal"),
    ("I want to kill myself", "kill myself"),
    ("i could just kill my self", "kill my self"),
    ("thinking of ending it all", "ending it all"),
    ("I might end my life", "end my life"),
    ("I want to die", "want to die"),
    ("honestly i wanna die", "wanna die"),
    ("everyone would be better off without me", "better off without me"),
    ("I'd be better off dead", "better off dead"),
    ("there's no point in living", "no point in living"),
    ("Life isn't worth living", "life isn't worth living"),
    ("life is not worth it", "life is not worth it"),
    ("I can't go on like this", "can't go on like this"),
    ("I don\u2019t want to be here anymore", "don't want to be here anymore"),
    ("I just want to go to sleep and never wake up", "sleep and never wake up"),
    ("I wish I could never wake up", "wish i could never wake up"),
    ("the self-harm urges are back", "self-harm"),
    ("I was self harming again", "self harming"),
    ("I hurt myself last night", "hurt myself"),
    ("I've been cutting myself", "cutting myself"),
    ("thought about slitting my wrists", "slitting my wrists"),
    ("I took an overdose", "overdose"),
    ("I overdosed last year", "overdosed"),
    ("thought of hanging myself", "hanging myself"),
    ("I want to unalive myself", "unalive myself"),
    ("I thought about jumping off the bridge", "jumping off the bridge"),
    ("KILL   MYSELF", "kill myself"),
]

NEAR_MISSES = [
    "I killed it at the gym today",
    "I was killing myself laughing at that film",
    "The suite at the hotel was lovely",
    "I'm ending things with him, it's for the best",
    "I cut myself a slice of cake",
    "Cut myself some slack this week",
    "My library book is overdue",
    "I never wake up before nine on Sundays",
    "The film was to die for",
    "I'm dying to see the new exhibition",
    "The trip isn't worth it in this weather",
    "I can't go on holiday this year",
    "Took a selfie with my sister",
    "harmless fun at the fair",
    "We jumped in the lake",
    "",
]


@pytest.mark.parametrize("text, phrase", MATCHES)
def test_it_finds_risky_words(text, phrase):
    assert has_risk(text)
    assert phrase in risk_phrases(text)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_it_leaves_harmless_near_misses_alone(text):
    assert not has_risk(text), risk_phrases(text)


def test_it_lists_every_phrase_in_order():
    assert risk_phrases("Suicidal. I took an overdose.") == ["suicidal", "overdose"]


def test_it_handles_none():
    assert risk_phrases(None) == [] and not has_risk(None)
