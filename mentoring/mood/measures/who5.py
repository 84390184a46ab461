"""WHO-5 Well-Being Index: five positive statements about the last two weeks.

Free to use (Psychiatric Research Unit, WHO Collaborating Centre in Mental
Health, Mental Health Centre North Zealand). Raw 0-25, reported as 0-100.
"""

from ...i18n import _l
from .base import Band, Item, Measure

WHO5 = Measure(
    code="who5", name="WHO-5", title=_l("Your wellbeing"),
    question=_l("For each statement, choose what is closest to how you have been feeling over the last two weeks."),
    options=(
        (5, _l("All of the time")),
        (4, _l("Most of the time")),
        (3, _l("More than half of the time")),
        (2, _l("Less than half of the time")),
        (1, _l("Some of the time")),
        (0, _l("At no time")),
    ),
    items=(
        Item(1, _l("I have felt cheerful and in good spirits")),
        Item(2, _l("I have felt calm and relaxed")),
        Item(3, _l("I have felt active and vigorous")),
        Item(4, _l("I woke up feeling fresh and rested")),
        Item(5, _l("My daily life has been filled with things that interest me")),
    ),
    bands=(
        Band(0, 28, "very_low", _l("Very low wellbeing"),
             _l("Your wellbeing has been very low over the last two weeks. Please talk about how you are with a "
                "doctor or another professional soon, as well as your mentor."),
             _l("Your wellbeing has been very low over the last two weeks. Please talk about how you are with a "
                "doctor or another professional soon, as well as your program coordinator.")),
        Band(29, 50, "low", _l("Low wellbeing"),
             _l("Your wellbeing has been low over the last two weeks. It may help to talk about it with your mentor, "
                "or with a doctor or another professional."),
             _l("Your wellbeing has been low over the last two weeks. It may help to talk about it with your "
                "program coordinator, or with a doctor or another professional.")),
        Band(51, 100, "good", _l("Good wellbeing"),
             _l("Your wellbeing has been good over the last two weeks.")),
    ),
    max_score=100, meaningful_change=10, higher_is_better=True, multiplier=4, minutes=1,
    source=_l("WHO-5 Well-Being Index (Psychiatric Research Unit, Mental Health Centre North Zealand). Free to use."),
)
