"""The mentee's safety plan (Stanley-Brown), in their own words."""

from ..clock import utcnow
from ..db import create_once, database
from ..i18n import _, _l
from .models import SafetyPlan

# (field, heading, prompt), in the order the plan is used in a hard moment.
SECTIONS = (
    ("warning_signs", _l("1. My warning signs"),
     _l("Thoughts, feelings, situations or behaviour that tell me a crisis may be starting.")),
    ("coping", _l("2. Things I can do on my own"),
     _l("Ways to take my mind off things without contacting anyone: a walk, music, a shower, a breathing exercise.")),
    ("distractions", _l("3. People and places that take my mind off things"),
     _l("Friends, family, a café, a park, a meeting: company, not necessarily talking about how I feel.")),
    ("helpers", _l("4. People I can ask for help"),
     _l("Names and phone numbers of people I can tell that I'm struggling.")),
    ("professionals", _l("5. Professionals and services I can contact"),
     _l("My doctor, therapist or care team, and crisis lines. Your program's crisis lines are filled in to start; "
        "add your own.")),
    ("environment", _l("6. Making where I am safer"),
     _l("What I can do, or ask someone to do, to keep things I might use to hurt myself out of reach.")),
    ("reasons", _l("What matters to me and is worth living for"),
     _l("People, pets, plans, hopes: the reasons I hold on to.")),
)


def plan_for(user):
    return SafetyPlan.get_or_none(SafetyPlan.user == user)


def professional_contacts(resources):
    """The program's crisis resources as editable lines for section 5."""
    lines = []
    for r in resources:
        ways = []
        if r.phone:
            ways.append(_("call %(number)s", number=r.phone))
        if r.sms:
            ways.append(_("text %(number)s", number=r.sms))
        if r.url and not ways:
            ways.append(r.url)
        where = f" ({r.region})" if r.region else ""
        lines.append(f"{r.name}{where}: {', '.join(ways)}")
    return "\n".join(lines)


def new_plan(user):
    """An unsaved plan with the professionals section filled from the program's crisis resources."""
    return SafetyPlan(user=user, professionals=professional_contacts(user.program.crisis_resources()))


def save_plan(user, values, now=None):
    """Create or update the plan; values holds the sections and `shared`."""
    now = now or utcnow()
    clean = {name: (values.get(name) or "").strip() for name, _h, _p in SECTIONS}
    with database.atomic():
        plan, created = create_once(SafetyPlan, {"user": user}, shared=bool(values.get("shared")),
                                    created_at=now, updated_at=now, **clean)
        if not created:
            for name, value in clean.items():
                setattr(plan, name, value)
            plan.shared = bool(values.get("shared"))
            plan.updated_at = now
            plan.save()
    return plan
