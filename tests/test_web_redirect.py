"""One redirect after a POST (web.redirect_to): every kind of request ends on the whole page."""

from .mood.support import sharing

BOOSTED = {"HX-Request": "true", "HX-Boosted": "true"}
# What htmx sends for the GET an HX-Location answer starts: aimed at <body>, which has no id.
LOCATION_GET = {"HX-Request": "true"}


def save_check_in(client, url, headers=None):
    return client.post(url("mood.checkin"), data={"client_id": "checkin-redirect1", "mood": "4"}, headers=headers or {})


def test_a_plain_form_gets_a_303_to_the_page(world, as_user, url):
    sharing(world.mentee)
    answer = save_check_in(as_user(world.mentee), url)
    assert answer.status_code == 303 and answer.location == url("mood.checkin")


def test_a_boosted_form_gets_a_303_whose_followed_get_is_the_whole_page(world, as_user, url):
    sharing(world.mentee)
    client = as_user(world.mentee)
    answer = save_check_in(client, url, BOOSTED)
    assert answer.status_code == 303 and "HX-Location" not in answer.headers
    # The XHR follows the 303 with the same htmx headers.
    page = client.get(answer.location, headers=BOOSTED).get_data(as_text=True)
    assert "<html" in page and 'id="checkin-form"' in page


def test_an_htmx_request_aimed_at_a_piece_is_told_to_navigate(world, as_user, url):
    sharing(world.mentee)
    client = as_user(world.mentee)
    answer = save_check_in(client, url, {"HX-Request": "true", "HX-Target": "checkin-form"})
    assert answer.status_code == 204 and answer.headers["HX-Location"] == url("mood.checkin")
    page = client.get(answer.headers["HX-Location"], headers=LOCATION_GET).get_data(as_text=True)
    assert "<html" in page

