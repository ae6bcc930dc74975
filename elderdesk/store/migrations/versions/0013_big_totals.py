"""A roster's totals as BIGINT on PostgreSQL (issue 14).

A city's quarter pays more than 2^31 fen (21.4 million yuan; the bench city's 2026Q3 regular
total is 7,796,480,000 fen), which PostgreSQL's INTEGER cannot hold: freezing such a roster,
or `server copy` of a file holding one, failed there. SQLite's INTEGER already holds 64 bits:
nothing changes in a file.
"""

from alembic import op

from elderdesk.store import ddl

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

TOTALS = ("regular_fen", "arrears_fen", "recovery_fen")


def upgrade() -> None:
    if ddl.is_pg():
        for col in TOTALS:
            op.execute(f"ALTER TABLE rosters ALTER COLUMN {col} TYPE BIGINT")


def downgrade() -> None:
    if ddl.is_pg():
        for col in TOTALS:
            op.execute(f"ALTER TABLE rosters ALTER COLUMN {col} TYPE INTEGER")
