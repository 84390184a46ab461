"""With the database down: error pages still draw, Get help now still has the numbers."""

import pytest
from peewee import OperationalError

from mentoring.db import database
from mentoring.models import CrisisResource

from ..factories import make_program, make_user


@pytest.fixture
def break_database(monkeypatch):
    """Call it to make every connection and query fail, as when the server is gone."""

    def down(*args, **kwargs):
        raise OperationalError("could not connect to server")

    def breaking():
        if not database.is_closed():
            database.close()
        monkeypatch.setattr(database.obj, "connect", down)
        monkeypatch.setattr(database.obj, "execute_sql", down)

    return breaking


def test_a_signed_in_page_answers_a_drawn_503_not_a_bare_error(as_user, world, url, break_database):
    client = as_user(world.mentee)
    assert client.get(url("accounts.account")).status_code == 200
    break_database()
    response = client.get(url("accounts.account"))
    body = response.get_data(as_text=True)
    assert response.status_code == 503
    assert "The app is not available right now" in body
    assert f'href="{url("safety.help")}"' in body
    assert world.mentee.name not in body
    assert response.headers["Cache-Control"] == "no-store"


def test_help_shows_the_kept_numbers_of_the_persons_program(as_user, world, url, break_database):
    other = make_program("Elsewhere")
    CrisisResource.create(program=other, name="Elsewhere Line", phone="0800 111", position=-1)
    elsewhere = as_user(make_user(other))
    mine = as_user(world.mentee)
    for client in (elsewhere, mine):
        # What app.js asks the service worker to fetch after signing in.
        assert client.get(url("pwa.offline")).status_code == 200
    break_database()

    response = mine.get(url("safety.help"))
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'href="tel:116123"' in body and 'href="sms:85258"' in body
    assert "Elsewhere Line" not in body
    assert "Elsewhere Line" in elsewhere.get(url("safety.help")).get_data(as_text=True)


def test_help_signed_out_shows_the_first_programs_kept_numbers(client, world, url, break_database):
    client.get(url("safety.help"))
    break_database()
    body = client.get(url("safety.help")).get_data(as_text=True)
    assert 'href="tel:116123"' in body


def test_a_coordinators_change_reaches_the_copy_at_once(as_user, world, url, break_database):
    coordinator = as_user(world.coordinator)
    coordinator.post(url("safety.resources"), data={"name": "Camden Crisis Team", "phone": "020 7946 0000"})
    break_database()
    body = coordinator.get(url("safety.help")).get_data(as_text=True)
    assert 'href="tel:02079460000"' in body


def test_with_nothing_kept_help_still_has_emergency_numbers_to_tap(as_user, world, url, break_database):
    client = as_user(world.mentee)
    break_database()
    response = client.get(url("safety.help"))
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    for number in ("112", "911", "999", "000"):
        assert f'href="tel:{number}"' in body


def test_the_offline_page_for_the_service_worker_uses_the_copy_too(as_user, world, url, break_database):
    client = as_user(world.mentee)
    client.get(url("pwa.offline"))
    break_database()
    response = client.get(url("pwa.offline"))
    assert response.status_code == 200
    assert 'href="tel:116123"' in response.get_data(as_text=True)


def test_healthz_answers_json_503_to_a_signed_in_phone(as_user, world, url, break_database):
    client = as_user(world.mentee)
    client.get(url("home.index"))
    break_database()
    response = client.get(url("web.healthz"))
    assert response.status_code == 503
    assert response.get_json() == {"status": "unavailable"}
