"""ONS4: the UK Office for National Statistics' four personal wellbeing questions.

Each answer, 0-10, is read on its own (there is no total). Free to use;
source: Office for National Statistics.
"""

from ...i18n import _l
from .base import Band, Item, Measure

ZERO_TO_TEN = tuple((n, str(n)) for n in range(11))

POSITIVE = (
    Band(0, 4, "low", _l("Low"), ""),
    Band(5, 6, "medium", _l("Medium"), ""),
    Band(7, 8, "high", _l("High"), ""),
    Band(9, 10, "very_high", _l("Very high"), ""),
)
# For anxiety a high number is the harder answer, so the bands run the other way.
ANXIETY = (
    Band(0, 1, "very_low", _l("Very low"), ""),
    Band(2, 3, "low", _l("Low"), ""),
    Band(4, 5, "medium", _l("Medium"), ""),
    Band(6, 10, "high", _l("High"), ""),
)

ONS4 = Measure(
    code="ons4", name="ONS4", title=_l("Personal wellbeing"),
    question=_l("Answer each on a scale from 0 to 10, where 0 is “not at all” and 10 is “completely”."),
    options=ZERO_TO_TEN,
    items=(
        Item(1, _l("Overall, how satisfied are you with your life nowadays?"), bands=POSITIVE,
             short=_l("Life satisfaction")),
        Item(2, _l("Overall, to what extent do you feel that the things you do in your life are worthwhile?"),
             bands=POSITIVE, short=_l("Worthwhile")),
        Item(3, _l("Overall, how happy did you feel yesterday?"), bands=POSITIVE, short=_l("Happiness")),
        Item(4, _l("Overall, how anxious did you feel yesterday?"), bands=ANXIETY, short=_l("Anxiety")),
    ),
    per_item=True, minutes=1,
    source=_l("Personal well-being questions, Office for National Statistics (ONS4)."),
    extra={"lower_is_better_items": (4,)},
)
