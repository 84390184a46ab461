from flask import url_for

from mentoring.data_rights.deletion import request_deletion
from mentoring.models import MENTEE

from ..factories import make_user
from . import Case, coordinators, everyone


def setup(world):
    # Someone outside the kinds tried, so confirming their deletion changes nobody else's answers.
    world.leaver = make_user(world.program, MENTEE, name="Lena Leaver")
    world.deletion = request_deletion(world.leaver)


def get(endpoint, expected, **args):
    return Case("GET", lambda w: url_for(endpoint, **{k: v(w) for k, v in args.items()}), expected)


def post(endpoint, expected, **args):
    return Case("POST", lambda w: url_for(endpoint, **{k: v(w) for k, v in args.items()}), expected)


CASES = {
    "data_rights.your_data": get("data_rights.your_data", everyone(200, anon=302)),
    "data_rights.download": get("data_rights.download", everyone(200, anon=302)),
    # Posted empty, so the form fuzzer reaches the password field.
    "data_rights.delete_account": post("data_rights.delete_account", everyone(422, anon=302)),
    "data_rights.cancel_deletion": post("data_rights.cancel_deletion", everyone(303, anon=302)),
    "data_rights.deletions": get("data_rights.deletions", coordinators()),
    "data_rights.data_settings_page": post("data_rights.data_settings_page", coordinators(422)),
    "data_rights.confirm_deletion": post("data_rights.confirm_deletion", coordinators(303),
                                         request_id=lambda w: w.deletion.id),
}
