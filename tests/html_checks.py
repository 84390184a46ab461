"""What the Nu Html Checker found on our pages, checked without it.

A small parser over the page as served: no <form> inside an element that may
hold only phrasing content, <time datetime> to the second at most (the HTML
spec allows three decimals, Python writes six), ids unique on a page, and
headings that go down one level at a time.
"""

import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose content model is phrasing only: a <form> may not sit inside them.
PHRASING_ONLY = {
    "a", "abbr", "b", "button", "code", "em", "h1", "h2", "h3", "h4", "h5", "h6", "i", "label",
    "p", "small", "span", "strong", "summary", "time",
}
# A date, or a local or global date and time to the second, as <time datetime> allows.
TIME_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)?")


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []
        self.ids = {}
        self.headings = []
        self.problems = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            inside = [t for t in self.open if t in PHRASING_ONLY]
            if inside:
                self.problems.append(f"<form> inside <{inside[-1]}>")
        if tag == "time" and "datetime" in attrs and not TIME_VALUE.fullmatch(attrs["datetime"] or ""):
            self.problems.append(f'<time datetime="{attrs["datetime"]}">')
        if attrs.get("id") is not None:
            self.ids[attrs["id"]] = self.ids.get(attrs["id"], 0) + 1
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.open and self.open[-1] == tag:
            self.open.pop()

    def handle_endtag(self, tag):
        if tag in self.open:
            while self.open.pop() != tag:
                pass


def problems(page):
    """What is wrong with the HTML of `page` (a string), as a list of short descriptions."""
    checker = _Checker()
    checker.feed(page)
    checker.close()
    found = checker.problems
    found += [f'id="{name}" {count} times' for name, count in checker.ids.items() if count > 1]
    levels = [0] + checker.headings
    found += [f"<h{b}> after <h{a}>" for a, b in zip(levels, levels[1:]) if a and b > a + 1]
    return found
