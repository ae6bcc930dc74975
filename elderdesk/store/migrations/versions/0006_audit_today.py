"""The audit log records ELDERDESK_TODAY: `audit_log.today`, the date a record was written under
when that variable was set (NULL otherwise, and for every record written before).

Its `at` is the system clock's; `today` is covered by the record's hash when set (one more
field at the end of the hashed list), so the hash of every earlier record stays as it was.
Adding a nullable column rewrites no row: the append-only triggers are not involved.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("today", sa.String(10), server_default=sa.text("NULL")))


def downgrade() -> None:
    op.drop_column("audit_log", "today")
