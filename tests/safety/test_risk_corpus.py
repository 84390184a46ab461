"""The risk-word list against its labelled corpus: every real risk caught, no listed near-miss flagged."""

from pathlib import Path
from types import SimpleNamespace

import pytest

from mentoring.safety import risk
from mentoring.safety.risk_report import main, measure, read_corpus

CORPUS = Path(__file__).parents[1] / "data" / "risk_corpus.tsv"


@pytest.fixture(scope="module")
def rows():
    return read_corpus(CORPUS)


def test_the_corpus_is_big_enough_and_holds_both_kinds(rows):
    labels = [label for label, _phrase in rows]
    assert len(rows) >= 200
    assert labels.count("risk") >= 100 and labels.count("safe") >= 100


def test_it_catches_every_real_risk_and_raises_no_false_alarm(rows):
    report = measure(rows)
    assert report.missed == []
    assert report.false_alarms == []
    assert report.recall == 1.0 and report.precision == 1.0


@pytest.mark.parametrize("phrase", ["k1ll myself", "kms", "unalive", "sui cide", "$u1c1de", "0verdose"])
def test_disguised_spellings_count(phrase):
    assert risk.has_risk(phrase)


@pytest.mark.parametrize("phrase", [
    "killing it at the gym", "dying to see you", "this exam will be the death of me",
    "I could kill for a coffee", "I ran 5 kms",
])
def test_the_named_near_misses_stay_quiet(phrase):
    assert not risk.has_risk(phrase)


def test_the_report_prints_precision_and_recall_and_fails_on_a_miss(tmp_path, capsys):
    assert main([str(CORPUS)]) == 0
    assert "recall:    100.0%" in capsys.readouterr().out
    bad = tmp_path / "bad.tsv"
    bad.write_text("risk\tall is well\nsafe\tI want to die\n", encoding="utf-8")
    assert main([str(bad)]) == 1
    out = capsys.readouterr().out
    assert "recall:    0.0%" in out and "missed:      'all is well'" in out and "false alarm: 'I want to die'" in out


def test_a_second_language_adds_its_own_list(monkeypatch):
    monkeypatch.setitem(risk._COMPILED, "xx", risk._compile([r"zorg blap"]))
    assert risk.risk_phrases("zorg blap and I want to die", ("en", "xx")) == ["zorg blap", "want to die"]
    assert risk.risk_phrases("zorg blap", ("en",)) == []


def test_a_program_checks_the_languages_it_chose_that_have_a_list():
    assert risk.languages_for(SimpleNamespace(settings={})) == ("en",)
    assert risk.languages_for(SimpleNamespace(settings={"risk_languages": ["en", "nope"]})) == ("en",)
