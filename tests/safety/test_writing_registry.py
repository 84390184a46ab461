"""Every text field in every model is either read for risk (safety.check_writing) or exempt for a reason."""

from peewee import CharField, TextField

from mentoring.db import BaseModel
from mentoring.safety.registry import CHECKED, EXEMPT
from mentoring.safety.writing import SOURCES


def _models(cls=BaseModel):
    for sub in cls.__subclasses__():
        yield sub
        yield from _models(sub)


def text_fields(app):
    """"Model.field" for every CharField and TextField (JSON fields are TextFields too)."""
    return {
        f"{model.__name__}.{field.name}"
        for model in set(_models())
        for field in model._meta.sorted_fields
        if isinstance(field, (CharField, TextField))
    }


def test_every_text_field_is_checked_or_exempt_with_a_reason(app):
    fields = text_fields(app)
    unclassified = sorted(fields - set(CHECKED) - set(EXEMPT))
    assert unclassified == [], "Add these to mentoring/safety/registry.py: CHECKED or EXEMPT with a reason"


def test_the_registry_names_only_real_fields_and_real_sources(app):
    fields = text_fields(app)
    assert sorted(set(CHECKED) - fields) == [] and sorted(set(EXEMPT) - fields) == []
    assert set(CHECKED).isdisjoint(EXEMPT)
    assert set(CHECKED.values()) <= set(SOURCES)
    assert all(isinstance(reason, str) and len(reason) > 10 for reason in EXEMPT.values())


def test_the_warning_signs_are_exempt_by_design_and_notes_are_checked(app):
    assert "risk" in EXEMPT["SafetyPlan.warning_signs"]
    for field in ("CheckIn.note", "Message.body", "Goal.title", "Comment.body", "Rating.note", "MeetingNote.body"):
        assert field in CHECKED
