"""Reminders in the app: open one from a notification, snooze it ("Remind me later"), dismiss it."""

from datetime import date, timedelta

from playhouse.test_utils import count_queries

from mentoring.clock import utcnow
from mentoring.push.outbox import Notification, topic_key


HTMX = {"HX-Request": "true", "HX-Target": "push-reminders"}


def sent(user, kind="checkin_reminder", ago=timedelta(minutes=5), **fields):
    at = utcnow() - ago
    fields.setdefault("expires_at", at + timedelta(hours=4))
    return Notification.create(user=user, kind=kind, url=fields.pop("url", "/"), topic=fields.pop("topic", ""),
                               due_at=at, created_at=at, status=Notification.SENT, sent_at=at, **fields)


def test_opening_a_notification_lands_on_its_page_and_notes_it(world, as_user, url):
    reminder = sent(world.mentee, "meeting_reminder", url="/meetings/12")
    answer = as_user(world.mentee).get(url("push.open_notification", notification_id=reminder.id))
    assert answer.status_code == 302 and answer.location == "/meetings/12"
    assert Notification.get_by_id(reminder.id).opened_at is not None


def test_opening_never_leaves_the_site(world, as_user, url):
    reminder = sent(world.mentee, url="//evil.example/phish")
    answer = as_user(world.mentee).get(url("push.open_notification", notification_id=reminder.id))
    assert answer.location == url("home.index")


def test_opening_someone_elses_notification_returns_404(world, as_user, url):
    reminder = sent(world.mentee)
    assert as_user(world.other_mentee).get(url("push.open_notification", notification_id=reminder.id)).status_code == 404
    assert Notification.get_by_id(reminder.id).opened_at is None


def test_signed_out_it_asks_to_sign_in_first(world, client, url):
    reminder = sent(world.mentee)
    answer = client.get(url("push.open_notification", notification_id=reminder.id))
    assert answer.status_code == 302 and "/login" in answer.location


def test_the_home_screen_offers_to_remind_later(world, as_user, url):
    reminder = sent(world.mentee)
    page = as_user(world.mentee).get(url("home.index")).get_data(as_text=True)
    assert "Time for your check-in" in page
    assert url("push.snooze", notification_id=reminder.id) in page
    assert "In 1 hour" in page and "In 15 minutes" in page


def test_a_mentor_sees_meeting_reminders_too(world, as_user, url):
    sent(world.mentor, "meeting_reminder")
    assert "Meeting reminder" in as_user(world.mentor).get(url("home.index")).get_data(as_text=True)


def test_the_home_screen_leaves_out_what_is_done_old_or_not_a_reminder(app, world, as_user, url):
    app.extensions["checked_in_on"] = lambda user, day: True
    sent(world.mentee)  # checked in already
    sent(world.mentee, "meeting_reminder", ago=timedelta(hours=13))
    sent(world.mentee, "message")
    sent(world.mentee, "meeting_reminder", handled_at=utcnow())
    page = as_user(world.mentee).get(url("home.index")).get_data(as_text=True)
    assert 'id="push-reminders"' not in page


def test_snoozing_queues_the_reminder_again_later(world, as_user, url):
    reminder = sent(world.mentee, topic=topic_key("checkin"), key="checkin:2025-06-02")
    answer = as_user(world.mentee).post(url("push.snooze", notification_id=reminder.id), data={"minutes": "60"}, headers=HTMX)
    assert answer.status_code == 200
    assert "We&#39;ll remind you again at" in answer.get_data(as_text=True)
    later = Notification.get(Notification.status == Notification.PENDING)
    assert timedelta(minutes=59) < later.due_at - utcnow() <= timedelta(minutes=60)
    assert (later.kind, later.topic, later.url, later.key) == (reminder.kind, reminder.topic, reminder.url, None)
    assert later.expires_at == reminder.expires_at
    assert Notification.get_by_id(reminder.id).handled_at is not None


def test_a_snoozed_checkin_reminder_is_still_about_its_day(world):
    from mentoring.push.checkin import reminder_day

    original = sent(world.mentee, key="checkin:2025-06-02")
    assert reminder_day(original, world.mentee) == date(2025, 6, 2)


def test_a_double_tap_snoozes_once(world, as_user, url):
    reminder = sent(world.mentee)
    client = as_user(world.mentee)
    for _ in range(2):
        client.post(url("push.snooze", notification_id=reminder.id), data={"minutes": "15"})
    assert Notification.select().where(Notification.status == Notification.PENDING).count() == 1


def test_it_offers_no_time_after_the_reminder_stops_mattering(world, as_user, url):
    reminder = sent(world.mentee, expires_at=utcnow() + timedelta(minutes=30))
    page = as_user(world.mentee).get(url("home.index")).get_data(as_text=True)
    assert "In 15 minutes" in page and "In 1 hour" not in page
    answer = as_user(world.mentee).post(url("push.snooze", notification_id=reminder.id), data={"minutes": "60"}, headers=HTMX)
    assert answer.status_code == 422
    assert Notification.select().where(Notification.status == Notification.PENDING).count() == 0


def test_dismissing_takes_it_off_the_home_screen(world, as_user, url):
    reminder = sent(world.mentee)
    client = as_user(world.mentee)
    answer = client.post(url("push.dismiss", notification_id=reminder.id), headers=HTMX)
    assert "Nothing to remind you of right now." in answer.get_data(as_text=True)
    assert 'id="push-reminders"' not in client.get(url("home.index")).get_data(as_text=True)


def test_only_reminders_can_be_snoozed(world, as_user, url):
    message = sent(world.mentee, "message")
    assert as_user(world.mentee).post(url("push.snooze", notification_id=message.id), data={"minutes": "15"}).status_code == 404


def test_it_returns_404_for_another_mentees_reminder(world, as_user, url):
    reminder = sent(world.mentee)
    client = as_user(world.other_mentee)
    assert client.post(url("push.snooze", notification_id=reminder.id), data={"minutes": "15"}).status_code == 404
    assert client.post(url("push.dismiss", notification_id=reminder.id)).status_code == 404
    assert Notification.get_by_id(reminder.id).handled_at is None


def test_the_home_card_costs_the_same_queries_with_many_reminders(world, as_user, url):
    client = as_user(world.mentee)
    sent(world.mentee, "meeting_reminder")
    with count_queries() as few:
        client.get(url("home.index"))
    for minutes in range(20):
        sent(world.mentee, "meeting_reminder", ago=timedelta(minutes=minutes))
    with count_queries() as many:
        client.get(url("home.index"))
    assert many.count == few.count
