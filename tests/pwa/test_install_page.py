"""/install and the install card: how to put the app on the home screen."""

import pytest


def test_the_guide_explains_android_and_iphone(client):
    html = client.get("/install").get_data(as_text=True)
    assert "Add to Home Screen" in html and "Install app" in html
    assert "iOS 16.4" in html


def test_the_guide_names_the_install_button_only_where_it_is_shown(client):
    # Most browsers never offer the button: a step pointing "above" at it pointed at nothing.
    html = client.get("/install").get_data(as_text=True)
    assert "above" not in html
    mention = html.index("Or tap “Install the app”")
    assert html.rfind("<span data-install-offer hidden>", 0, mention) > html.rfind("</span>", 0, mention)


def test_the_account_page_links_to_it(as_user, world, url):
    html = as_user(world.mentor).get("/account").get_data(as_text=True)
    assert f'href="{url("pwa.install")}"' in html


@pytest.mark.parametrize("kind", ["mentee", "mentor", "coordinator"])
def test_every_home_has_the_card_hidden_until_the_phone_can_install(as_user, world, kind):
    html = as_user(getattr(world, kind)).get("/").get_data(as_text=True)
    card = html.split("data-install-card")[1].split(">")[0]
    assert "hidden" in card
