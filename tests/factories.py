"""Test data: programs, people of every role, matches."""

from itertools import count

from mentoring.clock import utcnow
from mentoring.programs import create_program
from mentoring.models import COORDINATOR, MENTEE, MENTOR, Match, User, _hasher

PASSWORD = "correct horse battery"
# Hashing is slow on purpose; every test person shares one hash made once.
PASSWORD_HASH = _hasher.hash(PASSWORD)
_numbers = count(1)


def make_program(name="Test Program", timezone="Europe/London"):
    return create_program(name, timezone=timezone)


def make_user(program, role=MENTEE, name=None, email=None, **fields):
    n = next(_numbers)
    return User.create(
        program=program,
        role=role,
        name=name or f"{role.title()} {n}",
        email=email or f"{role}{n}@example.org",
        password_hash=PASSWORD_HASH,
        timezone=fields.pop("timezone", program.timezone),
        **fields,
    )


def make_match(mentor, mentee, **fields):
    return Match.create(program=mentor.program_id, mentor=mentor, mentee=mentee,
                        started_at=fields.pop("started_at", utcnow()), **fields)


class World:
    """Every kind of person the access rules tell apart, in one program."""

    def __init__(self):
        self.program = make_program()
        self.coordinator = make_user(self.program, COORDINATOR, name="Cora Coordinator")
        self.lead = make_user(self.program, COORDINATOR, name="Lee Lead", is_safeguarding_lead=True)
        self.mentor = make_user(self.program, MENTOR, name="Mo Mentor")
        self.other_mentor = make_user(self.program, MENTOR, name="Otto Othermentor")
        self.mentee = make_user(self.program, MENTEE, name="Mia Mentee")
        self.other_mentee = make_user(self.program, MENTEE, name="Omar Othermentee")
        self.match = make_match(self.mentor, self.mentee)
        self.other_match = make_match(self.other_mentor, self.other_mentee)

    def people(self):
        return {
            "mentee": self.mentee,
            "other_mentee": self.other_mentee,
            "mentor": self.mentor,
            "other_mentor": self.other_mentor,
            "coordinator": self.coordinator,
            "lead": self.lead,
        }
