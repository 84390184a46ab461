"""The app on the home screen: manifest, icons, service worker, offline page,
install help, compressed responses and the page budget."""

from .views import bp, init_app

__all__ = ["bp", "init_app"]
