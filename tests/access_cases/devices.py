from . import everyone, expect
from .core import get, post


def setup(world):
    # Another of the mentee's devices: only the mentee may sign it out.
    world.mentee_phone = int(world.mentee.start_session().partition(".")[0])


CASES = {
    "accounts.devices": get("accounts.devices", everyone(200, anon=302)),
    "accounts.sign_out_device": post("accounts.sign_out_device", expect(mentee=302, other_mentee=404, mentor=404,
                                                                        coordinator=404),
                                     session_id=lambda w: w.mentee_phone),
    "accounts.sign_out_others": post("accounts.sign_out_others", everyone(302)),
}

