"""Photos travel as hashes only (multi-office.md §4): a street's person record carries the
SHA-256 of the latest 1-inch photo (the one its cards print), never the image; a new photo is
a change of the person."""

from __future__ import annotations

import hashlib
import io
import json
import random
from datetime import date

from PIL import Image

from elderdesk.domain.person import PersonInput
from tests.helpers import make_id
from tests.services.test_cards import image_bytes


def noise(size=(600, 800)) -> bytes:
    """A photo that does not compress (its JPEG tens of kB)."""
    out = io.BytesIO()
    Image.frombytes("RGB", size, random.Random(size[0]).randbytes(size[0] * size[1] * 3)).save(
        out, "PNG")
    return out.getvalue()


def _people(path) -> list[dict]:  # type: ignore[no-untyped-def]
    lines = path.read_text(encoding="utf-8").splitlines()[2:]  # after header and signature
    return [r for r in map(json.loads, lines) if r["kind"] == "person"]


def test_a_person_travels_with_the_photos_hash_not_the_image(offices, tmp_path, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-03-10")
    a = offices["a"]
    svc, number = a.services, make_id("1940-01-01", 11)
    svc.people.add(a.clerk, PersonInput(number, "欧阳秀英", community="民意社区"))
    svc.cards.issue(a.clerk, number, date(2026, 3, 2), noise())
    printed = svc.cards.photo(a.clerk, number)

    first = tmp_path / "a1.edx"
    svc.exchange.export(a.admin, first)
    (card,) = _people(first)
    assert card["data"]["photo_sha256"] == hashlib.sha256(printed).hexdigest()
    assert len(first.read_bytes()) < len(printed)  # the image itself never travels

    svc.cards.set_photo(a.clerk, number, image_bytes((800, 600)))  # a new photo
    second = tmp_path / "a2.edx"
    svc.exchange.export(a.admin, second)
    (again,) = _people(second)
    assert again["version"] > card["version"]
    assert again["data"]["photo_sha256"] == hashlib.sha256(
        svc.cards.photo(a.clerk, number)).hexdigest() != card["data"]["photo_sha256"]
    district = offices["district"]
    for package in (first, second):  # the district keeps the record as received
        assert district.services.exchange.import_file(district.admin, package).counts[
            "person"] == 1
