from .views import bp, init_app, start_session

__all__ = ["bp", "init_app", "start_session"]
