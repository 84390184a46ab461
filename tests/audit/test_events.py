"""The audit log page and export: leads only, newest first, filtered, fixed queries, recorded."""

import csv
import io
import re
from datetime import datetime, timedelta

from playhouse.test_utils import count_queries

from mentoring import audit
from mentoring.audit import AuditEvent
from mentoring.audit.views import PER_PAGE
from mentoring.models import COORDINATOR, MENTEE

from ..factories import make_program, make_user

NOW = datetime(2026, 3, 10, 12, 0)


def add(world, n, action="person_viewed", subject=None, actor=None, start=NOW):
    for i in range(n):
        audit.record(actor or world.coordinator, action, subject=subject or world.mentee,
                     now=start + timedelta(minutes=i))


def shown(html):
    return re.findall(r'<li class="list-row list-row-wrap" data-event="(\w+)"', html)


def rows(html):
    return len(shown(html))


def test_non_leads_are_refused(as_user, world, url):
    for person in (world.coordinator, world.mentor, world.mentee):
        assert as_user(person).get(url("audit.events")).status_code == 403
        assert as_user(person).post(url("audit.export")).status_code == 403


def test_a_lead_sees_the_programs_events_newest_first(as_user, world, url):
    audit.record(world.coordinator, "person_viewed", subject=world.mentee, now=NOW)
    audit.record(world.coordinator, "password_link_made", subject=world.other_mentee, now=NOW + timedelta(hours=1))
    elsewhere = make_program("Another program")
    audit.record(make_user(elsewhere, COORDINATOR), "person_viewed", subject=make_user(elsewhere, MENTEE, name="Zed"),
                 now=NOW + timedelta(hours=2))
    html = as_user(world.lead).get(url("audit.events")).get_data(as_text=True)
    assert shown(html) == ["password_link_made", "person_viewed"]
    assert "about Omar Othermentee" in html and "By Cora Coordinator" in html
    assert "Zed" not in html


def test_it_filters_by_person_and_by_action(as_user, world, url):
    add(world, 3, subject=world.mentee)
    add(world, 2, subject=world.other_mentee)
    add(world, 1, action="password_link_made", subject=world.mentee)
    lead = as_user(world.lead)
    assert rows(lead.get(url("audit.events", person=world.other_mentee.id)).get_data(as_text=True)) == 2
    assert rows(lead.get(url("audit.events", action="password_link_made")).get_data(as_text=True)) == 1
    both = lead.get(url("audit.events", person=world.mentee.id, action="person_viewed")).get_data(as_text=True)
    assert rows(both) == 3
    # What someone did is part of their trail too.
    assert rows(lead.get(url("audit.events", person=world.coordinator.id)).get_data(as_text=True)) == 6


def test_a_filter_answers_as_a_fragment_for_htmx(as_user, world, url):
    add(world, 1)
    answer = as_user(world.lead).get(url("audit.events", action="person_viewed"),
                                     headers={"HX-Request": "true", "HX-Target": "audit-events"})
    html = answer.get_data(as_text=True)
    assert html.lstrip().startswith('<div id="audit-events">') and rows(html) == 1


def test_it_is_paginated(as_user, world, url):
    add(world, PER_PAGE + 3)
    lead = as_user(world.lead)
    first = lead.get(url("audit.events")).get_data(as_text=True)
    second = lead.get(url("audit.events", page=2)).get_data(as_text=True)
    assert (rows(first), rows(second)) == (PER_PAGE, 3)
    assert 'rel="next"' in first and 'rel="next"' not in second


def test_the_page_takes_the_same_queries_however_long_the_log(as_user, world, url):
    lead = as_user(world.lead)
    add(world, 2)
    lead.get(url("audit.events"))
    with count_queries() as few:
        lead.get(url("audit.events"))
    add(world, 120, subject=world.other_mentee, action="alert_viewed")
    for _ in range(10):
        make_user(world.program, MENTEE)
    with count_queries() as many:
        lead.get(url("audit.events"))
    assert few.count == many.count


def test_the_export_holds_the_filtered_events_and_is_recorded_itself(as_user, world, url):
    add(world, 2, subject=world.mentee)
    add(world, 1, subject=world.other_mentee)
    answer = as_user(world.lead).post(url("audit.export", person=world.mentee.id))
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("text/csv")
    assert answer.headers["Content-Disposition"].startswith('attachment; filename="audit-log-')
    table = list(csv.reader(io.StringIO(answer.get_data(as_text=True))))
    assert table[0][:3] == ["at_utc", "action", "actor_id"]
    assert [(r[1], r[4], r[5]) for r in table[1:]] == [("person_viewed", str(world.mentee.id), "Mia Mentee")] * 2
    recorded = AuditEvent.select().where(AuditEvent.action == "audit_exported").get()
    assert (recorded.actor_id, recorded.meta) == (world.lead.id, {"rows": 2, "filter_person": world.mentee.id,
                                                                  "filter_action": None})


def test_names_that_look_like_formulas_are_defused_in_the_export(as_user, world, url):
    sneaky = make_user(world.program, MENTEE, name="=HYPERLINK(\"x\")")
    audit.record(world.coordinator, "person_viewed", subject=sneaky, now=NOW)
    text = as_user(world.lead).post(url("audit.export")).get_data(as_text=True)
    assert "'=HYPERLINK" in text
