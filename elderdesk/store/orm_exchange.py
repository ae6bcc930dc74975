"""ORM tables of street and district exchange (multi-office.md §2-4, migration 0009).

- `exchange_partners`: the offices registered with `office add` (code, name, Ed25519 public
  key) with the state of each direction: sequence numbers sent and received, the audit head
  each side last sent (kept to return it) and returned (a package anchor), the highest version
  acknowledged, and the `payment` setting of a street at its district.
- `exchange_packages`: every package sent or received (partner, direction, seq) with the SHA-256
  of its body (a replay is recognised, a reused number refused) and, for sent ones, the highest
  own version it carried (`--since-seq N` starts after it).
- `exchange_records`: the travel identity of every record that leaves an office: (kind, owning
  office, key that never changes) -> the local row, the owner's version (a per-office counter
  that only grows) and the digest of the record's content when that version was given; a
  partner's record also keeps its content as received (`body`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from elderdesk.store.orm import Base


class PartnerRow(Base):
    __tablename__ = "exchange_partners"

    code: Mapped[str] = mapped_column(String(9), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    public_key: Mapped[str] = mapped_column(Text)
    added_at: Mapped[datetime] = mapped_column(DateTime)
    sent_seq: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    received_seq: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[datetime | None] = mapped_column(DateTime)
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)  # ours they said they hold
    acked_version: Mapped[int] = mapped_column(Integer, default=0)  # our highest they hold
    received_version: Mapped[int] = mapped_column(Integer, default=0)  # theirs we hold
    their_head_record: Mapped[int | None] = mapped_column(Integer)  # their head, to return
    their_head_sha: Mapped[str | None] = mapped_column(String(64))
    returned_head_record: Mapped[int | None] = mapped_column(Integer)  # ours they returned
    returned_head_sha: Mapped[str | None] = mapped_column(String(64))
    returned_at: Mapped[datetime | None] = mapped_column(DateTime)
    payment: Mapped[str | None] = mapped_column(String(8))  # street | district (at a district)
    # At a district (migration 0010): the package to the street that first carried the current
    # payment setting (in effect once the street acknowledges it), and the first period the
    # district pays the street (NULL: the street pays).
    payment_seq: Mapped[int | None] = mapped_column(Integer)
    pays_from: Mapped[str | None] = mapped_column(String(7))


class PackageRow(Base):
    __tablename__ = "exchange_packages"

    partner: Mapped[str] = mapped_column(String(9), primary_key=True)
    direction: Mapped[str] = mapped_column(String(3), primary_key=True)  # in | out
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    body_sha256: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)  # out: the highest own version carried
    at: Mapped[datetime] = mapped_column(DateTime)


class RecordRow(Base):
    __tablename__ = "exchange_records"
    __table_args__ = (Index("ux_exchange_records_local", "kind", "local_id", unique=True),
                      Index("ix_exchange_records_version", "owner", "version"))

    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    owner: Mapped[str] = mapped_column(String(9), primary_key=True)
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    local_id: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))
    body: Mapped[str | None] = mapped_column(Text)  # a partner's record as received (JSON)
