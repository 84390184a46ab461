from .views import Fact, add_match_facts, bp, init_app

__all__ = ["Fact", "add_match_facts", "bp", "init_app"]
