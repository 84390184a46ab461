"""The one way features plug into each other: named hooks, kept per app.

A feature that offers a place to plug in names a hook and reads it with
`hooks.get(name)`; a feature that plugs in calls `hooks.add(app, name, value,
order)` from its `init_app`. Everything lives in `app.extensions["hooks"]`,
never at module level, so two apps (say, two tests) never see each other's
hooks. Most features use a named helper (`web.add_nav`, `home.add_home_card`,
...) that calls `add` for them; the helper documents what the value must be.

A hook's name starts with the feature that reads it. The hooks today:

    name                       value                               read by                 added by
    web.nav.<role>             web.NavItem (bottom bar)            base template           home, people, goals, mood, messages, meetings
    web.account_link.<role>    web.NavItem (account page)          accounts                pwa, push, mood, meetings, messages, safety
    web.slot.home.<role>       web.Slot, loader(user)              home.index              home, safety, goals, mood, meetings, messages, push, pwa
    web.slot.match_panels      web.Slot, loader(match)             home.mentee             goals, mood, messages, meetings, safety
    web.slot.help              web.Slot, loader(user)              safety (Get help now)   mood (the safety plan)
    web.script                 a static path, loaded on each page  base template           messages, push
    web.sw_prelude             make() -> text before sw.js         web.service_worker      pwa
    web.database_fallback.<endpoint>  view() when the database fails  web (5xx handler)   web (/healthz), safety (/help), pwa (/offline)
    people.match_facts         loader(matches) -> {id: [Fact]}     people (match pages)    messages, meetings
    people.match_ended         hook(match, now), same transaction  people.end_match        meetings
    accounts.sessions_ended    forget(session ids), same transaction UserSession.end_where push (its devices)
    accounts.session_renewed   follow(old id, new id)              accounts (new password) push (its devices)
    accounts.user_flag         (name, expr()) on the signed-in user User.from_session_id   data_rights (deletion pending)
    push.producer              produce(now), each worker pass      push.worker             mood (daily check-in), meetings, safety (escalation)
    push.still_wanted.<kind>   fn(notification, user, now) -> bool push.worker, reminders  mood (daily check-in)

Values come back sorted by `order`, then in the order they were added.
"""

from flask import current_app

KEY = "hooks"


def add(app, name, value, order=0):
    """Plug `value` into the hook `name` of `app`."""
    entries = app.extensions.setdefault(KEY, {}).setdefault(name, [])
    entries.append((order, len(entries), value))
    entries.sort(key=lambda entry: entry[:2])


def get(name, app=None):
    """What is plugged into `name`, in order; [] when nothing is."""
    app = app or current_app
    return [value for _order, _n, value in app.extensions.get(KEY, {}).get(name, ())]
