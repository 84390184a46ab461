"""A program's own country's crisis numbers come first; checking them is the coordinator's to-do."""

from datetime import date, datetime, timedelta

import pytest

from mentoring.programs import create_program
from mentoring.models import COORDINATOR, CrisisResource, Program
from mentoring.safety import crisis_list

from ..factories import make_user

# A fixed moment: 10:00 in London on 6 December 2026 (a Sunday).
NOW = datetime(2026, 12, 6, 10, 0)
TODAY = NOW.date()


@pytest.fixture
def fixed_now(monkeypatch):
    monkeypatch.setattr(crisis_list, "utcnow", lambda: NOW)


def dialled(program):
    return [r.phone or r.sms for r in program.crisis_resources()]


def first_tel(body, numbers):
    """Which of `numbers` the page offers to call first."""
    return min(numbers, key=lambda n: body.find(f'href="tel:{n}"'))


def test_a_uk_program_starts_with_uk_numbers_and_a_us_one_with_us_numbers(app):
    assert dialled(create_program("London", "Europe/London", country="GB"))[:3] == ["999", "116 123", "85258"]
    assert dialled(create_program("Boston", "America/New_York", country="US"))[:2] == ["911", "988"]
    assert dialled(create_program("Auckland", "Pacific/Auckland", country="NZ"))[:2] == ["111", "1737"]


def test_the_london_demo_program_offers_999_and_samaritans_first(app, client, url):
    from ..test_cli import run

    assert run(app, "seed-demo").exit_code == 0
    program = Program.get()
    assert program.country == "GB"
    body = client.get(url("safety.help")).get_data(as_text=True)
    assert first_tel(body, ["999", "116123", "911", "988"]) == "999"
    assert body.find('href="tel:116123"') < body.find('href="tel:911"')


def test_nobody_looking_for_help_is_told_a_number_is_unchecked(client, as_user, world, url):
    CrisisResource.update(last_verified=None).execute()
    for page in (client.get(url("safety.help")), as_user(world.mentee).get(url("safety.help")),
                 as_user(world.mentee).get(url("pwa.offline"))):
        body = page.get_data(as_text=True)
        assert 'href="tel:116123"' in body
        assert "not yet checked" not in body.lower() and "not checked" not in body.lower()


def test_with_no_program_at_all_help_still_has_numbers_to_tap(client, url):
    assert Program.select().count() == 0
    body = client.get(url("safety.help")).get_data(as_text=True)
    for number in ("112", "911", "999", "000"):
        assert f'href="tel:{number}"' in body


def test_choosing_the_country_puts_its_numbers_first_and_adds_what_is_missing(as_user, world, url):
    coordinator = as_user(world.coordinator)
    # A list made before New Zealand was in the table, say.
    CrisisResource.delete().where(CrisisResource.phone.in_(["111", "1737"])).execute()
    before = CrisisResource.select().where(CrisisResource.program == world.program).count()
    for _ in range(2):  # a double tap changes nothing more
        response = coordinator.post(url("safety.country"), data={"country": "NZ"})
        assert response.status_code == 303
    program = Program.get_by_id(world.program.id)
    assert program.country == "NZ"
    assert dialled(program)[:2] == ["111", "1737"]
    assert CrisisResource.select().where(CrisisResource.program == world.program).count() == before + 2

    coordinator.post(url("safety.country"), data={"country": "GB"})
    assert dialled(program)[:3] == ["999", "116 123", "85258"]
    assert CrisisResource.select().where(CrisisResource.program == world.program).count() == before + 2


def test_a_coordinators_own_local_line_is_kept_after_the_countrys_numbers(as_user, world, url):
    CrisisResource.create(program=world.program, name="Camden Crisis Team", phone="020 7946 0000", position=0)
    as_user(world.coordinator).post(url("safety.country"), data={"country": "GB"})
    names = [r.name for r in world.program.crisis_resources()]
    assert names[:3] == ["Emergency services", "Samaritans", "Shout"]
    assert "Camden Crisis Team" in names


def test_a_country_not_in_the_list_is_refused(as_user, world, url):
    response = as_user(world.coordinator).post(url("safety.country"), data={"country": "XX"})
    assert response.status_code == 422
    assert Program.get_by_id(world.program.id).country == ""


def test_unchecked_numbers_are_on_the_coordinators_home_until_checked(as_user, world, url, fixed_now):
    coordinator = as_user(world.coordinator)
    assert "Check your crisis numbers" in coordinator.get(url("home.index")).get_data(as_text=True)
    assert "Check your crisis numbers" not in as_user(world.mentor).get(url("home.index")).get_data(as_text=True)

    coordinator.post(url("safety.country"), data={"country": "GB"})
    for resource in list(world.program.crisis_resources()):
        coordinator.post(url("safety.resource_checked", resource_id=resource.id))
    assert {r.last_verified for r in world.program.crisis_resources()} == {TODAY}
    assert "Check your crisis numbers" not in coordinator.get(url("home.index")).get_data(as_text=True)


def test_a_number_is_due_again_a_year_after_its_check(world, fixed_now):
    CrisisResource.update(last_verified=TODAY - timedelta(days=364)).execute()
    Program.update(country="GB").execute()
    assert crisis_list.checks_card(world.coordinator) is None
    CrisisResource.update(last_verified=TODAY - timedelta(days=365)).where(
        CrisisResource.id == world.program.crisis_resources().first().id).execute()
    assert crisis_list.checks_card(world.coordinator) == {"due": 1, "country": "GB"}


def test_checked_today_is_the_coordinators_own_day(world, fixed_now):
    far_west = make_user(world.program, COORDINATOR, timezone="Pacific/Honolulu")  # 00:00 there, same day
    resource = world.program.crisis_resources().first()
    crisis_list.mark_checked(resource, far_west.timezone)
    assert CrisisResource.get_by_id(resource.id).last_verified == date(2026, 12, 6)
    crisis_list.mark_checked(resource, "Pacific/Kiritimati")  # already the 7th there
    assert CrisisResource.get_by_id(resource.id).last_verified == date(2026, 12, 7)


def test_the_coordinators_home_takes_the_same_queries_however_long_the_list(app, as_user, world, url):
    from playhouse.test_utils import count_queries

    # Program figures are kept a minute; worked out every time, both visits do the same work.
    app.config["PROGRAM_CARD_SECONDS"] = 0
    coordinator = as_user(world.coordinator)

    def queries():
        with count_queries() as counter:
            assert "Check your crisis numbers" in coordinator.get(url("home.index")).get_data(as_text=True)
        return counter.count

    few = queries()
    CrisisResource.insert_many([{"program": world.program.id, "name": f"Line {i}", "phone": f"0800 {i:03}"}
                                for i in range(40)]).execute()
    assert queries() == few


def test_help_takes_the_same_queries_with_its_kept_copy(client, world, url):
    from playhouse.test_utils import count_queries

    client.get(url("safety.help"))  # writes the copy
    with count_queries() as counter:
        assert client.get(url("safety.help")).status_code == 200
    assert counter.count == 2  # the first program, its numbers: the copy costs no query
