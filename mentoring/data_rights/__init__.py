"""Data rights: download your data, see who can see it, delete your account, retention."""

from .models import DATA_RIGHTS_MODELS, DeletionRequest
from .views import bp, init_app

__all__ = ["DATA_RIGHTS_MODELS", "DeletionRequest", "bp", "init_app"]
