"""Filling in questionnaires: results in plain words, change over time, and PHQ-9 item 9."""

import uuid
from datetime import timedelta

from mentoring.models import Match
from mentoring.mood.measures import MEASURES, PHQ9
from mentoring.mood.models import MeasureResponse
from mentoring.mood.responses import due_measures, save_response
from mentoring.mood.settings import save_mood_settings
from mentoring.push import Notification
from mentoring.safety import SafeguardingAlert


def cid():
    return f"measure-{uuid.uuid4().hex[:12]}"


def answers(values, **extra):
    data = {"client_id": "measure-abcdef12"}
    data.update({f"item_{i}": str(v) for i, v in enumerate(values, start=1)})
    data.update(extra)
    return data


def test_a_mentee_fills_in_phq9_and_reads_the_result_in_plain_words(world, as_user, url):
    client = as_user(world.mentee)
    response = client.post(url("mood.take_measure", code="phq9"), data=answers([2, 2, 2, 2, 1, 1, 0, 0, 0]))
    saved = MeasureResponse.get()
    assert response.status_code == 303
    assert response.headers["Location"] == url("mood.measure_result", response_id=saved.id)
    assert saved.score == 10 and saved.answers == [2, 2, 2, 2, 1, 1, 0, 0, 0]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Moderate" in page and "This is not a diagnosis." in page
    assert "This is your first one." in page
    assert 'id="crisis-panel"' not in page
    assert SafeguardingAlert.select().count() == 0


def test_a_mentee_without_a_mentor_is_pointed_to_their_coordinator(world, as_user, url):
    world.match.status = Match.ENDED
    world.match.save()
    client = as_user(world.mentee)
    for code, values in (("phq9", [1, 1, 1, 1, 1, 1, 0, 0, 0]), ("phq9", [2, 2, 2, 2, 1, 1, 0, 0, 0])):
        response = client.post(url("mood.take_measure", code=code), data=answers(values, client_id=cid()))
        page = client.get(response.headers["Location"]).get_data(as_text=True)
        assert "your program coordinator" in page
        assert "your mentor" not in page.split('id="result-title"')[1].split("</section>")[0]


def test_a_mentee_with_a_mentor_is_pointed_to_them(world, as_user, url):
    client = as_user(world.mentee)
    response = client.post(url("mood.take_measure", code="phq9"), data=answers([1, 1, 1, 1, 1, 1, 0, 0, 0]))
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "talk it over with your mentor if you like" in page and "program coordinator" not in page


def test_every_band_that_suggests_the_mentor_has_words_for_someone_without_one():
    for measure in MEASURES.values():
        for band in measure.bands + tuple(b for item in measure.items for b in item.bands):
            if "mentor" in str(band.text):
                assert "mentor" not in str(band.advice(has_mentor=False)), (measure.code, band.key)
                assert "coordinator" in str(band.advice(has_mentor=False))


