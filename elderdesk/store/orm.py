"""SQLAlchemy ORM tables: people, search keys, users, settings and the audit log."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    case,
    event,
    text,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, validates

from elderdesk.store.stamp import Stamp

# people.household_address holds this when the household address is the current address
# (migration 0008: stored only where it differs). PersonRow.household_address gives the text.
SAME_ADDRESS = ""


class Base(DeclarativeBase):
    pass


class PersonRow(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    id_number: Mapped[str] = mapped_column(String(18))
    name: Mapped[str] = mapped_column(String(64))
    sex: Mapped[str] = mapped_column(String(1))  # M | F
    ethnicity: Mapped[str | None] = mapped_column(String(32))
    birth_date: Mapped[date] = mapped_column(Date)
    household_stored: Mapped[str | None] = mapped_column("household_address", String(200))
    current_address: Mapped[str | None] = mapped_column(String(200))
    street: Mapped[str | None] = mapped_column(String(64))
    community: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(40))
    bank: Mapped[str | None] = mapped_column(String(64))
    account: Mapped[str | None] = mapped_column(String(40))
    household_type: Mapped[str | None] = mapped_column(String(10))  # local | nonlocal
    residence_permit_expiry: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="active")
    death_date: Mapped[date | None] = mapped_column(Date)
    moved_out_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    checksum_override: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(Stamp)
    updated_at: Mapped[datetime] = mapped_column(Stamp)
    # '' for the office's own registration; at a district the registering street's code
    # (migration 0011: a district may hold one ID from two streets, the 疑似重复 list).
    office: Mapped[str] = mapped_column(String(9), default="", server_default="")

    @hybrid_property
    def household_address(self) -> str | None:
        return self.current_address if self.household_stored == SAME_ADDRESS \
            else self.household_stored

    @household_address.inplace.setter
    def _household_address_set(self, value: str | None) -> None:
        self.household_stored = value

    @household_address.inplace.expression
    @classmethod
    def _household_address_expression(cls):  # type: ignore[no-untyped-def]
        return case((cls.household_stored == SAME_ADDRESS, cls.current_address),
                    else_=cls.household_stored)

    @validates("current_address")
    def _keep_household(self, _key: str, value: str | None) -> str | None:
        """A household address stored as 'the current one' keeps the old current text."""
        if self.household_stored == SAME_ADDRESS:
            self.household_stored = self.current_address
        return value

    __table_args__ = (
        CheckConstraint("status IN ('active','deceased','moved_out')", name="ck_people_status"),
        CheckConstraint("sex IN ('M','F')", name="ck_people_sex"),
        Index("ux_people_id_number", "id_number", "office", unique=True),
        # Name prefixes sorted by ID number from the index alone (migration 0004).
        Index("ix_people_name", "name", "id_number"),
    )


class PersonKeyRow(Base):
    """Pinyin-initials search keys: one row per reading combination of a person's name, with
    the person's ID number (kept in step by a trigger) so that matches sort from the index."""

    __tablename__ = "person_keys"

    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    id_number: Mapped[str] = mapped_column(String(18), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)

    __table_args__ = {"sqlite_with_rowid": False}


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    roles: Mapped[str] = mapped_column(String(100))  # comma-separated
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class PolicyRow(Base):
    """Each loaded allowance policy document (TOML); the newest one is in force."""

    __tablename__ = "policies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    loaded_at: Mapped[datetime] = mapped_column(DateTime)
    operator: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text)


class SettingRow(Base):
    """Office settings (office name, region code, keys, card numbering...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditRow(Base):
    """Append-only log; each record carries the previous record's hash (a chain)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(32))  # ISO timestamp, local time
    operator: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64), index=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_key: Mapped[str | None] = mapped_column(String(64), index=True)
    before_json: Mapped[str | None] = mapped_column(Text)
    after_json: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # ELDERDESK_TODAY when the record was written under it (migration 0006; hashed when set).
    # Deferred (loaded where asked for) and DEFAULT NULL (left out of an INSERT when unset): a
    # record reads and writes the same without it.
    today: Mapped[str | None] = mapped_column(String(10), deferred=True,
                                              server_default=text("NULL"))
    __mapper_args__ = {"eager_defaults": False}  # no RETURNING of `today` after an INSERT


Index("ix_people_community", PersonRow.community)


def compact_household(household: str | None, current: str | None) -> str | None:
    """What people.household_address stores: SAME_ADDRESS when it equals the current one."""
    return SAME_ADDRESS if household is not None and household == current else household


@event.listens_for(PersonRow, "before_insert")
@event.listens_for(PersonRow, "before_update")
def _store_household(_mapper, _conn, row: PersonRow) -> None:  # type: ignore[no-untyped-def]
    stored = compact_household(row.household_address, row.current_address)
    if stored != row.household_stored:
        row.household_stored = stored


# The allowance tables live in their own module; import it so Base.metadata knows them.
from elderdesk.store import orm_allowance as _orm_allowance  # noqa: E402,F401
from elderdesk.store import orm_cards as _orm_cards  # noqa: E402,F401
from elderdesk.store import orm_exchange as _orm_exchange  # noqa: E402,F401
from elderdesk.store import orm_receipts as _orm_receipts  # noqa: E402,F401
from elderdesk.store import orm_stats as _orm_stats  # noqa: E402,F401
