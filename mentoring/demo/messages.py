"""Two weeks of Alex and Riley writing to each other, and Casey's first hellos.

Sent through the messages feature, one by one at their own times, so the
conversation's counters, version, reply times and read markers are what the
app itself would have kept. Riley's last three are still unread by Alex.
"""

from ..messages.conversations import open_for_match
from ..messages.models import Participant
from ..messages.sending import send

MENTOR, MENTEE = "mentor", "mentee"

# (who, when, text): when is (days ago, local hour, minute), or hours before now.
ALEX_AND_RILEY = (
    (MENTOR, (14, 18, 40), "Hi Riley, how have the walks gone this week?"),
    (MENTEE, (14, 20, 5), "Two so far! Mei came with me on one, which made it easier."),
    (MENTOR, (13, 9, 15), "That's great. Having company sounds like it really helps."),
    (MENTEE, (11, 10, 2), "Small win: I went to the support group even though I didn't feel like it."),
    (MENTOR, (11, 12, 48), "That's a big step. How did you feel afterwards?"),
    (MENTEE, (11, 13, 10), "Lighter. Someone there has just started at the community garden too."),
    (MENTOR, (11, 18, 30), "That could be a friendly face if you go. Maybe ask them what it's like?"),
    (MENTOR, (7, 18, 0), "Just checking in. How is the week going?"),
    (MENTEE, (7, 21, 25), "Up and down. Work was stressful, but I still managed two walks."),
    (MENTOR, (6, 8, 50), "Two walks in a stressful week is something to be proud of. On weeks like that "
                         "I write down one good thing each evening. It might help you too."),
    (MENTEE, (4, 19, 40), "I tried the one good thing idea. Yesterday it was a coffee with Mei."),
    (MENTOR, (3, 9, 5), "Love that. See you at our usual time. Anything you'd like to talk about?"),
    (MENTEE, 26, "Could we talk about the volunteering goal? I keep putting off the call to the garden."),
    (MENTEE, 3, "I filled in the questionnaires again. My scores have come down since last month!"),
    (MENTEE, 2, "Thanks for being so patient with me."),
)

JORDAN_AND_CASEY = (
    (MENTOR, (9, 17, 30), "Hi Casey, I'm Jordan, your mentor. Really glad to meet you. How are you settling in?"),
    (MENTEE, (9, 19, 2), "Hi Jordan! A bit nervous, but glad to have someone to talk to."),
    (MENTOR, (8, 8, 45), "Nervous is completely normal. We can go at whatever pace suits you."),
    (MENTEE, 30, "I've suggested a time to meet for a coffee. Let me know if it works for you."),
)


def _when(timeline, when):
    if isinstance(when, tuple):
        days_ago, hour, minute = when
        return timeline.at(-days_ago, hour, minute)
    return timeline.ago(hours=when)


def _participants(conversation):
    return {p.role: p for p in Participant.select().where(Participant.conversation == conversation.id)}


def write(match, script, timeline, key):
    """Each message sent at its own time; the sender has read the thread up to it."""
    conversation = open_for_match(match, now=_when(timeline, script[0][1]))
    people = _participants(conversation)
    for n, (role, when, body) in enumerate(script, start=1):
        send(people[role], body, f"demo-{key}-{n}", now=_when(timeline, when))
    return conversation


def seed(match, timeline):
    """Riley has read all of Alex's messages; Alex has three of Riley's still to read."""
    write(match, ALEX_AND_RILEY, timeline, "riley")


def seed_light(match, timeline):
    """Jordan has Casey's latest still to read."""
    write(match, JORDAN_AND_CASEY, timeline, "casey")
