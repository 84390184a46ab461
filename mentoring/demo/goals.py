"""Riley's goals: two shared with Alex (rated upwards over the weeks), one private.

Written through the goals feature's own actions, given plain stand-ins for
the forms those actions read, so "last update" and the rest come out as they
would from the app.
"""

from types import SimpleNamespace

from ..goals.actions import add_comment, add_rating, add_step, create_goal, mark_seen, set_step_done, update_step
from ..goals.models import Step


class _Form:
    """What a goals form offers an action: fields with `.data`, plus a few properties."""

    def __init__(self, is_shared=True, steps=(), **fields):
        for name, value in fields.items():
            setattr(self, name, SimpleNamespace(data=value))
        self.is_shared = is_shared
        self.step_titles = list(steps)


def _goal_form(client_id, title, measure="", target_date=None, support="", why="", area="", shared=True, steps=()):
    return _Form(client_id=client_id, title=title, measure=measure, target_date=target_date, support=support,
                 why=why, area=area, is_shared=shared, steps=steps)


def _steps(goal):
    return list(Step.select().where(Step.goal == goal.id).order_by(Step.position))


def _rate(goal, mentee, match, ratings, timeline, key):
    for n, (days_ago, value, note) in enumerate(ratings, start=1):
        form = _Form(client_id=f"demo-{key}-rating-{n}", value=value, note=note)
        add_rating(goal, form, mentee, match, now=timeline.at(-days_ago, 19, 30))


def _comment(goal, author, match, body, when, key):
    add_comment(goal, _Form(client_id=key, body=body), author, match, now=when)


def seed(match, timeline):
    mentee, mentor = match.mentee, match.mentor
    walking(mentee, mentor, match, timeline)
    volunteering(mentee, mentor, match, timeline)
    reading(mentee, timeline)


def walking(mentee, mentor, match, timeline):
    goal, _ = create_goal(mentee, _goal_form(
        "demo-goal-walking", "Walk three times a week",
        measure="3 walks of at least 20 minutes", target_date=timeline.day(18), area="health",
        support="Ask me each week how many walks I managed.",
        why="I sleep better and feel calmer after being outside.",
        steps=("Plan a 20-minute route near home", "Go for a first walk", "Ask Mei to walk with me at weekends",
               "Walk three times a week, two weeks running"),
    ), mentee, match, now=timeline.at(-38, 18, 10))
    steps = _steps(goal)
    for step, days_ago in zip(steps, (36, 34, 20)):
        set_step_done(step, True, now=timeline.at(-days_ago, 19, 0))
    update_step(steps[3], _Form(title=steps[3].title, due_date=timeline.day(7)), now=timeline.at(-20, 19, 5))
    _rate(goal, mentee, match, (
        (37, 2, "Starting from scratch."), (30, 3, ""), (23, 4, "Two walks this week."),
        (16, 5, ""), (9, 6, "Walked with Mei at the weekend."), (2, 7, "Three walks this week!"),
    ), timeline, "walking")
    _comment(goal, mentor, match, "Walking with Mei sounds like a lovely way to make it stick. "
             "Well done for keeping going.", timeline.at(-9, 20, 15), "demo-comment-walking-1")
    _comment(goal, mentee, match, "Thanks! It really helps to have company.", timeline.at(-8, 8, 40),
             "demo-comment-walking-2")
    mark_seen(goal, now=timeline.at(-2, 19, 35))


def volunteering(mentee, mentor, match, timeline):
    goal, _ = create_goal(mentee, _goal_form(
        "demo-goal-volunteering", "Start volunteering again",
        measure="One regular shift a week", target_date=timeline.day(50), area="work",
        support="Help me practise what to say when I phone them.",
        why="I miss being useful and being around people.",
        steps=("Make a list of places nearby that need volunteers",),
    ), mentee, match, now=timeline.at(-20, 19, 40))
    set_step_done(_steps(goal)[0], True, now=timeline.at(-15, 18, 0))
    # Due three days ago and not done yet: the one overdue step.
    add_step(goal, _Form(client_id="demo-step-garden", title="Phone the community garden about Saturday mornings",
                         due_date=timeline.day(-3)), mentee, now=timeline.at(-15, 18, 5))
    add_step(goal, _Form(client_id="demo-step-taster", title="Go to a taster session", due_date=None),
             mentee, now=timeline.at(-15, 18, 6))
    _rate(goal, mentee, match, ((19, 1, ""), (12, 2, "Made my list."), (5, 3, "The phone call is next.")),
          timeline, "volunteering")
    mark_seen(goal, now=timeline.at(-5, 19, 35))
    # After Riley last looked: new to them.
    _comment(goal, mentor, match, "Happy to practise the phone call with you on our next call, "
             "if that would help.", timeline.at(-2, 12, 20), "demo-comment-volunteering-1")


def reading(mentee, timeline):
    goal, _ = create_goal(mentee, _goal_form(
        "demo-goal-reading", "Read before bed instead of scrolling",
        measure="20 minutes, 5 nights a week", target_date=timeline.day(30), area="leisure", shared=False,
        why="My head is quieter when I read, and I fall asleep sooner.",
        steps=("Pick a book from the library", "Charge my phone outside the bedroom"),
    ), mentee, now=timeline.at(-14, 21, 30))
    set_step_done(_steps(goal)[0], True, now=timeline.at(-12, 17, 0))
    _rate(goal, mentee, None, ((13, 2, ""), (6, 4, "Read four nights this week.")), timeline, "reading")


def seed_light(match, timeline):
    """Casey's first goal, shared with Jordan."""
    mentee = match.mentee
    goal, _ = create_goal(mentee, _goal_form(
        "demo-goal-cooking", "Cook a proper meal twice a week",
        measure="2 home-cooked dinners a week", target_date=timeline.day(28), area="daily_living",
        support="Swap easy recipes with me.",
        steps=("Write a shopping list for two simple meals", "Cook one of them"),
    ), mentee, match, now=timeline.at(-6, 18, 0))
    set_step_done(_steps(goal)[0], True, now=timeline.at(-4, 17, 30))
    _rate(goal, mentee, match, ((5, 3, "Shopping done."),), timeline, "cooking")
