"""Sharing rules, per role: the mentee decides; coordinators see nothing; leads only alerts."""

from datetime import timedelta

import pytest

from mentoring.clock import to_local, utcnow
from mentoring.models import Match
from mentoring.mood.measures import GAD7
from mentoring.mood.models import MoodSharing
from mentoring.mood.responses import save_response
from mentoring.mood.safety_plan import save_plan

from ..factories import make_match, make_user
from .support import add_checkin, sharing
PRIVATE = "my private thoughts about my brother"
SHARED = "Had a good chat at the support group"


def local_now(user, **delta):
    return to_local(utcnow(), user.timezone).replace(tzinfo=None) - timedelta(**delta)


@pytest.fixture
def diary(world):
    """A mentee with a private note, a shared note, a questionnaire and a safety plan (shared)."""
    add_checkin(world.mentee, 2, local_at=local_now(world.mentee, days=2), note=PRIVATE)
    add_checkin(world.mentee, 4, local_at=local_now(world.mentee, hours=2), note=SHARED, note_shared=True)
    save_response(world.mentee, GAD7, "gad-1", [2, 2, 2, 2, 1, 1, 0])
    save_plan(world.mentee, {"coping": "Call my sister Jo", "shared": True})
    return world


def mentor_view(as_user, url, world):
    return as_user(world.mentor).get(url("home.mentee", match_id=world.match.id)).get_data(as_text=True)


def test_nothing_reaches_the_mentor_until_the_mentee_chooses(diary, as_user, url):
    save_plan(diary.mentee, {"coping": "Call my sister Jo", "shared": False})
    page = mentor_view(as_user, url, diary)
    assert 'id="mood-panel-title"' not in page and PRIVATE not in page and SHARED not in page
    assert as_user(diary.mentor).get(url("mood.mentee_checkins", match_id=diary.match.id)).status_code == 404
    assert as_user(diary.mentor).get(url("mood.mentee_safety_plan", match_id=diary.match.id)).status_code == 404


def test_a_sharing_mentee_shows_mood_sparkline_and_only_shared_notes(diary, as_user, url):
    sharing(diary.mentee, checkins=True)
    page = mentor_view(as_user, url, diary)
    assert 'id="mood-panel-title"' in page
    assert "Latest mood" in page and "Good" in page
    assert '<svg class="sparkline"' in page and 'aria-label="Last 14 days: 2 days with a check-in.' in page
    assert SHARED in page and PRIVATE not in page
    assert "When does a mentee get a flag?" in page


def test_the_mentors_list_of_check_ins_never_carries_a_private_note(diary, as_user, url):
    sharing(diary.mentee, checkins=True)
    page = as_user(diary.mentor).get(url("mood.mentee_checkins", match_id=diary.match.id)).get_data(as_text=True)
    assert SHARED in page and PRIVATE not in page
    assert page.count('class="checkin-item"') == 2


def test_scores_show_only_when_the_mentee_shares_them_and_never_the_answers(diary, as_user, url):
    sharing(diary.mentee, checkins=True, measures=False)
    assert "GAD-7" not in mentor_view(as_user, url, diary)
    sharing(diary.mentee, checkins=True, measures=True)
    page = mentor_view(as_user, url, diary)
    assert "GAD-7" in page and "Moderate" in page
    assert "Trouble relaxing" not in page  # an item: single answers stay with the mentee


def test_a_shared_safety_plan_is_readable_by_the_mentor_only(diary, as_user, url):
    page = mentor_view(as_user, url, diary)
    assert "Their safety plan" in page and PRIVATE not in page
    plan = as_user(diary.mentor).get(url("mood.mentee_safety_plan", match_id=diary.match.id))
    assert plan.status_code == 200 and "Call my sister Jo" in plan.get_data(as_text=True)
    assert as_user(diary.other_mentor).get(url("mood.mentee_safety_plan", match_id=diary.match.id)).status_code == 404


def test_another_mentor_sees_nothing(diary, as_user, url):
    sharing(diary.mentee, checkins=True, measures=True)
    other = as_user(diary.other_mentor)
    assert other.get(url("home.mentee", match_id=diary.match.id)).status_code == 404
    assert other.get(url("mood.mentee_checkins", match_id=diary.match.id)).status_code == 404
    assert diary.mentee.name not in other.get(url("home.index")).get_data(as_text=True)


def test_an_ended_match_closes_the_mentors_view(diary, as_user, url):
    sharing(diary.mentee, checkins=True)
    Match.update(status=Match.ENDED, ended_at=utcnow()).where(Match.id == diary.match.id).execute()
    mentor = as_user(diary.mentor)
    assert mentor.get(url("home.mentee", match_id=diary.match.id)).status_code == 404
    assert mentor.get(url("mood.mentee_checkins", match_id=diary.match.id)).status_code == 404
    assert mentor.get(url("mood.mentee_safety_plan", match_id=diary.match.id)).status_code == 404


