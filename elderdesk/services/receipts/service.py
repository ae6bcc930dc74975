"""Fee receipts (收费收据): a card issue or reissue that takes a fee numbers one in the same
transaction (`SJ{office code}{year}` + 6 digits, gap-free per year like the cards); an approver
voids one (作废), keeping its number; a day's receipts with the total of the valid ones make
the clerk's cash-up (日结), printed as PDF or written as a workbook."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from elderdesk.domain.cards import REASON_NAMES
from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import TEXT_FIELDS, field_problem
from elderdesk.domain.receipts import DayReceipts, Receipt
from elderdesk.domain.text import clean_text
from elderdesk.services import audit, settings
from elderdesk.services.auth import Operator, require
from elderdesk.services.clock import now, today
from elderdesk.store import cards_repo, office_repo
from elderdesk.store import receipts_repo as repo
from elderdesk.store.db import Database, Session
from elderdesk.store.orm import PersonRow
from elderdesk.store.orm_cards import CardRow
from elderdesk.store.orm_receipts import ReceiptRow

PREFIX = "SJ"
DIGITS = 6
__all__ = ["DayReceipts", "Receipt", "ReceiptService", "issue_receipt"]


def to_receipt(row: ReceiptRow, card_no: str | None = None) -> Receipt:
    return Receipt(row.receipt_no, row.issued_on, row.issued_at, row.office_name, row.payer,
                   row.id_number, row.item, row.amount_fen, row.clerk, row.status, card_no,
                   row.void_reason, row.voided_by, row.voided_at)


def receipt_audit(row: ReceiptRow) -> dict[str, Any]:
    return {k: getattr(row, k) for k in (
        "receipt_no", "issued_on", "payer", "item", "amount_fen", "clerk", "status",
        "void_reason")}


def office_code(s: Session) -> str:
    """The office code numbers carry (cli.md): the full street code once set, else the
    6-digit region code (store/office_repo.office_code, the one source)."""
    return office_repo.office_code(s)


def clean_no(text: str) -> str:
    """A typed receipt number: full-width forms, spaces and case forgiven."""
    return "".join(unicodedata.normalize("NFKC", str(text)).split()).upper()


def card_item(reason: str) -> str:
    return f"老年证工本费（{REASON_NAMES[reason]}）"


def issue_receipt(s: Session, op: Operator, person: PersonRow, card: CardRow) -> ReceiptRow:
    """Number and record the receipt of a card's fee, inside the card's own transaction: a
    rollback gives the number back (no gap); a number once committed is never taken again."""
    on = card.issued_on
    seq = repo.next_seq(s, on.year)
    if seq >= 10 ** DIGITS:
        raise ElderError("RECEIPT_NUMBERS_EXHAUSTED", year=on.year, max=10 ** DIGITS - 1)
    row = ReceiptRow(receipt_no=f"{PREFIX}{office_code(s)}{on.year:04d}{seq:0{DIGITS}d}",
                     seq_year=on.year, seq=seq, office_code=office_code(s),
                     office_name=settings.get(s, "office.name") or "", issued_on=on,
                     issued_at=now(), person_id=person.id, payer=person.name,
                     id_number=person.id_number, item=card_item(card.reason),
                     amount_fen=card.fee_fen, clerk=op.name, card_id=card.id, status="valid")
    s.add(row)
    s.flush()
    audit.record(s, op, "receipt.issue", "receipt", person.id_number, None,
                 {**receipt_audit(row), "card_no": card.card_no})
    return row


class ReceiptService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def day(self, op: Operator, on: date | None = None) -> DayReceipts:
        """The receipts dated `on` (default today), valid and void, in number order."""
        require(op, "receipt.read")
        on = on or today()
        with self.db.read() as s:
            rows = repo.of_day(s, on)
            return DayReceipts(on, settings.get(s, "office.name") or "",
                               tuple(to_receipt(r.receipt, r.card_no) for r in rows))

    def get(self, op: Operator, no: str) -> Receipt:
        require(op, "receipt.read")
        with self.db.read() as s:
            row = self._row(s, no)
            return to_receipt(row, repo.card_no_of(s, row))

    def for_card(self, op: Operator, card_no: str) -> Receipt | None:
        """The receipt of a card's fee (None for a card issued free)."""
        require(op, "receipt.read")

        with self.db.read() as s:
            card = cards_repo.by_card_no(s, card_no)
            row = repo.latest_for_card(s, card.id) if card is not None else None
            return to_receipt(row, card_no) if row is not None else None

    def void(self, op: Operator, no: str, reason: str) -> Receipt:
        """Mark a receipt 作废 (approver; never one's own): it keeps its number and leaves the
        day's total; the card it was for is not touched."""
        require(op, "receipt.void")
        reason = clean_text(reason) if reason else ""
        if not reason:
            raise ElderError("REASON_REQUIRED")
        problem = field_problem("notes", reason)
        if problem is not None:
            raise ElderError(problem, field="作废原因", max=TEXT_FIELDS["notes"][1])
        with self.db.write() as s:
            row = self._row(s, no)
            if row.status == "void":
                raise ElderError("RECEIPT_VOID", no=row.receipt_no, reason=row.void_reason)
            if row.clerk == op.name:
                raise ElderError("RECEIPT_OWN", no=row.receipt_no)
            before = receipt_audit(row)
            row.status, row.void_reason, row.voided_by, row.voided_at = (
                "void", reason, op.name, now())
            audit.record(s, op, "receipt.void", "receipt", row.id_number, before,
                         receipt_audit(row))
            return to_receipt(row, repo.card_no_of(s, row))

    def print_pdf(self, op: Operator, no: str, path: Path | str) -> Receipt:
        """Print one receipt (a void one carries 作废 across it); audited, so every copy that
        left the office is known."""
        require(op, "receipt.print")
        from elderdesk.reports.receipt_pdf import write_receipt_pdf

        with self.db.write() as s:
            row = self._row(s, no)
            receipt = to_receipt(row, repo.card_no_of(s, row))
            write_receipt_pdf(Path(path), receipt)
            audit.record(s, op, "receipt.print", "receipt", row.id_number, None,
                         {"receipt_no": row.receipt_no, "status": row.status})
            return receipt

    def export_day(self, op: Operator, on: date | None = None, *, pdf: Path | None = None,
                   xlsx: Path | None = None) -> DayReceipts:
        """The 日结 of a day as PDF and/or workbook."""
        day = self.day(op, on)
        if pdf is not None:
            from elderdesk.reports.receipt_pdf import write_day_pdf

            write_day_pdf(Path(pdf), day, op.name)
        if xlsx is not None:
            from elderdesk.reports.receipt_xlsx import write_day_xlsx

            write_day_xlsx(Path(xlsx), day)
        return day

    @staticmethod
    def _row(s: Session, no: str) -> ReceiptRow:
        number = clean_no(no)
        row = repo.by_no(s, number)
        if row is None:
            raise ElderError("RECEIPT_NOT_FOUND", no=number or no)
        return row
