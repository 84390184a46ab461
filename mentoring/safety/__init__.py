from .alerts import raise_alert, record
from .models import AlertEvent, SafeguardingAlert
from .risk import has_risk, risk_phrases
from .views import add_help_section, bp, crisis_panel, init_app, panel_next, pending_panel
from .writing import WritingCheck, check_writing, shows_panel

__all__ = [
    "AlertEvent", "SafeguardingAlert", "add_help_section", "bp", "crisis_panel", "has_risk", "init_app", "raise_alert", "record",
    "risk_phrases", "check_writing", "shows_panel", "WritingCheck", "panel_next", "pending_panel",
]
