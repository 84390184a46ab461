"""The "Your data" page: the download, the deletion state, and who can see each kind of data."""

from mentoring.models import User
from mentoring.personal_data import PERSONAL_DATA, covered_tables

from ..test_schema import concrete_models


def _points_at_users(model):
    return any(getattr(f, "rel_model", None) is User for f in model._meta.fields.values())


def test_every_model_holding_someones_data_says_who_can_see_it(app):
    personal = {table for table, model in concrete_models().items() if _points_at_users(model)} | {"users"}
    missing = personal - covered_tables()
    assert not missing, f"add these tables to mentoring/personal_data.py: {sorted(missing)}"
    assert {"checkins", "messages", "safeguarding_alerts", "deletion_requests"} <= personal


def test_no_table_is_listed_that_does_not_exist(app):
    assert covered_tables() <= set(concrete_models())


def test_the_page_lists_every_kind_with_who_sees_it(as_user, world, url):
    response = as_user(world.mentee).get(url("data_rights.your_data"))
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    for kind in PERSONAL_DATA:
        assert str(kind.what) in page
    assert "The safeguarding lead" in page
    assert url("data_rights.download") in page
    assert url("data_rights.delete_account") in page


def test_the_account_page_links_to_it(as_user, world, url):
    page = as_user(world.mentor).get(url("accounts.account")).get_data(as_text=True)
    assert url("data_rights.your_data") in page
