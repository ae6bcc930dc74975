"""Fee receipts as printed and listed (收费收据, the day's 日结): pure values, money in fen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from elderdesk.domain.money import fen_to_capital, fen_to_str

STATUS_NAMES = {"valid": "有效", "void": "作废"}


@dataclass(frozen=True)
class Receipt:
    """One receipt as printed (and, once voided, why)."""

    no: str
    issued_on: date
    issued_at: datetime
    office: str
    payer: str
    id_number: str
    item: str
    amount_fen: int
    clerk: str
    status: str  # valid | void
    card_no: str | None = None
    void_reason: str | None = None
    voided_by: str | None = None
    voided_at: datetime | None = None

    @property
    def capital(self) -> str:
        return fen_to_capital(self.amount_fen)

    @property
    def valid(self) -> bool:
        return self.status == "valid"

    def to_json(self) -> dict[str, Any]:
        """One entry of `receipts --json` (cli.md)."""
        return {"no": self.no, "issued_on": self.issued_on.isoformat(),
                "issued_at": self.issued_at.isoformat(timespec="seconds"),
                "payer": self.payer, "id_number": self.id_number, "item": self.item,
                "amount": fen_to_str(self.amount_fen), "amount_capital": self.capital,
                "clerk": self.clerk, "card_no": self.card_no, "status": self.status,
                "void_reason": self.void_reason, "voided_by": self.voided_by}


@dataclass(frozen=True)
class DayReceipts:
    """A day's receipts in number order: the 日结."""

    day: date
    office: str
    receipts: tuple[Receipt, ...]

    @property
    def valid(self) -> tuple[Receipt, ...]:
        return tuple(r for r in self.receipts if r.valid)

    @property
    def total_fen(self) -> int:
        """What the clerk should hold: the valid receipts only."""
        return sum(r.amount_fen for r in self.valid)

    @property
    def void_count(self) -> int:
        return len(self.receipts) - len(self.valid)

    def to_json(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "receipts": [r.to_json() for r in self.receipts],
                "count": len(self.valid), "void_count": self.void_count,
                "total": fen_to_str(self.total_fen)}
