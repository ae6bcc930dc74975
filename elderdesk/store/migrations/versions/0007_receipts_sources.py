"""Fee receipts and where an application came from (issue 16).

`receipts` and `receipt_counters`: numbered 收费收据 for card fees, gap-free per year like the
cards. `enrollments.source`: 'counter' (accepted at the counter: the elder's ID original was
seen, so its date is a proof of life) or 'online' (imported from the city platform's export:
not a proof of life); every existing application was taken at the counter. `agent_name` and
`agent_phone`: the 代办人 of an online application. Adding columns with a constant default
rewrites no row.
"""

import sqlalchemy as sa
from alembic import op

from elderdesk.store import ddl

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "receipts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("receipt_no", sa.String(40), nullable=False),
        sa.Column("seq_year", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("office_code", sa.String(16), nullable=False),
        sa.Column("office_name", sa.String(100), nullable=False),
        sa.Column("issued_on", sa.Date, nullable=False),
        sa.Column("issued_at", sa.DateTime, nullable=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("payer", sa.String(30), nullable=False),
        sa.Column("id_number", sa.String(18), nullable=False),
        sa.Column("item", sa.String(60), nullable=False),
        sa.Column("amount_fen", sa.Integer, nullable=False),
        sa.Column("clerk", sa.String(64), nullable=False),
        sa.Column("card_id", sa.Integer, sa.ForeignKey("cards.id")),
        sa.Column("status", sa.String(5), nullable=False),
        sa.Column("void_reason", sa.Text),
        sa.Column("voided_by", sa.String(64)),
        sa.Column("voided_at", sa.DateTime),
        sa.CheckConstraint("status IN ('valid','void')", name="ck_receipts_status"),
        sa.CheckConstraint("amount_fen > 0", name="ck_receipts_amount"),
    )
    op.create_index("ix_receipts_issued_on", "receipts", ["issued_on"])
    op.create_index("ix_receipts_person_id", "receipts", ["person_id"])
    op.create_index("ux_receipts_no", "receipts", ["receipt_no"], unique=True)
    op.create_index("ux_receipts_seq", "receipts", ["seq_year", "seq"], unique=True)
    # A receipt is never deleted (its number would leave a gap) and keeps what it printed; a
    # void one stays void.
    ddl.refuse("receipts_no_delete", "receipts", "DELETE", "receipts are never deleted")
    printed = " OR ".join(f"new.{c} IS NOT old.{c}" for c in (
        "receipt_no", "seq", "seq_year", "amount_fen", "payer", "id_number", "item", "issued_on"))
    when = f"{printed} OR old.status = 'void'"
    ddl.refuse("receipts_as_printed", "receipts", "UPDATE", "a receipt keeps what it printed",
               when, when.replace(" IS NOT ", " IS DISTINCT FROM "))
    op.create_table(
        "receipt_counters",
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("last_seq", sa.Integer, nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":  # ADD COLUMN with its CHECK, no table rebuild
        op.execute("ALTER TABLE enrollments ADD COLUMN source VARCHAR(8) NOT NULL "
                   "DEFAULT 'counter' CONSTRAINT ck_enrollments_source "
                   "CHECK (source IN ('counter','online'))")
    else:
        op.add_column("enrollments", sa.Column("source", sa.String(8), nullable=False,
                                               server_default="counter"))
        op.create_check_constraint("ck_enrollments_source", "enrollments",
                                   "source IN ('counter','online')")
    op.add_column("enrollments", sa.Column("agent_name", sa.String(30)))
    op.add_column("enrollments", sa.Column("agent_phone", sa.String(30)))


def downgrade() -> None:
    with op.batch_alter_table("enrollments") as batch:
        batch.drop_column("agent_phone")
        batch.drop_column("agent_name")
        batch.drop_column("source")
    op.drop_table("receipt_counters")
    op.execute("DROP TRIGGER IF EXISTS receipts_as_printed")
    op.execute("DROP TRIGGER IF EXISTS receipts_no_delete")
    op.drop_table("receipts")
