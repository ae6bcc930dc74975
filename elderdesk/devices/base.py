"""The reader interface and what a read gives: `Reader`, `CardData`, the status words."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# What a reader (or a read) is in: devices.md's JSON "status".
READY = "ready"  # the device answers (status) / a card was read (read)
NO_CARD = "no_card"  # the device answers, no (new) card on it
UNAVAILABLE = "unavailable"  # no driver set, library or device missing, port not found
ERROR = "error"  # a card was there but what it gave is unusable (checksum, half-written file)
STATUSES = (READY, NO_CARD, UNAVAILABLE, ERROR)


@dataclass(frozen=True)
class CardData:
    """The fields of the card as the chip gives them (before any check)."""

    name: str
    sex: str  # "M" | "F"
    nation: str  # the name, e.g. "汉"
    birth_date: date
    address: str
    id_number: str
    authority: str
    valid_from: date | None
    valid_to: date | None  # None for 长期
    photo: bytes | None = None  # a BMP (folder, termb, decoded WLT), or what a service sent
    photo_format: str | None = None  # "bmp" | "jpeg" | "png" | None
    notes: tuple[str, ...] = field(default=(), compare=False)  # the driver's remarks (no photo…)

    def to_json(self) -> dict[str, Any]:
        """devices.md's "card" object (full ID, like every JSON of the CLI)."""
        return {"id_number": self.id_number, "name": self.name, "sex": self.sex,
                "nation": self.nation, "birth_date": self.birth_date.isoformat(),
                "address": self.address, "authority": self.authority,
                "valid_from": self.valid_from.isoformat() if self.valid_from else None,
                "valid_to": self.valid_to.isoformat() if self.valid_to else None,
                "photo": self.photo is not None}


class Reader(ABC):
    """One card reader. Nothing is loaded before `open`; `close` may be called at any time.

    Errors are `ElderError`s with READER_* codes (Chinese messages from domain/errors.py):
    READER_UNAVAILABLE from open/status/read when the device or library is not there,
    READER_CARD_INCOMPLETE / READER_CARD_INVALID from read when the card data is unusable."""

    driver = ""  # "folder" | "termb" | "sdtapi" | "service" | "none"

    @abstractmethod
    def open(self) -> None:
        """Load the library, find the port, connect (idempotent)."""

    @abstractmethod
    def status(self) -> str:
        """READY, NO_CARD or UNAVAILABLE, without reading a card where the driver can tell."""

    @abstractmethod
    def read(self) -> CardData | None:
        """The card on the reader, or None when there is none (or no new one)."""

    @abstractmethod
    def close(self) -> None:
        """Release the port and the library handle (idempotent)."""

    def describe(self) -> str:
        """The driver and its argument, for people (e.g. "folder /media/cards")."""
        return self.driver

    def __enter__(self) -> Reader:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
