"""Make the starter outreach files of a city profile (leaflet PDF, poster, banner).

    .venv/bin/python scripts/outreach_files.py [profiles/hanoi/publishing]

The leaflet is rendered by WeasyPrint from ``sources/*.html``; the poster and the
campaign banner are drawn with Pillow from ``sources/ap-phich.json`` in DejaVu Sans
(installed with Debian's fonts-dejavu-core). Outputs go to ``files/`` and stay small
(palette PNGs), so the profile can carry them in git.
"""

from pathlib import Path
from PIL import Image
from PIL import ImageDraw
from PIL import ImageFont
import json
import sys
import weasyprint


FONTS = Path("/usr/share/fonts/truetype/dejavu")
RED = (165, 15, 21)
RED_DARK = (127, 11, 16)
GOLD = (246, 195, 67)
CREAM = (255, 246, 219)
INK = (31, 35, 40)
WHITE = (255, 255, 255)


def font(size, bold=False):
    return ImageFont.truetype(
        str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size
    )


def wrap(draw, text, face, width):
    """Lines of ``text`` that fit in ``width`` pixels."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=face) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def phone(draw, left, top, scale=1.0, screen=CREAM):
    """A phone with a checked form on its screen (decorative)."""
    w, h = int(220 * scale), int(400 * scale)
    draw.rounded_rectangle((left, top, left + w, top + h), radius=int(32 * scale), fill=INK)
    pad = int(16 * scale)
    draw.rounded_rectangle(
        (left + pad, top + pad * 3, left + w - pad, top + h - pad * 3),
        radius=int(10 * scale),
        fill=screen,
    )
    for row in range(3):
        y = top + int((110 + row * 80) * scale)
        draw.rounded_rectangle(
            (left + int(40 * scale), y, left + int(70 * scale), y + int(30 * scale)),
            radius=int(6 * scale),
            fill=RED,
        )
        draw.line(
            (
                left + int(46 * scale),
                y + int(15 * scale),
                left + int(54 * scale),
                y + int(24 * scale),
                left + int(66 * scale),
                y + int(6 * scale),
            ),
            fill=WHITE,
            width=max(int(4 * scale), 2),
        )
        draw.rounded_rectangle(
            (
                left + int(85 * scale),
                y + int(8 * scale),
                left + w - int(35 * scale),
                y + int(22 * scale),
            ),
            radius=int(6 * scale),
            fill=(206, 212, 218),
        )


def poster(spec, target):
    width, height = 1240, 1754  # A4 at 150 dpi
    image = Image.new("RGB", (width, height), CREAM)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 430), fill=RED)
    draw.rectangle((0, 430, width, 446), fill=GOLD)
    draw.text((80, 70), spec["kicker"], font=font(34, bold=True), fill=GOLD)
    y = 140
    for line in spec["title"]:
        draw.text((80, y), line, font=font(84, bold=True), fill=WHITE)
        y += 92
    phone(draw, 880, 520, scale=1.2)
    y = 540
    for number, point in enumerate(spec["points"], 1):
        draw.ellipse((80, y, 160, y + 80), fill=RED)
        label = str(number)
        face = font(48, bold=True)
        draw.text(
            (120 - draw.textlength(label, font=face) / 2, y + 10), label, font=face, fill=WHITE
        )
        for line in wrap(draw, point, font(44, bold=True), 640):
            draw.text((190, y + 8), line, font=font(44, bold=True), fill=INK)
            y += 56
        y += 70
    box_top = y + 20
    draw.rounded_rectangle(
        (80, box_top, width - 80, box_top + 200), radius=24, outline=GOLD, width=8, fill=WHITE
    )
    y = box_top + 40
    for line in wrap(draw, spec["help"], font(42), width - 240):
        draw.text((120, y), line, font=font(42), fill=INK)
        y += 56
    draw.rectangle((0, height - 110, width, height), fill=RED_DARK)
    draw.text((80, height - 80), spec["footer"], font=font(38, bold=True), fill=WHITE)
    save(image, target)


def banner(target):
    """The campaign's lead image: decorative, no text (the page has the words)."""
    width, height = 1200, 630
    image = Image.new("RGB", (width, height), CREAM)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 90), fill=RED)
    draw.rectangle((0, 90, width, 102), fill=GOLD)
    draw.ellipse((700, 160, 1140, 600), fill=(252, 228, 160))
    phone(draw, 820, 150, scale=1.1)
    for row in range(3):
        y = 210 + row * 120
        draw.rounded_rectangle((90, y, 600, y + 80), radius=20, fill=WHITE, outline=GOLD, width=5)
        draw.ellipse((115, y + 15, 165, y + 65), fill=RED)
        draw.rounded_rectangle(
            (190, y + 30, 540 - row * 60, y + 50), radius=10, fill=(206, 212, 218)
        )
    save(image, target)


def save(image, target):
    image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)
    print(f"{target}: {target.stat().st_size} bytes")


def leaflet(source, target):
    document = weasyprint.HTML(str(source)).render()
    if len(document.pages) != 1:
        raise SystemExit(f"{source}: the leaflet must fit on one page ({len(document.pages)})")
    document.write_pdf(str(target))
    print(f"{target}: {target.stat().st_size} bytes")


def main(folder="profiles/hanoi/publishing"):
    folder = Path(folder)
    sources, files = folder / "sources", folder / "files"
    files.mkdir(exist_ok=True)
    leaflet(
        sources / "to-roi-dich-vu-cong-truc-tuyen.html",
        files / "to-roi-dich-vu-cong-truc-tuyen.pdf",
    )
    spec = json.loads((sources / "ap-phich.json").read_text(encoding="utf-8"))
    poster(spec, files / "ap-phich-dich-vu-cong-truc-tuyen.png")
    banner(files / "chien-dich-dich-vu-cong-truc-tuyen.png")


if __name__ == "__main__":
    main(*sys.argv[1:])
