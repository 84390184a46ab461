from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, PasswordField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

from ..i18n import _l


class ConfirmDeletionForm(FlaskForm):
    password = PasswordField(
        _l("Your password, to confirm it is you"),
        validators=[DataRequired(_l("Enter your password.")), Length(max=1024)],
        render_kw={"autocomplete": "current-password"},
    )


class DataSettingsForm(FlaskForm):
    deletion_grace_days = IntegerField(
        _l("Days before a deletion request completes by itself"),
        description=_l("The person can cancel until then; a coordinator can confirm it sooner."),
        validators=[InputRequired(_l("Give a number of days.")),
                    NumberRange(min=1, max=90, message=_l("Between 1 and 90 days."))])
    retention_days = IntegerField(
        _l("Days to keep an ended match's messages, meeting notes and goal comments"),
        description=_l("730 days is two years. Reported messages stay with their safeguarding record."),
        validators=[InputRequired(_l("Give a number of days.")),
                    NumberRange(min=30, max=3650, message=_l("Between 30 and 3650 days."))])
    delete_messages_with_account = BooleanField(
        _l("When someone deletes their account, delete the words of the messages they sent too"))
