"""/manifest.webmanifest and the icons it names."""

import struct
from pathlib import Path

from flask import url_for



def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_it_names_what_a_phone_needs_to_install_the_app(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response.mimetype == "application/manifest+json"
    manifest = response.get_json()
    assert manifest["name"] == "Mentoring" and manifest["short_name"]
    assert manifest["start_url"] == "/" and manifest["scope"] == "/" and manifest["id"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"].startswith("#") and manifest["background_color"].startswith("#")


def test_its_icons_exist_at_the_sizes_they_claim(client):
    icons = client.get("/manifest.webmanifest").get_json()["icons"]
    kinds = {(icon["sizes"], icon["purpose"]) for icon in icons}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= kinds
    maskable = [i["src"] for i in icons if i["purpose"] == "maskable"]
    assert not set(maskable) & {i["src"] for i in icons if i["purpose"] == "any"}, "a separate maskable icon"
    for icon in icons:
        response = client.get(icon["src"])
        assert response.status_code == 200 and response.mimetype == "image/png"
        width, height = png_size(response.data)
        assert f"{width}x{height}" == icon["sizes"]


def test_the_maskable_icon_fills_its_square(client):
    """A maskable icon is cropped to a circle: its corners must not be transparent."""
    import zlib

    icons = client.get("/manifest.webmanifest").get_json()["icons"]
    data = client.get(next(i["src"] for i in icons if i["purpose"] == "maskable")).data
    chunks, pos = b"", 8
    while pos < len(data):
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        if data[pos + 4:pos + 8] == b"IDAT":
            chunks += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    first_row = zlib.decompress(chunks)[1:1 + 4 * 512]
    assert first_row[3] == 255 and first_row[-1] == 255


def test_pages_link_the_manifest_and_an_apple_touch_icon(client):
    html = client.get("/login").get_data(as_text=True)
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    icon = html.split('rel="apple-touch-icon" href="')[1].split('"')[0]
    assert png_size(client.get(icon).data) == (180, 180)


def test_it_offers_shortcuts_to_check_in_messages_and_meetings(app):
    shortcuts = app.test_client().get("/manifest.webmanifest").get_json()["shortcuts"]
    with app.test_request_context():
        expected = [("Check in", url_for("mood.checkin")), ("Messages", url_for("messages.index")),
                    ("Next meeting", url_for("meetings.index"))]
    assert [(s["name"], s["url"]) for s in shortcuts] == expected
    for shortcut in shortcuts:
        assert png_size(app.test_client().get(shortcut["icons"][0]["src"]).data) == (96, 96)


def test_the_icons_in_the_repository_are_the_ones_the_script_draws():
    from mentoring.pwa import icons

    drawn = icons.draw(icons.MARK, 192, 0.62, icons.GREEN, 0.22, stroke=2.25)
    assert drawn == (Path(icons.OUT) / "icon-192.png").read_bytes()


def test_it_leaves_out_a_shortcut_whose_feature_is_not_installed(app, monkeypatch):
    from mentoring.pwa import manifest

    monkeypatch.setattr(manifest, "SHORTCUTS", manifest.SHORTCUTS + (("nowhere.index", lambda: "Nowhere", "x.png"),))
    names = [s["name"] for s in app.test_client().get("/manifest.webmanifest").get_json()["shortcuts"]]
    assert "Nowhere" not in names and len(names) == 3
