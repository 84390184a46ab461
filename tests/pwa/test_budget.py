"""The page budget: first visit and htmx fragments stay light."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mentoring.pwa import budget

ROOT = Path(__file__).resolve().parents[2]


def test_the_mentee_home_and_fragments_stay_within_budget(app, world):
    report = budget.measure(app, {"mentee": world.mentee, "mentor": world.mentor, "coordinator": world.lead})
    files = dict(report.first_visit)
    assert "/" in files and "/sw.js" in files and "/offline" in files
    assert any(f.startswith("/static/js/htmx-") for f in files)
    assert any(f.startswith("/static/css/app.") for f in files)
    assert any("apple-touch-icon" in f for f in files)
    assert 0 < report.first_visit_total <= budget.FIRST_VISIT_LIMIT
    assert report.fragments, "the coordinator's lists answer htmx with fragments"
    assert report.largest_fragment <= budget.FRAGMENT_LIMIT
    assert report.third_party == []
    assert report.ok


def test_a_heavy_page_fails_the_budget():
    report = budget.Report(first_visit=[("/", budget.FIRST_VISIT_LIMIT + 1)])
    assert not report.ok
    report = budget.Report(first_visit=[("/", 10)], fragments=[("mentee", "/x", budget.FRAGMENT_LIMIT + 1)])
    assert not report.ok
    report = budget.Report(first_visit=[("/", 10)], third_party=["https://cdn.example/x.js"])
    assert not report.ok


@pytest.mark.slow
def test_the_script_measures_the_demo_and_passes():
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TEST_DATABASE_URL")}
    result = subprocess.run([sys.executable, "-m", "mentoring.pwa.budget"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "total, limit 61,440: ok" in result.stdout
    assert "Third-party requests: none" in result.stdout
