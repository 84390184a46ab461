"""/offline: what the service worker shows without a signal. Nothing personal."""

from mentoring.models import CrisisResource

from ..factories import make_program, make_user


def test_it_shows_the_crisis_numbers_of_the_persons_program(as_user, world):
    other = make_program("Elsewhere")
    CrisisResource.delete().where(CrisisResource.program == other).execute()
    CrisisResource.create(program=other, name="Local line", phone="0800 000", position=0)
    html = as_user(make_user(other)).get("/offline").get_data(as_text=True)
    assert "Local line" in html and "tel:0800000" in html
    assert "Samaritans" not in html
    mine = as_user(world.mentee).get("/offline").get_data(as_text=True)
    assert "Samaritans" in mine and 'href="tel:116123"' in mine


def test_it_shows_help_to_someone_not_signed_in(client, world):
    html = client.get("/offline").get_data(as_text=True)
    assert "You are offline" in html and "Get help now" in html and "Samaritans" in html


def test_it_holds_nothing_personal(as_user, world):
    client = as_user(world.mentee)
    html = client.get("/offline").get_data(as_text=True)
    for personal in (world.mentee.name, world.mentee.email, world.program.name, world.mentor.name):
        assert personal not in html
    assert "X-CSRFToken" not in html and "csrf" not in html.lower()
    assert 'class="bottom-nav"' not in html and "data-user" not in html


def test_it_leaves_messages_meant_for_the_next_page(as_user, world):
    client = as_user(world.mentee)
    with client.session_transaction() as session:
        session["_flashes"] = [("success", "Saved your check-in.")]
    assert "Saved your check-in." not in client.get("/offline").get_data(as_text=True)
    assert "Saved your check-in." in client.get("/account").get_data(as_text=True)
