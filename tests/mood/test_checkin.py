"""Checking in: saving once, sharing asked at first, validation, time, risk words, edit and delete."""

import re
from datetime import timedelta

from mentoring.clock import local_today, to_local, utcnow
from mentoring.mood.models import CheckIn, CheckInTag, MoodSharing
from mentoring.safety import SafeguardingAlert

from .support import add_checkin, sharing
def form(**fields):
    data = {"client_id": "checkin-abcdef12", "mood": "4"}
    data.update(fields)
    return data


def test_the_form_carries_a_client_id_and_is_marked_for_the_offline_queue(world, as_user, url):
    page = as_user(world.mentee).get(url("mood.checkin")).get_data(as_text=True)
    assert 'name="client_id"' in page and "data-offline-form" in page
    assert 'id="checkin-form"' in page


def test_the_first_check_in_explains_who_sees_it(world, as_user, url):
    page = as_user(world.mentee).get(url("mood.checkin")).get_data(as_text=True)
    assert "Who sees your check-ins?" in page
    assert "program coordinators never see your check-ins" in page
    assert "safeguarding lead is told" in page


def test_the_first_check_in_needs_a_sharing_choice_and_keeps_what_was_typed(world, as_user, url):
    response = as_user(world.mentee).post(url("mood.checkin"), data=form(note="Long day at work"))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Choose whether your mentor sees your check-ins." in page
    assert "Long day at work" in page
    assert CheckIn.select().count() == 0


def test_the_first_check_in_records_the_sharing_choice(world, as_user, url):
    response = as_user(world.mentee).post(url("mood.checkin"), data=form(share_checkins="yes"))
    assert response.status_code == 303
    choice = MoodSharing.get(MoodSharing.user == world.mentee)
    assert choice.share_checkins and choice.chosen_at is not None
    later = as_user(world.mentee).get(url("mood.checkin")).get_data(as_text=True)
    assert "Who sees your check-ins?" not in later


def test_a_mentee_checks_in_with_only_a_mood(world, as_user, url):
    sharing(world.mentee, checkins=False)
    client = as_user(world.mentee)
    response = client.post(url("mood.checkin"), data=form())
    assert response.status_code == 303 and response.headers["Location"] == url("mood.checkin")
    checkin = CheckIn.get(CheckIn.user == world.mentee)
    assert checkin.mood == 4 and checkin.local_date == local_today(world.mentee.timezone)
    assert "Saved. Thank you for checking in." in client.get(url("mood.checkin")).get_data(as_text=True)


def test_the_same_form_sent_twice_saves_once(world, as_user, url):
    sharing(world.mentee)
    client = as_user(world.mentee)
    first = client.post(url("mood.checkin"), data=form(note="once"))
    second = client.post(url("mood.checkin"), data=form(note="once"))
    assert first.status_code == second.status_code == 303
    assert CheckIn.select().where(CheckIn.user == world.mentee).count() == 1


def test_two_mentees_may_use_the_same_client_id(world, as_user, url):
    sharing(world.mentee), sharing(world.other_mentee)
    as_user(world.mentee).post(url("mood.checkin"), data=form())
    as_user(world.other_mentee).post(url("mood.checkin"), data=form())
    assert CheckIn.select().count() == 2


def test_everything_optional_is_saved(world, as_user, url):
    sharing(world.mentee)
    as_user(world.mentee).post(url("mood.checkin"), data=form(
        emotions=["calm", "tired"], activities=["exercise"], energy="2", sleep_hours="6,5", sleep_quality="3",
        note="Walked to the park", note_shared="y",
    ))
    checkin = CheckIn.get(CheckIn.user == world.mentee)
    assert (checkin.energy, checkin.sleep_hours, checkin.sleep_quality) == (2, 6.5, 3)
    assert checkin.note == "Walked to the park" and checkin.note_shared
    tags = {(t.kind, t.name) for t in CheckInTag.select()}
    assert tags == {("emotion", "calm"), ("emotion", "tired"), ("activity", "exercise")}


def test_a_missing_mood_answers_422_beside_the_field_with_the_text_kept(world, as_user, url):
    sharing(world.mentee)
    response = as_user(world.mentee).post(url("mood.checkin"), data=form(mood="", note="I typed this"))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="mood-error"' in page and "Choose how you are feeling." in page
    assert "I typed this" in page


def test_impossible_sleep_and_unknown_emotions_are_refused(world, as_user, url):
    sharing(world.mentee)
    response = as_user(world.mentee).post(url("mood.checkin"), data=form(sleep_hours="30", emotions=["nope"]))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Between 0 and 24 hours." in page
    assert CheckIn.select().count() == 0