def test_missing_answers_come_back_422_with_the_given_ones_kept(world, as_user, url):
    data = answers([1, 2, 3])
    response = as_user(world.mentee).post(url("mood.take_measure", code="phq9"), data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Please answer every question:" in page and "Choose an answer for question 4." in page
    assert 'checked id="item_3-3"' in page or '<input checked id="item_3-3"' in page
    assert MeasureResponse.select().count() == 0


def test_the_same_answers_sent_twice_are_saved_once(world, as_user, url):
    client = as_user(world.mentee)
    client.post(url("mood.take_measure", code="gad7"), data=answers([1] * 7))
    client.post(url("mood.take_measure", code="gad7"), data=answers([1] * 7))
    assert MeasureResponse.select().count() == 1


def test_phq9_item9_above_zero_shows_help_at_once_and_alerts_the_lead(world, as_user, url):
    client = as_user(world.mentee)
    response = client.post(url("mood.take_measure", code="phq9"), data=answers([3, 1, 2, 0, 3, 1, 0, 2, 1]))
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'id="crisis-panel"' in page and "How are you doing?" in page
    assert "Your safety plan" in page and "Samaritans" in page
    assert page.index('id="crisis-panel"') < page.index("Your result")
    assert "your program's safeguarding lead has been told" in page

    alert = SafeguardingAlert.get()
    assert (alert.kind, alert.subject_id, alert.status) == ("phq9_item9", world.mentee.id, "open")
    assert "Several days" in alert.summary and world.mentee.name in alert.summary
    labels = [label for label, _ in alert.details["lines"]]
    assert labels == ["Questionnaire", "Question", "Answer", "When"]
    # Which answer, and nothing else of the questionnaire.
    stored = alert.summary + str(alert.details)
    for other in PHQ9.items[:8]:
        assert str(other.text) not in stored
    assert "score" not in stored.lower() and "Moderate" not in stored
    # The lead is told (urgently); the peer mentor is not.
    assert [n.user_id for n in Notification.select().where(Notification.kind == "safeguarding")] == [world.lead.id]
    assert Notification.get().urgent


def test_the_lead_sees_who_when_and_which_answer(app, world, as_user, url):
    with app.app_context():
        save_response(world.mentee, PHQ9, "lead-view-1", [0, 0, 0, 0, 0, 0, 0, 0, 3])
    alert = SafeguardingAlert.get()
    page = as_user(world.lead).get(url("safety.alert", alert_id=alert.id)).get_data(as_text=True)
    assert world.mentee.name in page and "Nearly every day" in page and "Thoughts that you would be better off dead" in page
    assert world.mentor.name in page  # so the lead knows who the mentor is
    assert "Little interest or pleasure" not in page
    assert as_user(world.coordinator).get(url("safety.alert", alert_id=alert.id)).status_code == 403


def test_item9_at_zero_raises_nothing(world, as_user, url):
    client = as_user(world.mentee)
    response = client.post(url("mood.take_measure", code="phq9"), data=answers([3] * 8 + [0]))
    assert 'id="crisis-panel"' not in client.get(response.headers["Location"]).get_data(as_text=True)
    assert SafeguardingAlert.select().count() == 0


def test_a_program_can_use_phq8_instead(world, as_user, url):
    save_mood_settings(world.program, measures=["phq8", "gad7"])
    client = as_user(world.mentee)
    assert client.get(url("mood.take_measure", code="phq9")).status_code == 404
    page = client.get(url("mood.take_measure", code="phq8")).get_data(as_text=True)
    assert "better off dead" not in page
    response = client.post(url("mood.take_measure", code="phq8"), data=answers([3] * 8))
    assert response.status_code == 303 and MeasureResponse.get().score == 24
    assert SafeguardingAlert.select().count() == 0


def test_unknown_or_unchosen_questionnaires_are_not_found(world, as_user, url):
    client = as_user(world.mentee)
    assert client.get(url("mood.take_measure", code="wemwbs")).status_code == 404
    assert client.get(url("mood.take_measure", code="who5")).status_code == 404  # not chosen by default


def test_change_since_the_first_result_says_whether_it_is_meaningful(world, as_user, url):
    first, _ = save_response(world.mentee, PHQ9, "change-1", [2, 2, 2, 2, 2, 2, 2, 1, 0])  # 15
    first.taken_at -= timedelta(days=30)
    first.save()
    latest, _ = save_response(world.mentee, PHQ9, "change-2", [1, 1, 1, 1, 1, 1, 1, 2, 0])  # 9
    page = as_user(world.mentee).get(url("mood.measure_result", response_id=latest.id)).get_data(as_text=True)
    assert "6 points better than the first time." in page and "That is a meaningful change" in page
    listing = as_user(world.mentee).get(url("mood.measures")).get_data(as_text=True)
    assert "6 points better than the first time." in listing and "2 times in all" in listing


def test_ons4_results_read_each_answer_alone(world, as_user, url):
    save_mood_settings(world.program, measures=["ons4"])
    client = as_user(world.mentee)
    response = client.post(url("mood.take_measure", code="ons4"), data=answers([7, 9, 5, 7]))
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Very high" in page and "Medium" in page and "High" in page
    assert MeasureResponse.get().score is None


def test_another_mentees_result_is_not_found(world, as_user, url):
    response, _ = save_response(world.mentee, PHQ9, "theirs-1", [1] * 8 + [0])
    assert as_user(world.other_mentee).get(url("mood.measure_result", response_id=response.id)).status_code == 404


def test_a_questionnaire_is_due_until_taken_then_again_after_the_programs_interval(world):
    codes = [d.measure.code for d in due_measures(world.mentee)]
    assert codes == ["phq9", "gad7"]
    response, _ = save_response(world.mentee, PHQ9, "due-1", [0] * 9)
    assert [d.measure.code for d in due_measures(world.mentee)] == ["gad7"]
    MeasureResponse.update(local_date=response.local_date - timedelta(days=28)).execute()
    assert [d.measure.code for d in due_measures(world.mentee)] == ["phq9", "gad7"]


def test_the_home_screen_says_when_a_questionnaire_is_due(world, as_user, url):
    page = as_user(world.mentee).get(url("home.index")).get_data(as_text=True)
    assert "A short questionnaire is due:" in page and url("mood.take_measure", code="phq9") in page
    save_mood_settings(world.program, measures=[])
    assert "A short questionnaire is due:" not in as_user(world.mentee).get(url("home.index")).get_data(as_text=True)
