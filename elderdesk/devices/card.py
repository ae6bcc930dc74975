"""One read, checked like a typed ID: `read_card(reader)` → `ReadOutcome` (never raises for
what the device or the card did)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from elderdesk.devices.base import ERROR, NO_CARD, READY, UNAVAILABLE, CardData, Reader
from elderdesk.domain.errors import ElderError, message_for
from elderdesk.domain.idcard import SEX_LABELS, parse_id

log = logging.getLogger("elderdesk.devices")
# READER_* codes of a failed read → the status devices.md names
_STATUS_OF = {"READER_NOT_SET": UNAVAILABLE, "READER_UNAVAILABLE": UNAVAILABLE}


@dataclass
class ReadOutcome:
    """What `reader test` prints and what the GUI shows: the status, the card (read and
    checked: its ID is the valid 18-character number), warnings and, for an error, the reason."""

    driver: str
    status: str  # READY | NO_CARD | UNAVAILABLE | ERROR
    card: CardData | None = None
    warnings: list[str] = field(default_factory=list)
    error_code: str | None = None  # the READER_*/ID_* code behind UNAVAILABLE or ERROR
    id_number: str | None = None  # what the chip said, even when it failed the checks

    def to_json(self) -> dict[str, Any]:
        """devices.md's document; the reason of an error or unavailability is the first warning."""
        return {"driver": self.driver, "status": self.status,
                "card": self.card.to_json() if self.card else None,
                "warnings": list(self.warnings)}


def check_card(card: CardData, today: date) -> tuple[CardData, list[str]]:
    """The ID through domain/idcard (ElderError ID_* when it fails), expiry and field warnings."""
    from dataclasses import replace

    info = parse_id(card.id_number, today)
    warnings: list[str] = []
    if card.valid_to is not None and card.valid_to < today:
        warnings.append(message_for("READER_CARD_EXPIRED", date=card.valid_to.isoformat()))
    if card.birth_date != info.birth_date:
        warnings.append(message_for("READER_FIELD_MISMATCH", field="出生日期",
                                    given=card.birth_date.isoformat(),
                                    expected=info.birth_date.isoformat()))
    if card.sex != info.sex:
        warnings.append(message_for("READER_FIELD_MISMATCH", field="性别",
                                    given=SEX_LABELS.get(card.sex, card.sex),
                                    expected=SEX_LABELS[info.sex]))
    warnings.extend(card.notes)
    return replace(card, id_number=info.number), warnings


def read_card(reader: Reader | None, today: date, driver: str | None = None) -> ReadOutcome:
    """Open (if needed) and read once. A missing driver or device is UNAVAILABLE, no card
    NO_CARD, an unusable card ERROR with the reason; never an exception for those."""
    name = driver or (reader.driver if reader is not None else "none")
    if reader is None:
        return ReadOutcome(name, UNAVAILABLE, warnings=[message_for("READER_NOT_SET")],
                           error_code="READER_NOT_SET")
    try:
        reader.open()
        card = reader.read()
    except ElderError as exc:
        return ReadOutcome(name, _STATUS_OF.get(exc.code, ERROR), warnings=[exc.message],
                           error_code=exc.code)
    except Exception as exc:  # a driver fault: logged, said in Chinese, never a traceback
        log.exception("reader %s failed", name)
        error = ElderError("READER_UNAVAILABLE", driver=name, detail=type(exc).__name__)
        return ReadOutcome(name, UNAVAILABLE, warnings=[error.message], error_code=error.code)
    if card is None:
        note = getattr(reader, "note", None)  # why no card (folder: none, old, already read)
        return ReadOutcome(name, NO_CARD, warnings=[note] if note else [])
    try:
        checked, warnings = check_card(card, today)
    except ElderError as exc:
        return ReadOutcome(name, ERROR, warnings=[exc.message], error_code=exc.code,
                           id_number=card.id_number)
    return ReadOutcome(name, READY, checked, warnings, id_number=checked.id_number)
