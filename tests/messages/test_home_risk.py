"""The mentor's home puts a mentee's unanswered message with risk words first, with the guide."""

from datetime import timedelta

from playhouse.test_utils import count_queries

from mentoring.clock import utcnow
from mentoring.messages.sending import delete
from mentoring.models import MENTEE
from mentoring.people.matching import end_match

from ..factories import make_match, make_user
from ..mood.support import sharing
from .support import fresh, sides

CARD = 'aria-labelledby="risk-waiting-title"'


def home(client):
    return client.get("/").get_data(as_text=True)


def test_a_risky_unanswered_message_tops_the_mentors_home_with_the_guide(world, as_user, url, say):
    sharing(world.mentee)
    _, mentee, _ = sides(world.match)
    message = say(mentee, "I can't go on like this")
    page = home(as_user(world.mentor))
    assert CARD in page
    # Before every other card, the mood one that says nobody is flagged included.
    after_heading = page.split('class="page-head"', 1)[1].split("</section>", 1)[1]
    assert after_heading.lstrip().startswith(f'<section class="card card-flag" {CARD}>')
    assert page.index(CARD) < page.index("Nobody is flagged right now")
    assert "Mia Mentee wrote words that can point to risk of harm" in page
    assert url("messages.thread", conversation_id=message.conversation_id) + f"#m{message.id}" in page
    assert "Ask directly whether they are safe." in page
    assert url("messages.report_message", conversation_id=message.conversation_id, message_id=message.id) in page
    assert "can&#39;t go on" not in page and "can't go on" not in page  # the home never shows the words


def test_the_mentors_reply_takes_it_off_the_home(world, as_user, say):
    _, mentee, mentor = sides(world.match)
    say(mentee, "thinking about suicide", at=utcnow() - timedelta(minutes=5))
    say(mentor, "I'm here. Are you safe right now?")
    assert CARD not in home(as_user(world.mentor))


def test_an_ordinary_waiting_message_or_someone_elses_mentee_shows_nothing(world, as_user, say):
    _, mentee, _ = sides(world.match)
    say(mentee, "Had a good day")
    _, other, _ = sides(world.other_match)
    say(other, "I want to die")
    assert CARD not in home(as_user(world.mentor))
    assert CARD in home(as_user(world.other_mentor))


def test_a_deleted_message_or_an_ended_match_shows_nothing(world, as_user, say):
    _, mentee, _ = sides(world.match)
    message = say(mentee, "I want to die")
    delete(fresh(mentee), message)
    assert CARD not in home(as_user(world.mentor))
    say(mentee, "I want to die, really")
    end_match(world.match, "completed")
    assert CARD not in home(as_user(world.mentor))


def test_the_home_runs_the_same_number_of_queries_however_many_mentees_write(world, as_user, say):
    client = as_user(world.mentor)

    def queries():
        with count_queries() as counted:
            assert client.get("/").status_code == 200
        return counted.count

    _, mentee, _ = sides(world.match)
    say(mentee, "kms")
    one = queries()
    world.mentor.mentor_capacity = 10
    world.mentor.save()
    for _i in range(4):
        match = make_match(world.mentor, make_user(world.program, MENTEE))
        _, extra, _ = sides(match)
        say(extra, "I want to end it all")
        say(extra, "sorry")
    assert queries() == one
