"""Your devices: every open session listed, any other one signed out from here."""

from datetime import datetime, timedelta

from playhouse.test_utils import count_queries

from mentoring.accounts.devices import describe
from mentoring.models import SEEN_EVERY, UserSession

from ..factories import PASSWORD

ANDROID_CHROME = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/124.0.0.0 Mobile Safari/537.36")
IPHONE_SAFARI = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                 "Version/17.4 Mobile/15E148 Safari/604.1")
WINDOWS_FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0"
WINDOWS_EDGE = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                "Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0")
NOW = datetime(2026, 3, 10, 12, 0)


def sign_in(app, user, agent=ANDROID_CHROME):
    client = app.test_client()
    answer = client.post("/login", data={"email": user.email, "password": PASSWORD}, headers={"User-Agent": agent})
    assert answer.status_code == 302
    return client


def session_id_of(client):
    with client.session_transaction() as session:
        return int(session["_user_id"].partition(".")[0])


def test_a_user_agent_reads_as_browser_on_system(app):
    with app.test_request_context():
        assert describe(ANDROID_CHROME) == "Chrome on Android"
        assert describe(IPHONE_SAFARI) == "Safari on iPhone"
        assert describe(WINDOWS_FIREFOX) == "Firefox on Windows"
        assert describe(WINDOWS_EDGE) == "Edge on Windows"
        assert describe("") == "Unknown browser"


def test_it_lists_only_the_persons_own_open_sessions_with_this_device_marked(app, world, url):
    phone = sign_in(app, world.mentee, ANDROID_CHROME)
    laptop = sign_in(app, world.mentee, WINDOWS_FIREFOX)
    stranger = sign_in(app, world.other_mentee, IPHONE_SAFARI)
    ended = sign_in(app, world.mentee, WINDOWS_EDGE)
    ended.post(url("accounts.logout"))
    html = phone.get(url("accounts.devices")).get_data(as_text=True)
    assert html.count("data-session=") == 2
    assert f'data-session="{session_id_of(phone)}"' in html and f'data-session="{session_id_of(laptop)}"' in html
    assert f'data-session="{session_id_of(stranger)}"' not in html
    assert "Chrome on Android · This device" in html and "Firefox on Windows" in html
    assert "Safari on iPhone" not in html and "Edge on Windows" not in html
    # Only the other device has its own "Sign out"; this one uses the ordinary one.
    assert html.count(url("accounts.sign_out_device", session_id=session_id_of(laptop))) == 1
    assert url("accounts.sign_out_device", session_id=session_id_of(phone)) not in html
    assert "Sign out everywhere else" in html


def test_the_account_page_links_to_it(app, world, url):
    html = sign_in(app, world.mentor).get(url("accounts.account")).get_data(as_text=True)
    assert url("accounts.devices") in html and "Your devices" in html


def test_signing_out_another_device_makes_its_cookie_stop_working(app, world, url):
    phone, laptop = sign_in(app, world.mentee), sign_in(app, world.mentee, WINDOWS_FIREFOX)
    answer = phone.post(url("accounts.sign_out_device", session_id=session_id_of(laptop)), follow_redirects=True)
    assert "Firefox on Windows is signed out." in answer.get_data(as_text=True)
    assert laptop.get(url("home.index")).status_code == 302
    assert phone.get(url("home.index")).status_code == 200


def test_a_second_tap_on_sign_out_changes_nothing_and_does_not_fail(app, world, url):
    phone, laptop = sign_in(app, world.mentee), sign_in(app, world.mentee, WINDOWS_FIREFOX)
    target = url("accounts.sign_out_device", session_id=session_id_of(laptop))
    phone.post(target)
    ended_at = UserSession.get_by_id(session_id_of(laptop)).ended_at
    assert phone.post(target).status_code == 302
    assert UserSession.get_by_id(session_id_of(laptop)).ended_at == ended_at


def test_sign_out_everywhere_else_keeps_this_device(app, world, url):
    phone = sign_in(app, world.mentee)
    others = [sign_in(app, world.mentee, agent) for agent in (WINDOWS_FIREFOX, IPHONE_SAFARI)]
    stranger = sign_in(app, world.other_mentee)
    assert phone.post(url("accounts.sign_out_others")).status_code == 302
    assert phone.get(url("home.index")).status_code == 200
    assert all(other.get(url("home.index")).status_code == 302 for other in others)
    assert stranger.get(url("home.index")).status_code == 200
    assert [row.id for row in UserSession.open_for(world.mentee)] == [session_id_of(phone)]


def test_another_persons_session_is_not_found_and_stays_signed_in(app, world, url):
    mine, theirs = sign_in(app, world.mentee), sign_in(app, world.other_mentee)
    answer = mine.post(url("accounts.sign_out_device", session_id=session_id_of(theirs)))
    assert answer.status_code == 404
    assert theirs.get(url("home.index")).status_code == 200


def test_this_devices_own_id_does_not_sign_it_out_from_here(app, world, url):
    phone = sign_in(app, world.mentee)
    phone.post(url("accounts.sign_out_device", session_id=session_id_of(phone)))
    assert phone.get(url("home.index")).status_code == 200


def test_seen_writes_at_most_once_per_interval(app, world):
    row_id = int(world.mentee.start_session().partition(".")[0])
    UserSession.update(last_seen_at=NOW - SEEN_EVERY - timedelta(seconds=1)).where(UserSession.id == row_id).execute()
    stale = NOW - SEEN_EVERY - timedelta(seconds=1)
    assert UserSession.seen(row_id, stale, now=NOW) is True
    # A second request that loaded the same stale value writes nothing: the UPDATE's condition holds it back.
    assert UserSession.seen(row_id, stale, now=NOW + timedelta(seconds=5)) is False
    assert UserSession.get_by_id(row_id).last_seen_at == NOW
    # Fresh enough: not even a query.
    with count_queries() as counted:
        assert UserSession.seen(row_id, NOW, now=NOW + SEEN_EVERY - timedelta(seconds=1)) is False
    assert counted.count == 0


def test_a_page_view_refreshes_a_stale_last_seen_and_a_poll_does_not(app, world, url):
    phone = sign_in(app, world.mentee)
    row_id = session_id_of(phone)
    long_ago = UserSession.get_by_id(row_id).created_at - timedelta(hours=2)
    UserSession.update(last_seen_at=long_ago).where(UserSession.id == row_id).execute()
    phone.get(url("home.index"), headers={"HX-Request": "true", "HX-Target": "main"})
    assert UserSession.get_by_id(row_id).last_seen_at == long_ago
    phone.get(url("home.index"))
    assert UserSession.get_by_id(row_id).last_seen_at > long_ago


def queries(client, target):
    with count_queries() as counted:
        assert client.get(target).status_code == 200
    return [q.msg[0] for q in counted.get_queries()]


def test_the_page_takes_a_fixed_number_of_queries_and_a_fresh_session_writes_nothing(app, world, url):
    phone = sign_in(app, world.mentee)
    few = queries(phone, url("accounts.devices"))
    for agent in (WINDOWS_FIREFOX, IPHONE_SAFARI, WINDOWS_EDGE) * 3:
        sign_in(app, world.mentee, agent)
    many = queries(phone, url("accounts.devices"))
    assert len(few) == len(many)
    assert not [sql for sql in many if sql.startswith("UPDATE")]
