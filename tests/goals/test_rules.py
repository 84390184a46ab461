"""The rules of goals, one by one, without a database."""

from datetime import date, datetime, timedelta

import pytest

from mentoring.goals.models import Goal
from mentoring.goals.rules import (
    MENTOR,
    OWNER,
    Summary,
    can_move,
    has_moved,
    is_overdue,
    is_stuck,
    next_action,
    parse_steps,
    reorder,
    trend,
    viewer_role,
)
from mentoring.models import COORDINATOR, MENTEE, Match, User

NOW = datetime(2025, 5, 20, 12, 0)


def person(id, role):
    return User(id=id, role=role)


MENTEE_ = person(1, MENTEE)
MENTOR_ = person(2, "mentor")
OTHER_MENTOR = person(3, "mentor")
COORD = person(4, COORDINATOR)


def goal(**fields):
    values = {"mentee": 1, "shared": True, "status": Goal.ACTIVE, "updated_at": NOW - timedelta(days=1)}
    values.update(fields)
    return Goal(**values)


def match(mentor=2, mentee=1, status=Match.ACTIVE):
    return Match(mentor=mentor, mentee=mentee, status=status)


class TestWhoSeesAGoal:
    def test_the_mentee_owns_their_goal_private_or_not(self):
        assert viewer_role(goal(shared=False), MENTEE_, None) == OWNER
        assert viewer_role(goal(), MENTEE_, match()) == OWNER

    def test_the_current_mentor_sees_a_shared_goal(self):
        assert viewer_role(goal(), MENTOR_, match()) == MENTOR

    def test_the_mentor_never_sees_a_private_goal(self):
        assert viewer_role(goal(shared=False), MENTOR_, match()) is None

    def test_a_former_mentor_loses_access_when_the_match_ends(self):
        assert viewer_role(goal(), MENTOR_, match(status=Match.ENDED)) is None
        assert viewer_role(goal(), MENTOR_, None) is None

    def test_another_mentor_sees_nothing(self):
        assert viewer_role(goal(), OTHER_MENTOR, match()) is None

    def test_a_match_with_someone_else_gives_no_access(self):
        assert viewer_role(goal(), MENTOR_, match(mentee=9)) is None

    def test_coordinators_never_see_goals(self):
        assert viewer_role(goal(), COORD, match(mentor=4)) is None

    def test_a_draft_is_seen_by_the_mentor_who_drafted_it(self):
        assert viewer_role(goal(status=Goal.DRAFT, drafted_by=2), MENTOR_, match()) == MENTOR

    def test_a_draft_left_by_a_former_mentor_is_not_the_new_mentors(self):
        assert viewer_role(goal(status=Goal.DRAFT, drafted_by=3), MENTOR_, match()) is None


class TestStates:
    @pytest.mark.parametrize("old, new", [
        ("draft", "active"), ("active", "paused"), ("active", "achieved"), ("active", "let_go"),
        ("paused", "active"), ("paused", "achieved"), ("paused", "let_go"),
        ("achieved", "active"), ("let_go", "active"),
    ])
    def test_allowed_moves(self, old, new):
        assert can_move(old, new)

    @pytest.mark.parametrize("old, new", [
        ("draft", "achieved"), ("draft", "paused"), ("achieved", "let_go"), ("let_go", "achieved"),
        ("active", "draft"), ("achieved", "paused"), ("active", "nonsense"),
    ])
    def test_refused_moves(self, old, new):
        assert not can_move(old, new)


class TestTrend:
    @pytest.mark.parametrize("latest, previous, expected", [
        (None, None, None), (4, None, "new"), (6, 4, "up"), (3, 4, "down"), (5, 5, "steady"),
    ])
    def test_trend_compares_the_last_two_ratings(self, latest, previous, expected):
        assert trend(latest, previous) == expected

    def test_change_is_zero_without_two_ratings(self):
        assert Summary(goal=goal(), latest=5).change == 0
        assert Summary(goal=goal(), latest=7, previous=4).change == 3


class TestOverdue:
    def test_a_step_due_before_today_and_not_done_is_overdue(self):
        assert is_overdue(date(2025, 5, 19), False, date(2025, 5, 20))

    def test_due_today_done_or_undated_is_not(self):
        assert not is_overdue(date(2025, 5, 20), False, date(2025, 5, 20))
        assert not is_overdue(date(2025, 5, 1), True, date(2025, 5, 20))
        assert not is_overdue(None, False, date(2025, 5, 20))


def summary(**fields):
    g = fields.pop("goal", None) or goal()
    return Summary(goal=g, **fields)


