import pytest

from mentoring.safety import has_risk, risk_phrases


@pytest.mark.parametrize("text", [
    "I keep thinking about suicide",
    "feeling suicidal tonight",
    "I want to kill myself",
    "sometimes I think about killing myself",
    "I just want to end it all",
    "I wanna die",
    "I wish I was dead",
    "everyone would be better off without me",
    "there's no reason to live",
    "I don't want to be here anymore",
    "I don\u2019t want to wake up",
    "I've been self-harming again",
    "thinking of self harm",
    "I hurt myself last night",
    "I cut myself",
    "I took an overdose",
    "SUICIDE",
    "i want to\ndie",
])
def test_it_finds_words_of_risk(text):
    assert has_risk(text), text


@pytest.mark.parametrize("text", [
    "I killed it at work today",
    "This traffic is killing me",
    "my library books are overdue",
    "learning new skills",
    "I'm dead tired",
    "the ending of the film was sad",
    "I want to dye my hair",
    "we ended the meeting early",
    "cutting vegetables for dinner",
    "harmless fun",
    "",
])
def test_harmless_near_misses_are_left_alone(text):
    assert not has_risk(text), text


def test_it_reports_the_phrases_it_found():
    assert risk_phrases("Suicidal again. I want to die.") == ["suicidal", "want to die"]
