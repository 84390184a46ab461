"""Measure the risk-word list against a labelled corpus.

    python -m mentoring.safety.risk_report tests/data/risk_corpus.tsv [--languages en]

Each line of the corpus is `label<TAB>phrase`, label "risk" (must be caught)
or "safe" (must be left alone); "#" starts a note. Prints precision and recall
and every phrase the list gets wrong. Exits 1 when any is wrong, so CI can use it.
"""

import argparse
import sys
from dataclasses import dataclass, field

from .risk import DEFAULT_LANGUAGES, has_risk

LABELS = ("risk", "safe")


@dataclass
class Report:
    caught: list = field(default_factory=list)
    missed: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)
    left_alone: list = field(default_factory=list)

    @property
    def recall(self):
        positives = len(self.caught) + len(self.missed)
        return len(self.caught) / positives if positives else 1.0

    @property
    def precision(self):
        flagged = len(self.caught) + len(self.false_alarms)
        return len(self.caught) / flagged if flagged else 1.0


def read_corpus(path):
    """[(label, phrase)] from a corpus file; `\\n` in a phrase stands for a line break."""
    rows = []
    with open(path, encoding="utf-8") as corpus:
        for number, line in enumerate(corpus, start=1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            label, sep, phrase = line.partition("\t")
            if not sep or label not in LABELS:
                raise ValueError(f"{path}:{number}: expected 'risk' or 'safe', a tab, then the phrase")
            rows.append((label, phrase.replace("\\n", "\n")))
    return rows


def measure(rows, languages=DEFAULT_LANGUAGES):
    report = Report()
    for label, phrase in rows:
        flagged = has_risk(phrase, languages)
        if label == "risk":
            (report.caught if flagged else report.missed).append(phrase)
        else:
            (report.false_alarms if flagged else report.left_alone).append(phrase)
    return report


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--languages", default=",".join(DEFAULT_LANGUAGES))
    args = parser.parse_args(argv)
    report = measure(read_corpus(args.corpus), tuple(args.languages.split(",")))
    positives = len(report.caught) + len(report.missed)
    negatives = len(report.false_alarms) + len(report.left_alone)
    print(f"phrases: {positives} risk, {negatives} safe")
    print(f"recall:    {report.recall:.1%} ({len(report.caught)}/{positives})")
    print(f"precision: {report.precision:.1%} ({len(report.false_alarms)} false alarms)")
    for phrase in report.missed:
        print(f"missed:      {phrase!r}")
    for phrase in report.false_alarms:
        print(f"false alarm: {phrase!r}")
    return 1 if report.missed or report.false_alarms else 0


if __name__ == "__main__":
    sys.exit(main())
