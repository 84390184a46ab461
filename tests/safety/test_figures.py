"""The lead's figures for a period and the log export: right numbers, fixed queries, no text."""

import csv
import io
from datetime import datetime, timedelta

from playhouse.test_utils import count_queries

from mentoring.safety import SafeguardingAlert, raise_alert, record
from mentoring.safety.figures import figures, period
from mentoring.safety.models import SafeguardingExport

NOW = datetime(2026, 3, 2, 9, 0)


def handled(app, world, at, kind="other", level="urgent", ack_after=None, outcome=None):
    with app.app_context():
        alert = raise_alert(world.mentee, kind, "Secret summary text", level=level, now=at)
        if ack_after is not None:
            alert = record(alert, world.lead.id, "acknowledge", now=at + ack_after)
        if outcome:
            alert = record(alert, world.lead.id, "close", "Secret note text", now=at + timedelta(hours=5),
                           outcome=outcome)
    return alert


def fill(app, world, n):
    for i in range(n):
        handled(app, world, NOW + timedelta(minutes=i), kind="risk_words", ack_after=timedelta(minutes=10 + i),
                outcome="false_alarm" if i % 2 else "contacted_safe")


def test_figures_for_a_period(app, world):
    handled(app, world, NOW, ack_after=timedelta(minutes=30), outcome="contacted_safe")
    handled(app, world, NOW, kind="risk_words", ack_after=timedelta(minutes=90), outcome="false_alarm")
    handled(app, world, NOW, kind="risk_words", level="immediate", ack_after=timedelta(minutes=20))  # breached
    handled(app, world, NOW, kind="phq9_item9", level="immediate")  # open, breached by now
    handled(app, world, NOW - timedelta(days=40), ack_after=timedelta(minutes=1))  # outside the period
    start, end = period(world.program, (NOW - timedelta(days=2)).date(), NOW.date())
    found = figures(world.program, start, end, NOW + timedelta(hours=1))
    assert found.open_by_level == {"immediate": 2, "urgent": 1, "concern": 0}
    assert (found.raised, found.acknowledged) == (4, 3)
    assert (found.median_minutes, found.worst_minutes) == (30.0, 90.0)
    assert found.breaches == 2
    assert dict(found.outcomes) == {"contacted_safe": 1, "false_alarm": 1}
    assert dict(found.false_alarms) == {"risk_words": 1}


def page_queries(client, url):
    target = url("safety.figures_page", start="2026-03-01", end="2026-03-02")
    with count_queries() as counter:
        response = client.get(target)
    assert response.status_code == 200
    return counter.count, response.get_data(as_text=True)


def test_the_figures_page_takes_a_fixed_number_of_queries(app, as_user, world, url):
    lead = as_user(world.lead)
    fill(app, world, 2)
    few, body = page_queries(lead, url)
    assert "Words that suggest risk" in body
    fill(app, world, 20)
    many, _ = page_queries(lead, url)
    assert few == many


def test_the_export_has_metadata_only_and_is_recorded(app, as_user, world, url):
    fill(app, world, 3)
    response = as_user(world.lead).post(url("safety.export", start="2026-03-01", end="2026-03-02"))
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert "safeguarding-log-2026-03-01-to-2026-03-02.csv" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 3
    assert {r["outcome"] for r in rows} == {"false_alarm", "contacted_safe"}
    assert rows[0]["minutes_to_acknowledge"] == "10.0" and rows[0]["deadline_breached"] == "no"
    assert "Secret" not in text
    [export] = SafeguardingExport.select()
    assert (export.user_id, export.rows, export.program_id) == (world.lead.id, 3, world.program.id)


def test_the_alert_remembers_its_deadline_when_settings_change(app, world):
    from mentoring.safety.deadlines import save_safeguarding_settings

    alert = handled(app, world, NOW)
    save_safeguarding_settings(world.program, urgent_hours=1)
    assert SafeguardingAlert.get_by_id(alert.id).ack_due_at == NOW + timedelta(hours=4)


def test_a_lead_sets_deadlines_and_deputies(as_user, world, url):
    lead = as_user(world.lead)
    response = lead.post(url("safety.settings"), data={
        "immediate_minutes": "10", "urgent_hours": "2", "concern_working_days": "1", "deputy_ids": [str(world.lead.id)]})
    assert response.status_code == 302
    from mentoring.models import Program
    from mentoring.safety.deadlines import safeguarding_settings

    assert safeguarding_settings(Program.get_by_id(world.program.id)) == {
        "immediate_minutes": 10, "urgent_hours": 2, "concern_working_days": 1, "deputy_ids": [world.lead.id]}
    bad = lead.post(url("safety.settings"), data={"immediate_minutes": "0", "urgent_hours": "2",
                                                  "concern_working_days": "1"})
    assert bad.status_code == 422
    assert 'id="immediate_minutes-error"' in bad.get_data(as_text=True)
