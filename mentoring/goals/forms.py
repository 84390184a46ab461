"""Goal forms: only a title is required; hints show what makes a goal measurable."""

from flask_wtf import FlaskForm
from wtforms import IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Optional, ValidationError

from ..forms import CalendarDateField, choices, client_id_field
from ..i18n import _, _l
from .models import (
    COMMENT_MAX,
    MEASURE_MAX,
    NOTE_MAX,
    REFLECTION_MAX,
    STEP_MAX,
    TEXT_MAX,
    TITLE_MAX,
)
from .rules import parse_steps

AREAS = {
    "health": _l("Health and body"),
    "recovery": _l("Recovery and wellbeing"),
    "daily_living": _l("Daily living"),
    "relationships": _l("Relationships and family"),
    "social": _l("Friends and community"),
    "work": _l("Work and volunteering"),
    "study": _l("Study and learning"),
    "home": _l("Home and money"),
    "leisure": _l("Leisure and creativity"),
    "other": _l("Something else"),
}
FIRST_STEPS_MAX = 10


def strip(value):
    return value.strip() if isinstance(value, str) else value


def limit(maximum):
    """A length check whose message says how far over the text is."""

    def check(form, field):
        size = len(field.data or "")
        if size > maximum:
            raise ValidationError(
                _("Keep this to %(max)d characters or fewer: it has %(count)d now.", max=maximum, count=size)
            )

    return check


def required(message):
    def check(form, field):
        if not (field.data or "").strip():
            raise ValidationError(message)

    return check


class Score(IntegerField):
    """0-10, chosen from a row of buttons."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(_("Choose a number from 0 to 10.")) from None


def in_scale(form, field):
    if field.data is None or not 0 <= field.data <= 10:
        raise ValidationError(_("Choose a number from 0 to 10."))


class GoalForm(FlaskForm):
    title = StringField(
        _l("What do you want to achieve?"),
        filters=[strip],
        validators=[required(_l("Give your goal a name, in a few words.")), limit(TITLE_MAX)],
        description=_l("In your own words, for example: “Walk to the park and back”."),
        render_kw={"autocomplete": "off"},
    )
    measure = StringField(
        _l("How much, or how often?"),
        filters=[strip],
        validators=[Optional(), limit(MEASURE_MAX)],
        description=_l("A number makes progress easy to see: “3 times a week”, “20 minutes a day”."),
        render_kw={"autocomplete": "off"},
    )
    target_date = CalendarDateField(
        _l("By when?"),
        validators=[Optional()],
        description=_l("A date you can picture reaching it. You can change it later."),
    )
    support = TextAreaField(
        _l("What support would you like from your mentor?"),
        filters=[strip],
        validators=[Optional(), limit(TEXT_MAX)],
        description=_l("For example: “Ask me how it went each week”."),
        render_kw={"rows": 3},
    )
    why = TextAreaField(
        _l("Why does it matter to you?"),
        filters=[strip],
        validators=[Optional(), limit(TEXT_MAX)],
        description=_l("Your reason helps on the days it feels hard."),
        render_kw={"rows": 3},
    )
    area = SelectField(
        _l("Part of life"),
        choices=choices([("", _l("Choose one (optional)"))] + list(AREAS.items())),
        validators=[Optional()],
    )
    shared = RadioField(
        _l("Who can see it?"),
        choices=choices([("shared", _l("Me and my mentor")), ("private", _l("Only me"))]),
        default="shared",
        # Anything but "private" shares, so a missing answer never hides a goal by accident nor fails.
        validate_choice=False,
        description=_l(
            "Your mentor can see a shared goal and encourage you; a new mentor would see it too. "
            "A private goal is only ever seen by you."
        ),
    )

    @property
    def is_shared(self):
        return self.shared is None or self.shared.data != "private"


class NewGoalForm(GoalForm):
    steps = TextAreaField(
        _l("First steps (optional)"),
        validators=[Optional()],
        description=_l("One per line, small and concrete: “Look up the opening times”."),
        render_kw={"rows": 3},
    )
    client_id = client_id_field()

    def validate_steps(self, field):
        titles = parse_steps(field.data)
        if len(titles) > FIRST_STEPS_MAX:
            raise ValidationError(
                _("Start with up to %(max)d steps; you can add more on the goal's page.", max=FIRST_STEPS_MAX)
            )
        for title in titles:
            if len(title) > STEP_MAX:
                raise ValidationError(
                    _("Keep each step to %(max)d characters or fewer: “%(start)s…” is longer.",
                      max=STEP_MAX, start=title[:30])
                )

    @property
    def step_titles(self):
        return parse_steps(self.steps.data)


class DraftGoalForm(NewGoalForm):
    """A mentor drafting with their mentee: always shared until the mentee decides."""

    shared = None


class StatusForm(FlaskForm):
    status = RadioField(
        _l("Where is this goal now?"),
        choices=choices([
            ("active", _l("Working on it")),
            ("paused", _l("Paused for now")),
            ("achieved", _l("Achieved")),
            ("let_go", _l("Letting it go")),
        ]),
        validators=[InputRequired(_l("Choose where the goal is now."))],
    )
    reflection = TextAreaField(
        _l("A few words for yourself (optional)"),
        filters=[strip],
        validators=[Optional(), limit(REFLECTION_MAX)],
        description=_l("What you learnt, what helped, what you'd do differently. Letting go is a choice, not a failure."),
        render_kw={"rows": 4},
    )


class RatingForm(FlaskForm):
    value = Score(_l("How far along are you?"), validators=[in_scale])
    note = TextAreaField(
        _l("A short note (optional)"),
        filters=[strip],
        validators=[Optional(), limit(NOTE_MAX)],
        description=_l("What moved it, or what got in the way."),
        render_kw={"rows": 2},
    )
    client_id = client_id_field()


class CommentForm(FlaskForm):
    body = TextAreaField(
        _l("Your message"),
        filters=[strip],
        validators=[required(_l("Write something first.")), limit(COMMENT_MAX)],
        render_kw={"rows": 3},
    )
    client_id = client_id_field()


class StepForm(FlaskForm):
    title = StringField(
        _l("A new step"),
        filters=[strip],
        validators=[required(_l("Write the step in a few words.")), limit(STEP_MAX)],
        render_kw={"autocomplete": "off"},
    )
    due_date = CalendarDateField(_l("Do it by (optional)"), validators=[Optional()])
    client_id = client_id_field()


class EditStepForm(FlaskForm):
    title = StepForm.title
    due_date = StepForm.due_date
