"""Scoring of every built-in questionnaire against worked examples."""

import pytest

from mentoring.mood.measures import GAD7, MEASURES, ONS4, PHQ8, PHQ9, WHO5, item9_answer


@pytest.mark.parametrize("answers, score, band", [
    ([0] * 9, 0, "minimal"),
    ([1, 1, 1, 1, 0, 0, 0, 0, 0], 4, "minimal"),
    ([1, 1, 1, 1, 1, 0, 0, 0, 0], 5, "mild"),
    ([2, 2, 1, 1, 1, 1, 1, 0, 0], 9, "mild"),
    ([2, 2, 2, 2, 1, 1, 0, 0, 0], 10, "moderate"),
    ([2, 2, 2, 2, 2, 2, 1, 1, 0], 14, "moderate"),
    ([2, 2, 2, 2, 2, 2, 2, 1, 0], 15, "moderately_severe"),
    ([3, 3, 2, 2, 2, 2, 2, 2, 1], 19, "moderately_severe"),
    ([3, 3, 3, 2, 2, 2, 2, 2, 1], 20, "severe"),
    ([3] * 9, 27, "severe"),
])
def test_phq9_scores_and_bands(answers, score, band):
    result = PHQ9.result(answers)
    assert (result.score, result.band.key) == (score, band)


@pytest.mark.parametrize("answers, score, band", [
    ([0] * 8, 0, "minimal"),
    ([1, 1, 1, 1, 1, 0, 0, 0], 5, "mild"),
    ([2, 2, 2, 2, 2, 2, 2, 1], 15, "moderately_severe"),
    ([3, 3, 3, 3, 3, 2, 2, 1], 20, "severe"),
    ([3] * 8, 24, "severe"),
])
def test_phq8_is_phq9_without_item_9(answers, score, band):
    result = PHQ8.result(answers)
    assert (result.score, result.band.key) == (score, band)
    assert len(PHQ8.items) == 8 and PHQ8.max_score == 24
    assert [i.text for i in PHQ8.items] == [i.text for i in PHQ9.items[:8]]


@pytest.mark.parametrize("answers, score, band", [
    ([0] * 7, 0, "minimal"),
    ([1, 1, 1, 1, 0, 0, 0], 4, "minimal"),
    ([1, 1, 1, 1, 1, 0, 0], 5, "mild"),
    ([2, 2, 2, 2, 1, 1, 0], 10, "moderate"),
    ([3, 2, 2, 2, 2, 2, 1], 14, "moderate"),
    ([3, 3, 3, 2, 2, 1, 1], 15, "severe"),
    ([3] * 7, 21, "severe"),
])
def test_gad7_scores_and_bands(answers, score, band):
    result = GAD7.result(answers)
    assert (result.score, result.band.key) == (score, band)


def test_gad7_first_answer_reads_not_at_all():
    assert str(GAD7.options[0][1]) == "Not at all"


@pytest.mark.parametrize("answers, score, band", [
    ([5] * 5, 100, "good"),
    ([3, 3, 3, 2, 2], 52, "good"),  # raw 13
    ([2, 2, 2, 3, 3], 48, "low"),  # raw 12: 50 or below is poor wellbeing
    ([2, 2, 2, 1, 1], 32, "low"),
    ([1, 1, 2, 2, 1], 28, "very_low"),  # raw 7: 28 or below
    ([0] * 5, 0, "very_low"),
])
def test_who5_is_reported_out_of_100(answers, score, band):
    result = WHO5.result(answers)
    assert (result.score, result.band.key) == (score, band)


def test_who5_options_run_from_all_of_the_time_to_at_no_time():
    assert [v for v, _ in WHO5.options] == [5, 4, 3, 2, 1, 0]
    assert str(WHO5.options[0][1]) == "All of the time" and str(WHO5.options[-1][1]) == "At no time"


@pytest.mark.parametrize("answers, bands", [
    ([7, 8, 6, 3], ["high", "high", "medium", "low"]),
    ([9, 10, 4, 6], ["very_high", "very_high", "low", "high"]),
    ([4, 5, 6, 1], ["low", "medium", "medium", "very_low"]),
    ([0, 0, 0, 10], ["low", "low", "low", "high"]),
    ([10, 10, 10, 0], ["very_high", "very_high", "very_high", "very_low"]),
    ([5, 5, 5, 4], ["medium", "medium", "medium", "medium"]),
])
def test_ons4_reports_each_item_alone_with_anxiety_reversed(answers, bands):
    result = ONS4.result(answers)
    assert result.score is None and ONS4.score(answers) is None
    assert [r.band.key for r in result.items] == bands
    assert [r.value for r in result.items] == answers


@pytest.mark.parametrize("measure, first, latest, delta, better, meaningful", [
    (PHQ9, 15, 9, -6, True, True),
    (PHQ9, 15, 11, -4, True, False),
    (PHQ9, 8, 13, 5, False, True),
    (GAD7, 6, 10, 4, False, True),
    (GAD7, 12, 9, -3, True, False),
    (WHO5, 40, 52, 12, True, True),
    (WHO5, 60, 52, -8, False, False),
])
def test_change_since_first_and_whether_it_is_meaningful(measure, first, latest, delta, better, meaningful):
    change = measure.change(first, latest)
    assert (change.delta, change.better, change.worse, change.meaningful) == (delta, better, not better, meaningful)


def test_no_change_is_neither_better_nor_worse():
    change = PHQ9.change(7, 7)
    assert not change.better and not change.worse and not change.meaningful


def test_meaningful_change_thresholds_match_the_literature():
    assert (PHQ9.meaningful_change, GAD7.meaningful_change, WHO5.meaningful_change) == (5, 4, 10)


@pytest.mark.parametrize("measure, answers, valid", [
    (PHQ9, [0] * 9, True),
    (PHQ9, [0] * 8, False),
    (PHQ9, [0] * 8 + [4], False),
    (WHO5, [5] * 5, True),
    (WHO5, [6] * 5, False),
    (ONS4, [10, 0, 5, 7], True),
    (ONS4, [11, 0, 5, 7], False),
])
def test_it_checks_answers_fit_the_measure(measure, answers, valid):
    assert measure.valid_answers(answers) is valid


def test_item9_is_read_only_from_phq9():
    assert item9_answer("phq9", [0] * 8 + [2]) == 2
    assert item9_answer("phq9", [0] * 9) == 0
    assert item9_answer("phq8", [3] * 8) == 0
    assert item9_answer("gad7", [3] * 7) == 0


def test_every_band_table_covers_its_whole_range_without_gaps():
    for measure in MEASURES.values():
        tables = [item.bands for item in measure.items] if measure.per_item else [measure.bands]
        top = 10 if measure.per_item else measure.max_score
        for bands in tables:
            covered = [n for band in bands for n in range(band.low, band.high + 1)]
            assert covered == list(range(0, top + 1)), measure.code


def test_wemwbs_is_not_shipped():
    assert not {"wemwbs", "swemwbs"} & set(MEASURES)
