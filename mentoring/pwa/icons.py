"""Draw the app's icons as PNG files: `python -m mentoring.pwa.icons`.

The icons are the app's own mark (the two people of templates/_macros.html)
in white on the theme green, drawn here with nothing but zlib and struct so
the repository needs no image library. The PNGs are committed; run this
again only when the mark or the colours change.
"""

import math
import re
import struct
import zlib
from pathlib import Path

GREEN = (0x0F, 0x5C, 0x4D)
WHITE = (0xFF, 0xFF, 0xFF)
OUT = Path(__file__).resolve().parents[2] / "static" / "icons"

# The same drawings as the "mark", "mood", "message" and "calendar" icons
# in templates/_macros.html, on their 24x24 grid.
MARK = ["circle 8 8 3", "circle 16 10 3",
        "M3 20c0-3 2.5-5.5 5-5.5 1.6 0 3 .8 4 2", "M21 20c0-3-2.2-5-5-5-2.5 0-4.5 1.6-5 4"]
MOOD = ["circle 12 12 9", "M8 14.5c1 1.3 2.3 2 4 2s3-.7 4-2", "M9 9.5h.01", "M15 9.5h.01"]
MESSAGE = ["M4 5h16v11H9l-5 4z"]
CALENDAR = ["M5.5 5h13c1.1 0 2 .9 2 2v11c0 1.1-.9 2-2 2h-13c-1.1 0-2-.9-2-2V7c0-1.1.9-2 2-2z",
            "M3.5 10h17", "M8 3v4", "M16 3v4"]


def _tokens(d):
    return re.findall(r"[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)", d)


def _cubic(p0, p1, p2, p3, steps=16):
    for i in range(1, steps + 1):
        t = i / steps
        u = 1 - t
        yield (u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
               u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1])


def parse_path(d):
    """SVG path data (M L H V C S Z, absolute or relative) as polylines."""
    tokens = _tokens(d)
    lines, current, pos, start, command, last_control = [], [], (0.0, 0.0), (0.0, 0.0), None, None
    i = 0

    def number():
        nonlocal i
        i += 1
        return float(tokens[i - 1])

    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
        rel = command.islower()
        ox, oy = pos if rel else (0.0, 0.0)
        c = command.upper()
        if c == "M":
            if current:
                lines.append(current)
            pos = start = (ox + number(), oy + number())
            current = [pos]
            command = "l" if rel else "L"
            last_control = None
        elif c == "L":
            pos = (ox + number(), oy + number())
            current.append(pos)
        elif c == "H":
            pos = ((ox if rel else 0) + number(), pos[1])
            current.append(pos)
        elif c == "V":
            pos = (pos[0], (oy if rel else 0) + number())
            current.append(pos)
        elif c in "CS":
            if c == "C":
                c1 = (ox + number(), oy + number())
            else:
                c1 = (2 * pos[0] - last_control[0], 2 * pos[1] - last_control[1]) if last_control else pos
            c2 = (ox + number(), oy + number())
            end = (ox + number(), oy + number())
            current.extend(_cubic(pos, c1, c2, end))
            last_control, pos = c2, end
            continue
        elif c == "Z":
            current.append(start)
            pos = start
        last_control = None
    if current:
        lines.append(current)
    return lines


