"""The manual's images: every linked image exists, every image in docs/manual/images is linked."""

from __future__ import annotations

import re
from pathlib import Path

MANUAL = Path(__file__).resolve().parent.parent / "docs" / "manual"
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s#]+\.md)\)")


def _pages() -> list[Path]:
    return sorted(MANUAL.glob("*.md"))


def _linked_images() -> dict[Path, list[str]]:
    """Image path (resolved) → the pages linking it."""
    linked: dict[Path, list[str]] = {}
    for page in _pages():
        for target in IMAGE.findall(page.read_text(encoding="utf-8")):
            linked.setdefault((page.parent / target).resolve(), []).append(page.name)
    return linked


def test_manual_has_pages_and_images() -> None:
    assert (MANUAL / "README.md").exists()
    assert len(_pages()) > 1
    assert list((MANUAL / "images").glob("*.png"))


def test_every_linked_image_exists() -> None:
    missing = {str(p.relative_to(MANUAL)): pages for p, pages in _linked_images().items()
               if not p.is_file()}
    assert not missing, f"linked but missing (run `make screenshots`): {missing}"


def test_every_image_is_linked() -> None:
    linked = _linked_images()
    stale = sorted(p.name for p in (MANUAL / "images").glob("*.png") if p.resolve() not in linked)
    assert not stale, f"images no page links (stale, or not yet described): {stale}"


def test_every_page_is_reachable_and_links_resolve() -> None:
    toc = set(LINK.findall((MANUAL / "README.md").read_text(encoding="utf-8")))
    chapters = {p.name for p in _pages()} - {"README.md"}
    assert chapters <= toc, f"chapters missing from the table of contents: {chapters - toc}"
    for page in _pages():
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            assert (page.parent / target).is_file(), f"{page.name} links missing {target}"
