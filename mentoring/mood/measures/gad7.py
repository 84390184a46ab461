"""GAD-7: how often worry and anxiety have bothered someone over two weeks. Public domain."""

from ...i18n import _l
from .base import Band, Item, Measure
from .phq import OFTEN, STEM

GAD7 = Measure(
    code="gad7", name="GAD-7", title=_l("How anxious you have felt"), question=STEM,
    # The first answer reads "Not at all" (a known copying error writes "Not at all sure").
    options=OFTEN,
    items=(
        Item(1, _l("Feeling nervous, anxious, or on edge")),
        Item(2, _l("Not being able to stop or control worrying")),
        Item(3, _l("Worrying too much about different things")),
        Item(4, _l("Trouble relaxing")),
        Item(5, _l("Being so restless that it is hard to sit still")),
        Item(6, _l("Becoming easily annoyed or irritable")),
        Item(7, _l("Feeling afraid, as if something awful might happen")),
    ),
    bands=(
        Band(0, 4, "minimal", _l("Few or no signs of anxiety"),
             _l("Your answers show few or no signs of anxiety over the last two weeks.")),
        Band(5, 9, "mild", _l("Mild"),
             _l("Your answers show some anxiety over the last two weeks. Keep an eye on it, and talk it over with "
                "your mentor if you like."),
             _l("Your answers show some anxiety over the last two weeks. Keep an eye on it, and talk it over with "
                "your program coordinator if you like.")),
        Band(10, 14, "moderate", _l("Moderate"),
             _l("Your answers show a moderate level of anxiety over the last two weeks. It may help to talk about "
                "it with a doctor or another professional, as well as your mentor."),
             _l("Your answers show a moderate level of anxiety over the last two weeks. It may help to talk about "
                "it with a doctor or another professional, as well as your program coordinator.")),
        Band(15, 21, "severe", _l("Severe"),
             _l("Your answers show a lot of anxiety over the last two weeks. Please talk about it with a doctor or "
                "another professional soon.")),
    ),
    max_score=21, meaningful_change=4, minutes=2,
    source=_l("Generalized Anxiety Disorder 7 (Spitzer, Kroenke, Williams and Löwe). Public domain."),
)