class Canvas:
    """An RGBA image where shapes are painted with coverage from distances (smooth edges)."""

    def __init__(self, size):
        self.size = size
        self.pixels = [[(0, 0, 0, 0)] * size for _ in range(size)]

    def _paint(self, x0, y0, x1, y1, coverage_at, colour):
        for y in range(max(0, int(y0)), min(self.size, int(math.ceil(y1)) + 1)):
            row = self.pixels[y]
            for x in range(max(0, int(x0)), min(self.size, int(math.ceil(x1)) + 1)):
                a = coverage_at(x + 0.5, y + 0.5)
                if a > 0:
                    row[x] = _over(colour, a, row[x])

    def rounded_square(self, colour, radius):
        s = self.size
        half, r = s / 2, radius

        def coverage(x, y):
            qx, qy = abs(x - half) - (half - r), abs(y - half) - (half - r)
            outside = math.hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - r
            return _clamp(0.5 - outside)

        self._paint(0, 0, s, s, coverage, colour)

    def ring(self, cx, cy, r, width, colour):
        h = width / 2

        def coverage(x, y):
            return _clamp(h + 0.5 - abs(math.hypot(x - cx, y - cy) - r))

        self._paint(cx - r - h - 1, cy - r - h - 1, cx + r + h + 1, cy + r + h + 1, coverage, colour)

    def segment(self, a, b, width, colour):
        h = width / 2
        (ax, ay), (bx, by) = a, b
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy or 1e-12

        def coverage(x, y):
            t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / length2))
            return _clamp(h + 0.5 - math.hypot(x - ax - t * dx, y - ay - t * dy))

        self._paint(min(ax, bx) - h - 1, min(ay, by) - h - 1, max(ax, bx) + h + 1, max(ay, by) + h + 1, coverage, colour)

    def png(self):
        raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in self.pixels)
        head = struct.pack(">IIBBBBB", self.size, self.size, 8, 6, 0, 0, 0)
        return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", head) + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b"")


def _clamp(v):
    return 0.0 if v <= 0 else 1.0 if v >= 1 else v


def _over(colour, alpha, below):
    """`colour` at `alpha` painted over the pixel `below` (straight alpha)."""
    br, bg, bb, ba = below
    ba /= 255
    out = alpha + ba * (1 - alpha)
    if out == 0:
        return (0, 0, 0, 0)
    mix = [(c * alpha + d * ba * (1 - alpha)) / out for c, d in zip(colour, (br, bg, bb))]
    return (*(round(v) for v in mix), round(out * 255))


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def draw(drawing, size, fraction, background, corner=0.0, stroke=2.0):
    """The 24x24 `drawing` in white, `fraction` of the icon wide, centred on `background`."""
    canvas = Canvas(size)
    canvas.rounded_square(background, corner * size)
    scale = size * fraction / 20
    ox = oy = (size - 24 * scale) / 2
    # Centre the drawing's own box, which is not always the grid's.
    lines, rings = [], []
    for item in drawing:
        if item.startswith("circle"):
            _, cx, cy, r = item.split()
            rings.append((float(cx), float(cy), float(r)))
        else:
            lines.extend(parse_path(item))
    xs = [x for line in lines for x, _ in line] + [c[0] - c[2] for c in rings] + [c[0] + c[2] for c in rings]
    ys = [y for line in lines for _, y in line] + [c[1] - c[2] for c in rings] + [c[1] + c[2] for c in rings]
    ox += (12 - (min(xs) + max(xs)) / 2) * scale
    oy += (12 - (min(ys) + max(ys)) / 2) * scale

    def at(p):
        return (ox + p[0] * scale, oy + p[1] * scale)

    width = stroke * scale
    for cx, cy, r in rings:
        x, y = at((cx, cy))
        canvas.ring(x, y, r * scale, width, WHITE)
    for line in lines:
        points = [at(p) for p in line]
        if len(points) == 1:
            points.append(points[0])
        for a, b in zip(points, points[1:]):
            canvas.segment(a, b, width, WHITE)
    return canvas.png()


ICONS = {
    # name: (drawing, size, fraction of the width, corner radius as a fraction)
    "icon-192.png": (MARK, 192, 0.62, 0.22),
    "icon-512.png": (MARK, 512, 0.62, 0.22),
    # Maskable: full bleed, the mark inside the central safe circle (80%).
    "icon-maskable-512.png": (MARK, 512, 0.46, 0.0),
    # iOS rounds the corners itself and shows transparency as black.
    "apple-touch-icon-180.png": (MARK, 180, 0.6, 0.0),
    "shortcut-checkin-96.png": (MOOD, 96, 0.62, 0.22),
    "shortcut-messages-96.png": (MESSAGE, 96, 0.62, 0.22),
    "shortcut-meetings-96.png": (CALENDAR, 96, 0.62, 0.22),
}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (drawing, size, fraction, corner) in ICONS.items():
        (OUT / name).write_bytes(draw(drawing, size, fraction, GREEN, corner, stroke=2.25))
        print(f"wrote static/icons/{name}")


if __name__ == "__main__":
    main()
