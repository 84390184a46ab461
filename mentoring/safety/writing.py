"""The one rule for words people write and save, on every surface.

What the app tells mentees (the join page, the sharing explainer: "the
safeguarding lead is told") must be what it does, whichever box they typed
in. So every feature that saves a person's own text calls check_writing, and
tests/test_safety_writing_registry.py fails on a free-text field that nobody
checks or exempts.
"""

from dataclasses import dataclass, field

from ..clock import to_local, utcnow
from ..i18n import _, _l
from .alerts import raise_alert
from .risk import languages_for, risk_phrases

# Where the words were written, as the lead reads it. Never the text itself.
SOURCES = {
    "checkin": _l("Check-in note"),
    "message": _l("Message in their conversation with their mentor"),
    "goal": _l("One of their goals"),
    "goal_comment": _l("Comment on one of their goals"),
    "goal_rating": _l("Note on their progress with a goal"),
    "goal_step": _l("Step of one of their goals"),
    "meeting_note": _l("Meeting note"),
    "meeting": _l("A meeting's plan, or why it moved or was called off"),
}


@dataclass
class WritingCheck:
    """What one save means for safety: the words found, and whether a lead was told."""

    phrases: list = field(default_factory=list)
    alert: object = None
    # A lead has been (or, for text saved again unchanged, already was) told.
    told_lead: bool = False

    @property
    def shows_panel(self):
        return bool(self.phrases)


def _phrases(texts, languages):
    found = []
    for text in texts:
        found += risk_phrases(text, languages)
    return list(dict.fromkeys(found))


def covers(writer):
    """Whose words are checked: mentees'. A mentor asking "are you thinking of
    suicide?" is doing what their training asks, not at risk; it must not
    raise an alert about the mentor or show them the panel."""
    return bool(writer and writer.is_authenticated and writer.is_mentee)


def check_writing(writer, texts, source, before=(), now=None):
    """Check text `writer` wrote and saved in `source` (a key of SOURCES).

    The panel shows whenever the saved text has risky words. An alert goes to
    the program's safeguarding leads only for words not already in `before`
    (what that same place held before this save), so saving the same text
    again, or fixing a typo, does not raise twice. Call it inside the save's
    transaction and only when the save changed something.
    """
    writer = getattr(writer, "_get_current_object", lambda: writer)()
    if not covers(writer):
        return WritingCheck()
    languages = languages_for(writer.program)
    phrases = _phrases(texts, languages)
    if not phrases:
        return WritingCheck()
    seen = set(_phrases(before, languages))
    new = [p for p in phrases if p not in seen]
    has_lead = writer.program.has_active_lead()
    alert = _alert(writer, new, source, now or utcnow()) if new else None
    return WritingCheck(phrases=phrases, alert=alert, told_lead=has_lead)


def shows_panel(writer, texts):
    """For words typed but not saved (a form sent back with a problem): the
    panel shows, since the words were written, but nobody is told of text that
    was never kept."""
    writer = getattr(writer, "_get_current_object", lambda: writer)()
    return covers(writer) and bool(_phrases(texts, languages_for(writer.program)))


def _alert(writer, phrases, source, now):
    """Who, when and where, and which words: never the rest of what they wrote."""
    where = str(SOURCES[source])
    when = to_local(now, writer.timezone).strftime("%Y-%m-%d %H:%M")
    return raise_alert(
        writer, "risk_words",
        _("%(name)s wrote words that can suggest risk of harm. Where: %(where)s.", name=writer.name, where=where),
        details={"lines": [
            [_("Where"), where],
            [_("When"), f"{when} ({writer.timezone})"],
            [_("Words found"), ", ".join(f"“{p}”" for p in phrases)],
        ]},
        now=now,
    )
