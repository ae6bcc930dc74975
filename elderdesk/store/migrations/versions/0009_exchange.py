"""Street and district exchange (issue 15, multi-office.md §2-4): the partner offices, the
packages sent and received, and the travel identity of every record (owner, key, version).
Plain tables through Alembic's portable operations: the same DDL on SQLite and PostgreSQL
(store/orm_exchange.py describes them). Existing rows get their identity at the first export.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_partners",
        sa.Column("code", sa.String(9), primary_key=True),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("public_key", sa.Text, nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.Column("sent_seq", sa.Integer, nullable=False),
        sa.Column("sent_at", sa.DateTime),
        sa.Column("received_seq", sa.Integer, nullable=False),
        sa.Column("received_at", sa.DateTime),
        sa.Column("acked_seq", sa.Integer, nullable=False),
        sa.Column("acked_version", sa.Integer, nullable=False),
        sa.Column("received_version", sa.Integer, nullable=False),
        sa.Column("their_head_record", sa.Integer),
        sa.Column("their_head_sha", sa.String(64)),
        sa.Column("returned_head_record", sa.Integer),
        sa.Column("returned_head_sha", sa.String(64)),
        sa.Column("returned_at", sa.DateTime),
        sa.Column("payment", sa.String(8)),
    )
    op.create_table(
        "exchange_packages",
        sa.Column("partner", sa.String(9), primary_key=True),
        sa.Column("direction", sa.String(3), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("body_sha256", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "exchange_records",
        sa.Column("kind", sa.String(12), primary_key=True),
        sa.Column("owner", sa.String(9), primary_key=True),
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("local_id", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("body", sa.Text),
    )
    op.create_index("ux_exchange_records_local", "exchange_records", ["kind", "local_id"],
                    unique=True)
    op.create_index("ix_exchange_records_version", "exchange_records", ["owner", "version"])


def downgrade() -> None:
    op.drop_table("exchange_records")
    op.drop_table("exchange_packages")
    op.drop_table("exchange_partners")
