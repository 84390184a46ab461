from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, RadioField, StringField, TextAreaField, URLField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp, ValidationError

from ..forms import choices
from ..i18n import _l

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
    last_verified = DateField(_l("Last checked that it works"), validators=[Optional()])

    def validate_phone(self, field):
        if not (field.data or self.sms.data or self.url.data):
            raise ValidationError(_l("Give at least a phone number, a text number or a website."))


class AlertActionForm(FlaskForm):
    action = RadioField(
        _l("What happened"),
        choices=choices([
            ("acknowledge", _l("I'm on it")),
            ("note", _l("Add a follow-up note")),
            ("close", _l("Close: followed up")),
            ("reopen", _l("Reopen")),
        ]),
        validators=[DataRequired(_l("Choose what happened."))],
    )
    note = TextAreaField(
        _l("Follow-up note"),
        validators=[Length(max=4000, message=_l("Keep it under 4,000 characters."))],
        description=_l("Who you contacted, what was agreed. Kept with the alert's history."),
    )

    def validate_note(self, field):
        if self.action.data in ("note", "close") and not (field.data or "").strip():
            raise ValidationError(_l("Write what was done, so the record is complete."))
