"""Forms for check-ins, questionnaires, the safety plan, sharing and program settings."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FloatField,
    RadioField,
    SelectField,
    SelectMultipleField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..forms import CalendarDateTimeField, choices, client_id_field
from ..i18n import _l
from .measures import MEASURES
from .safety_plan import SECTIONS
from .settings import FREQUENCIES, OTHER_MEASURES
from .vocab import ENERGY, MOODS, SLEEP_QUALITY

NOTE_MAX = 4000
TAG_MAX = 40


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class HoursField(FloatField):
    """Hours as 7, 7.5 or 7,5."""

    def process_formdata(self, valuelist):
        if valuelist and valuelist[0].strip():
            try:
                self.data = float(valuelist[0].strip().replace(",", "."))
            except ValueError:
                self.data = None
                raise ValueError(_l("Enter hours as a number, like 7 or 7.5.")) from None
        else:
            self.data = None


def _levels(table):
    return choices(table.items())


class CheckInForm(FlaskForm):
    client_id = client_id_field()
    mood = RadioField(_l("How are you feeling?"), coerce=int, choices=_levels(MOODS),
                      validators=[InputRequired(_l("Choose how you are feeling."))])
    emotions = CheckboxesField(_l("Emotions"), validators=[Optional()])
    activities = CheckboxesField(_l("What you did"), validators=[Optional()])
    energy = RadioField(_l("Energy"), coerce=int, choices=_levels(ENERGY), validators=[Optional()])
    sleep_hours = HoursField(
        _l("Hours slept last night"), validators=[Optional(), NumberRange(0, 24, _l("Between 0 and 24 hours."))],
        render_kw={"inputmode": "decimal", "step": "0.5", "min": "0", "max": "24"},
    )
    sleep_quality = RadioField(_l("How well you slept"), coerce=int, choices=_levels(SLEEP_QUALITY),
                               validators=[Optional()])
    note = TextAreaField(
        _l("Note (only you see it, unless you share it)"),
        validators=[Optional(), Length(max=NOTE_MAX, message=_l("Keep it under 4,000 characters."))],
        render_kw={"rows": 3},
    )
    note_shared = BooleanField(_l("Share this note with my mentor"))
    when = CalendarDateTimeField(
        _l("When was this?"), format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"], validators=[Optional()],
        description=_l("Leave empty for now. You can set it back, for a day you forgot."),
    )
    share_checkins = RadioField(
        _l("Who sees your check-ins?"),
        choices=choices([
            ("yes", _l("Share my check-ins with my mentor")),
            ("no", _l("Keep them to myself")),
        ]),
        validators=[InputRequired(_l("Choose whether your mentor sees your check-ins."))],
    )

    def set_tag_choices(self, emotions, activities):
        self.emotions.choices = choices(emotions)
        self.activities.choices = choices(activities)


def measure_form(measure, formdata=None):
    """A form with one required answer per item of `measure`."""

    class Form(FlaskForm):
        client_id = client_id_field()

    for item in measure.items:
        field = RadioField(
            item.text, coerce=int, choices=choices(measure.options_for(item)),
            validators=[InputRequired(_l("Choose an answer for question %(n)d.", n=item.number))],
        )
        setattr(Form, f"item_{item.number}", field)
    form = Form() if formdata is None else Form(formdata)
    form.item_fields = [getattr(form, f"item_{item.number}") for item in measure.items]
    return form


class SafetyPlanForm(FlaskForm):
    shared = BooleanField(_l("Share my safety plan with my mentor"))


for _name, _heading, _prompt in SECTIONS:
    setattr(SafetyPlanForm, _name, TextAreaField(
        _heading, description=_prompt,
        validators=[Optional(), Length(max=NOTE_MAX, message=_l("Keep it under 4,000 characters."))],
        render_kw={"rows": 4},
    ))


YES_NO = choices([("yes", _l("Yes")), ("no", _l("No"))])


class SharingForm(FlaskForm):
    share_checkins = RadioField(_l("Can your mentor see your check-ins?"), choices=YES_NO,
                                validators=[InputRequired(_l("Choose yes or no."))])
    share_measures = RadioField(_l("Can your mentor see your questionnaire results?"), choices=YES_NO,
                                validators=[InputRequired(_l("Choose yes or no."))])


def lines(text):
    """Non-empty lines, trimmed, each once."""
    return list(dict.fromkeys(w.strip() for w in (text or "").splitlines() if w.strip()))


def _words(form, field):
    words = lines(field.data)
    if any(len(w) > TAG_MAX for w in words):
        raise ValidationError(_l("Keep each one under %(n)d characters.", n=TAG_MAX))
    if len(words) > 30:
        raise ValidationError(_l("Up to 30 of your own."))


class ProgramMoodForm(FlaskForm):
    depression = RadioField(
        _l("Low mood questionnaire"),
        choices=choices([
            ("phq9", _l("PHQ-9 (asks about thoughts of self-harm: needs a safeguarding lead who can follow up "
                        "the same day)")),
            ("phq8", _l("PHQ-8 (the same without that question)")),
            ("", _l("None")),
        ]),
        default="phq9",
        validators=[Optional()],
    )
    others = CheckboxesField(_l("Other questionnaires"), validators=[Optional()])
    every_days = SelectField(
        _l("How often each one is due"), coerce=int,
        choices=choices([(n, _l("Every %(n)d weeks", n=n // 7) if n > 7 else _l("Every week")) for n in FREQUENCIES]),
    )
    emotions = TextAreaField(_l("Your program's own emotions"), validators=[Optional(), _words],
                             description=_l("One per line; added to the usual list."), render_kw={"rows": 3})
    activities = TextAreaField(_l("Your program's own activities"), validators=[Optional(), _words],
                               description=_l("One per line; added to the usual list."), render_kw={"rows": 3})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Labels are built per request, so they follow the reader's language.
        self.others.choices = choices(
            [(code, f"{MEASURES[code].name}: {MEASURES[code].title}") for code in OTHER_MEASURES]
        )
