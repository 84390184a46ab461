"""The WSGI entry point: `flask --app app ...` or `gunicorn app:app`."""

from mentoring import create_app

app = create_app()
