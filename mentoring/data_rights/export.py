"""Everything a person may take away about themselves, as one ZIP.

One query per kind of record, never one per row, so a year of check-ins and
a thousand messages build in well under a second. What others wrote for
themselves (private notes), staff notes and safeguarding records never
leave through here.
"""

import csv
import io
import json
import zipfile

from peewee import JOIN

from ..clock import utcnow
from ..goals.models import Comment, Goal, Rating, Step
from ..meetings.models import CalendarFeed, Meeting, MeetingNote, MeetingSeries, ReminderChoice
from ..messages.models import Message, MessageReport, Participant
from ..models import Match, User, UserSession
from ..mood import export as mood_export
from ..mood.export import _cell
from ..push.models import PushPreference, Subscription
from ..safety.models import SafetyContact


def _utc(value):
    return value.isoformat(timespec="seconds") + "Z" if value else None


def _day(value):
    return value.isoformat() if value else None


def profile(user):
    return {
        "name": user.name, "email": user.email, "role": user.role, "time_zone": user.timezone,
        "program": user.program.name, "joined_utc": _utc(user.created_at),
        "last_sign_in_utc": _utc(user.last_login_at),
    }


def matches(user):
    Mentor, Mentee = User.alias(), User.alias()
    rows = (Match.select(Match, Mentor, Mentee)
            .join(Mentor, on=(Match.mentor == Mentor.id)).switch(Match)
            .join(Mentee, on=(Match.mentee == Mentee.id))
            .where((Match.mentor == user) | (Match.mentee == user)).order_by(Match.started_at))
    return list(rows)


def matches_json(user, match_rows):
    return [{
        "id": m.id, "mentor": m.mentor.name, "mentee": m.mentee.name, "status": m.status,
        "started_utc": _utc(m.started_at), "ended_utc": _utc(m.ended_at), "end_reason": m.end_reason,
    } for m in match_rows]


def goals(user):
    """The mentee's own goals with everything on them; comments the person wrote on others' goals."""
    own = list(Goal.select().where(Goal.mentee == user).order_by(Goal.created_at))
    ids = [g.id for g in own]
    steps = _by_goal(Step.select().where(Step.goal.in_(ids)).order_by(Step.position, Step.id))
    ratings = _by_goal(Rating.select().where(Rating.goal.in_(ids)).order_by(Rating.created_at, Rating.id))
    comments = _by_goal(Comment.select(Comment, User)
                        .join(User, JOIN.LEFT_OUTER, on=(Comment.author == User.id))
                        .where(Comment.goal.in_(ids)).order_by(Comment.created_at, Comment.id))
    written = (Comment.select().where((Comment.author == user) & Comment.goal.not_in(ids))
               .order_by(Comment.created_at))
    return {
        "goals": [_goal(g, steps, ratings, comments) for g in own],
        "comments_you_wrote_on_mentees_goals": [
            {"goal_id": c.goal_id, "body": c.body, "written_utc": _utc(c.created_at)} for c in written],
    }


def _by_goal(query):
    grouped = {}
    for row in query:
        grouped.setdefault(row.goal_id, []).append(row)
    return grouped


def _goal(goal, steps, ratings, comments):
    return {
        "id": goal.id, "title": goal.title, "measure": goal.measure, "target_date": _day(goal.target_date),
        "support": goal.support, "why": goal.why, "area": goal.area, "shared_with_mentor": goal.shared,
        "status": goal.status, "reflection": goal.reflection, "created_utc": _utc(goal.created_at),
        "steps": [{"title": s.title, "due_date": _day(s.due_date), "done_utc": _utc(s.done_at),
                   "suggested_by_mentor": s.is_suggestion} for s in steps.get(goal.id, [])],
        "ratings": [{"value": r.value, "note": r.note, "rated_utc": _utc(r.created_at)}
                    for r in ratings.get(goal.id, [])],
        "comments": [{"by": c.author.name if c.author_id else None, "body": c.body,
                      "written_utc": _utc(c.created_at)} for c in comments.get(goal.id, [])],
    }


def messages(user):
    """Messages in the person's conversations, sent and received; deleted ones without their words."""
    conversations = Participant.select(Participant.conversation).where(Participant.user == user)
    rows = (Message.select(Message, User).join(User, on=(Message.author == User.id))
            .where(Message.conversation.in_(conversations)).order_by(Message.conversation, Message.id))
    return [{
        "conversation": m.conversation_id,
        "from": "you" if m.author_id == user.id else m.author.name,
        "sent_utc": _utc(m.created_at),
        "body": "" if m.is_deleted else m.body,
        "edited_utc": _utc(m.edited_at),
        "deleted_utc": _utc(m.deleted_at),
    } for m in rows]


def reports(user):
    rows = MessageReport.select().where(MessageReport.reporter == user).order_by(MessageReport.created_at)
    return [{"message_id": r.message_id, "note": r.note, "reported_utc": _utc(r.created_at)} for r in rows]


