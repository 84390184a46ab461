"""The questionnaires a program can use: one definition per measure."""

from .base import Band, Change, Item, Measure, Result
from .gad7 import GAD7
from .ons4 import ONS4
from .phq import ITEM9, PHQ8, PHQ9, item9_answer
from .who5 import WHO5

MEASURES = {m.code: m for m in (PHQ9, PHQ8, GAD7, WHO5, ONS4)}

__all__ = ["Band", "Change", "GAD7", "ITEM9", "Item", "MEASURES", "Measure", "ONS4", "PHQ8", "PHQ9", "Result",
           "WHO5", "item9_answer"]
