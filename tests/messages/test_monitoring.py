"""What coordinators see of messaging (numbers, never words), and the mentor's panel."""

from datetime import timedelta

from mentoring.clock import utcnow
from mentoring.messages.policy import DEFAULT_RETENTION_DAYS, RETENTION_KEY
from mentoring.models import Program

from .support import sides

SECRET = "my brother's name is Tomasz"


def test_match_facts_show_counts_times_and_waits_without_text(world, as_user, url, say):
    _, mentee, mentor = sides(world.match)
    start = utcnow() - timedelta(hours=10)
    say(mentee, SECRET, at=start)
    say(mentor, "thanks for telling me", at=start + timedelta(hours=2))
    client = as_user(world.coordinator)
    for page in (url("people.match", match_id=world.match.id), url("people.matches")):
        html = client.get(page).get_data(as_text=True)
        assert "2 (1 from the mentee, 1 from the mentor)" in html
        assert "2 hours on average" in html
        assert "Tomasz" not in html and "thanks for telling me" not in html


def test_a_mentee_message_waiting_over_48_hours_is_flagged_to_coordinators(world, as_user, url, say):
    _, mentee, _ = sides(world.match)
    say(mentee, SECRET, at=utcnow() - timedelta(hours=50))
    client = as_user(world.coordinator)
    match_html = client.get(url("people.match", match_id=world.match.id)).get_data(as_text=True)
    assert "Waiting for a reply" in match_html and "fact-alert" in match_html
    home = client.get(url("home.index")).get_data(as_text=True)
    assert "Mentee messages waiting over 48 hours" in home
    assert 'class="fact-alert">1<' in home
    assert "Tomasz" not in match_html + home


def test_a_match_without_messages_says_so(world, as_user, url):
    html = as_user(world.coordinator).get(url("people.match", match_id=world.match.id)).get_data(as_text=True)
    assert "none yet" in html


def test_the_coordinator_card_counts_the_whole_program(world, as_user, url, say):
    _, mentee, _ = sides(world.match)
    say(mentee, "hi")
    say(mentee, "hello?")
    html = as_user(world.coordinator).get(url("home.index")).get_data(as_text=True)
    assert "Matches messaging this week" in html
    assert '<dd>1<span class="small muted"> / 2</span></dd>' in html
    assert "<dt>Messages in active matches</dt><dd>2</dd>" in html


def test_the_mentor_panel_links_to_the_conversation_with_unread_and_waiting(world, as_user, url, say):
    _, mentee, _ = sides(world.match)
    say(mentee, "are you there?", at=utcnow() - timedelta(hours=49))
    html = as_user(world.mentor).get(url("home.mentee", match_id=world.match.id)).get_data(as_text=True)
    assert url("messages.for_match", match_id=world.match.id) in html
    assert "1 unread message." in html
    assert "Waiting for your reply since" in html


def test_the_mentor_panel_before_any_message(world, as_user, url):
    html = as_user(world.mentor).get(url("home.mentee", match_id=world.match.id)).get_data(as_text=True)
    assert "No messages yet." in html


def test_the_retention_setting_is_linked_from_the_account_page(world, as_user, url):
    client = as_user(world.coordinator)
    assert url("messages.settings") in client.get(url("accounts.account")).get_data(as_text=True)
    assert url("messages.settings") not in as_user(world.mentor).get(url("accounts.account")).get_data(as_text=True)


def test_the_retention_setting_saves_in_the_program(world, as_user, url):
    client = as_user(world.coordinator)
    assert f'value="{DEFAULT_RETENTION_DAYS}"' in client.get(url("messages.settings")).get_data(as_text=True)
    world.program.settings = {"other_feature": True}
    world.program.save()
    response = client.post(url("messages.settings"), data={"days": "14"})
    assert response.status_code == 302
    settings = Program.get_by_id(world.program.id).settings
    assert settings == {"other_feature": True, RETENTION_KEY: 14}


def test_a_bad_retention_value_is_refused_with_the_input_back(world, as_user, url):
    response = as_user(world.coordinator).post(url("messages.settings"), data={"days": "400"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "from 0 to 365" in html and 'value="400"' in html
    assert RETENTION_KEY not in (Program.get_by_id(world.program.id).settings or {})
