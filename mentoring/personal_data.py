"""What the app holds about a person, and who can see it: one table, beside access.py.

The "Who can see my data" page is generated from it, and a test walks every
model with a foreign key to users and fails if its table is missing here, so
a new kind of personal data cannot arrive unannounced.
"""

from dataclasses import dataclass

from .i18n import _l

YOU = _l("You")
MENTOR_SHARED = _l("Your mentor, only what you choose to share")
MENTOR = _l("Your mentor (and you, if you are the mentor)")
MATCH = _l("You and the other person in your match")
COORDINATORS = _l("Coordinators")
COORDINATOR_COUNTS = _l("Coordinators, as counts only")
LEAD = _l("The safeguarding lead")
LEAD_REPORTED = _l("The safeguarding lead, only messages someone reports")
NOBODY = _l("Nobody: it works the app, no person reads it")


@dataclass(frozen=True)
class DataKind:
    tables: tuple  # table names of the models that hold it
    what: object
    who: tuple
    # In the download? Records about safety, kept for others' protection, are not.
    downloadable: bool = True


PERSONAL_DATA = (
    DataKind(("users",), _l("Your name and role"), (MATCH, COORDINATORS)),
    DataKind(("users",), _l("Your email and time zone"), (YOU, COORDINATORS, LEAD)),
    DataKind(("user_sessions",), _l("Devices signed in to your account"), (YOU,)),
    DataKind(("invites", "password_resets"), _l("Invitations and password links made for you"),
             (YOU, COORDINATORS)),
    DataKind(("matches",), _l("Who mentors whom, since when and why it ended"), (MATCH, COORDINATORS)),
    DataKind(("checkins", "mood_sharing"), _l("Mood check-ins and their notes"),
             (YOU, MENTOR_SHARED, COORDINATOR_COUNTS)),
    DataKind(("measure_responses",), _l("Questionnaire answers and scores"), (YOU, MENTOR_SHARED, COORDINATOR_COUNTS)),
    DataKind(("safety_plans",), _l("Your safety plan"), (YOU, MENTOR_SHARED)),
    DataKind(("goals", "goal_steps", "goal_ratings", "goal_comments"), _l("Goals, steps, ratings and comments"),
             (YOU, MENTOR_SHARED, COORDINATOR_COUNTS)),
    DataKind(("conversations", "conversation_participants", "messages"), _l("Messages"),
             (MATCH, COORDINATOR_COUNTS, LEAD_REPORTED)),
    DataKind(("message_reports",), _l("Messages you reported"), (YOU, LEAD)),
    DataKind(("meetings", "meeting_series"), _l("Meetings and their outcomes"), (MATCH, COORDINATOR_COUNTS)),
    DataKind(("meeting_notes",), _l("Meeting notes (private ones only their author sees)"), (MATCH,)),
    DataKind(("calendar_feeds", "meeting_reminder_choices", "push_subscriptions", "push_preferences"),
             _l("Devices for reminders and your reminder settings"), (YOU,)),
    DataKind(("notifications", "push_attempts"), _l("Reminders sent to your devices"), (NOBODY,)),
    DataKind(("safety_contacts",), _l("Your emergency contact"), (YOU, LEAD)),
    DataKind(("safeguarding_alerts", "alert_events", "safeguarding_exports"),
             _l("Safeguarding records (concerns about your safety)"), (LEAD,), downloadable=False),
    DataKind(("audit_events",), _l("Staff actions about you, and when staff opened your records (the audit log)"),
             (LEAD,), downloadable=False),
    DataKind(("deletion_requests",), _l("Your request to delete your account"), (YOU, COORDINATORS)),
)


def covered_tables():
    return {table for kind in PERSONAL_DATA for table in kind.tables}
