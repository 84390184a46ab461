from flask import url_for

from mentoring.messages import Participant, open_for_match
from mentoring.messages.sending import send

from . import Case, coordinators, expect


def setup(world):
    world.conversation = open_for_match(world.match)
    side = {p.user_id: p for p in Participant.select().where(Participant.conversation == world.conversation.id)}
    world.mentee_message, _ = send(side[world.mentee.id], "Hello from the mentee", "access-mentee-1")
    world.mentor_message, _ = send(side[world.mentor.id], "Hello from the mentor", "access-mentor-1")


def get(endpoint, expected, **args):
    return Case("GET", lambda w: url_for(endpoint, **{k: v(w) for k, v in args.items()}), expected)


def post(endpoint, expected, data=None, **args):
    return Case("POST", lambda w: url_for(endpoint, **{k: v(w) for k, v in args.items()}), expected, data or {})


def conversation(w):
    return w.conversation.id


# Only the two people in the match; everyone else learns nothing (404), and
# coordinators are kept out by role (403).
members = expect(mentee=200, other_mentee=404, mentor=200, other_mentor=404, coordinator=403)
mentee_only = expect(mentee=200, other_mentee=404, mentor=404, other_mentor=404, coordinator=403)
mentor_only = expect(mentee=404, other_mentee=404, mentor=200, other_mentor=404, coordinator=403)

CASES = {
    "messages.index": get("messages.index", expect(mentee=200, mentor=200, coordinator=403)),
    "messages.thread": get("messages.thread", members, conversation_id=conversation),
    "messages.recent": get("messages.recent", members, conversation_id=conversation),
    "messages.for_match": get(
        "messages.for_match", expect(mentee=302, other_mentee=404, mentor=302, other_mentor=404, coordinator=403),
        match_id=lambda w: w.match.id,
    ),
    "messages.send_message": post(
        "messages.send_message", expect(mentee=303, other_mentee=404, mentor=303, other_mentor=404, coordinator=403),
        data={"body": "Are you free on Thursday?", "client_id": "access-send-0001"}, conversation_id=conversation,
    ),
    "messages.edit_message": get(
        "messages.edit_message", mentee_only, conversation_id=conversation, message_id=lambda w: w.mentee_message.id
    ),
    "messages.delete_message": post(
        "messages.delete_message", expect(mentee=303, other_mentee=404, mentor=404, other_mentor=404, coordinator=403),
        conversation_id=conversation, message_id=lambda w: w.mentee_message.id,
    ),
    # Reporting is for the other person's message.
    "messages.report_message": get(
        "messages.report_message", mentor_only, conversation_id=conversation, message_id=lambda w: w.mentee_message.id
    ),
    "messages.settings": get("messages.settings", coordinators()),
}
