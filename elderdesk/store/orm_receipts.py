"""ORM tables of the fee receipts (收费收据) and their yearly number counters."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from elderdesk.store.orm import Base


class ReceiptRow(Base):
    """One numbered receipt. What it printed is kept as printed (payer, item, office); a void
    marks it 作废 and keeps its number: rows are never deleted."""

    __tablename__ = "receipts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receipt_no: Mapped[str] = mapped_column(String(40))
    seq_year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    office_code: Mapped[str] = mapped_column(String(16))
    office_name: Mapped[str] = mapped_column(String(100))
    issued_on: Mapped[date] = mapped_column(Date, index=True)  # the day the fee was taken
    issued_at: Mapped[datetime] = mapped_column(DateTime)  # system clock
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    payer: Mapped[str] = mapped_column(String(30))
    id_number: Mapped[str] = mapped_column(String(18))
    item: Mapped[str] = mapped_column(String(60))
    amount_fen: Mapped[int] = mapped_column(Integer)
    clerk: Mapped[str] = mapped_column(String(64))
    card_id: Mapped[int | None] = mapped_column(ForeignKey("cards.id"))
    status: Mapped[str] = mapped_column(String(5))  # valid | void
    void_reason: Mapped[str | None] = mapped_column(Text)
    voided_by: Mapped[str | None] = mapped_column(String(64))
    voided_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (
        CheckConstraint("status IN ('valid','void')", name="ck_receipts_status"),
        CheckConstraint("amount_fen > 0", name="ck_receipts_amount"),
        Index("ux_receipts_no", "receipt_no", unique=True),
        Index("ux_receipts_seq", "seq_year", "seq", unique=True),
    )


class ReceiptCounterRow(Base):
    """The last receipt number used in a year: never reused, no gaps (as card_counters)."""

    __tablename__ = "receipt_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer)
