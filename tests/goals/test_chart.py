"""The progress chart: geometry, and SVG that a strict CSP and a screen reader accept."""

import re
from datetime import datetime, timedelta
from types import SimpleNamespace

from mentoring.goals import chart

from .support import make_goal, rate
T0 = datetime(2025, 3, 1, 9, 0)


def ratings(*pairs):
    return [SimpleNamespace(value=v, created_at=T0 + timedelta(days=d)) for d, v in pairs]


def test_no_ratings_no_chart():
    assert chart.build([]) is None


def test_zero_sits_on_the_axis_and_ten_at_the_top():
    c = chart.build(ratings((0, 0), (10, 10)))
    assert c.points[0].y == chart.HEIGHT - chart.BOTTOM
    assert c.points[1].y == chart.TOP


def test_points_are_placed_by_date():
    c = chart.build(ratings((0, 2), (1, 4), (10, 6)))
    xs = [p.x for p in c.points]
    assert xs[0] == chart.LEFT and xs[-1] == chart.WIDTH - chart.RIGHT
    # One day of ten is a tenth of the way along.
    assert abs((xs[1] - xs[0]) / (xs[2] - xs[0]) - 0.1) < 0.01


def test_ratings_at_one_moment_are_spread_evenly():
    c = chart.build(ratings((0, 1), (0, 2), (0, 3)))
    xs = [p.x for p in c.points]
    assert xs[1] - xs[0] == xs[2] - xs[1] > 0


def test_one_rating_sits_in_the_middle():
    c = chart.build(ratings((0, 5)))
    assert c.points[0].x == chart.LEFT + chart.PLOT_W / 2


def test_the_svg_has_no_style_attributes_and_a_text_alternative(world, as_user, url):
    goal = make_goal(world.mentee)
    for days, value in ((9, 2), (5, 4), (1, 7)):
        rate(goal, value, days_ago=days, note=f"note {value}")
    html = as_user(world.mentee).get(url("goals.goal", goal_id=goal.id)).get_data(as_text=True)
    svg = re.search(r"<svg class=\"chart\".*?</svg>", html, re.S).group(0)
    assert "style=" not in svg and "<style" not in svg
    assert 'role="img"' in svg and "<title" in svg and "aria-describedby=" in svg
    assert svg.count("<circle") == 3
    summary_id = re.search(r'aria-describedby="([^"]+)"', svg).group(1)
    summary = re.search(rf'id="{summary_id}">(.*?)</figcaption>', html, re.S).group(1)
    assert "3 ratings" in summary and "from 2 to 7 out of 10" in summary
    # Every point is in the table too, with its note.
    table = re.search(r"<table>.*?</table>", html, re.S).group(0)
    assert all(f"{v}/10" in table and f"note {v}" in table for v in (2, 4, 7))
