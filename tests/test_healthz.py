from peewee import OperationalError


def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    from mentoring import web

    def down(*args, **kwargs):
        raise OperationalError("database is gone")

    monkeypatch.setattr(web.database.obj, "execute_sql", down)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "unavailable"}