def meetings(user, match_ids):
    """Meetings and series of the person's matches; their own notes and the shared ones."""
    ids = match_ids or [0]
    series = MeetingSeries.select().where(MeetingSeries.match.in_(ids)).order_by(MeetingSeries.id)
    singles = list(Meeting.select().where(Meeting.match.in_(ids)).order_by(Meeting.starts_at))
    notes = (MeetingNote.select(MeetingNote, User).join(User, on=(MeetingNote.author == User.id))
             .where(MeetingNote.meeting.in_([m.id for m in singles] or [0])
                    & ((MeetingNote.author == user) | ~MeetingNote.private))
             .order_by(MeetingNote.created_at))
    return {
        "series": [{"id": s.id, "match": s.match_id, "rule": s.rule, "first_date": _day(s.first_date),
                    "start_time": str(s.start_time), "time_zone": s.timezone, "status": s.status,
                    **_arrangement(s)} for s in series],
        "meetings": [{"id": m.id, "match": m.match_id, "series": m.series_id, "starts_utc": _utc(m.starts_at),
                      "time_zone": m.timezone, "status": m.status, "outcome": m.outcome, **_arrangement(m)}
                     for m in singles],
        "notes": [{"meeting": n.meeting_id, "by": "you" if n.author_id == user.id else n.author.name,
                   "private": n.private, "body": n.body, "written_utc": _utc(n.created_at)} for n in notes],
    }


def _arrangement(a):
    return {"duration_minutes": a.duration, "mode": a.mode, "place": a.place, "link": a.link, "agenda": a.agenda}


def devices(user):
    """Push devices, signed-in sessions and preferences (never the keys a device holds)."""
    prefs = PushPreference.get_or_none(PushPreference.user == user)
    reminder = ReminderChoice.get_or_none(ReminderChoice.user == user)
    feed = CalendarFeed.get_or_none(CalendarFeed.user == user)
    contact = SafetyContact.get_or_none(SafetyContact.user == user)
    return {
        "push_devices": [{"name": s.device_name, "push_service": s.origin, "added_utc": _utc(s.created_at),
                          "last_delivered_utc": _utc(s.last_success_at)} for s in Subscription.for_user(user)],
        "signed_in_sessions": [{"device": s.user_agent, "started_utc": _utc(s.created_at),
                                "ended_utc": _utc(s.ended_at)}
                               for s in UserSession.select().where(UserSession.user == user)
                               .order_by(UserSession.created_at)],
        "push_preferences": None if prefs is None else {
            "quiet_start": str(prefs.quiet_start) if prefs.quiet_start else None,
            "quiet_end": str(prefs.quiet_end) if prefs.quiet_end else None,
            "daily_cap": prefs.daily_cap,
            "check_in_reminder": str(prefs.checkin_time) if prefs.checkin_time else None,
        },
        "meeting_reminders_minutes_before": list(reminder.offsets) if reminder else [],
        "calendar_feed_made_utc": _utc(feed.created_at) if feed else None,
        "emergency_contact": None if contact is None else {
            "your_phone": contact.phone, "contact_name": contact.contact_name,
            "contact_relation": contact.contact_relation, "contact_phone": contact.contact_phone,
        },
    }


def collect(user, now=None):
    """{file name: JSON-ready data} for everything in the download."""
    match_rows = matches(user)
    mood = mood_export.everything(user, now=now)
    return {
        "profile.json": {"exported_utc": _utc(now or utcnow()), **profile(user)},
        "matches.json": matches_json(user, match_rows),
        "mood.json": mood,
        "goals.json": goals(user),
        "messages.json": messages(user),
        "reports.json": reports(user),
        "meetings.json": meetings(user, [m.id for m in match_rows]),
        "devices_and_settings.json": devices(user),
    }


# The tabular ones again as CSV, for a spreadsheet: (file, source file, key or None, columns).
TABLES = (
    ("check_ins.csv", "mood.json", "check_ins", mood_export.CSV_COLUMNS),
    ("questionnaires.csv", "mood.json", "questionnaires", ("date", "questionnaire", "score", "band", "recorded_utc")),
    ("messages.csv", "messages.json", None, ("conversation", "from", "sent_utc", "body", "edited_utc", "deleted_utc")),
    ("meetings.csv", "meetings.json", "meetings", ("starts_utc", "time_zone", "status", "outcome", "mode", "place",
                                                  "duration_minutes", "agenda")),
)


def _csv(rows, columns):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in columns])
    return out.getvalue()


README = """Your data from {program}, exported {when}.

Each .json file holds one kind of record; the .csv files repeat the tabular
ones for a spreadsheet. Times ending in Z are UTC.
Private notes others wrote for themselves, staff notes and safeguarding
records are not included.
"""


def build_zip(user, now=None):
    """The ZIP as bytes."""
    now = now or utcnow()
    files = collect(user, now)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README.format(program=user.program.name, when=_utc(now)))
        for name, data in files.items():
            archive.writestr(name, json.dumps(data, ensure_ascii=False, indent=1, default=str))
        for name, source, key, columns in TABLES:
            rows = files[source][key] if key else files[source]
            archive.writestr(name, _csv(rows, columns))
    return buffer.getvalue()
