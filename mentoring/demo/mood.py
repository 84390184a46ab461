"""Six weeks of Riley's check-ins, two rounds of questionnaires, a safety plan.

Riley shares check-ins and questionnaire results with their mentor, and one
check-in note. Moods start low and climb with dips (Mondays are harder,
Sunday walks with Mei help), so trends, the calendar, weekday averages and
the consistency score have something true to show. PHQ-9 question 9 is
always "Not at all": demo data never raises a safeguarding alert.
"""

from datetime import timedelta

from ..mood.checkins import moment
from ..mood.measures import GAD7, PHQ9
from ..mood.models import CheckIn, CheckInTag
from ..mood.responses import save_response
from ..mood.safety_plan import professional_contacts, save_plan
from ..mood.sharing import save_sharing

DAYS = 42
# Days ago with no check-in at all, and days with a second, morning one.
MISSED = {39, 33, 26, 17, 11}
TWICE = {40, 36, 31, 27, 22, 15, 9, 5, 1, 0}
# A hard week at work, a month ago.
ROUGH = {24, 25, 26, 27}

EMOTIONS = {
    1: ("overwhelmed", "sad", "anxious", "tired"),
    2: ("anxious", "tired", "stressed", "lonely", "sad"),
    3: ("tired", "calm", "hopeful", "stressed"),
    4: ("calm", "hopeful", "happy", "connected", "grateful"),
    5: ("happy", "proud", "grateful", "connected", "calm"),
}
ACTIVITIES_BY_WEEKDAY = {
    0: ("work",), 1: ("work", "mentor"), 2: ("work",), 3: ("work", "support_group"),
    4: ("work", "friends"), 5: ("rest", "hobby"), 6: ("outdoors", "exercise", "family"),
}

# Private notes (the mentor never sees these), by days ago.
NOTES = {
    38: "Long day. Went to bed early.",
    34: "Couldn't settle tonight, too much on my mind about work.",
    30: "Walked the canal loop again. Legs ache but in a good way.",
    24: "Support group was good. Someone else feels the same way about Mondays.",
    19: "Cooked a real dinner instead of toast.",
    13: "Quiet day. Read for a bit before bed.",
    8: "Tricky meeting at work but I said what I needed to.",
    4: "Wrote down one good thing: the sun came out on the way home.",
}
SHARED_NOTE_DAY = 2
SHARED_NOTE = "Walked by the canal with Mei and slept properly for once. Looking forward to our next call."

PHQ9_BEFORE = [2, 2, 1, 2, 1, 2, 1, 1, 0]  # 12: moderate
PHQ9_NOW = [1, 1, 1, 1, 0, 1, 1, 0, 0]  # 6: mild
GAD7_BEFORE = [2, 2, 2, 1, 1, 1, 1]  # 10: moderate
GAD7_NOW = [1, 1, 1, 1, 0, 1, 0]  # 5: mild

PLAN = {
    "warning_signs": "Staying in bed late and keeping the curtains shut.\n"
                     "Leaving messages from Mei unanswered.\n"
                     "Skipping meals and telling myself nothing will change.",
    "coping": "A walk round the canal loop.\n"
              "A hot shower and my calm playlist.\n"
              "The 4-7-8 breathing my therapist showed me.\n"
              "Writing down one good thing from the day.",
    "distractions": "The café on the corner.\n"
                    "The Thursday support group at the community centre.\n"
                    "Watching football with Dev next door.",
    "helpers": "Mei (my sister): 07700 900123\n"
               "Alex, my mentor, through the app\n"
               "Dev next door: 07700 900456",
    "environment": "Mei keeps my spare medication at hers, so I only have a week's supply at home.",
    "reasons": "Mei and my nephew Leo.\n"
               "My cat, Biscuit.\n"
               "Getting back to the community garden in the spring.",
}
OWN_PROFESSIONALS = "My GP surgery: 020 7946 0123\nMy therapist at the wellbeing service: 020 7946 0456"


def seed(mentee, timeline, rng):
    """Riley's mood records; everything shared with their mentor."""
    save_sharing(mentee, share_checkins=True, share_measures=True, now=timeline.ago(days=DAYS + 1))
    add_checkins(mentee, timeline, rng)
    add_measures(mentee, timeline)
    add_plan(mentee, timeline)


def seed_light(mentee, timeline, rng):
    """Casey's first week: a few check-ins, kept to themselves."""
    save_sharing(mentee, share_checkins=False, share_measures=False, now=timeline.ago(days=8))
    rows = []
    for days_ago in (6, 5, 3, 2, 1):
        mood = rng.choice((3, 3, 4))
        rows.append(_checkin(mentee, timeline, days_ago, 21, rng.randrange(0, 50), mood, rng,
                             f"demo-casey-{days_ago}"))
    _insert(mentee, rows)


