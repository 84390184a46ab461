"""Delete my account: asked for with a password, confirmed by a coordinator or by time, cancellable."""

from datetime import timedelta

from mentoring.audit.models import AuditEvent
from mentoring.data_rights.deletion import FORMER_MEMBER, complete, request_deletion, run_due
from mentoring.data_rights.models import DeletionRequest
from mentoring.goals.models import Goal
from mentoring.meetings.models import MeetingNote
from mentoring.messages import Message
from mentoring.models import Match, User, UserSession
from mentoring.mood.models import CheckIn, MeasureResponse, SafetyPlan
from mentoring.push.models import Subscription
from mentoring.safety import SafeguardingAlert

from ..factories import PASSWORD
from .support import NOW, fill


def _ask(client, url, password=PASSWORD):
    return client.post(url("data_rights.delete_account"), data={"password": password})


def test_the_page_says_what_goes_what_stays_and_why(as_user, world, url):
    page = as_user(world.mentee).get(url("data_rights.delete_account")).get_data(as_text=True)
    assert "What will be deleted" in page and "What is kept, and why" in page
    assert "Former member" in page and "Safeguarding records" in page
    assert "14 days" in page


def test_a_wrong_password_asks_nothing(as_user, world, url):
    response = _ask(as_user(world.mentee), url, password="not it")
    assert response.status_code == 422
    assert DeletionRequest.select().count() == 0


def test_the_right_password_asks_once_even_tapped_twice(as_user, world, url):
    client = as_user(world.mentee)
    assert _ask(client, url).status_code == 303
    assert _ask(client, url).status_code == 303
    request = DeletionRequest.get()
    assert request.user_id == world.mentee.id and request.is_pending
    assert request.due_at - request.requested_at == timedelta(days=14)
    assert "Keep my account" in client.get(url("data_rights.your_data")).get_data(as_text=True)


def test_the_grace_period_is_the_programs(app, world):
    world.program.settings = {"data_rights": {"deletion_grace_days": 3}}
    world.program.save()
    with app.app_context():
        request = request_deletion(User.get_by_id(world.mentee.id), now=NOW)
    assert request.due_at == NOW + timedelta(days=3)


def test_the_person_can_cancel(as_user, world, url):
    client = as_user(world.mentee)
    _ask(client, url)
    assert client.post(url("data_rights.cancel_deletion")).status_code == 303
    assert DeletionRequest.get().status == DeletionRequest.CANCELLED
    assert run_due(NOW + timedelta(days=30)) == 0


def test_a_coordinator_sees_and_confirms_it(as_user, world, url):
    _ask(as_user(world.mentee), url)
    coordinator = as_user(world.coordinator)
    page = coordinator.get(url("data_rights.deletions")).get_data(as_text=True)
    assert world.mentee.name in page
    request = DeletionRequest.get()
    assert coordinator.post(url("data_rights.confirm_deletion", request_id=request.id)).status_code == 303
    assert User.get_by_id(world.mentee.id).name == FORMER_MEMBER
    assert DeletionRequest.get().confirmed_by_id == world.coordinator.id
    [event] = AuditEvent.select().where(AuditEvent.action == "account_deleted")
    assert (event.actor_id, event.subject_id) == (world.coordinator.id, world.mentee.id)
    # A second tap finds it done and changes nothing.
    assert coordinator.post(url("data_rights.confirm_deletion", request_id=request.id)).status_code == 303


def test_nobody_confirms_their_own_or_another_programs(app, as_user, world, url):
    from ..factories import make_program, make_user

    with app.app_context():
        own = request_deletion(User.get_by_id(world.coordinator.id), now=NOW)
    outsider = make_user(make_program("Elsewhere"), "coordinator")
    assert as_user(world.coordinator).post(url("data_rights.confirm_deletion", request_id=own.id)).status_code == 404
    assert as_user(outsider).post(url("data_rights.confirm_deletion", request_id=own.id)).status_code == 404
    assert DeletionRequest.get_by_id(own.id).is_pending


