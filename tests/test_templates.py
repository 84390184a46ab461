"""Templates: every user-facing string goes through gettext; every form says where it posts."""

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
JINJA = re.compile(r"{#.*?#}|{%.*?%}|{{.*?}}", re.S)
TAG = re.compile(r"<[^>]*>", re.S)
TEXT_ATTRIBUTES = re.compile(r'\s(?:aria-label|title|placeholder|alt|data-[a-z-]+)="([^"{]*)"')
ENTITY = re.compile(r"&[a-z]+;|&#\d+;")


def untranslated(source):
    found = []
    for tag in TAG.findall(JINJA.sub(" ", source)):
        found += [v for v in TEXT_ATTRIBUTES.findall(tag) if re.search(r"[A-Za-z]{2}", v)
                  and not re.fullmatch(r"[a-z0-9_#.-]+", v)]
    text = ENTITY.sub(" ", TAG.sub(" ", JINJA.sub(" ", source)))
    found += [w.strip() for w in re.findall(r"[A-Za-z][A-Za-z' ]+", text) if len(w.strip()) > 1]
    return found


@pytest.mark.parametrize("path", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_template_text_is_marked_for_translation(path):
    assert untranslated(path.read_text()) == []


def test_the_check_catches_bare_text():
    assert untranslated('<p>Hello there</p><a aria-label="Close it">{{ _("x") }}</a>') == ["Close it", "Hello there"]
    assert untranslated('<p>{{ _("Hello") }}</p><input data-copy="#invite-link">') == []


@pytest.mark.parametrize("path", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_every_form_says_where_it_posts(path):
    # A boosted form without an action can post to the page it came from.
    forms = re.findall(r"<form\b[^>]*>", path.read_text(), re.S)
    assert [f for f in forms if "action=" not in f and "hx-get=" not in f] == []


FORM_TAG = re.compile(r"<form\b(?:[^>{]|{{.*?}}|{%.*?%})*>", re.S)


@pytest.mark.parametrize("path", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_forms_post_once_and_take_their_token_from_the_macros(path):
    source = path.read_text()
    if path == TEMPLATES / "_macros.html":
        return
    # csrf_field() and post_button() render the token, without an id a second form would repeat.
    assert 'name="csrf_token"' not in source and ".csrf_token }}" not in source
    # htmx disables the button while the request is in flight: a double tap sends once.
    # (Forms htmx leaves alone rely on the server: create_once, or setting a state.)
    posts = [f for f in FORM_TAG.findall(source) if 'method="post"' in f]
    assert [f for f in posts if ("hx-disabled-elt" in f) == ('hx-boost="false"' in f)] == []


def test_one_button_forms_use_post_button():
    # A form whose content is its token, hidden fields and one button is a post_button.
    one_button = re.compile(r"<form\b[^>]*>\s*(?:{{ csrf_field\(\) }}\s*)?(?:<input type=\"hidden\"[^>]*>\s*)*"
                            r"<button\b[^>]*>.*?</button>\s*</form>", re.S)
    found = {str(p.relative_to(TEMPLATES)): one_button.findall(p.read_text())
             for p in TEMPLATES.rglob("*.html") if p.name != "_macros.html" or p.parent != TEMPLATES}
    assert {path: forms for path, forms in found.items() if forms} == {}