def _mood_on(day, days_ago, rng):
    """Rising from about 2.5 to 4, Mondays lower, Sundays and meeting days higher."""
    trend = 2.5 + 1.5 * (DAYS - days_ago) / DAYS
    lift = {0: -0.6, 1: 0.3, 6: 0.6}.get(day.weekday(), 0.0) - (1.0 if days_ago in ROUGH else 0.0)
    mood = round(trend + lift + rng.uniform(-0.8, 0.8))
    if days_ago <= 3:
        mood = max(mood, 3)  # a good run lately: no "low mood" flag for the mentor
    return min(5, max(1, mood))


def _checkin(user, timeline, days_ago, hour, minute, mood, rng, client_id, note="", shared=False,
             activities=()):
    at, local_date = moment(user, timeline.local(-days_ago, hour, minute), timeline.now)
    sleep = min(9.5, max(4.5, round((4 + 0.9 * mood + rng.uniform(-0.75, 0.75)) * 2) / 2))
    return {
        "row": {
            "user": user.id, "client_id": client_id, "at": at, "local_date": local_date, "mood": mood,
            "energy": min(5, max(1, mood + rng.choice((-1, 0, 0, 1)))),
            "sleep_hours": sleep, "sleep_quality": min(5, max(1, round(sleep) - 4)),
            "note": note, "note_shared": shared and bool(note), "created_at": at, "updated_at": at,
        },
        "emotions": rng.sample(EMOTIONS[mood], k=rng.choice((1, 2, 2, 3))),
        "activities": list(activities),
    }


def _activities(day, mood, rng):
    found = list(ACTIVITIES_BY_WEEKDAY[day.weekday()])
    if mood >= 4 and rng.random() < 0.5:
        found.append(rng.choice(("outdoors", "good_meal", "friends")))
    if mood <= 2 and rng.random() < 0.6:
        found.append("screens")
    return list(dict.fromkeys(found))


def add_checkins(user, timeline, rng):
    rows = []
    for days_ago in range(DAYS, -1, -1):
        if days_ago in MISSED:
            continue
        day = timeline.day(-days_ago)
        if days_ago in TWICE and timeline.is_past(-days_ago, 8, 30):
            mood = max(1, _mood_on(day, days_ago, rng) - rng.choice((0, 1)))
            rows.append(_checkin(user, timeline, days_ago, 8, rng.randrange(0, 45), mood, rng,
                                 f"demo-checkin-{days_ago}-am", activities=()))
        minute = rng.randrange(0, 59)
        if not timeline.is_past(-days_ago, 20, minute):
            continue  # this evening's check-in has not happened yet
        mood = _mood_on(day, days_ago, rng)
        note = SHARED_NOTE if days_ago == SHARED_NOTE_DAY else NOTES.get(days_ago, "")
        rows.append(_checkin(user, timeline, days_ago, 20, minute, mood, rng, f"demo-checkin-{days_ago}-pm",
                             note=note, shared=days_ago == SHARED_NOTE_DAY,
                             activities=_activities(day, mood, rng)))
    _insert(user, rows)


def _insert(user, rows):
    """Check-ins in one statement, then their tags in another."""
    CheckIn.insert_many([r["row"] for r in rows]).execute()
    ids = dict(CheckIn.select(CheckIn.client_id, CheckIn.id).where(CheckIn.user == user.id).tuples())
    tags = []
    for r in rows:
        checkin = ids[r["row"]["client_id"]]
        tags += [{"checkin": checkin, "kind": CheckInTag.EMOTION, "name": n} for n in r["emotions"]]
        tags += [{"checkin": checkin, "kind": CheckInTag.ACTIVITY, "name": n} for n in r["activities"]]
    if tags:
        CheckInTag.insert_many(tags).execute()


def add_measures(user, timeline):
    before = timeline.ago(days=28, hours=1)
    recent = timeline.ago(hours=4)
    save_response(user, PHQ9, "demo-phq9-1", PHQ9_BEFORE, now=before)
    save_response(user, GAD7, "demo-gad7-1", GAD7_BEFORE, now=before + timedelta(minutes=3))
    save_response(user, PHQ9, "demo-phq9-2", PHQ9_NOW, now=recent)
    save_response(user, GAD7, "demo-gad7-2", GAD7_NOW, now=recent + timedelta(minutes=3))


def add_plan(user, timeline):
    uk = [r for r in user.program.crisis_resources() if "UK" in r.region]
    values = dict(PLAN, professionals=OWN_PROFESSIONALS + "\n" + professional_contacts(uk), shared=True)
    save_plan(user, values, now=timeline.ago(days=33))
