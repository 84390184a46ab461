from wtforms import BooleanField, EmailField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional

from flask_wtf import FlaskForm

from ..forms import GetForm, choices
from ..i18n import _l
from ..models import COORDINATOR, MENTEE, MENTOR

ROLE_LABELS = {MENTEE: _l("Mentee"), MENTOR: _l("Mentor"), COORDINATOR: _l("Coordinator")}


END_REASONS = {
    "completed": _l("Completed as planned"),
    "mentee_request": _l("The mentee asked"),
    "mentor_request": _l("The mentor asked"),
    "rematch": _l("Rematching with someone else"),
    "no_contact": _l("No contact"),
    "other": _l("Other"),
}


class PeopleFilter(GetForm):
    q = StringField(_l("Search by name or email"), validators=[Optional(), Length(max=100)])
    role = SelectField(
        _l("Role"),
        choices=choices([("", _l("Everyone"))] + list(ROLE_LABELS.items())),
        validators=[Optional()],
        validate_choice=True,
    )
    status = SelectField(
        _l("Status"),
        choices=choices([("active", _l("Active")), ("inactive", _l("Switched off")), ("all", _l("All"))]),
        default="active",
        validators=[Optional()],
    )


class InviteForm(FlaskForm):
    role = SelectField(_l("They will join as"), choices=choices(ROLE_LABELS.items()))
    email = EmailField(
        _l("Their email"),
        validators=[
            DataRequired(_l("Enter their email.")),
            Length(max=254),
            Email(_l("That doesn't look like an email address."), check_deliverability=False),
        ],
        render_kw={"autocomplete": "off", "inputmode": "email", "autocapitalize": "none"},
    )


class MatchForm(FlaskForm):
    mentor = SelectField(_l("Mentor"), coerce=int, validate_choice=False)
    mentee = SelectField(_l("Mentee"), coerce=int, validate_choice=False)


class EndMatchForm(FlaskForm):
    reason = SelectField(
        _l("Why is it ending?"),
        choices=choices(END_REASONS.items()),
    )
    note = TextAreaField(
        _l("Note for the program record (optional)"),
        validators=[Optional(), Length(max=2000, message=_l("Keep it under 2,000 characters."))],
    )


class PersonSettingsForm(FlaskForm):
    mentor_capacity = IntegerField(
        _l("How many mentees they can take"),
        validators=[Optional(), NumberRange(min=0, max=50, message=_l("Between 0 and 50."))],
    )
    is_safeguarding_lead = BooleanField(_l("Safeguarding lead (receives risk alerts)"))