@pytest.mark.parametrize("kind", ["coordinator", "lead"])
def test_coordinators_and_leads_see_none_of_it(diary, as_user, url, kind):
    sharing(diary.mentee, checkins=True, measures=True)
    client = as_user(getattr(diary, kind))
    pages = [
        client.get(url("home.index")), client.get(url("people.person", user_id=diary.mentee.id)),
        client.get(url("people.match", match_id=diary.match.id)), client.get(url("people.matches")),
        client.get(url("safety.help")),
    ]
    for response in pages:
        text = response.get_data(as_text=True)
        assert response.status_code == 200
        assert PRIVATE not in text and SHARED not in text and "Call my sister Jo" not in text and "GAD-7" not in text
    for endpoint, args in [("mood.mentee_checkins", {"match_id": diary.match.id}),
                           ("mood.mentee_safety_plan", {"match_id": diary.match.id}),
                           ("mood.history", {}), ("mood.trends", {}), ("mood.export_json", {})]:
        assert client.get(url(endpoint, **args)).status_code == 403


def test_stopping_sharing_takes_effect_at_once(diary, as_user, url):
    client = as_user(diary.mentee)
    client.post(url("mood.sharing"), data={"share_checkins": "yes", "share_measures": "no"})
    assert SHARED in mentor_view(as_user, url, diary)
    client.post(url("mood.sharing"), data={"share_checkins": "no", "share_measures": "no"})
    assert MoodSharing.get(MoodSharing.user == diary.mentee).share_checkins is False
    assert SHARED not in mentor_view(as_user, url, diary)


def test_the_sharing_page_needs_an_answer_to_each_question(world, as_user, url):
    response = as_user(world.mentee).post(url("mood.sharing"), data={"share_checkins": "yes"})
    assert response.status_code == 422 and "Choose yes or no." in response.get_data(as_text=True)


def test_the_sharing_page_explains_the_rules_and_offers_the_data(world, as_user, url):
    page = as_user(world.mentee).get(url("mood.sharing")).get_data(as_text=True)
    assert "Program coordinators never see" in page and "safeguarding lead is told" in page
    assert url("mood.export_csv") in page and url("mood.export_json") in page


def test_the_account_page_links_to_mood_sharing_for_mentees_only(world, as_user, url):
    assert "Mood sharing and your data" in as_user(world.mentee).get(url("accounts.account")).get_data(as_text=True)
    assert "Mood sharing and your data" not in as_user(world.mentor).get(url("accounts.account")).get_data(as_text=True)


class TestMentorHomeCard:
    def test_it_lists_sharing_mentees_who_may_need_their_mentor(self, world, as_user, url):
        low = make_user(world.program, "mentee", name="Lowe Low")
        quiet = make_user(world.program, "mentee", name="Quinn Quiet")
        steady = make_user(world.program, "mentee", name="Stevie Steady")
        private = make_user(world.program, "mentee", name="Pat Private")
        for person in (low, quiet, steady, private):
            make_match(world.mentor, person)
        for person in (low, quiet, steady):
            sharing(person)
        sharing(private, checkins=False)
        for hours in (50, 26, 2):
            add_checkin(low, 2, local_at=local_now(low, hours=hours))
            add_checkin(steady, 4, local_at=local_now(steady, hours=hours))
            add_checkin(private, 1, local_at=local_now(private, hours=hours))
        add_checkin(quiet, 4, local_at=local_now(quiet, days=8))
        page = as_user(world.mentor).get(url("home.index")).get_data(as_text=True)
        card = page[page.index("Mentees who may need you"):]
        assert "Lowe Low" in card and "Low mood for their last 3 check-ins" in card
        assert "Quinn Quiet" in card and "No check-in for 8 days" in card
        assert "Stevie Steady" not in card and "Pat Private" not in card
        assert "When does a mentee get a flag?" in card

    def test_it_stays_away_when_nobody_shares(self, world, as_user, url):
        assert "Mentees who may need you" not in as_user(world.mentor).get(url("home.index")).get_data(as_text=True)


def test_the_flag_rule_counts_the_last_three_check_ins_and_seven_quiet_days(world):
    from mentoring.mood.flags import status_for

    now = utcnow()
    a, b, c, d = (make_user(world.program, "mentee") for _ in range(4))
    for hours, mood in ((30, 1), (20, 2), (10, 2)):
        add_checkin(a, mood, local_at=local_now(a, hours=hours))
    for hours, mood in ((30, 1), (20, 4), (10, 2)):
        add_checkin(b, mood, local_at=local_now(b, hours=hours))
    add_checkin(c, 5, local_at=local_now(c, days=7, minutes=1))
    add_checkin(d, 5, local_at=local_now(d, days=6))
    statuses = status_for([a, b, c, d], now=now)
    assert statuses[a.id].low_run and not statuses[a.id].quiet
    assert not statuses[b.id].flagged
    assert statuses[c.id].quiet and statuses[c.id].days_since >= 7
    assert not statuses[d.id].flagged and statuses[d.id].latest_mood == 5
    assert not status_for([world.mentee])[world.mentee.id].flagged  # never checked in: nothing to say


def test_a_sharing_mentee_who_has_not_checked_in_yet_gets_a_plain_line(world, as_user, url):
    sharing(world.mentee)
    page = mentor_view(as_user, url, world)
    assert "shares check-ins with you, but hasn't checked in yet" in page
