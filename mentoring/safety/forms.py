from flask_wtf import FlaskForm
from wtforms import (
    BooleanField, IntegerField, RadioField, SelectField, SelectMultipleField, StringField, TextAreaField, URLField,
    widgets,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp, ValidationError

from ..forms import CalendarDateField, choices, client_id_field
from ..i18n import _l
from .crisis_defaults import COUNTRIES
from .models import SafeguardingAlert

PHONE = Regexp(r"^[0-9+()\-. ]*$", message=_l("Use digits, spaces and + only."))


def _text(value):
    return (value or "").strip()


class CrisisResourceForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(_l("Give it a name.")), Length(max=120)], filters=[_text])
    description = StringField(
        _l("What it offers"), validators=[Length(max=300)], filters=[_text],
        description=_l("For example: free, confidential, 24 hours a day."),
    )
    region = StringField(_l("Where it serves"), validators=[Length(max=60)], filters=[_text])
    phone = StringField(_l("Phone number"), validators=[Length(max=40), PHONE], filters=[_text],
                        render_kw={"inputmode": "tel"})
    sms = StringField(_l("Text (SMS) number"), validators=[Length(max=40), PHONE], filters=[_text],
                      render_kw={"inputmode": "tel"})
    url = URLField(_l("Website"), filters=[_text], validators=[
        Length(max=300), Regexp(r"^(https://\S+)?$", message=_l("Use a full https:// address."))])
    is_emergency = BooleanField(_l("This is the emergency number"))
    position = IntegerField(_l("Order on the page"), default=0, validators=[Optional(), NumberRange(min=0, max=999)])
    last_verified = CalendarDateField(_l("Last checked that it works"), validators=[Optional()])

    def validate_phone(self, field):
        if not (field.data or self.sms.data or self.url.data):
            raise ValidationError(_l("Give at least a phone number, a text number or a website."))


class CountryForm(FlaskForm):
    country = SelectField(
        _l("Your program's country"),
        choices=choices([("", _l("Not listed"))] + list(COUNTRIES.items())),
        default="",
        validate_choice=True,
        description=_l("Its crisis numbers come first under Get help now. Any it lacks are added, not yet checked."),
    )


ACTIONS = {
    "acknowledge": _l("I'm on it"),
    "note": _l("Add a follow-up note"),
    "close": _l("Close with an outcome"),
    "reopen": _l("Reopen"),
}


class AlertActionForm(FlaskForm):
    action = RadioField(_l("What happened"), validators=[DataRequired(_l("Choose what happened."))])
    outcome = RadioField(
        # Checked below: only closing needs one.
        _l("Outcome"), validate_choice=False,
        choices=choices(SafeguardingAlert.OUTCOMES.items()),
        description=_l("Needed to close the alert."),
    )
    note = TextAreaField(
        _l("Follow-up note"),
        validators=[Length(max=4000, message=_l("Keep it under 4,000 characters."))],
        description=_l("Who you contacted, what was agreed. Kept with the alert's history."),
    )

    def __init__(self, alert, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only what fits the alert's state is offered (and accepted).
        self.action.choices = choices([(a, ACTIONS[a]) for a in alert.actions()])

    def validate_outcome(self, field):
        if self.action.data == "close" and field.data not in SafeguardingAlert.OUTCOMES:
            raise ValidationError(_l("Choose the outcome."))

    def validate_note(self, field):
        if self.action.data in ("note", "close") and not (field.data or "").strip():
            raise ValidationError(_l("Write what was done, so the record is complete."))


class SafeguardingSettingsForm(FlaskForm):
    immediate_minutes = IntegerField(
        _l("Immediate: minutes to acknowledge"), validators=[
            DataRequired(_l("Give a number of minutes.")),
            NumberRange(min=5, max=120, message=_l("Between 5 and 120 minutes."))])
    urgent_hours = IntegerField(
        _l("Urgent: hours to acknowledge"), validators=[
            DataRequired(_l("Give a number of hours.")),
            NumberRange(min=1, max=24, message=_l("Between 1 and 24 hours."))])
    concern_working_days = IntegerField(
        _l("Concern: working days to acknowledge"), validators=[
            DataRequired(_l("Give a number of working days.")),
            NumberRange(min=1, max=5, message=_l("Between 1 and 5 working days."))])
    deputy_ids = SelectMultipleField(
        _l("Deputy leads"), coerce=int, validators=[Optional()],
        option_widget=widgets.CheckboxInput(), widget=widgets.ListWidget(prefix_label=False),
        description=_l("Told when an alert is half-way to its deadline with nobody on it. "
                       "Leave empty to remind every lead instead."),
    )


class ConcernForm(FlaskForm):
    level = RadioField(
        _l("How worried are you?"),
        choices=choices([
            ("concern", _l("I'm worried about them")),
            ("immediate", _l("Someone may be in danger now")),
        ]),
        default="concern",
        validators=[DataRequired(_l("Choose how worried you are."))],
    )
    note = TextAreaField(
        _l("What worries you"),
        validators=[DataRequired(_l("Say in a few words what worries you.")),
                    Length(max=1000, message=_l("Keep it under 1,000 characters."))],
        filters=[_text],
        description=_l("Only the safeguarding leads read this."),
    )
    client_id = client_id_field()


class SafetyContactForm(FlaskForm):
    phone = StringField(_l("Your phone number"), validators=[Length(max=40), PHONE], filters=[_text],
                        render_kw={"inputmode": "tel", "autocomplete": "tel"})
    contact_name = StringField(_l("Emergency contact's name"), validators=[Length(max=80)], filters=[_text])
    contact_relation = StringField(_l("Who they are to you"), validators=[Length(max=60)], filters=[_text],
                                   description=_l("For example: my sister, my partner, my GP."))
    contact_phone = StringField(_l("Emergency contact's phone number"), validators=[Length(max=40), PHONE],
                                filters=[_text], render_kw={"inputmode": "tel"})

    def validate_contact_phone(self, field):
        if self.contact_name.data and not field.data:
            raise ValidationError(_l("Add their phone number, or leave the name empty."))
