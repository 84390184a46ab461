"""Goals and progress: mentees set goals with steps and rate their progress;
their current mentor sees shared goals, comments and suggests steps;
coordinators see counts only.
"""

from . import progress, steps, views  # noqa: F401  (they add their routes to bp)
from .cards import init_cards
from .models import Comment, Goal, Rating, Step
from .page import bp

__all__ = ["Comment", "Goal", "Rating", "Step", "bp", "init_app"]


def init_app(app):
    app.register_blueprint(bp)
    init_cards(app)
