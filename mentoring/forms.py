"""Form pieces shared by several features."""

import uuid

from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, SelectChoice, SelectField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp, ValidationError

from .clock import is_timezone, timezone_choices
from .i18n import _l

PASSWORD_MIN = 10
PASSWORD_MAX = 128

# The handful that people pick most, longer than the minimum.
COMMON_PASSWORDS = frozenset(
    {
        "1234567890", "12345678910", "0123456789", "qwertyuiop", "password123",
        "password12", "iloveyou12", "1q2w3e4r5t", "qwerty1234", "abcdefghij",
        "passwordpassword", "aaaaaaaaaa", "letmein123", "welcome123",
    }
)


def choices(pairs):
    """(value, label) pairs as WTForms wants them."""
    return [SelectChoice(value, label) for value, label in pairs]


class GetForm(FlaskForm):
    """Filters and searches: read-only, so no CSRF token in the URL."""

    class Meta:
        csrf = False


def client_id_field():
    """A hidden id made when the form is drawn, so sending it twice saves once.

    The server draws a fresh one each time it renders the form (no JavaScript
    needed); scripts may set their own (an offline queue). Store it with a
    unique index and save with db.create_once.
    """
    return HiddenField(
        default=lambda: uuid.uuid4().hex,
        validators=[DataRequired(), Regexp(r"^[A-Za-z0-9_-]{8,64}$")],
    )


def not_common(form, field):
    if field.data and field.data.lower() in COMMON_PASSWORDS:
        raise ValidationError(_l("That password is too easy to guess. Try a short sentence."))


def new_password_field(label=None):
    return PasswordField(
        label or _l("New password"),
        validators=[
            DataRequired(_l("Choose a password.")),
            Length(
                min=PASSWORD_MIN,
                max=PASSWORD_MAX,
                message=_l("Use %(min)d to %(max)d characters.", min=PASSWORD_MIN, max=PASSWORD_MAX),
            ),
            not_common,
        ],
        render_kw={"autocomplete": "new-password", "minlength": PASSWORD_MIN},
    )


def confirm_password_field(other="password"):
    return PasswordField(
        _l("Type it again"),
        validators=[DataRequired(_l("Type the password again.")), EqualTo(other, _l("The two passwords differ."))],
        render_kw={"autocomplete": "new-password"},
    )


def valid_timezone(form, field):
    if not is_timezone(field.data or ""):
        raise ValidationError(_l("Choose a time zone from the list."))


def timezone_field():
    return SelectField(
        _l("Time zone"),
        choices=choices([("UTC", "UTC")] + [(z, z.replace("_", " ")) for z in timezone_choices()]),
        validators=[valid_timezone],
        validate_choice=False,
    )
