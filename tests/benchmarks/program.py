"""A large program for the page benchmark, inserted in bulk.

At scale 1.0: 2,000 mentees with a year of history each, as measured from
outside: two check-ins a day (about 1.46M), three goals rated weekly (about
294k ratings), 500 messages per conversation (1M), and a weekly series per
match whose past occurrences are marked as happened (about 96k rows). One
mentor ("mentor 0") has ten mentees, so ten series in their calendar feed.
`scale` shrinks the number of mentees; the history per mentee stays a year.
"""

import secrets
from datetime import time, timedelta

from mentoring.clock import utcnow
from mentoring.db import database
from mentoring.demo import create_program
from mentoring.goals.models import Goal, Rating, Step
from mentoring.meetings.models import CONFIRMED, HAPPENED, WEEKLY, VIDEO, CalendarFeed, Meeting, MeetingSeries
from mentoring.messages import Conversation, Message, Participant
from mentoring.models import COORDINATOR, MENTEE, MENTOR, Match, User, token_digest
from mentoring.mood.models import CheckIn, MoodSharing

FULL_MENTEES = 2000
DAYS = 365
CHECKINS_PER_DAY = 2
GOALS_PER_MENTEE = 3
STEPS_PER_GOAL = 5
MESSAGES_PER_MATCH = 500
BUSY_MENTOR_MENTEES = 10
ZONE = "Europe/London"


def _insert(model, rows, batch):
    for i in range(0, len(rows), batch):
        model.insert_many(rows[i:i + batch]).execute()