class TestNextAction:
    def test_a_draft_asks_for_review_first(self):
        assert next_action(summary(goal=goal(status=Goal.DRAFT), unread=2), NOW)[0] == "review"

    def test_a_new_comment_comes_before_steps(self):
        assert next_action(summary(unread=1, steps=0), NOW)[0] == "reply"

    def test_a_suggested_step_waits_for_an_answer(self):
        assert next_action(summary(suggestions=1, steps=2), NOW)[0] == "suggestion"

    def test_a_goal_without_steps_asks_for_a_first_step(self):
        assert next_action(summary(steps=0), NOW) == ("first_step", "")

    def test_overdue_steps_come_before_rating(self):
        s = summary(steps=2, overdue=1, next_step="Call the gym")
        assert next_action(s, NOW) == ("overdue", "Call the gym")

    def test_rate_when_never_rated_or_a_week_ago(self):
        assert next_action(summary(steps=2, next_step="x"), NOW)[0] == "rate"
        week_ago = NOW - timedelta(days=7)
        assert next_action(summary(steps=2, next_step="x", latest=3, latest_at=week_ago), NOW)[0] == "rate"

    def test_then_the_next_step(self):
        s = summary(steps=2, done=1, next_step="Walk to the corner", latest=3, latest_at=NOW - timedelta(days=1))
        assert next_action(s, NOW) == ("next_step", "Walk to the corner")

    def test_every_step_done_asks_if_achieved(self):
        s = summary(steps=2, done=2, latest=9, latest_at=NOW)
        assert next_action(s, NOW) == ("finish", "")

    def test_a_paused_goal_asks_nothing(self):
        assert next_action(summary(goal=goal(status=Goal.PAUSED)), NOW) == (None, "")


class TestMovedOrStuck:
    def test_untouched_for_three_weeks_is_stuck(self):
        s = summary(goal=goal(updated_at=NOW - timedelta(days=21)))
        assert is_stuck(s, NOW)

    def test_a_recent_rating_or_step_keeps_it_from_being_stuck(self):
        old = goal(updated_at=NOW - timedelta(days=40))
        assert not is_stuck(summary(goal=old, latest=3, latest_at=NOW - timedelta(days=2)), NOW)
        assert not is_stuck(summary(goal=old, last_done_at=NOW - timedelta(days=2)), NOW)

    def test_overdue_steps_make_it_stuck(self):
        assert is_stuck(summary(overdue=1), NOW)

    def test_paused_goals_are_never_stuck(self):
        assert not is_stuck(summary(goal=goal(status=Goal.PAUSED, updated_at=NOW - timedelta(days=90))), NOW)

    def test_a_rating_up_this_week_has_moved(self):
        assert has_moved(summary(latest=6, previous=4, latest_at=NOW - timedelta(days=2)), NOW)

    def test_a_rating_down_or_long_ago_has_not(self):
        assert not has_moved(summary(latest=3, previous=4, latest_at=NOW), NOW)
        assert not has_moved(summary(latest=6, previous=4, latest_at=NOW - timedelta(days=9)), NOW)

    def test_a_step_done_this_week_has_moved(self):
        assert has_moved(summary(last_done_at=NOW - timedelta(days=1)), NOW)

    def test_achieved_this_week_has_moved(self):
        g = goal(status=Goal.ACHIEVED, status_changed_at=NOW - timedelta(days=3))
        assert has_moved(summary(goal=g), NOW)
        g = goal(status=Goal.ACHIEVED, status_changed_at=NOW - timedelta(days=30))
        assert not has_moved(summary(goal=g), NOW)


class TestFirstSteps:
    def test_lines_become_steps_without_bullets_or_blanks(self):
        assert parse_steps("- Find shoes\n\n* Walk to the corner \n  ") == ["Find shoes", "Walk to the corner"]

    def test_nothing_gives_no_steps(self):
        assert parse_steps("") == [] and parse_steps(None) == []


class TestReorder:
    def test_moving_up_swaps_with_the_one_before(self):
        assert reorder([1, 2, 3], 3, "up") == [1, 3, 2]

    def test_moving_down_swaps_with_the_one_after(self):
        assert reorder([1, 2, 3], 1, "down") == [2, 1, 3]

    def test_the_ends_stay_put(self):
        assert reorder([1, 2, 3], 1, "up") == [1, 2, 3]
        assert reorder([1, 2, 3], 3, "down") == [1, 2, 3]

    def test_an_unknown_step_changes_nothing(self):
        assert reorder([1, 2], 7, "up") == [1, 2]
