from flask_wtf import FlaskForm
from wtforms import IntegerField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from ..forms import client_id_field
from ..i18n import _, _l
from .policy import MAX_LENGTH, MAX_RETENTION_DAYS
from .text import normalise


def message_text(form, field):
    text = normalise(field.data)
    if not text.strip():
        raise ValidationError(_("Write a message first."))
    if len(text) > MAX_LENGTH:
        raise ValidationError(_(
            "Messages can be up to %(max)s characters and this one has %(count)s. "
            "Shorten it, or send it in two parts.",
            max=f"{MAX_LENGTH:,}", count=f"{len(text):,}",
        ))
    field.data = text


class MessageForm(FlaskForm):
    body = TextAreaField(_l("Message"), validators=[message_text], render_kw={"rows": 2, "autocomplete": "off"})
    client_id = client_id_field()


class EditForm(FlaskForm):
    body = TextAreaField(_l("Your message"), validators=[message_text], render_kw={"rows": 5})


class ReportForm(FlaskForm):
    note = TextAreaField(
        _l("Anything the safeguarding lead should know? (optional)"),
        validators=[Optional(), Length(max=1000, message=_l("Keep it under 1,000 characters."))],
        render_kw={"rows": 3},
    )


class RetentionForm(FlaskForm):
    days = IntegerField(
        _l("Days a former mentor can still read the conversation"),
        validators=[
            InputRequired(_l("Enter a number of days.")),
            NumberRange(min=0, max=MAX_RETENTION_DAYS,
                        message=_l("Use a number from 0 to %(max)d.", max=MAX_RETENTION_DAYS)),
        ],
        description=_l("After a match ends, its conversation becomes read-only for both people. The mentee "
                       "keeps it; the former mentor sees it for this many days, then no longer. 0 removes it "
                       "from their list as soon as the match ends."),
        render_kw={"inputmode": "numeric", "min": 0, "max": MAX_RETENTION_DAYS},
    )
