"""PHQ-9 and PHQ-8: how often low mood has bothered someone over two weeks.

Public domain (Kroenke, Spitzer and Williams; developed with a grant from
Pfizer, which asks for no permission to reproduce it).
"""

from ...i18n import _l
from .base import Band, Item, Measure

OFTEN = (
    (0, _l("Not at all")),
    (1, _l("Several days")),
    (2, _l("More than half the days")),
    (3, _l("Nearly every day")),
)

STEM = _l("Over the last 2 weeks, how often have you been bothered by any of the following problems?")

ITEMS = (
    Item(1, _l("Little interest or pleasure in doing things")),
    Item(2, _l("Feeling down, depressed, or hopeless")),
    Item(3, _l("Trouble falling or staying asleep, or sleeping too much")),
    Item(4, _l("Feeling tired or having little energy")),
    Item(5, _l("Poor appetite or overeating")),
    Item(6, _l("Feeling bad about yourself, or that you are a failure or have let yourself or your family down")),
    Item(7, _l("Trouble concentrating on things, such as reading the newspaper or watching television")),
    Item(8, _l("Moving or speaking so slowly that other people could have noticed, or the opposite, being so "
               "fidgety or restless that you have been moving around a lot more than usual")),
    Item(9, _l("Thoughts that you would be better off dead, or of hurting yourself in some way")),
)

NOT_A_DIAGNOSIS = _l("This is not a diagnosis.")

BANDS = (
    Band(0, 4, "minimal", _l("Few or no signs of low mood"),
         _l("Your answers show few or no signs of low mood over the last two weeks.")),
    Band(5, 9, "mild", _l("Mild"),
         _l("Your answers show some low mood over the last two weeks. Keep an eye on it, and talk it over with "
            "your mentor if you like."),
         _l("Your answers show some low mood over the last two weeks. Keep an eye on it, and talk it over with "
            "your program coordinator if you like.")),
    Band(10, 14, "moderate", _l("Moderate"),
         _l("Your answers show a moderate level of low mood over the last two weeks. It may help to talk about "
            "it with a doctor or another professional, as well as your mentor."),
         _l("Your answers show a moderate level of low mood over the last two weeks. It may help to talk about "
            "it with a doctor or another professional, as well as your program coordinator.")),
    Band(15, 19, "moderately_severe", _l("Moderately severe"),
         _l("Your answers show a lot of low mood over the last two weeks. Please talk about it with a doctor or "
            "another professional soon.")),
    Band(20, 27, "severe", _l("Severe"),
         _l("Your answers show a great deal of low mood over the last two weeks. Please talk about it with a doctor "
            "or another professional as soon as you can.")),
)

SOURCE = _l("Patient Health Questionnaire (Kroenke, Spitzer and Williams). Public domain.")

PHQ9 = Measure(
    code="phq9", name="PHQ-9", title=_l("How your mood has been"), question=STEM, options=OFTEN,
    items=ITEMS, bands=BANDS, max_score=27, meaningful_change=5, minutes=2, source=SOURCE,
)

# PHQ-8 drops item 9, for programs with nobody to follow up an answer the same day.
PHQ8 = Measure(
    code="phq8", name="PHQ-8", title=_l("How your mood has been"), question=STEM, options=OFTEN,
    items=ITEMS[:8],
    bands=BANDS[:4] + (Band(20, 24, "severe", BANDS[4].label, BANDS[4].text),),
    max_score=24, meaningful_change=5, minutes=2, source=SOURCE,
)

ITEM9 = 8  # index of item 9 in a PHQ-9 answer list


def item9_answer(measure_code, answers):
    """The PHQ-9 item 9 answer (0-3), or 0 for anything else."""
    if measure_code != "phq9" or len(answers) != len(ITEMS):
        return 0
    return answers[ITEM9]
