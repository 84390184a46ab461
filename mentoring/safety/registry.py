"""Every text field in the database, and what the safety rule does with it.

A field people write in is either CHECKED (it goes through
safety.check_writing when saved, under the source named here) or EXEMPT, with
the reason. tests/test_safety_writing_registry.py walks every model and fails
on a text field in neither list, so a new feature cannot quietly add a box
whose words nobody reads for risk.
"""

# "Model.field": the check_writing source its saves use.
CHECKED = {
    "CheckIn.note": "checkin",
    "Message.body": "message",
    "Goal.title": "goal",
    "Goal.measure": "goal",
    "Goal.support": "goal",
    "Goal.why": "goal",
    "Goal.reflection": "goal",
    "Step.title": "goal_step",
    "Rating.note": "goal_rating",
    "Comment.body": "goal_comment",
    "MeetingNote.body": "meeting_note",
    "Meeting.agenda": "meeting",
    "Meeting.change_note": "meeting",
    "MeetingSeries.agenda": "meeting",
    "MeetingSeries.change_note": "meeting",
}

_CODE = "a value the app sets from a fixed list, never typed"
_SECRET = "a token, hash or key, never typed by a person"
_PLAN = ("the safety plan describes risk in order to manage it, with the mentor; alerting on it would "
         "punish the planning, and the plan is what the crisis panel itself shows")
_STAFF = "written by program staff about their work, not a mentee's own words about themselves"
_NAME = "a name, address or contact detail, not a sentence about how someone is"

EXEMPT = {
    # People and programs.
    "User.email": _NAME, "User.name": _NAME, "User.role": _CODE, "User.timezone": _CODE,
    "User.password_hash": _SECRET, "User.session_token": _SECRET,
    "Program.name": _NAME, "Program.timezone": _CODE, "Program.country": _CODE, "Program.settings": _CODE,
    "Invite.role": _CODE, "Invite.email": _NAME, "Invite.token_hash": _SECRET,
    "PasswordReset.token_hash": _SECRET, "LoginFailure.key": _SECRET,
    "UserSession.secret_hash": _SECRET, "UserSession.user_token": _SECRET,
    "UserSession.user_agent": "the browser's own description of itself",
    "AuditEvent.action": _CODE, "AuditEvent.target_type": _CODE,
    "AuditEvent.meta": "ids, numbers, flags and short codes only; audit.record refuses any text",
    "DeletionRequest.status": _CODE,
    "Match.status": _CODE, "Match.end_reason": _CODE, "Match.end_note": _STAFF,
    "CrisisResource.region": _STAFF, "CrisisResource.name": _STAFF, "CrisisResource.description": _STAFF,
    "CrisisResource.phone": _NAME, "CrisisResource.sms": _NAME, "CrisisResource.url": _NAME,
    # Safeguarding itself.
    "SafeguardingAlert.kind": _CODE, "SafeguardingAlert.summary": "the alert itself, written by the app",
    "SafeguardingAlert.details": "the alert itself, written by the app", "SafeguardingAlert.status": _CODE,
    "SafeguardingAlert.level": _CODE, "SafeguardingAlert.outcome": _CODE, "SafeguardingAlert.client_id": _SECRET,
    "SafetyContact.phone": _NAME, "SafetyContact.contact_name": _NAME, "SafetyContact.contact_relation": _NAME,
    "SafetyContact.contact_phone": _NAME,
    "AlertEvent.action": _CODE, "AlertEvent.note": _STAFF + ": the lead's follow-up of an alert",
    "MessageReport.note": "sent to the safeguarding lead with the report it belongs to, which is already an alert",
    # Mood.
    "CheckIn.client_id": _SECRET, "CheckInTag.kind": _CODE,
    "CheckInTag.name": "an emotion or activity chosen from the program's list",
    "MeasureResponse.client_id": _SECRET, "MeasureResponse.measure": _CODE,
    "MeasureResponse.answers": "numbers chosen from fixed answers; PHQ-9 item 9 alerts on its own (mood.responses)",
    "SafetyPlan.warning_signs": _PLAN, "SafetyPlan.coping": _PLAN, "SafetyPlan.distractions": _PLAN,
    "SafetyPlan.helpers": _PLAN, "SafetyPlan.professionals": _PLAN, "SafetyPlan.environment": _PLAN,
    "SafetyPlan.reasons": _PLAN,
    # Messages.
    "Message.client_id": _SECRET, "Participant.role": _CODE, "Conversation.kind": _CODE,
    # Goals.
    "Goal.client_id": _SECRET, "Goal.area": _CODE, "Goal.status": _CODE,
    "Step.client_id": _SECRET, "Rating.client_id": _SECRET, "Comment.client_id": _SECRET,
    # Meetings.
    "MeetingNote.client_id": _SECRET, "ReminderChoice.minutes": _CODE, "CalendarFeed.token_hash": _SECRET,
    "Meeting.place": _NAME, "Meeting.link": _NAME, "MeetingSeries.place": _NAME, "MeetingSeries.link": _NAME,
    "Arrangement.place": _NAME, "Arrangement.link": _NAME,
    "Arrangement.agenda": "shared base of Meeting and MeetingSeries, checked there",
    "Arrangement.change_note": "shared base of Meeting and MeetingSeries, checked there",
    **{f"{model}.{name}": _CODE for model in ("Arrangement", "Meeting", "MeetingSeries")
       for name in ("timezone", "mode", "status")},
    "Meeting.outcome": _CODE, "MeetingSeries.rule": _CODE,
    **{f"{model}.client_id": _SECRET for model in ("Arrangement", "Meeting", "MeetingSeries")},
    # Push.
    "Notification.kind": _CODE, "Notification.url": _CODE, "Notification.topic": _CODE,
    "Notification.status": _CODE, "Notification.last_error": "an error from a push service",
    "Notification.claim_token": _SECRET, "Notification.key": _SECRET,
    "DeliveryAttempt.origin": _CODE, "DeliveryAttempt.outcome": _CODE,
    "DeliveryAttempt.error": "an error from a push service",
    "Subscription.endpoint": _SECRET, "Subscription.p256dh": _SECRET, "Subscription.auth": _SECRET,
    "Subscription.device_name": "the name of a phone or browser",
}
