"""The district roster (issue 15, multi-office.md §3 and §5).

- `rosters.frozen_by_office`: the district's code on a roster the district froze and a street
  received (NULL for an office's own rosters; `frozen_by` stays the user who froze).
- `roster_lines.office`: the registering street of the line's person (a district's lines;
  NULL at a street, whose lines are all its own).
- `exchange_partners.payment_seq`: at a district, the number of the package to that street
  that first carried its current `payment` setting (the setting takes effect when the street
  acknowledges it); `exchange_partners.pays_from`: the first period the district pays that
  street (NULL: the street pays).

Nullable columns without a default: no row is rewritten (the frozen-roster triggers are not
involved) and a NULL costs about a byte a row; the same DDL on SQLite and PostgreSQL.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("rosters", sa.Column("frozen_by_office", sa.String(9)))
    op.add_column("roster_lines", sa.Column("office", sa.String(9)))
    op.add_column("exchange_partners", sa.Column("payment_seq", sa.Integer))
    op.add_column("exchange_partners", sa.Column("pays_from", sa.String(7)))


def downgrade() -> None:
    op.drop_column("exchange_partners", "pays_from")
    op.drop_column("exchange_partners", "payment_seq")
    op.drop_column("roster_lines", "office")
    op.drop_column("rosters", "frozen_by_office")
