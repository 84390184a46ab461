from datetime import time, timedelta

from flask import url_for

from mentoring.clock import local_today, utcnow
from mentoring.meetings.models import CONFIRMED, PROPOSED, WEEKLY, CalendarFeed, Meeting, MeetingNote, MeetingSeries
from mentoring.models import new_token, token_digest

from . import Case, everyone, expect


def setup(world):
    now = utcnow().replace(microsecond=0)
    common = dict(match=world.match, timezone="Europe/London", duration=60, mode="phone")
    # A proposal from the mentor, for the mentee to answer.
    world.meeting = Meeting.create(**common, starts_at=now + timedelta(days=3), status=PROPOSED,
                                   proposed_by=world.mentor, attention=world.mentee)
    world.past_meeting = Meeting.create(**common, starts_at=now - timedelta(days=2), status=CONFIRMED,
                                        proposed_by=world.mentee)
    world.series = MeetingSeries.create(**common, rule=WEEKLY, first_date=local_today("Europe/London") + timedelta(days=1),
                                        start_time=time(10, 0), status=CONFIRMED, proposed_by=world.mentor)
    world.note = MeetingNote.create(meeting=world.past_meeting, author=world.mentor, private=True,
                                    body="Mine only", client_id="access-note-1")
    world.feed_token = new_token()
    CalendarFeed.create(user=world.mentee, token_hash=token_digest(world.feed_token))


def get(endpoint, expected, **args):
    return Case("GET", lambda w: url_for(endpoint, **{k: v(w) for k, v in args.items()}), expected)


def post(endpoint, expected, **args):
    return Case("POST", lambda w: url_for(endpoint, **{k: v(w) for k, v in args.items()}), expected)


def members(status, others=None):
    """The match's two people get `status`; people of other matches `others` (404 by default)."""
    others = 404 if others is None else others
    return expect(mentee=status, other_mentee=others, mentor=status, other_mentor=others, coordinator=403)


meetings_people = expect(mentee=200, mentor=200, coordinator=403)
meeting_ref = {"ref": lambda w: str(w.meeting.id)}
past_ref = {"ref": lambda w: str(w.past_meeting.id)}
series_ref = {"ref": lambda w: w.series.ref}
occurrence_ref = {"ref": lambda w: f"{w.series.ref}-{w.series.first_date:%Y%m%d}"}

CASES = {
    "meetings.index": get("meetings.index", meetings_people),
    "meetings.past": get("meetings.past", meetings_people),
    "meetings.propose": get("meetings.propose", meetings_people),
    "meetings.log": get("meetings.log", meetings_people),
    "meetings.meeting": get("meetings.meeting", members(200), **occurrence_ref),
    # The mentee accepts; the mentor (who proposed) and a second tap just land on the meeting.
    "meetings.accept": post("meetings.accept", members(303), **meeting_ref),
    "meetings.change": get("meetings.change", members(200), **series_ref),
    "meetings.cancel": post("meetings.cancel", members(422), **meeting_ref),
    "meetings.seen": post("meetings.seen", members(303), **meeting_ref),
    "meetings.outcome": post("meetings.outcome", members(422), **past_ref),
    "meetings.add_note": post("meetings.add_note", members(422), **past_ref),
    "meetings.delete_note": post("meetings.delete_note", expect(mentee=404, mentor=303, other_mentor=404, coordinator=403),
                                 note_id=lambda w: w.note.id),
    "meetings.ics": get("meetings.ics", members(200), **series_ref),
    "meetings.settings": get("meetings.settings", meetings_people),
    "meetings.new_feed": post("meetings.new_feed", meetings_people),
    "meetings.revoke_feed": post("meetings.revoke_feed", expect(mentee=303, mentor=303, coordinator=403)),
    "meetings.feed": get("meetings.feed", everyone(200), token=lambda w: w.feed_token),
}
