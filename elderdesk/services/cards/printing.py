"""Printing cards: gather the faces, apply the printer's calibration, write the PDF, audit it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from elderdesk.domain.cards import CALIBRATION_KEY, check_offset, parse_calibration
from elderdesk.domain.errors import ElderError
from elderdesk.domain.idcard import mask_id
from elderdesk.domain.person import SEX_NAMES
from elderdesk.domain.text import clean_text
from elderdesk.services import audit, settings
from elderdesk.services.auth import Operator, require
from elderdesk.services.cards import qr_token
from elderdesk.store import cards_repo as repo
from elderdesk.store.db import Database, Session

MODES = ("full", "overlay", "sheet")


@dataclass(frozen=True)
class PrintOutcome:
    cards: int
    pages: int
    warnings: tuple[tuple[str, dict], ...]  # (code, params) of MESSAGES, exit status 0


class CardOffset(NamedTuple):
    """A printer's calibration offset in mm (data-only printing on pre-printed stock)."""

    x_mm: float
    y_mm: float


def offset_in(s: Session, printer: str | None) -> CardOffset:
    """The calibration offset (mm) for a printer; "" holds the one for any other printer."""
    table = parse_calibration(settings.get(s, CALIBRATION_KEY))
    return CardOffset(*table.get(printer or "", table.get("", (0.0, 0.0))))


class CardPrinter:
    """Card PDFs for the counter: reprint, batches, overlay stock and its calibration."""

    def __init__(self, db: Database, cards) -> None:  # type: ignore[no-untyped-def]
        self.db = db
        self.cards = cards  # CardService: person lookup through its PeopleService

    def calibration(self, op: Operator, printer: str | None = None) -> CardOffset:
        require(op, "people.read")
        with self.db.read() as s:
            return offset_in(s, printer)

    def set_calibration(self, op: Operator, printer: str | None, x_mm: float,
                        y_mm: float) -> CardOffset:
        """Store a printer's X/Y offset in mm (audited as a settings change)."""
        require(op, "card.calibrate")
        x, y = check_offset("X", x_mm), check_offset("Y", y_mm)
        name = clean_text(printer)[:100]  # broken Unicode cannot be stored
        with self.db.write() as s:
            table = parse_calibration(settings.get(s, CALIBRATION_KEY))
            table[name] = (x, y)
            settings.put(s, op, CALIBRATION_KEY,
                         json.dumps({k: list(v) for k, v in sorted(table.items())},
                                    ensure_ascii=False))
        return CardOffset(x, y)

    def print_cards(self, op: Operator, id_numbers: list[str], path: Path, mode: str = "full",
                    printer: str | None = None, template: Path | None = None) -> PrintOutcome:
        """Write the valid cards of these people to one PDF (full | overlay | sheet)."""
        from elderdesk.reports.card_overlay import load_template
        from elderdesk.reports.card_pdf import CardFace, write_cards
        from elderdesk.reports.fonts import unprintable

        require(op, "card.print")
        if mode not in MODES:
            raise ElderError("INVALID_VALUE", field="--mode", value=mode,
                             detail="可选 full、overlay、sheet")
        if not id_numbers:
            raise ElderError("USAGE", detail="至少指定一个身份证号")
        tpl = load_template(template) if mode == "overlay" else None
        faces, warnings = [], []
        with self.db.read() as s:
            office = settings.get(s, "office.name") or ""
            offset = offset_in(s, printer)
            for value in id_numbers:
                person = self.cards.people.resolve(s, value)
                row = repo.valid_card(s, person.id)
                if row is None:
                    raise ElderError("CARD_NONE", name=person.name, id=person.id_number)
                faces.append(CardFace(
                    card_no=row.card_no, card_type=row.card_type, name=person.name,
                    sex=SEX_NAMES.get(person.sex, ""), ethnicity=person.ethnicity,
                    birth_date=person.birth_date, id_number=person.id_number,
                    address=person.current_address, issued_on=row.issued_on, office=office,
                    qr=row.qr, qr_mask=row.qr_mask,
                    photo=repo.latest_photo_image(s, person.id)))
                signed = qr_token.payload_of(row.qr)
                if (signed["name"], signed["id"]) != (person.name, mask_id(person.id_number)):
                    warnings.append(("CARD_DATA_CHANGED", {
                        "name": person.name, "id": person.id_number, "card_no": row.card_no}))
                missing = unprintable(person.name + (person.current_address or ""))
                if missing:
                    warnings.append(("CARD_GLYPH_MISSING", {
                        "name": person.name, "id": person.id_number,
                        "chars": "".join(sorted(missing))}))
        write_cards(path, faces, mode, template=tpl, offset=offset)
        pages = -(-len(faces) // 10) if mode == "sheet" else len(faces)
        with self.db.write() as s:
            audit.record(s, op, "card.print", "card", faces[0].id_number if len(faces) == 1
                         else None, None, {"cards": [f.card_no for f in faces], "mode": mode,
                                           "printer": printer, "offset": list(offset),
                                           "file": str(path)})
        return PrintOutcome(len(faces), pages, tuple(warnings))

    def calibration_page(self, op: Operator, path: Path, printer: str | None = None,
                         template: Path | None = None) -> CardOffset:
        """The overlay stock's test page with rulers, at the printer's current offset."""
        from elderdesk.reports.card_overlay import load_template, write_calibration_page

        require(op, "card.print")
        with self.db.read() as s:
            offset = offset_in(s, printer)
        write_calibration_page(path, load_template(template), offset, printer or "")
        return offset
