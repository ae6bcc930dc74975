"""ORM tables of the senior cards: cards, their photos, the yearly number counters."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from elderdesk.store.orm import Base


class CardPhotoRow(Base):
    """A person's photo: the file as given, the crop box, and the 1-inch rendition printed."""

    __tablename__ = "card_photos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    original: Mapped[bytes] = mapped_column(LargeBinary)
    original_format: Mapped[str] = mapped_column(String(4))  # jpeg | png
    crop_x: Mapped[int] = mapped_column(Integer)  # pixels of the upright (EXIF-rotated) image
    crop_y: Mapped[int] = mapped_column(Integer)
    crop_w: Mapped[int] = mapped_column(Integer)
    crop_h: Mapped[int] = mapped_column(Integer)
    image: Mapped[bytes] = mapped_column(LargeBinary)  # JPEG, 25 × 35 mm at 300 dpi
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))


class CardRow(Base):
    """One card ever issued; a reissue marks the old one replaced and adds a new row."""

    __tablename__ = "cards"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    card_no: Mapped[str] = mapped_column(String(32))
    card_type: Mapped[str] = mapped_column(String(4))
    status: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(String(10))  # new | lost | damaged | upgrade | correction
    issued_on: Mapped[date] = mapped_column(Date)
    seq_year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    fee_fen: Mapped[int] = mapped_column(Integer)
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("cards.id"))
    photo_id: Mapped[int | None] = mapped_column(ForeignKey("card_photos.id"))
    qr: Mapped[str] = mapped_column(Text)  # the exact signed EC1. token printed
    qr_mask: Mapped[int | None] = mapped_column(Integer)  # QR mask chosen at issue (fast reprint)
    issued_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(10))  # reissue reason | death
    picked_up_on: Mapped[date | None] = mapped_column(Date)
    agent_name: Mapped[str | None] = mapped_column(String(30))
    agent_id_number: Mapped[str | None] = mapped_column(String(18))
    pickup_recorded_by: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        CheckConstraint("status IN ('valid','replaced','revoked')", name="ck_cards_status"),
        CheckConstraint("card_type IN ('blue','red')", name="ck_cards_type"),
        CheckConstraint("reason IN ('new','lost','damaged','upgrade','correction')",
                        name="ck_cards_reason"),
        CheckConstraint("fee_fen >= 0", name="ck_cards_fee"),
        Index("ux_cards_card_no", "card_no", unique=True),
        Index("ux_cards_seq", "seq_year", "seq", unique=True),
        Index("ux_cards_one_valid", "person_id", unique=True, sqlite_where="status = 'valid'"),
    )


class CardCounterRow(Base):
    """The last sequence number used in a year: numbers are never reused and have no gaps."""

    __tablename__ = "card_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer)

