from .views import add_home_card, add_match_panel, add_program_card, bp, init_app

__all__ = ["add_home_card", "add_match_panel", "add_program_card", "bp", "init_app"]
