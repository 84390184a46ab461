from flask import current_app
from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, StringField, TimeField
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from ..i18n import _l
from .endpoints import endpoint_problem
from .keys import unb64url
from .rules import in_quiet_hours

TIME_FORMATS = ["%H:%M", "%H:%M:%S"]


def _key_of_length(length):
    def check(form, field):
        try:
            ok = len(unb64url(field.data or "")) == length
        except ValueError:
            ok = False
        if not ok:
            raise ValidationError(_l("This browser sent a subscription we cannot use."))

    return check


def _push_endpoint(form, field):
    if endpoint_problem(field.data, current_app.config["PUSH_ALLOW_PRIVATE_ENDPOINTS"]):
        raise ValidationError(_l("This browser sent a subscription we cannot use."))


class DeviceForm(FlaskForm):
    """Filled in by static/js/push.js from pushManager.subscribe()."""

    endpoint = HiddenField(validators=[
        InputRequired(_l("Your browser did not turn notifications on. Use the button, and allow notifications when asked.")),
        Length(max=1000), _push_endpoint,
    ])
    p256dh = HiddenField(validators=[InputRequired(), _key_of_length(65)])
    auth = HiddenField(validators=[InputRequired(), _key_of_length(16)])
    device_name = StringField(
        _l("Name for this device"),
        validators=[Optional(), Length(max=60, message=_l("Keep it under 60 characters."))],
        description=_l("So you can tell your devices apart, for example “My phone”."),
    )

    def subscription_error(self):
        """One message for the hidden fields, which have no place of their own on the page."""
        for name in ("endpoint", "p256dh", "auth"):
            if self[name].errors:
                return self[name].errors[0]
        return None


class PreferencesForm(FlaskForm):
    quiet_start = TimeField(_l("Quiet from"), format=TIME_FORMATS, validators=[Optional()])
    quiet_end = TimeField(_l("Quiet until"), format=TIME_FORMATS, validators=[Optional()])
    daily_cap = IntegerField(
        _l("At most this many a day"),
        validators=[InputRequired(_l("Give a number from 1 to 20.")),
                    NumberRange(min=1, max=20, message=_l("Give a number from 1 to 20."))],
        description=_l("Meeting changes, messages and reminders count; anything urgent does not."),
        render_kw={"inputmode": "numeric", "min": 1, "max": 20},
    )
    checkin_time = TimeField(
        _l("Daily check-in reminder at"), format=TIME_FORMATS, validators=[Optional()],
        description=_l("Leave empty for no reminder. None comes once you have checked in that day."),
    )

    def __init__(self, *args, with_checkin=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_checkin:
            del self.checkin_time

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        # Field validators stop at an empty optional field, so the pair is checked here.
        start, end = self.quiet_start.data, self.quiet_end.data
        if self.quiet_start.errors or self.quiet_end.errors:
            return ok
        if (start is None) != (end is None):
            self.quiet_end.errors.append(_l("Give both times, or leave both empty for no quiet hours."))
            return False
        if start is not None and start == end:
            self.quiet_end.errors.append(_l("Quiet hours need to end at a different time from when they start."))
            return False
        return ok

    def validate_checkin_time(self, field):
        if field.data and in_quiet_hours(field.data, self.quiet_start.data, self.quiet_end.data):
            raise ValidationError(_l("That is inside your quiet hours, so it would wait until they end. Pick another time."))
