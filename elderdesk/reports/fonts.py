"""The CJK font for PDFs: registered once per process, with a per-character fallback.

WenQuanYi Micro Hei (resources/fonts) covers GBK but not CJK Ext-A/B (rare name characters such
as 䶮). A character the main font lacks is drawn with the first system TrueType font that has it;
if none has it, a visible placeholder (〓, the typesetter's missing-character mark) is drawn
instead of a silent box, and `unprintable()` lets the caller tell the clerk which ones.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile
from reportlab.pdfgen.canvas import Canvas

from elderdesk.paths import resource
from elderdesk.reports.output_file import atomic_output

FONT_NAME = "CJK"
PLACEHOLDER = "〓"
FALLBACK_ENV = "ELDERDESK_FALLBACK_FONTS"  # os.pathsep-separated font files tried first
MAIN_FONT_FILE = ("fonts", "wqy-microhei.ttf")
# File names of fonts known to cover the CJK extensions: searched before any other system font.
_PREFERRED = (
    "simsun",
    "simsunb",
    "simsun-extb",
    "mingliub",
    "msyh",
    "hanamin",
    "babelstone",
    "jigmo",
    "tw-sung",
    "tw-kai",
    "sun-ext",
    "ukai",
    "uming",
    "zenhei",
    "unifont",
)

_lock = threading.RLock()
_main_cmap: dict[int, int] | None = None
_fallback_paths: list[str] | None = None  # explicit list (set_fallback_fonts); None: search
_candidates: list[str] | None = None  # files still to parse, in search order
_parsed: list[tuple[str, str, dict[int, int]]] = []  # (font name, path, cmap) of usable fonts
_char_font: dict[str, str | None] = {}  # character -> font name, None = placeholder


def register_cjk_font(path: str | os.PathLike[str] | None = None) -> str:
    """Register the main CJK font with reportlab (once; ~0.2 s) and return its name."""
    global _main_cmap
    if _main_cmap is not None:
        return FONT_NAME
    with _lock:
        if _main_cmap is None:
            try:
                font = pdfmetrics.getFont(FONT_NAME)  # registered elsewhere already
            except KeyError:
                font = TTFont(FONT_NAME, os.fspath(path or resource(*MAIN_FONT_FILE)))
                pdfmetrics.registerFont(font)
            _main_cmap = font.face.charToGlyph
    return FONT_NAME


def new_canvas(out: Any, pagesize: tuple[float, float], title: str, **options: Any) -> Canvas:
    """A compressed reportlab canvas for a printed report, titled and signed ElderDesk, that
    starts in the CJK font (registered here if it is not yet); `out` is an open binary file."""
    register_cjk_font()
    c = Canvas(out, pagesize=pagesize, pageCompression=1, initialFontName=FONT_NAME, **options)
    c.setTitle(title)
    c.setCreator("ElderDesk")
    return c


@contextlib.contextmanager
def pdf_canvas(path: str | os.PathLike[str], pagesize: tuple[float, float], title: str,
               **options: Any) -> Iterator[Canvas]:
    """The canvas of every printed PDF (new_canvas), saved when the block ends, through
    output_file.atomic_output: a failure leaves no PDF (nor a scratch file) behind."""
    with atomic_output(path) as out:
        c = new_canvas(out, pagesize, title, **options)
        yield c
        c.save()


def _drawable(ch: str) -> bool:
    return unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp")


def missing_glyphs(text: str) -> set[str]:
    """The characters of `text` the main font has no glyph for (controls are ignored)."""
    register_cjk_font()
    cmap = _main_cmap
    assert cmap is not None
    return {ch for ch in set(text) if ord(ch) not in cmap and _drawable(ch)}


def set_fallback_fonts(paths: Sequence[str | os.PathLike[str]] | None) -> None:
    """Use exactly these font files as fallbacks ([] = none); None restores the system search."""
    global _fallback_paths, _candidates
    with _lock:
        _fallback_paths = None if paths is None else [os.fspath(p) for p in paths]
        _candidates = None
        _parsed.clear()
        _char_font.clear()
        _runs.cache_clear()


def _system_font_dirs() -> list[Path]:
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
    ]


def _search_order() -> list[str]:
    """Fallback candidates: the environment's list, extra shipped fonts, then system fonts."""
    if _fallback_paths is not None:
        return list(_fallback_paths)
    found = [p for p in os.environ.get(FALLBACK_ENV, "").split(os.pathsep) if p]
    main = Path(resource(*MAIN_FONT_FILE)).resolve()
    system: list[Path] = []
    for folder in [resource("fonts"), *_system_font_dirs()]:
        if folder.is_dir():
            system += sorted(
                p
                for p in folder.rglob("*")
                if p.suffix.lower() in (".ttf", ".ttc")
                and p.resolve() != main
                and not p.name.lower().startswith("wqy-microhei")
            )

    def rank(p: Path) -> int:
        return 0 if any(p.stem.lower().startswith(n) for n in _PREFERRED) else 1

    return found + [os.fspath(p) for p in sorted(system, key=rank)]


