"""A compact allowance history (P11: the city register's file 1,709 → 1,283 MB; ceiling 1 GB).

- `ledger` WITHOUT ROWID: the (person_id, month) key was stored twice (rowid table and its
  primary-key index); now once, in the order it is read.
- `roster_items` WITHOUT ROWID keyed (line_id, month, kind): no id, no line_id index (a line
  has at most one item per month).
- `roster_snapshots`: what a roster printed of a person (ID number, name, sex, birth date,
  street, community, bank, account), stored once per person while it does not change and
  shared by that person's lines; keyed (person_id, roster_id), roster_id being the roster whose
  build first printed it. A line refers to its snapshot by (person_id, snapshot_roster_id).
  A snapshot made by a frozen roster is immutable like the roster; one made by a draft goes
  with the draft.

Months stay 'YYYY-MM' text. The tables are rebuilt: children before parents are dropped, so no
ON DELETE CASCADE runs (foreign keys are on during migrations).
"""

from alembic import op
from sqlalchemy import text

from elderdesk.store import ddl

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

PRINTED = ("id_number", "name", "sex", "birth_date", "street", "community", "bank", "account")

_LEDGER = (
    "CREATE TABLE {name} ("
    "person_id INTEGER NOT NULL, "
    "month VARCHAR(7) NOT NULL, "
    "paid_fen INTEGER NOT NULL, "
    "PRIMARY KEY (person_id, month), "
    "FOREIGN KEY(person_id) REFERENCES people (id)) WITHOUT ROWID"
)
_SNAPSHOTS = (
    "CREATE TABLE roster_snapshots ("
    "person_id INTEGER NOT NULL, "
    "roster_id INTEGER NOT NULL, "
    "id_number VARCHAR(18) NOT NULL, "
    "name VARCHAR(64) NOT NULL, "
    "sex VARCHAR(1) NOT NULL, "
    "birth_date DATE NOT NULL, "
    "street VARCHAR(64), "
    "community VARCHAR(64), "
    "bank VARCHAR(64), "
    "account VARCHAR(40), "
    "PRIMARY KEY (person_id, roster_id), "
    "FOREIGN KEY(person_id) REFERENCES people (id), "
    "FOREIGN KEY(roster_id) REFERENCES rosters (id)) WITHOUT ROWID"
)
_LINES = (
    "CREATE TABLE roster_lines_new ("
    "id INTEGER NOT NULL, "
    "roster_id INTEGER NOT NULL, "
    "person_id INTEGER NOT NULL, "
    "snapshot_roster_id INTEGER NOT NULL, "
    "band VARCHAR(20), "
    "monthly_fen INTEGER NOT NULL, "
    "paid_fen INTEGER NOT NULL, "
    "recovery_fen INTEGER NOT NULL, "
    "PRIMARY KEY (id), "
    "FOREIGN KEY(roster_id) REFERENCES rosters (id) ON DELETE CASCADE, "
    "FOREIGN KEY(person_id) REFERENCES people (id), "
    "FOREIGN KEY(person_id, snapshot_roster_id) "
    "REFERENCES roster_snapshots (person_id, roster_id))"
)
_ITEMS = (
    "CREATE TABLE roster_items_new ("
    "line_id INTEGER NOT NULL, "
    "month VARCHAR(7) NOT NULL, "
    "kind VARCHAR(8) NOT NULL, "
    "amount_fen INTEGER NOT NULL, "
    "PRIMARY KEY (line_id, month, kind), "
    "CONSTRAINT ck_roster_items_kind CHECK (kind IN ('regular','arrears','recovery')), "
    "CONSTRAINT ck_roster_items_amount CHECK (amount_fen > 0), "
    "FOREIGN KEY(line_id) REFERENCES roster_lines_new (id) ON DELETE CASCADE) WITHOUT ROWID"
)
_FROZEN = {
    "roster_lines": "(SELECT status FROM rosters WHERE id = old.roster_id) = 'frozen'",
    "roster_items": "(SELECT r.status FROM rosters r JOIN roster_lines l ON l.roster_id = r.id"
                    " WHERE l.id = old.line_id) = 'frozen'",
    "roster_snapshots": "(SELECT status FROM rosters WHERE id = old.roster_id) = 'frozen'",
}


def _frozen_triggers(tables: tuple[str, ...]) -> None:
    """Frozen rosters, their lines, items and snapshots are history: the database refuses
    changes (the same triggers as 0002's, on the rebuilt tables)."""
    for table in tables:
        for event in ("UPDATE", "DELETE"):
            ddl.refuse(f"{table}_frozen_no_{event.lower()}", table, event,
                       "frozen roster is immutable", _FROZEN[table])


def _count(table: str) -> int:
    return op.get_bind().execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def upgrade() -> None:
    # The ledger: copied in key order into a WITHOUT ROWID table.
    ddl.table(_LEDGER.format(name="ledger_new"))
    op.execute("INSERT INTO ledger_new (person_id, month, paid_fen) "
               "SELECT person_id, month, paid_fen FROM ledger ORDER BY person_id, month")
    op.execute("DROP TABLE ledger")
    ddl.rename_table("ledger_new", "ledger")

    # One snapshot per person and distinct printed data, made by the first roster printing it.
    cols = ", ".join(PRINTED)
    ddl.table(_SNAPSHOTS)
    op.execute(f"INSERT INTO roster_snapshots (person_id, roster_id, {cols}) "
               f"SELECT person_id, min(roster_id), {cols} FROM roster_lines "
               f"GROUP BY person_id, {cols} ORDER BY person_id, 2")
    same = " AND ".join(f"s.{c} {'IS NOT DISTINCT FROM' if ddl.is_pg() else 'IS'} l.{c}"
                        for c in PRINTED)
    ddl.table(_LINES)
    op.execute(
        "INSERT INTO roster_lines_new (id, roster_id, person_id, snapshot_roster_id, band, "
        "monthly_fen, paid_fen, recovery_fen) "
        "SELECT l.id, l.roster_id, l.person_id, s.roster_id, l.band, l.monthly_fen, l.paid_fen, "
        "l.recovery_fen FROM roster_lines l JOIN roster_snapshots s "
        f"ON s.person_id = l.person_id AND {same} ORDER BY l.id")
    if _count("roster_lines_new") != _count("roster_lines"):
        raise RuntimeError("0005: a roster line found no snapshot")
    ddl.table(_ITEMS)
    op.execute("INSERT INTO roster_items_new (line_id, month, kind, amount_fen) "
               "SELECT line_id, month, kind, amount_fen FROM roster_items "
               "ORDER BY line_id, month, kind")
    if _count("roster_items_new") != _count("roster_items"):
        raise RuntimeError("0005: two items of one line, month and kind")
    # Children first: dropping a parent with foreign keys on deletes its rows (and cascades).
    op.execute("DROP TABLE roster_items")
    op.execute("DROP TABLE roster_lines")
    ddl.rename_table("roster_lines_new", "roster_lines")  # items follow the rename
    ddl.rename_table("roster_items_new", "roster_items")
    op.execute("CREATE UNIQUE INDEX ux_roster_lines_person ON roster_lines (roster_id, person_id)")
    op.execute("CREATE INDEX ix_roster_lines_person_id ON roster_lines (person_id)")
    _frozen_triggers(("roster_lines", "roster_items", "roster_snapshots"))


def downgrade() -> None:
    raise NotImplementedError("0005 is not reversible: restore the backup made before it")
