"""Message text: plain, escaped, with web addresses made into links.

Line breaks are kept by CSS (white-space: pre-wrap), so nothing but links is
ever turned into markup.
"""

import re

from markupsafe import Markup, escape

# http(s) addresses and bare www. ones; anything else stays text.
_URL = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>\"']+", re.IGNORECASE)
_TRAILING = ".,;:!?'\"*"
_CLOSERS = {")": "(", "]": "[", "}": "{"}


def normalise(text):
    """One kind of line ending, no trailing blank space."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").rstrip()


def _trim(url):
    """Leave off punctuation that ends the sentence, not the address."""
    while url:
        last = url[-1]
        if last in _TRAILING:
            url = url[:-1]
        elif last in _CLOSERS and url.count(last) > url.count(_CLOSERS[last]):
            url = url[:-1]
        else:
            break
    return url


def linkify(text):
    """Escaped text with its web addresses as links that carry no referrer."""
    out = []
    position = 0
    for found in _URL.finditer(text or ""):
        url = _trim(found.group(0))
        if not url or url.lower() in ("http://", "https://", "www."):
            continue
        start, end = found.start(), found.start() + len(url)
        href = url if url.lower().startswith("http") else "https://" + url
        out.append(escape(text[position:start]))
        out.append(
            Markup('<a href="{}" rel="noopener noreferrer nofollow" hx-boost="false">{}</a>').format(href, url)
        )
        position = end
    out.append(escape((text or "")[position:]))
    return Markup("").join(out)


def preview(text, limit=90):
    """The start of a message on one line, for lists."""
    line = " ".join((text or "").split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
