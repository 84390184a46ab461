from flask_wtf import FlaskForm
from wtforms import PasswordField
from wtforms.validators import DataRequired, Length

from ..i18n import _l


class ConfirmDeletionForm(FlaskForm):
    password = PasswordField(
        _l("Your password, to confirm it is you"),
        validators=[DataRequired(_l("Enter your password.")), Length(max=1024)],
        render_kw={"autocomplete": "current-password"},
    )