def test_deleting_removes_their_records_and_keeps_what_others_need(app, world):
    fill(app, world)
    with app.app_context():
        request = request_deletion(User.get_by_id(world.mentee.id), now=NOW)
        world.mentee.start_session()
        assert run_due(NOW + timedelta(days=13)) == 0
        assert run_due(NOW + timedelta(days=14)) == 1
    mine = lambda model, field="user": model.select().where(getattr(model, field) == world.mentee.id).count()  # noqa: E731
    for model in (CheckIn, MeasureResponse, SafetyPlan, Subscription, UserSession):
        assert mine(model) == 0, model
    assert mine(Goal, "mentee") == 0
    assert MeetingNote.select().where(MeetingNote.author == world.mentee.id).count() == 0
    assert MeetingNote.select().where(MeetingNote.author == world.mentor.id).count() == 2
    user = User.get_by_id(world.mentee.id)
    assert (user.name, user.is_active, user.password_hash) == (FORMER_MEMBER, False, "")
    assert user.email != world.mentee.email and user.email.endswith(".invalid")
    assert Match.get_by_id(world.match.id).status == Match.ENDED
    # The mentor keeps the conversation, signed by a former member; safeguarding keeps its record.
    assert Message.select().where(Message.author == world.mentee.id).count() == 2
    assert SafeguardingAlert.select().where(SafeguardingAlert.subject == world.mentee.id).count() == 1
    assert DeletionRequest.get_by_id(request.id).status == DeletionRequest.DONE


def test_a_program_may_blank_their_messages_too(app, world):
    fill(app, world)
    world.program.settings = {"data_rights": {"delete_messages_with_account": True}}
    world.program.save()
    with app.app_context():
        request = request_deletion(User.get_by_id(world.mentee.id), now=NOW)
        assert complete(request.id, now=NOW)
    theirs = Message.select().where(Message.author == world.mentee.id)
    assert {(m.body, m.deleted_at) for m in theirs} == {("", NOW)}


def test_a_deleted_person_cannot_sign_in(app, client, world, url):
    with app.app_context():
        request = request_deletion(User.get_by_id(world.mentee.id), now=NOW)
        complete(request.id, now=NOW)
    response = client.post(url("accounts.login"), data={"email": world.mentee.email, "password": PASSWORD})
    assert response.status_code == 422 and "don&#39;t match" in response.get_data(as_text=True)


def test_the_worker_runs_deletions_with_its_producers(app, world):
    from mentoring.push.worker import run_producers

    with app.app_context():
        request_deletion(User.get_by_id(world.mentee.id), now=NOW)
        run_producers(NOW + timedelta(days=15))
    assert User.get_by_id(world.mentee.id).name == FORMER_MEMBER


def test_the_command_runs_due_deletions(app, world):
    with app.app_context():
        request_deletion(User.get_by_id(world.mentee.id), now=NOW - timedelta(days=20))
    result = app.test_cli_runner().invoke(args=["run-deletions"])
    assert result.exit_code == 0, result.output
    assert "deleted 1 account(s)" in result.output
    assert User.get_by_id(world.mentee.id).name == FORMER_MEMBER


def test_coordinators_see_waiting_requests_on_their_home_screen(app, as_user, world, url):
    coordinator = as_user(world.coordinator)
    assert "Deletion requests" not in coordinator.get(url("home.index")).get_data(as_text=True)
    with app.app_context():
        request_deletion(User.get_by_id(world.mentee.id), now=NOW)
    page = coordinator.get(url("home.index")).get_data(as_text=True)
    assert "Deletion requests" in page and world.mentee.name in page


def test_the_person_is_reminded_on_their_home_screen_and_can_stay_from_there(app, as_user, world, url):
    client = as_user(world.mentor)
    assert "Your account is being deleted" not in client.get(url("home.index")).get_data(as_text=True)
    with app.app_context():
        request_deletion(User.get_by_id(world.mentor.id), now=NOW)
    page = client.get(url("home.index")).get_data(as_text=True)
    assert "Your account is being deleted" in page and url("data_rights.cancel_deletion") in page
    client.post(url("data_rights.cancel_deletion"))
    assert "Your account is being deleted" not in client.get(url("home.index")).get_data(as_text=True)


def test_deleting_a_mentor_ends_every_match_and_cancels_their_future_meetings(app, world):
    from mentoring.meetings.models import CANCELLED, Meeting

    from ..factories import make_match, make_user
    from ..meetings.support import make_meeting

    second = make_match(world.mentor, make_user(world.program))
    meeting = make_meeting(second, NOW + timedelta(days=3))
    with app.app_context():
        request = request_deletion(User.get_by_id(world.mentor.id), now=NOW)
        assert complete(request.id, confirmed_by=world.coordinator, now=NOW)
    ended = Match.select().where(Match.mentor == world.mentor.id)
    assert {(m.status, m.ended_at, m.end_reason) for m in ended} == {(Match.ENDED, NOW, "mentor_request")}
    assert Meeting.get_by_id(meeting.id).status == CANCELLED
