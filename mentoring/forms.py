"""Form pieces shared by several features."""

import uuid

from flask_wtf import FlaskForm
from wtforms import DateField, DateTimeLocalField, HiddenField, PasswordField, SelectChoice, SelectField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp, ValidationError
from zxcvbn import zxcvbn

from .clock import is_timezone, timezone_choices
from .i18n import _l

PASSWORD_MIN = 10
PASSWORD_MAX = 128

# zxcvbn's 0-4 estimate of guessability; 3 is "safely unguessable" against
# an attacker who has the hash database, which is what we plan for.
STRONG_ENOUGH = 3


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


def personal_words(form):
    """What an attacker would try first: the person's own email and name.

    A view sets `form.personal_words` when the form itself has no name field.
    """
    words = list(getattr(form, "personal_words", ()))
    if "name" in form and form.name.data:
        words.append(form.name.data)
    return [w for w in words if w]


def hard_to_guess(form, field):
    password = field.data or ""
    if not password:
        return
    words = personal_words(form)
    folded = password.replace(" ", "").lower()
    parts = {p.lower() for w in words for p in [w, w.split("@")[0], w.replace(" ", "")] if len(p) >= 4}
    if any(part in folded for part in parts):
        raise ValidationError(_l("Don't use your name or email in your password. Try a short sentence."))
    if zxcvbn(password[:100], user_inputs=words)["score"] < STRONG_ENOUGH:
        raise ValidationError(_l("That password is too easy to guess. Try a short sentence of four or more words."))


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
            hard_to_guess,
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


# Wider than any date a person means, and far enough from the calendar's ends
# (years 1 and 9999) that moving a time between zones can never overflow.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2200


class _PickedByAPerson:
    """A date field whose errors a person understands, within EARLIEST_YEAR..LATEST_YEAR."""

    unreadable = None

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(self.unreadable) from None
        if self.data is not None and not EARLIEST_YEAR <= self.data.year <= LATEST_YEAR:
            self.data = None
            raise ValueError(_l("Choose a date between %(first)d and %(last)d.", first=EARLIEST_YEAR, last=LATEST_YEAR))


class CalendarDateField(_PickedByAPerson, DateField):
    unreadable = _l("Choose a date from the calendar, or type it as year-month-day.")


class CalendarDateTimeField(_PickedByAPerson, DateTimeLocalField):
    unreadable = _l("Choose a day and a time.")
