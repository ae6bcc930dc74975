"""Senior cards: photos, cards, yearly number counters."""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "card_photos",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("original", sa.LargeBinary, nullable=False),
        sa.Column("original_format", sa.String(4), nullable=False),
        sa.Column("crop_x", sa.Integer, nullable=False),
        sa.Column("crop_y", sa.Integer, nullable=False),
        sa.Column("crop_w", sa.Integer, nullable=False),
        sa.Column("crop_h", sa.Integer, nullable=False),
        sa.Column("image", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
    )
    op.create_index("ix_card_photos_person_id", "card_photos", ["person_id"])
    op.create_table(
        "cards",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("card_no", sa.String(32), nullable=False),
        sa.Column("card_type", sa.String(4), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("reason", sa.String(10), nullable=False),
        sa.Column("issued_on", sa.Date, nullable=False),
        sa.Column("seq_year", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("fee_fen", sa.Integer, nullable=False),
        sa.Column("replaces_id", sa.Integer, sa.ForeignKey("cards.id")),
        sa.Column("photo_id", sa.Integer, sa.ForeignKey("card_photos.id")),
        sa.Column("qr", sa.Text, nullable=False),
        sa.Column("qr_mask", sa.Integer),
        sa.Column("issued_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("ended_on", sa.Date),
        sa.Column("end_reason", sa.String(10)),
        sa.Column("picked_up_on", sa.Date),
        sa.Column("agent_name", sa.String(30)),
        sa.Column("agent_id_number", sa.String(18)),
        sa.Column("pickup_recorded_by", sa.String(64)),
        sa.CheckConstraint("status IN ('valid','replaced','revoked')", name="ck_cards_status"),
        sa.CheckConstraint("card_type IN ('blue','red')", name="ck_cards_type"),
        sa.CheckConstraint("reason IN ('new','lost','damaged','upgrade','correction')",
                           name="ck_cards_reason"),
        sa.CheckConstraint("fee_fen >= 0", name="ck_cards_fee"),
    )
    op.create_index("ix_cards_person_id", "cards", ["person_id"])
    op.create_index("ux_cards_card_no", "cards", ["card_no"], unique=True)
    op.create_index("ux_cards_seq", "cards", ["seq_year", "seq"], unique=True)
    op.create_index("ux_cards_one_valid", "cards", ["person_id"], unique=True,
                    sqlite_where=sa.text("status = 'valid'"),
                    postgresql_where=sa.text("status = 'valid'"))
    op.create_table(
        "card_counters",
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("last_seq", sa.Integer, nullable=False),
    )
