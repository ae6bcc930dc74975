"""Draw the program icon: resources/icons/elderdesk.png (256 px) and elderdesk.ico (16–256 px).

Run `python tools/make_icon.py` after changing the drawing; both files are committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttf"
OUT = ROOT / "resources" / "icons"
SIZE = 1024  # drawn large, scaled down smoothly
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]

RED = (192, 48, 40)
GOLD = (246, 196, 82)
CREAM = (255, 249, 236)


def draw() -> Image.Image:
    """A red rounded tile with a cream card bearing a red 寿 (longevity) and a gold band."""
    img = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((24, 24, SIZE - 24, SIZE - 24), radius=200, fill=RED)
    card = (150, 210, SIZE - 150, SIZE - 210)
    d.rounded_rectangle(card, radius=70, fill=CREAM)
    d.rectangle((card[0], card[3] - 150, card[2], card[3] - 90), fill=GOLD)
    font = ImageFont.truetype(str(FONT), 470)
    d.text((SIZE // 2, (card[1] + card[3] - 150) // 2 + 10), "寿", font=font, fill=RED,
           anchor="mm")
    return img


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    img = draw()
    img.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "elderdesk.png", optimize=True)
    img.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "elderdesk.ico", sizes=ICO_SIZES)
    print(f"wrote {OUT / 'elderdesk.png'} and {OUT / 'elderdesk.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
