"""ORM tables of the allowance: enrollments, proofs of life, rosters, their lines and items, ledger."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from elderdesk.store.orm import Base
from elderdesk.store.stamp import Stamp

_TOTAL = Integer().with_variant(BigInteger(), "postgresql")


class EnrollmentRow(Base):
    """One application and, once approved, the enrollment it became."""

    __tablename__ = "enrollments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    status: Mapped[str] = mapped_column(String(10))
    applied_on: Mapped[date] = mapped_column(Date)
    applied_by: Mapped[str] = mapped_column(String(64))
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    reviewed_by: Mapped[str | None] = mapped_column(String(64))
    approved_on: Mapped[date | None] = mapped_column(Date)
    approved_by: Mapped[str | None] = mapped_column(String(64))
    decision_reason: Mapped[str | None] = mapped_column(Text)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(20))
    end_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(Stamp)
    # counter: accepted at the counter (its date is a proof of life); online: imported from the
    # city platform's export (allowance-rules.md section 4: not a proof of life). Migration
    # 0007; deferred and left to the server default when unset (as audit_log.today), so a row
    # reads and writes the same without them.
    source: Mapped[str] = mapped_column(String(8), server_default=text("'counter'"),
                                        deferred=True, deferred_group="source")
    agent_name: Mapped[str | None] = mapped_column(  # 代办人 (online)
        String(30), deferred=True, deferred_group="source")
    agent_phone: Mapped[str | None] = mapped_column(String(30), deferred=True,
                                                    deferred_group="source")

    __table_args__ = (
        CheckConstraint(
            "status IN ('applied','returned','reviewed','approved','rejected','cancelled','stopped')",
            name="ck_enrollments_status",
        ),
        CheckConstraint("source IN ('counter','online')", name="ck_enrollments_source"),
    )
    __mapper_args__ = {"eager_defaults": False}  # no RETURNING of `source` after an INSERT


class LifeCertRow(Base):
    """A proof of life: one per person and date (WITHOUT ROWID, migration 0008; a second one of
    the same day is a no-op), with the clerk's user id and the time recorded."""

    __tablename__ = "lifecerts"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True)
    cert_date: Mapped[date] = mapped_column(Date, primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(Stamp)

    __table_args__ = {"sqlite_with_rowid": False}


class RosterRow(Base):
    """A period's roster: at most one draft; frozen ones are immutable history."""

    __tablename__ = "rosters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(7))
    status: Mapped[str] = mapped_column(String(6))
    built_at: Mapped[datetime] = mapped_column(DateTime)
    built_by: Mapped[str] = mapped_column(String(64))
    built_audit_id: Mapped[int] = mapped_column(Integer)
    frozen_at: Mapped[datetime | None] = mapped_column(DateTime)
    frozen_by: Mapped[str | None] = mapped_column(String(64))  # the user who froze it
    # A street's roster frozen by its district: the district's code (migration 0010).
    frozen_by_office: Mapped[str | None] = mapped_column(String(9))
    people: Mapped[int] = mapped_column(Integer)
    # a city's quarter exceeds 2^31 fen: BIGINT on PostgreSQL (migration 0013; SQLite's
    # INTEGER holds 64 bits)
    regular_fen: Mapped[int] = mapped_column(_TOTAL)
    arrears_fen: Mapped[int] = mapped_column(_TOTAL)
    recovery_fen: Mapped[int] = mapped_column(_TOTAL)

    __table_args__ = (
        CheckConstraint("status IN ('draft','frozen')", name="ck_rosters_status"),
        Index("ux_rosters_frozen_period", "period", unique=True,
              sqlite_where="status = 'frozen'"),
        Index("ux_rosters_one_draft", "status", unique=True, sqlite_where="status = 'draft'"),
    )


class RosterSnapshotRow(Base):
    """What rosters printed of a person (ID, name, sex, birth date, street, community, bank,
    account), once while it does not change: made by the roster whose build first printed it
    (roster_id), shared by the person's later lines. Immutable once that roster is frozen."""

    __tablename__ = "roster_snapshots"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True)
    roster_id: Mapped[int] = mapped_column(ForeignKey("rosters.id"), primary_key=True)
    id_number: Mapped[str] = mapped_column(String(18))
    name: Mapped[str] = mapped_column(String(64))
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[date] = mapped_column(Date)
    street: Mapped[str | None] = mapped_column(String(64))
    community: Mapped[str | None] = mapped_column(String(64))
    bank: Mapped[str | None] = mapped_column(String(64))
    account: Mapped[str | None] = mapped_column(String(40))

    __table_args__ = {"sqlite_with_rowid": False}


class RosterLineRow(Base):
    """One person in one roster: what was paid, and (through the snapshot) what was printed."""

    __tablename__ = "roster_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    roster_id: Mapped[int] = mapped_column(ForeignKey("rosters.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    snapshot_roster_id: Mapped[int] = mapped_column(Integer)
    band: Mapped[str | None] = mapped_column(String(20))
    monthly_fen: Mapped[int] = mapped_column(Integer)
    paid_fen: Mapped[int] = mapped_column(Integer)
    recovery_fen: Mapped[int] = mapped_column(Integer)
    # At a district: the registering street's code (migration 0010); NULL at a street.
    office: Mapped[str | None] = mapped_column(String(9))

    __table_args__ = (
        Index("ux_roster_lines_person", "roster_id", "person_id", unique=True),
        ForeignKeyConstraint(["person_id", "snapshot_roster_id"],
                             ["roster_snapshots.person_id", "roster_snapshots.roster_id"]),
    )


class RosterItemRow(Base):
    """One month of one line (WITHOUT ROWID: a line has at most one item per month). Month as
    Month.index, kind as its position in domain.ledger.KINDS (0 regular, 1 arrears,
    2 recovery): migration 0008."""

    __tablename__ = "roster_items"

    line_id: Mapped[int] = mapped_column(ForeignKey("roster_lines.id", ondelete="CASCADE"),
                                         primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[int] = mapped_column(Integer, primary_key=True)
    amount_fen: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        CheckConstraint("kind IN (0, 1, 2)", name="ck_roster_items_kind"),
        CheckConstraint("amount_fen > 0", name="ck_roster_items_amount"),
        {"sqlite_with_rowid": False},
    )


# The statistics read the arrears and recovery items through this index (migration 0012).
Index("ix_roster_items_corrections", RosterItemRow.kind, RosterItemRow.line_id,
      RosterItemRow.month, sqlite_where=text("kind <> 0"), postgresql_where=text("kind <> 0"))


class LedgerRow(Base):
    """Net amount paid to a person for a month (Month.index, migration 0008) by frozen
    rosters."""

    __tablename__ = "ledger"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)
    paid_fen: Mapped[int] = mapped_column(Integer)

    __table_args__ = {"sqlite_with_rowid": False}


class RecoveryRow(Base):
    """Money owed back, from a frozen roster's recovery items; settled when repaid."""

    __tablename__ = "recoveries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    roster_id: Mapped[int] = mapped_column(ForeignKey("rosters.id"))
    period: Mapped[str] = mapped_column(String(7))
    month: Mapped[str] = mapped_column(String(7))
    amount_fen: Mapped[int] = mapped_column(Integer)
    settled_on: Mapped[date | None] = mapped_column(Date)
    settled_by: Mapped[str | None] = mapped_column(String(64))
