from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Length

from ..forms import confirm_password_field, new_password_field, timezone_field
from ..i18n import _l


class LoginForm(FlaskForm):
    email = EmailField(
        _l("Email"),
        validators=[DataRequired(_l("Enter your email.")), Length(max=254)],
        render_kw={"autocomplete": "username", "inputmode": "email", "autocapitalize": "none"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(_l("Enter your password.")), Length(max=1024)],
        render_kw={"autocomplete": "current-password"},
    )
    remember = BooleanField(_l("Keep me signed in on this device"))


def display_name_field():
    return StringField(
        _l("Your name, as others will see it"),
        validators=[DataRequired(_l("Enter a name.")), Length(max=80, message=_l("Keep it under 80 characters."))],
        render_kw={"autocomplete": "nickname", "maxlength": 80},
        filters=[lambda s: s.strip() if s else s],
    )


class AcceptInviteForm(FlaskForm):
    name = display_name_field()
    password = new_password_field(_l("Choose a password"))
    confirm = confirm_password_field()
    timezone = timezone_field()


class ResetPasswordForm(FlaskForm):
    password = new_password_field()
    confirm = confirm_password_field()


class ChangePasswordForm(FlaskForm):
    current = PasswordField(
        _l("Current password"),
        validators=[DataRequired(_l("Enter your current password."))],
        render_kw={"autocomplete": "current-password"},
    )
    password = new_password_field()
    confirm = confirm_password_field()


class ProfileForm(FlaskForm):
    name = display_name_field()
    timezone = timezone_field()

