"""The mood pages, one module per area; all register on one blueprint."""

from flask import Blueprint

bp = Blueprint("mood", __name__)

from . import checkins, measures, mentor, plan, program, sharing, trends  # noqa: E402,F401  (routes)