def _font_with(ch: str) -> str | None:
    """Name of the first fallback font that has `ch`, parsing candidates only as needed."""
    global _candidates
    code = ord(ch)
    for name, _path, cmap in _parsed:
        if code in cmap:
            return name
    if _candidates is None:
        _candidates = _search_order()
    while _candidates:
        path = _candidates.pop(0)
        try:
            cmap = TTFontFile(path).charToGlyph  # cheap: no glyph outlines are read
        except Exception:  # noqa: BLE001 - CFF outlines, broken or unreadable files
            continue
        name = f"{FONT_NAME}-fallback-{len(_parsed) + 1}"
        _parsed.append((name, path, cmap))
        if code in cmap:
            return name
    return None


def fallback_font(ch: str) -> str | None:
    """The registered font name that draws `ch` (main or fallback); None: only a placeholder."""
    register_cjk_font()
    assert _main_cmap is not None
    if ord(ch) in _main_cmap:
        return FONT_NAME
    with _lock:
        if ch not in _char_font:
            name = _font_with(ch)
            if name is not None and name not in pdfmetrics.getRegisteredFontNames():
                path = next(p for n, p, _ in _parsed if n == name)
                pdfmetrics.registerFont(TTFont(name, path))
            _char_font[ch] = name
        return _char_font[ch]


def unprintable(text: str) -> set[str]:
    """Characters of `text` that no available font has: they print as PLACEHOLDER."""
    return {ch for ch in missing_glyphs(text) if fallback_font(ch) is None}


@lru_cache(maxsize=65536)
def _runs(text: str) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for ch in text:
        if not _drawable(ch):
            ch = " "
        font = fallback_font(ch)
        if font is None:
            font, ch = FONT_NAME, PLACEHOLDER
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return tuple(out)


def runs(text: str) -> tuple[tuple[str, str], ...]:
    """`text` split into (font name, text) runs; unprintable characters become PLACEHOLDER."""
    register_cjk_font()
    assert _main_cmap is not None
    if text.isascii() and text.isprintable():
        return ((FONT_NAME, text),)  # the main font has all of printable ASCII
    return _runs(text)


def text_width(text: str, size: float) -> float:
    """Width in points of `text` drawn by draw_string at `size`."""
    return sum(pdfmetrics.stringWidth(run, font, size) for font, run in runs(text))


def draw_string(canvas, x: float, y: float, text: str, size: float, align: str = "left") -> None:
    """Draw one line of text at baseline y; align is left | right | center relative to x."""
    parts = runs(text)
    if align != "left":
        width = sum(pdfmetrics.stringWidth(run, font, size) for font, run in parts)
        x -= width if align == "right" else width / 2
    for font, run in parts:
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        if len(parts) > 1:
            x += pdfmetrics.stringWidth(run, font, size)
