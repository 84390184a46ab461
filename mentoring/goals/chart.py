"""A small progress chart as plain SVG geometry, drawn by templates/goals/_chart.html.

Ratings are placed by date (evenly when they share one moment), 0 at the
bottom and 10 at the top. Colours come from CSS classes, never style=.
"""

from dataclasses import dataclass

WIDTH, HEIGHT = 320, 168
LEFT, RIGHT, TOP, BOTTOM = 30, 14, 12, 30
PLOT_W = WIDTH - LEFT - RIGHT
PLOT_H = HEIGHT - TOP - BOTTOM


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    value: int


@dataclass(frozen=True)
class Chart:
    points: list
    grid: list  # [(y, label)]
    first_x: float
    last_x: float

    @property
    def line(self):
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)

    @property
    def width(self):
        return WIDTH

    @property
    def height(self):
        return HEIGHT

    @property
    def label_y(self):
        return HEIGHT - 10


def y_for(value):
    return TOP + (10 - value) * PLOT_H / 10


def x_positions(moments):
    """x for each moment: by time, or evenly spaced when no time passes."""
    if len(moments) == 1:
        return [LEFT + PLOT_W / 2]
    span = (moments[-1] - moments[0]).total_seconds()
    if span <= 0:
        return [LEFT + PLOT_W * i / (len(moments) - 1) for i in range(len(moments))]
    return [LEFT + PLOT_W * (m - moments[0]).total_seconds() / span for m in moments]


def build(ratings):
    """A Chart for ratings oldest first (objects with .value and .created_at), or None."""
    if not ratings:
        return None
    xs = x_positions([r.created_at for r in ratings])
    points = [Point(round(x, 1), round(y_for(r.value), 1), r.value) for x, r in zip(xs, ratings)]
    grid = [(round(y_for(v), 1), v) for v in (0, 5, 10)]
    return Chart(points=points, grid=grid, first_x=points[0].x, last_x=points[-1].x)
