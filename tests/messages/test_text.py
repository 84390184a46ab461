"""Message text: escaped, line breaks kept, web addresses linked and nothing else."""

from mentoring.messages.text import linkify, normalise, preview


def test_it_escapes_html_and_script():
    html = str(linkify('<script>alert("x")</script><img src=x onerror=alert(1)>'))
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_it_links_web_addresses_with_a_safe_rel():
    html = str(linkify("Try https://www.samaritans.org/how-we-can-help/ today"))
    assert '<a href="https://www.samaritans.org/how-we-can-help/" rel="noopener noreferrer nofollow"' in html
    assert html.endswith("</a> today")


def test_it_adds_https_to_bare_www_addresses():
    assert 'href="https://www.nhs.uk"' in str(linkify("see www.nhs.uk."))


def test_it_leaves_sentence_punctuation_outside_the_link():
    html = str(linkify("(look at https://example.org/page), then https://example.org/a_(b)."))
    assert 'href="https://example.org/page"' in html
    assert 'href="https://example.org/a_(b)"' in html
    assert html.endswith("</a>.")


def test_it_never_links_other_schemes():
    html = str(linkify("javascript:alert(1) data:text/html,hi"))
    assert "<a" not in html


def test_it_escapes_quotes_inside_addresses():
    html = str(linkify('https://a.example/"onmouseover="x'))
    assert 'onmouseover="' not in html


def test_normalise_keeps_line_breaks_and_drops_trailing_space():
    assert normalise("one\r\ntwo\rthree  \n\n") == "one\ntwo\nthree"


def test_preview_is_one_short_line():
    assert preview("a\nb") == "a b"
    assert preview("x" * 200, limit=10) == "x" * 9 + "…"
