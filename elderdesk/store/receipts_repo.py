"""Queries for fee receipts and their yearly number counters."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from elderdesk.store.orm_cards import CardRow
from elderdesk.store.orm_receipts import ReceiptCounterRow, ReceiptRow


class DayReceipt(NamedTuple):
    """A receipt of the day and the number of the card it was for (None: no card)."""

    receipt: ReceiptRow
    card_no: str | None


def next_seq(session: Session, year: int) -> int:
    """Take the next receipt number of a year. The caller's write transaction (BEGIN IMMEDIATE)
    serialises writers and a rollback gives the number back: no gaps, no reuse."""
    row = session.get(ReceiptCounterRow, year)
    if row is None:
        row = ReceiptCounterRow(year=year, last_seq=0)
        session.add(row)
    row.last_seq += 1
    session.flush()
    return row.last_seq


def by_no(session: Session, receipt_no: str) -> ReceiptRow | None:
    return session.execute(
        select(ReceiptRow).where(ReceiptRow.receipt_no == receipt_no)).scalar_one_or_none()


def of_day(session: Session, day: date) -> list[DayReceipt]:
    """The receipts dated `day` in number order, with the card number each was for."""
    return [DayReceipt(r, no) for r, no in session.execute(
        select(ReceiptRow, CardRow.card_no).outerjoin(CardRow, CardRow.id == ReceiptRow.card_id)
        .where(ReceiptRow.issued_on == day).order_by(ReceiptRow.seq_year, ReceiptRow.seq)).all()]


def card_no_of(session: Session, row: ReceiptRow) -> str | None:
    if row.card_id is None:
        return None
    return session.execute(select(CardRow.card_no).where(CardRow.id == row.card_id)).scalar()


def latest_for_card(session: Session, card_id: int) -> ReceiptRow | None:
    return session.execute(
        select(ReceiptRow).where(ReceiptRow.card_id == card_id).order_by(ReceiptRow.id.desc())
        .limit(1)).scalar_one_or_none()
