"""ORM tables of the counts the statistics read (migration 0012: kept by triggers, never
written by the program itself); the index of the arrears and recovery items is in orm_allowance."""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from elderdesk.store.orm import Base


class StatsPeopleRow(Base):
    """People by community ('' with known = 0: none), sex, status and birth month index."""

    __tablename__ = "stats_people"

    community: Mapped[str] = mapped_column(String(64), primary_key=True)
    known: Mapped[int] = mapped_column(Integer, primary_key=True)
    sex: Mapped[str] = mapped_column(String(1), primary_key=True)
    status: Mapped[str] = mapped_column(String(10), primary_key=True)
    birth_month: Mapped[int] = mapped_column(Integer, primary_key=True)
    n: Mapped[int] = mapped_column(Integer)

    __table_args__ = {"sqlite_with_rowid": False}


class StatsLedgerRow(Base):
    """The ledger's rows above zero by month and birth month: how many, and their sum."""

    __tablename__ = "stats_ledger"

    month: Mapped[int] = mapped_column(Integer, primary_key=True)
    birth_month: Mapped[int] = mapped_column(Integer, primary_key=True)
    people: Mapped[int] = mapped_column(Integer)
    fen: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = {"sqlite_with_rowid": False}
