"""Every page of the demo program, as each of its people sees it, passes the
checks the Nu Html Checker failed us on (see tests/html_checks.py).

Structure only: what the pages say depends on the day, what they are made of
does not, so no assertion here depends on the date.
"""

import re
from datetime import timedelta

from mentoring.clock import utcnow
from mentoring.goals.models import Goal
from mentoring.models import Match, User
from mentoring.push import keys

from .conftest import signed_in
from .goals.support import make_step
from .html_checks import problems
from .messages.support import sides
from .test_cli import run

SKIP = re.compile(r"/static/|logout|export|\.ics$|\.webmanifest$")


def pages_of(client):
    """Every page reachable by links from home, one of each kind (ids folded away)."""
    todo, kinds = ["/"], set()
    while todo:
        path = todo.pop(0)
        kind = re.sub(r"\d+", "N", path)
        if kind in kinds:
            continue
        kinds.add(kind)
        response = client.get(path)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        page = response.get_data(as_text=True)
        yield path, page
        links = re.findall(r'href="(/[^"#]*)', page)
        todo += [link.replace("&amp;", "&") for link in links if not SKIP.search(link)]


def the_demo_with_everything_showing(app, say):
    assert run(app, "seed-demo").exit_code == 0
    private, public = keys.generate()
    # Forms render their CSRF fields, and push settings its device form, as in production.
    app.config.update(WTF_CSRF_ENABLED=True, VAPID_PRIVATE_KEY=private, VAPID_PUBLIC_KEY=public,
                      VAPID_SUBJECT="mailto:ops@example.org")
    mentee = User.get(User.email == "mentee@demo.example")
    match = Match.get(Match.mentee == mentee)
    goal = Goal.select().where(Goal.mentee == mentee, Goal.status == Goal.ACTIVE).first()
    make_step(goal, "Ask about the choir", created_by=match.mentor_id, is_suggestion=True)
    _, _, mentor_side = sides(match)
    # Stored times carry microseconds; a <time datetime> may not.
    say(mentor_side, "How did it go?", at=utcnow().replace(microsecond=123456) - timedelta(minutes=5))


def test_no_page_of_the_demo_breaks_the_html_rules(app, say):
    the_demo_with_everything_showing(app, say)
    found, seen = [], 0
    for user in list(User.select()):
        for path, page in pages_of(signed_in(app, user)):
            seen += 1
            found += [f"{user.email} {path}: {p}" for p in problems(page)]
    assert seen > 150
    assert found == [], "\n".join(found)


def test_the_rules_catch_each_mistake():
    assert problems('<span><form action="/x"></form></span>') == ["<form> inside <span>"]
    assert problems('<p><time datetime="2026-03-01T10:00:00.824156Z">10:00</time></p>') == [
        '<time datetime="2026-03-01T10:00:00.824156Z">']
    assert problems('<input id="csrf_token"><input id="csrf_token">') == ['id="csrf_token" 2 times']
    assert problems("<h1>a</h1><h3>b</h3>") == ["<h3> after <h1>"]


def test_the_rules_let_good_html_pass():
    page = """<h1>a</h1><h2>b</h2><h3>c</h3><h2>d</h2><div><form action="/x"><button>Go</button></form></div>
    <time datetime="2026-03-01">1 March</time><time datetime="2026-03-01T10:00:00Z">10:00</time>
    <input id="one"><br><img alt="" id="two">"""
    assert problems(page) == []
