"""The registering office of a person (issue 15, multi-office.md §5: duplicates across streets).

- `people.office`: '' for an office's own registrations (every row at a street); at a district
  the code of the street whose register the row came from. Filled here from the exchange
  records a district already holds.
- `ux_people_id_number` becomes unique on (id_number, office): a street still holds an ID once;
  a district can hold the same ID from two streets (both registrations visible in the 疑似重复
  list; a second approval of the ID is refused, so it is paid once). The index keeps its name
  and its leading column, so the search walks (`INDEXED BY ux_people_id_number`) stay as fast.

ADD COLUMN with a constant default rewrites no row on SQLite or PostgreSQL.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("people", sa.Column("office", sa.String(9), nullable=False,
                                      server_default=""))
    op.execute("UPDATE people SET office = (SELECT r.owner FROM exchange_records r "
               "WHERE r.kind = 'person' AND r.local_id = CAST(people.id AS VARCHAR(40))) "
               "WHERE EXISTS (SELECT 1 FROM exchange_records r WHERE r.kind = 'person' "
               "AND r.local_id = CAST(people.id AS VARCHAR(40)) AND r.owner <> '' "
               "AND length(r.owner) = 9) AND EXISTS (SELECT 1 FROM settings s "
               "WHERE s.key = 'office.level' AND s.value = 'district')")
    op.drop_index("ux_people_id_number", "people")
    op.create_index("ux_people_id_number", "people", ["id_number", "office"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_people_id_number", "people")
    op.create_index("ux_people_id_number", "people", ["id_number"], unique=True)
    op.drop_column("people", "office")