def test_a_check_in_can_be_set_back_to_yesterday(world, as_user, url):
    sharing(world.mentee)
    yesterday = to_local(utcnow(), world.mentee.timezone) - timedelta(days=1)
    as_user(world.mentee).post(url("mood.checkin"), data=form(when=yesterday.strftime("%Y-%m-%dT%H:%M")))
    checkin = CheckIn.get(CheckIn.user == world.mentee)
    assert checkin.local_date == yesterday.date()


def test_a_time_in_the_future_is_refused(world, as_user, url):
    sharing(world.mentee)
    tomorrow = to_local(utcnow(), world.mentee.timezone) + timedelta(days=1)
    response = as_user(world.mentee).post(url("mood.checkin"), data=form(when=tomorrow.strftime("%Y-%m-%dT%H:%M")))
    assert response.status_code == 422
    assert "That time is in the future." in response.get_data(as_text=True)
    assert CheckIn.select().count() == 0


def test_htmx_gets_only_the_form_back_on_a_mistake(world, as_user, url):
    sharing(world.mentee)
    response = as_user(world.mentee).post(
        url("mood.checkin"), data=form(mood=""), headers={"HX-Request": "true", "HX-Target": "checkin-form"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert page.lstrip().startswith("<form") and 'id="checkin-form"' in page and "<html" not in page


def test_htmx_is_sent_to_the_page_after_saving(world, as_user, url):
    sharing(world.mentee)
    response = as_user(world.mentee).post(
        url("mood.checkin"), data=form(), headers={"HX-Request": "true", "HX-Target": "checkin-form"}
    )
    assert response.status_code == 204 and response.headers["HX-Location"] == url("mood.checkin")


def test_risky_words_in_a_note_open_the_crisis_panel_right_after_saving(world, as_user, url):
    sharing(world.mentee)
    client = as_user(world.mentee)
    client.post(url("mood.checkin"), data=form(mood="1", note="I want to kill myself"))
    page = client.get(url("mood.checkin")).get_data(as_text=True)
    assert 'id="crisis-panel"' in page and "How are you doing?" in page
    assert "Samaritans" in page  # the program's crisis resources
    assert "Your safety plan" in page
    # Once: the panel does not follow them around.
    assert 'id="crisis-panel"' not in client.get(url("mood.checkin")).get_data(as_text=True)


def test_risky_words_alert_the_lead_with_the_words_never_the_note(world, as_user, url):
    sharing(world.mentee, checkins=False)
    note = "Rough day with my sister. I keep thinking about suicide. Please don't tell anyone about the money."
    as_user(world.mentee).post(url("mood.checkin"), data=form(mood="1", note=note))
    alert = SafeguardingAlert.get()
    assert alert.kind == "risk_words" and alert.subject_id == world.mentee.id
    stored = alert.summary + str(alert.details)
    assert "suicide" in stored
    assert "sister" not in stored and "money" not in stored
    lead_page = as_user(world.lead).get(url("safety.alert", alert_id=alert.id)).get_data(as_text=True)
    assert "suicide" in lead_page and "money" not in lead_page


def test_an_ordinary_note_opens_no_panel_and_raises_no_alert(world, as_user, url):
    sharing(world.mentee)
    client = as_user(world.mentee)
    client.post(url("mood.checkin"), data=form(note="I killed it at the gym"))
    assert 'id="crisis-panel"' not in client.get(url("mood.checkin")).get_data(as_text=True)
    assert SafeguardingAlert.select().count() == 0


def test_editing_changes_the_check_in_and_its_tags(world, as_user, url):
    checkin = add_checkin(world.mentee, 2, emotions=["sad"])
    page = as_user(world.mentee).get(url("mood.edit_checkin", checkin_id=checkin.id)).get_data(as_text=True)
    assert re.search(r'<input checked[^>]*value="sad"', page) and re.search(r'<input checked[^>]*name="mood"[^>]*value="2"', page)
    response = as_user(world.mentee).post(url("mood.edit_checkin", checkin_id=checkin.id),
                                          data={"mood": "5", "emotions": ["happy"], "note": "Better now"})
    assert response.status_code == 303
    checkin = CheckIn.get_by_id(checkin.id)
    assert checkin.mood == 5 and checkin.note == "Better now"
    assert [t.name for t in CheckInTag.select().where(CheckInTag.checkin == checkin)] == ["happy"]


def test_editing_keeps_the_time_when_left_empty_and_moves_it_when_set(world, as_user, url):
    checkin = add_checkin(world.mentee, 3)
    as_user(world.mentee).post(url("mood.edit_checkin", checkin_id=checkin.id), data={"mood": "3", "when": ""})
    assert CheckIn.get_by_id(checkin.id).local_date == checkin.local_date
    two_days_ago = to_local(utcnow(), world.mentee.timezone) - timedelta(days=2)
    as_user(world.mentee).post(url("mood.edit_checkin", checkin_id=checkin.id),
                               data={"mood": "3", "when": two_days_ago.strftime("%Y-%m-%dT%H:%M")})
    assert CheckIn.get_by_id(checkin.id).local_date == two_days_ago.date()


def test_editing_in_risky_words_alerts_once(world, as_user, url):
    checkin = add_checkin(world.mentee, 2, note="tired")
    client = as_user(world.mentee)
    client.post(url("mood.edit_checkin", checkin_id=checkin.id), data={"mood": "1", "note": "thinking of overdose"})
    assert 'id="crisis-panel"' in client.get(url("mood.history")).get_data(as_text=True)
    client.post(url("mood.edit_checkin", checkin_id=checkin.id), data={"mood": "2", "note": "thinking of overdose"})
    assert SafeguardingAlert.select().count() == 1


def test_a_mentee_deletes_a_check_in(world, as_user, url):
    checkin = add_checkin(world.mentee, 3, emotions=["calm"])
    response = as_user(world.mentee).post(url("mood.delete", checkin_id=checkin.id))
    assert response.status_code == 303
    assert CheckIn.select().count() == 0 and CheckInTag.select().count() == 0


def test_another_mentee_can_neither_see_change_nor_delete_a_check_in(world, as_user, url):
    checkin = add_checkin(world.mentee, 3, note="mine")
    other = as_user(world.other_mentee)
    assert other.get(url("mood.edit_checkin", checkin_id=checkin.id)).status_code == 404
    assert other.post(url("mood.edit_checkin", checkin_id=checkin.id), data={"mood": "1"}).status_code == 404
    assert other.post(url("mood.delete", checkin_id=checkin.id)).status_code == 404
    assert CheckIn.get_by_id(checkin.id).mood == 3
    assert "mine" not in other.get(url("mood.history")).get_data(as_text=True)


def test_history_lists_the_mentees_own_check_ins_newest_first(world, as_user, url):
    now = to_local(utcnow(), world.mentee.timezone).replace(tzinfo=None)
    add_checkin(world.mentee, 2, local_at=now - timedelta(days=1), note="older")
    add_checkin(world.mentee, 4, local_at=now - timedelta(hours=1), note="newer")
    page = as_user(world.mentee).get(url("mood.history")).get_data(as_text=True)
    assert page.index("newer") < page.index("older")


# The crisis panel when a form comes back, and what it says happens next.

NEXT_STEP = "your program's safeguarding lead has been told"


def test_a_check_in_sent_back_for_a_missing_mood_still_shows_the_panel(world, as_user, url):
    sharing(world.mentee)
    response = as_user(world.mentee).post(url("mood.checkin"), data=form(mood="", note="I want to kill myself"))
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and 'id="crisis-panel"' in page
    # Nothing was saved, so nobody was told, and the panel does not pretend otherwise.
    assert SafeguardingAlert.select().count() == 0 and NEXT_STEP not in page


def test_htmx_gets_the_panel_out_of_band_beside_the_form_it_sent_back(world, as_user, url):
    sharing(world.mentee)
    response = as_user(world.mentee).post(
        url("mood.checkin"), data=form(mood="", note="sui cide"),
        headers={"HX-Request": "true", "HX-Target": "checkin-form"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and page.lstrip().startswith("<form")
    assert '<div id="checkin-crisis" hx-swap-oob="true"><section id="crisis-panel"' in page


def test_an_ordinary_note_sent_back_shows_no_panel(world, as_user, url):
    sharing(world.mentee)
    page = as_user(world.mentee).post(url("mood.checkin"), data=form(mood="", note="tired")).get_data(as_text=True)
    assert 'id="crisis-panel"' not in page


def test_an_edit_sent_back_shows_the_panel_too(world, as_user, url):
    checkin = add_checkin(world.mentee, 2, note="tired")
    response = as_user(world.mentee).post(url("mood.edit_checkin", checkin_id=checkin.id),
                                          data={"mood": "", "note": "I want to die"})
    assert response.status_code == 422 and 'id="crisis-panel"' in response.get_data(as_text=True)


def test_the_panel_says_the_lead_was_told_when_an_alert_went_to_one(world, as_user, url):
    sharing(world.mentee)
    client = as_user(world.mentee)
    client.post(url("mood.checkin"), data=form(mood="1", note="I want to kill myself"))
    page = client.get(url("mood.checkin")).get_data(as_text=True)
    assert SafeguardingAlert.select().count() == 1
    assert NEXT_STEP in page and "They may get in touch." in page


def test_without_a_lead_the_panel_promises_nothing(world, as_user, url):
    world.lead.is_safeguarding_lead = False
    world.lead.save()
    sharing(world.mentee)
    client = as_user(world.mentee)
    client.post(url("mood.checkin"), data=form(mood="1", note="I want to kill myself"))
    page = client.get(url("mood.checkin")).get_data(as_text=True)
    assert 'id="crisis-panel"' in page and NEXT_STEP not in page
