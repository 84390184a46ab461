"""One meeting's page: when in both zones, afterwards, shared and private notes."""

from datetime import date, time

from mentoring.meetings.models import CONFIRMED, HAPPENED, MISSED, Meeting, MeetingNote

from .support import make_meeting, make_series, soon
def note(client, url, meeting, body, private=False, client_id="n" * 12, **headers):
    data = {"body": body, "client_id": client_id}
    if private:
        data["private"] = "y"
    return client.post(url("meetings.add_note", ref=meeting.ref), data=data, headers=headers)


def test_the_page_shows_when_how_and_the_agenda(world, as_user, url):
    meeting = make_meeting(world.match, soon(4), mode="video", link="https://meet.example.org/x", agenda="Goals <b>")
    page = as_user(world.mentee).get(url("meetings.meeting", ref=meeting.ref)).text
    assert "Video call" in page and 'href="https://meet.example.org/x"' in page
    assert "Goals &lt;b&gt;" in page
    assert "your time" not in page  # both in the same zone: one time only


def test_people_in_two_zones_each_see_both_times(world, as_user, url):
    world.mentee.timezone = "America/New_York"
    world.mentee.save()
    series = make_series(world.match, date(2025, 3, 4), at=time(18, 0))  # arranged in London
    march_11 = url("meetings.meeting", ref=f"{series.ref}-20250311")
    mentee_page = as_user(world.mentee).get(march_11).text
    assert "2:00\u202fPM" in mentee_page and "6:00\u202fPM on Tue, Mar 11, 2025 for Mo Mentor (London)" in mentee_page
    mentor_page = as_user(world.mentor).get(march_11).text
    assert "6:00\u202fPM" in mentor_page and "2:00\u202fPM on Tue, Mar 11, 2025 for Mia Mentee (New York)" in mentor_page
    april_1 = as_user(world.mentee).get(url("meetings.meeting", ref=f"{series.ref}-20250401")).text
    assert "1:00\u202fPM" in april_1  # both sides have changed clocks by then


def test_a_date_the_series_does_not_fall_on_is_not_found(world, as_user, url):
    series = make_series(world.match, date(2025, 3, 4))
    assert as_user(world.mentee).get(url("meetings.meeting", ref=f"{series.ref}-20250305")).status_code == 404
    assert as_user(world.mentee).get(url("meetings.meeting", ref=f"{series.ref}-20251399")).status_code == 404
    assert as_user(world.mentee).get(url("meetings.meeting", ref="x1")).status_code == 404


def test_marking_an_occurrence_as_happened_keeps_it(world, as_user, url):
    series = make_series(world.match, date(2025, 3, 4))
    ref = f"{series.ref}-20250311"
    response = as_user(world.mentee).post(url("meetings.outcome", ref=ref), data={"outcome": HAPPENED})
    row = Meeting.get((Meeting.series == series.id) & (Meeting.occurrence_date == date(2025, 3, 11)))
    assert response.headers["Location"] == url("meetings.meeting", ref=str(row.id))
    assert (row.outcome, row.outcome_by_id, row.status) == (HAPPENED, world.mentee.id, CONFIRMED)
    # The occurrence's address now leads to the same row.
    page = as_user(world.mentor).get(url("meetings.meeting", ref=ref)).text
    assert "Marked: you met." in page


def test_a_meeting_still_to_come_cannot_be_marked(world, as_user, url):
    meeting = make_meeting(world.match, soon(2))
    as_user(world.mentee).post(url("meetings.outcome", ref=meeting.ref), data={"outcome": MISSED})
    assert Meeting.get_by_id(meeting.id).outcome == ""


def test_shared_notes_both_see_and_private_notes_only_the_writer(world, as_user, url):
    meeting = make_meeting(world.match, soon(-2))
    mentee, mentor = as_user(world.mentee), as_user(world.mentor)
    assert note(mentee, url, meeting, "We planned the week", client_id="shared-1").status_code == 200
    assert note(mentee, url, meeting, "Felt nervous before", private=True, client_id="private-1").status_code == 200
    mentor_page = mentor.get(url("meetings.meeting", ref=meeting.ref)).text
    assert "We planned the week" in mentor_page and "Felt nervous before" not in mentor_page
    mentee_page = mentee.get(url("meetings.meeting", ref=meeting.ref)).text
    assert "We planned the week" in mentee_page and "Felt nervous before" in mentee_page


def test_a_note_sent_twice_is_saved_once(world, as_user, url):
    meeting = make_meeting(world.match, soon(-2))
    client = as_user(world.mentee)
    note(client, url, meeting, "Once only", client_id="twice-001")
    note(client, url, meeting, "Once only", client_id="twice-001")
    assert MeetingNote.select().count() == 1


def test_htmx_gets_just_the_notes_back(world, as_user, url):
    meeting = make_meeting(world.match, soon(-2))
    response = note(as_user(world.mentee), url, meeting, "Quick one", **{"HX-Request": "true", "HX-Target": "meeting-notes"})
    assert response.text.lstrip().startswith('<section id="meeting-notes"')
    assert "Quick one" in response.text


def test_an_empty_note_comes_back_as_422(world, as_user, url):
    meeting = make_meeting(world.match, soon(-2))
    response = note(as_user(world.mentee), url, meeting, "   ", **{"HX-Request": "true", "HX-Target": "meeting-notes"})
    assert response.status_code == 422
    assert "Write something first." in response.text


def test_risky_words_in_a_note_show_the_writer_help_at_once(world, as_user, url):
    meeting = make_meeting(world.match, soon(-2))
    response = note(as_user(world.mentee), url, meeting, "Some days I want to die", private=True)
    assert 'id="crisis-panel"' in response.text
    assert 'id="crisis-panel"' not in note(as_user(world.mentee), url, meeting, "A good chat", client_id="calm-1").text


def test_only_the_writer_can_delete_a_note(world, as_user, url):
    meeting = make_meeting(world.match, soon(-2))
    mine = MeetingNote.create(meeting=meeting, author=world.mentee, body="Shared", client_id="del-1")
    assert as_user(world.mentor).post(url("meetings.delete_note", note_id=mine.id)).status_code == 404
    assert as_user(world.mentee).post(url("meetings.delete_note", note_id=mine.id)).status_code == 303
    assert MeetingNote.select().count() == 0


def test_a_private_note_never_reaches_the_other_person_through_htmx_either(world, as_user, url):
    meeting = make_meeting(world.match, soon(-2))
    MeetingNote.create(meeting=meeting, author=world.mentor, private=True, body="Mentor's own", client_id="p-1")
    response = note(as_user(world.mentee), url, meeting, "Hello", **{"HX-Request": "true", "HX-Target": "meeting-notes"})
    assert "Mentor&#39;s own" not in response.text and "Mentor's own" not in response.text


def test_the_page_runs_a_fixed_number_of_queries_however_many_notes(world, as_user, url):
    from playhouse.test_utils import count_queries

    meeting = make_meeting(world.match, soon(-2))
    client = as_user(world.mentee)

    def queries():
        with count_queries() as counted:
            assert client.get(url("meetings.meeting", ref=meeting.ref)).status_code == 200
        return counted.count

    MeetingNote.create(meeting=meeting, author=world.mentor, body="first", client_id="count-000")
    few = queries()
    for n in range(30):
        MeetingNote.create(meeting=meeting, author=world.mentee if n % 2 else world.mentor, body=f"note {n}",
                           client_id=f"count-{n + 1:03d}", private=bool(n % 3))
    assert queries() == few
