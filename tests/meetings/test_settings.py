"""Choosing how early meeting reminders come."""

from mentoring.meetings.models import ReminderChoice
from mentoring.meetings.reminders import DEFAULT_OFFSETS, offsets_for


def test_the_defaults_are_a_day_and_an_hour_before(world, as_user, url):
    assert offsets_for([world.mentee.id]) == {world.mentee.id: DEFAULT_OFFSETS} == {world.mentee.id: (1440, 60)}
    page = as_user(world.mentee).get(url("meetings.settings")).text
    assert '<input checked id="before_1440"' in page and '<input checked id="before_60"' in page
    assert page.count("<input checked") == 2


def test_saving_a_choice(world, as_user, url):
    response = as_user(world.mentee).post(url("meetings.settings"), data={"before_180": "y", "before_15": "y"})
    assert response.status_code == 303
    assert ReminderChoice.get().offsets == (180, 15)
    page = as_user(world.mentee).get(url("meetings.settings")).text
    assert page.count("<input checked") == 2 and '<input checked id="before_15"' in page


def test_turning_them_all_off(world, as_user, url):
    as_user(world.mentor).post(url("meetings.settings"), data={})
    assert offsets_for([world.mentor.id]) == {world.mentor.id: ()}


def test_coordinators_have_no_meeting_settings(world, as_user, url):
    assert as_user(world.coordinator).get(url("meetings.settings")).status_code == 403
