from urllib.parse import urlsplit

from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectField, StringField, TextAreaField, TimeField, URLField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from ..forms import CalendarDateField, choices, client_id_field
from ..i18n import _l
from .display import MODES
from .models import FORTNIGHTLY, HAPPENED, IN_PERSON, MISSED, MONTHLY, ONCE, VIDEO, WEEKLY
from .reminders import OFFSET_CHOICES

DURATIONS = ((15, _l("15 minutes")), (30, _l("30 minutes")), (45, _l("45 minutes")), (60, _l("1 hour")),
             (90, _l("1 hour 30 minutes")), (120, _l("2 hours")))
REPEATS = (
    (ONCE, _l("Just once")),
    (WEEKLY, _l("Every week")),
    (FORTNIGHTLY, _l("Every two weeks")),
    (MONTHLY, _l("Every month, on the same weekday (say, the second Tuesday)")),
)


class WhenAndHow(FlaskForm):
    day = CalendarDateField(_l("Date"), validators=[InputRequired(_l("Choose a date."))])
    time = TimeField(_l("Time"), validators=[InputRequired(_l("Choose a time."))])
    duration = SelectField(_l("How long"), coerce=int, choices=choices(DURATIONS), default=60)
    mode = RadioField(_l("How you'll meet"), choices=choices(MODES.items()), default=IN_PERSON,
                      validators=[InputRequired(_l("Choose how you'll meet."))])
    place = StringField(_l("Where"), validators=[Length(max=200, message=_l("Keep it under 200 characters."))],
                        description=_l("For meeting in person: a public place you both know."))
    link = URLField(_l("Video link"), validators=[Length(max=500, message=_l("That link is too long."))],
                    description=_l("For a video call: the address of the call, starting with https://"),
                    render_kw={"inputmode": "url", "autocapitalize": "none"})

    def validate_place(self, field):
        if self.mode.data == IN_PERSON and not (field.data or "").strip():
            raise ValidationError(_l("Say where you'll meet."))

    def validate_link(self, field):
        value = (field.data or "").strip()
        if self.mode.data != VIDEO:
            return
        if not value:
            raise ValidationError(_l("Add the link to the video call."))
        parts = urlsplit(value)
        # Plain http would let anyone on the network join or watch the call.
        if parts.scheme != "https" or not parts.netloc:
            raise ValidationError(_l("That doesn't look like a web address. It should start with https://"))


class AgendaMixin:
    agenda = TextAreaField(
        _l("What you'd like to talk about (optional)"),
        validators=[Optional(), Length(max=2000, message=_l("Keep it under 2,000 characters."))],
    )


class ProposeForm(WhenAndHow, AgendaMixin):
    client_id = client_id_field()
    match = SelectField(_l("With"), coerce=int, validate_choice=True)
    repeat = RadioField(_l("Repeat"), choices=choices(REPEATS), default=ONCE)


class ChangeForm(WhenAndHow, AgendaMixin):
    repeat = RadioField(_l("Repeat"), choices=choices(REPEATS[1:]), default=WEEKLY, validators=[Optional()])
    reason = StringField(
        _l("Why the change? (a few words)"),
        validators=[Optional(), Length(max=200, message=_l("Keep it under 200 characters."))],
    )


class LogForm(WhenAndHow):
    client_id = client_id_field()
    match = SelectField(_l("With"), coerce=int, validate_choice=True)


class CancelForm(FlaskForm):
    reason = StringField(
        _l("Why? (a few words the other person will see)"),
        validators=[DataRequired(_l("Say why in a few words.")), Length(max=200, message=_l("Keep it under 200 characters."))],
    )


class OutcomeForm(FlaskForm):
    outcome = RadioField(
        _l("Did it happen?"),
        choices=choices(((HAPPENED, _l("Yes, we met")), (MISSED, _l("No, it didn't happen")))),
        validators=[InputRequired(_l("Choose one."))],
    )


class NoteForm(FlaskForm):
    client_id = client_id_field()
    body = TextAreaField(
        _l("Add a note"),
        validators=[DataRequired(_l("Write something first.")), Length(max=5000, message=_l("Keep it under 5,000 characters."))],
    )
    private = BooleanField(_l("Only I can see this note"), default=False)


class ReminderForm(FlaskForm):
    pass


for _minutes, _label in OFFSET_CHOICES:
    setattr(ReminderForm, f"before_{_minutes}", BooleanField(_label))
