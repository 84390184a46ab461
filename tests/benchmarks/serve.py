"""What gunicorn serves in the page benchmark: the app, and beside it at /__bare
a bare Flask + Jinja page running one indexed 12-row query on the same database.

    BENCH_DATABASE_URL=... gunicorn tests.benchmarks.serve:application

The bare page is the yardstick: each page's requests per second are reported
as a share of its, measured in the same run on the same server.
"""

import os
import sqlite3
import threading

from flask import Flask, render_template_string
from werkzeug.middleware.dispatcher import DispatcherMiddleware

from mentoring import create_app

BARE_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Messages</title></head>
<body><main><h1>Latest messages</h1><ol>
{% for id, body, created_at in rows %}<li id="m{{ id }}"><time>{{ created_at }}</time> {{ body }}</li>{% endfor %}
</ol></main></body></html>"""
BARE_QUERY = ("SELECT id, body, created_at FROM messages WHERE conversation_id = {p} "
              "ORDER BY id DESC LIMIT 12")


def _connector(url):
    """One connection per worker thread, as the app keeps (a pool on PostgreSQL)."""
    if url.startswith("sqlite:///"):
        return lambda: sqlite3.connect(url[len("sqlite:///"):], check_same_thread=False), "?"
    import psycopg2

    return lambda: psycopg2.connect(url), "%s"


def bare_app(url, conversation_id):
    connect, placeholder = _connector(url)
    local = threading.local()
    app = Flask("bare")

    @app.route("/")
    def page():
        if getattr(local, "conn", None) is None:
            local.conn = connect()
        cur = local.conn.cursor()
        cur.execute(BARE_QUERY.format(p=placeholder), (conversation_id,))
        rows = cur.fetchall()
        local.conn.commit()
        return render_template_string(BARE_PAGE, rows=rows)

    return app


url = os.environ["BENCH_DATABASE_URL"]
app = create_app({"DATABASE_URL": url, "WTF_CSRF_ENABLED": os.environ.get("BENCH_CSRF", "") == "1"})
application = DispatcherMiddleware(app, {"/__bare": bare_app(url, int(os.environ["BENCH_CONVERSATION"]))})