def _people(program, mentees, log, batch):
    mentors = BUSY_MENTOR_MENTEES and 1 + -(-(mentees - BUSY_MENTOR_MENTEES) // 3)
    rows = [{"program": program.id, "role": COORDINATOR, "name": "Coordinator", "email": "coordinator@bench.example",
             "is_safeguarding_lead": True, "timezone": ZONE, "password_hash": "!", "session_token": secrets.token_hex(8)}]
    for role, n in ((MENTOR, mentors), (MENTEE, mentees)):
        rows += [{"program": program.id, "role": role, "name": f"{role.title()} {i}", "email": f"{role}{i}@bench.example",
                  "timezone": ZONE, "password_hash": "!", "session_token": secrets.token_hex(8),
                  "mentor_capacity": BUSY_MENTOR_MENTEES if i == 0 and role == MENTOR else 3} for i in range(n)]
    _insert(User, rows, batch)
    ids = {role: [u.id for u in User.select(User.id).where(User.role == role).order_by(User.id)]
           for role in (COORDINATOR, MENTOR, MENTEE)}
    log(f"  {mentors:,} mentors, {mentees:,} mentees")
    return ids


def _mentor_of(i, mentor_ids):
    """The busy mentor takes the first ten mentees; the rest go three to a mentor."""
    if i < BUSY_MENTOR_MENTEES:
        return mentor_ids[0]
    return mentor_ids[1 + (i - BUSY_MENTOR_MENTEES) // 3]


def _matches(program, ids, started, batch):
    rows = [{"program": program.id, "mentor": _mentor_of(i, ids[MENTOR]), "mentee": mentee, "started_at": started}
            for i, mentee in enumerate(ids[MENTEE])]
    _insert(Match, rows, batch)
    return list(Match.select(Match.id, Match.mentor, Match.mentee).order_by(Match.id))


def _checkins(mentee_ids, now, log, batch):
    start = now - timedelta(days=DAYS)
    _insert(MoodSharing, [{"user": u, "share_checkins": True, "share_measures": True, "chosen_at": start}
                          for u in mentee_ids], batch)
    for n, user in enumerate(mentee_ids):
        rows = []
        for day in range(DAYS):
            for k in range(CHECKINS_PER_DAY):
                at = start + timedelta(days=day, hours=9 + 10 * k)
                rows.append({"user": user, "client_id": f"c{day}-{k}", "at": at, "local_date": at.date(),
                             "mood": 1 + (day * 7 + k * 3 + user) % 5, "energy": 1 + (day + user) % 5,
                             "sleep_hours": 6 + (day % 4) * 0.5, "sleep_quality": 1 + day % 5,
                             "created_at": at, "updated_at": at})
        _insert(CheckIn, rows, batch)
        if n % 200 == 199:
            log(f"  check-ins of {n + 1:,} mentees")


def _goals(program, matches, now, batch):
    start = now - timedelta(days=DAYS)
    rows = [{"program": program.id, "mentee": m.mentee_id, "created_by": m.mentee_id, "client_id": f"g{m.id}-{g}",
             "title": f"Goal {g} of match {m.id}", "status": Goal.ACHIEVED if g == 2 else Goal.ACTIVE,
             "created_at": start, "updated_at": now - timedelta(days=g + m.id % 20),
             "status_changed_at": start if g == 2 else None}
            for m in matches for g in range(GOALS_PER_MENTEE)]
    _insert(Goal, rows, batch)
    match_of = {m.mentee_id: m for m in matches}
    goals = list(Goal.select(Goal.id, Goal.mentee).order_by(Goal.id))
    _insert(Step, [{"goal": g.id, "created_by": g.mentee_id, "client_id": f"s{g.id}-{s}", "title": f"Step {s}",
                    "position": s, "done_at": start + timedelta(days=30 * s) if s < 2 else None,
                    "due_date": (now + timedelta(days=s * 7 - 10)).date()}
                   for g in goals for s in range(STEPS_PER_GOAL)], batch)
    ratings = []
    for g in goals:
        match = match_of[g.mentee_id]
        for week in range(DAYS // 7):
            ratings.append({"goal": g.id, "created_by": g.mentee_id, "match": match.id, "client_id": f"r{g.id}-{week}",
                            "value": min(10, week // 5 + g.id % 3), "created_at": start + timedelta(days=7 * week)})
        if len(ratings) >= 50 * batch:
            _insert(Rating, ratings, batch)
            ratings = []
    _insert(Rating, ratings, batch)


def _messages(program, matches, now, log, batch):
    started = now - timedelta(days=DAYS)
    _insert(Conversation, [{"program": program.id, "match": m.id, "created_at": started} for m in matches], batch)
    conversations = {c.match_id: c.id for c in Conversation.select(Conversation.id, Conversation.match)}
    _insert(Participant, [row for m in matches for row in (
        {"conversation": conversations[m.id], "user": m.mentor_id, "role": MENTOR, "joined_at": started},
        {"conversation": conversations[m.id], "user": m.mentee_id, "role": MENTEE, "joined_at": started},
    )], batch)
    step = timedelta(days=DAYS) / MESSAGES_PER_MATCH
    for n, m in enumerate(matches):
        conversation = conversations[m.id]
        _insert(Message, [
            {"conversation": conversation, "author": m.mentee_id if i % 2 == 0 else m.mentor_id,
             "client_id": f"m{conversation}-{i}", "body": f"Message {i}: how the week went and what comes next.",
             "created_at": started + step * i}
            for i in range(MESSAGES_PER_MATCH)
        ], batch)
        last = Message.select(Message.id, Message.created_at).where(Message.conversation == conversation) \
            .order_by(Message.id.desc()).first()
        Conversation.update(last_message_id=last.id, last_message_at=last.created_at,
                            message_count=MESSAGES_PER_MATCH, version=1).where(Conversation.id == conversation).execute()
        Participant.update(last_read_message_id=last.id - 4, sent_count=MESSAGES_PER_MATCH // 2).where(
            Participant.conversation == conversation).execute()
        if n % 200 == 199:
            log(f"  messages of {n + 1:,} matches")
    return conversations


def _meetings(matches, now, batch):
    """A weekly video call per match for a year; each past one is a row saying it happened."""
    first = (now - timedelta(days=DAYS)).date()
    _insert(MeetingSeries, [
        {"match": m.id, "timezone": ZONE, "mode": VIDEO, "status": CONFIRMED, "proposed_by": m.mentor_id,
         "client_id": f"series-{m.id}", "rule": WEEKLY, "first_date": first, "start_time": time(18, 0),
         "created_at": now - timedelta(days=DAYS + 1)} for m in matches], batch)
    series_list = list(MeetingSeries.select().order_by(MeetingSeries.id))
    rows = []
    for series in series_list:
        for week in range(DAYS // 7 - 4):
            day = first + timedelta(days=7 * week)
            starts = series.occurrence_start(day)
            rows.append({"match": series.match_id, "series": series.id, "occurrence_date": day, "starts_at": starts,
                         "timezone": ZONE, "mode": VIDEO, "status": CONFIRMED, "outcome": HAPPENED,
                         "outcome_by": series.proposed_by_id, "outcome_at": starts + timedelta(hours=1),
                         "created_at": starts})
        if len(rows) >= 50 * batch:
            _insert(Meeting, rows, batch)
            rows = []
    _insert(Meeting, rows, batch)


def build(mentees, log, batch=500):
    """Fill an empty, migrated database; returns the ids the benchmark signs in as."""
    now = utcnow()
    with database.atomic():
        program = create_program("Benchmark program", timezone=ZONE)
        ids = _people(program, mentees, log, batch)
        matches = _matches(program, ids, now - timedelta(days=DAYS + 2), batch)
        _goals(program, matches, now, batch)
        _meetings(matches, now, batch)
        token = secrets.token_urlsafe(32)
        CalendarFeed.create(user=ids[MENTOR][0], token_hash=token_digest(token))
    log("  people, goals, meetings done")
    with database.atomic():
        conversations = _messages(program, matches, now, log, batch)
    with database.atomic():
        _checkins(ids[MENTEE], now, log, batch)
    database.execute_sql("ANALYZE")
    # A mentee of the busy mentor, so the mentor's pages show them.
    match = matches[1]
    return {
        "coordinator": ids[COORDINATOR][0], "mentor": match.mentor_id, "mentee": match.mentee_id,
        "match": match.id, "conversation": conversations[match.id], "feed_token": token,
    }


def counts():
    return {name: model.select().count() for name, model in (
        ("check-ins", CheckIn), ("goals", Goal), ("ratings", Rating), ("messages", Message), ("meetings", Meeting))}
