"""What goals add to each role's home screen."""

from datetime import timedelta

from mentoring.clock import utcnow
from mentoring.goals.models import Goal
from mentoring.goals.queries import program_figures
from mentoring.models import MENTOR
from mentoring.people.matching import end_match

from ..factories import make_match, make_user
from .support import comment, make_draft, make_goal, make_step, rate
def home(client, url):
    return client.get(url("home.index")).get_data(as_text=True)


class TestMentee:
    def test_no_goals_invites_one(self, world, as_user, url):
        html = home(as_user(world.mentee), url)
        assert "Your goals" in html and "Set a goal" in html

    def test_active_goals_with_what_to_do_next(self, world, as_user, url):
        fresh = make_goal(world.mentee, "Walk", updated_at=utcnow())
        make_step(fresh, "Find shoes")
        rate(fresh, 4)
        make_goal(world.mentee, "Cook", updated_at=utcnow() - timedelta(days=1))
        make_goal(world.mentee, "Sleep", status=Goal.PAUSED)
        html = home(as_user(world.mentee), url)
        assert "Next: Find shoes" in html and "choose a first small step" in html and "Sleep" not in html

    def test_a_draft_asks_for_review(self, world, as_user, url):
        make_draft(world.mentor, world.mentee, "Choir")
        html = home(as_user(world.mentee), url)
        assert "Choir" in html and "make it yours" in html

    def test_at_most_three_and_a_link_to_all(self, world, as_user, url):
        for i in range(5):
            make_goal(world.mentee, f"Goal {i}", updated_at=utcnow() - timedelta(hours=i))
        html = home(as_user(world.mentee), url)
        assert "Goal 2" in html and "Goal 3" not in html and "All your goals" in html


class TestMentor:
    def test_no_card_when_nothing_moved_or_stuck(self, world, as_user, url):
        make_goal(world.mentee, updated_at=utcnow())
        assert "Goals to look at" not in home(as_user(world.mentor), url)

    def test_moving_and_stuck_goals_of_current_mentees(self, world, as_user, url):
        moving = make_goal(world.mentee, "Moving goal")
        rate(moving, 3, days_ago=5)
        rate(moving, 6)
        make_goal(world.mentee, "Stuck goal", updated_at=utcnow() - timedelta(days=30))
        make_goal(world.mentee, "Private stuck", shared=False, updated_at=utcnow() - timedelta(days=30))
        make_goal(world.other_mentee, "Someone else's", updated_at=utcnow() - timedelta(days=30))
        html = home(as_user(world.mentor), url)
        assert "Goals to look at" in html
        assert html.index("Moving goal") < html.index("Stuck goal")
        assert "Mia Mentee: Moving goal" in html and "up 3" in html
        assert "Private stuck" not in html and "Someone else" not in html

    def test_a_former_mentees_goals_leave_the_card(self, world, as_user, url):
        make_goal(world.mentee, "Stuck goal", updated_at=utcnow() - timedelta(days=30))
        end_match(world.match, "completed")
        assert "Stuck goal" not in home(as_user(world.mentor), url)


class TestCoordinator:
    def test_counts_only_never_titles_or_notes(self, world, as_user, url):
        goal = make_goal(world.mentee, "Secret title", why="Secret why")
        rate(goal, 2, days_ago=10, match=world.match, note="Secret note")
        rate(goal, 6, match=world.match)
        make_goal(world.mentee, "Done", status=Goal.ACHIEVED)
        comment(goal, world.mentor, world.match, "Secret comment")
        html = home(as_user(world.coordinator), url)
        assert "Goals set" in html and "Average progress change per match" in html and "+4.0" in html
        for secret in ("Secret", "Done<"):
            assert secret not in html

    def test_private_goals_and_drafts_are_not_counted(self, world):
        make_goal(world.mentee, shared=False, status=Goal.ACHIEVED)
        make_draft(world.mentor, world.mentee)
        make_goal(world.mentee)
        assert program_figures(world.program.id) == {"set": 1, "achieved": 0, "average_change": None, "rated_matches": 0}

    def test_progress_change_is_averaged_per_match(self, world):
        # Match A: two goals, +4 and +2 -> +3. Match B: one goal, -1. Mean over matches: +1.0.
        a1, a2 = make_goal(world.mentee), make_goal(world.mentee)
        for goal, first, last in ((a1, 2, 6), (a2, 5, 7)):
            rate(goal, first, days_ago=9, match=world.match)
            rate(goal, 9, days_ago=5, match=world.match)
            rate(goal, last, days_ago=1, match=world.match)
        b = make_goal(world.other_mentee)
        rate(b, 5, days_ago=4, match=world.other_match)
        rate(b, 4, days_ago=1, match=world.other_match)
        # One rating alone shows no change; another program's goals don't count.
        rate(make_goal(world.other_mentee), 8, match=world.other_match)
        figures = program_figures(world.program.id)
        assert figures["average_change"] == 1.0 and figures["rated_matches"] == 2 and figures["set"] == 4

    def test_a_goal_carried_into_a_new_match_counts_per_match(self, world):
        goal = make_goal(world.mentee)
        rate(goal, 1, days_ago=20, match=world.match)
        rate(goal, 3, days_ago=15, match=world.match)
        end_match(world.match, "rematch")
        new_match = make_match(make_user(world.program, MENTOR), world.mentee)
        rate(goal, 4, days_ago=5, match=new_match)
        rate(goal, 8, days_ago=1, match=new_match)
        assert program_figures(world.program.id)["average_change"] == 3.0  # (+2 and +4) / 2

    def test_the_lead_sees_the_same_counts(self, world, as_user, url):
        make_goal(world.mentee)
        assert "Goals set" in home(as_user(world.lead), url)
