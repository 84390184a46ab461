"""A coordinator sets the grace period, the retention period and what happens to messages."""

from mentoring.data_rights.settings import DEFAULTS, data_settings
from mentoring.models import Program


def _program(world):
    return Program.get_by_id(world.program.id)


def test_a_new_program_has_the_defaults(world):
    assert data_settings(_program(world)) == {"deletion_grace_days": 14, "retention_days": 730,
                                              "delete_messages_with_account": False} == DEFAULTS


def test_a_coordinator_saves_them_beside_other_features_settings(as_user, world, url):
    world.program.settings = {"mood": {"every_days": 7}}
    world.program.save()
    response = as_user(world.coordinator).post(url("data_rights.data_settings_page"), data={
        "deletion_grace_days": "7", "retention_days": "365", "delete_messages_with_account": "y"})
    assert response.status_code == 303
    program = _program(world)
    assert data_settings(program) == {"deletion_grace_days": 7, "retention_days": 365,
                                      "delete_messages_with_account": True}
    assert program.settings["mood"] == {"every_days": 7}


def test_out_of_range_values_come_back_with_the_reason(as_user, world, url):
    response = as_user(world.coordinator).post(url("data_rights.data_settings_page"), data={
        "deletion_grace_days": "0", "retention_days": "5"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Between 1 and 90 days." in page and "Between 30 and 3650 days." in page
    assert data_settings(_program(world)) == DEFAULTS


def test_the_delete_page_follows_them(as_user, world, url):
    world.program.settings = {"data_rights": {"deletion_grace_days": 3, "delete_messages_with_account": True}}
    world.program.save()
    page = as_user(world.mentee).get(url("data_rights.delete_account")).get_data(as_text=True)
    assert "after 3 days" in page
    assert "deletes the words of messages you sent" in page


def test_the_delete_page_says_how_long_messages_stay(as_user, world, url):
    client = as_user(world.mentee)
    assert "2 years after it ends" in client.get(url("data_rights.delete_account")).get_data(as_text=True)
    world.program.settings = {"data_rights": {"retention_days": 90}}
    world.program.save()
    assert "90 days after it ends" in client.get(url("data_rights.delete_account")).get_data(as_text=True)
