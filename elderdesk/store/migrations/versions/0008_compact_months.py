"""A compact file (P11: the city register under 1 GB; bench/README.md names the steps).

- `ledger.month` and `roster_items.month` hold Month.index (year * 12 + month - 1) instead of
  'YYYY-MM'; `roster_items.kind` the position in domain.ledger.KINDS (0 regular, 1 arrears,
  2 recovery). Both tables rebuilt WITHOUT ROWID with the same keys; roster_items keeps the
  frozen-roster triggers.
- `lifecerts` WITHOUT ROWID keyed (person_id, cert_date) (a second proof of life of the same
  person and day was already a no-op; older duplicates keep the first recorded), the clerk as
  `user_id` (users.id) instead of the name, `recorded_at` as YYYYMMDDHHMMSS (store/stamp.py).
- `people`: the household address stored only where it differs from the current address
  (orm.SAME_ADDRESS otherwise: PersonRow.household_address gives the text), `created_at` and
  `updated_at` as YYYYMMDDHHMMSS; `enrollments.created_at` too. No rebuild: an UPDATE.

Opening an older file then VACUUMs it (schema.COMPACTED) so the freed pages leave the file.
"""

from alembic import op
from sqlalchemy import text

from elderdesk.store import ddl

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

MONTH = "(CAST(substr({c}, 1, 4) AS INTEGER) * 12 + CAST(substr({c}, 6, 2) AS INTEGER) - 1)"
STAMP = ("CAST(replace(replace(replace(substr({c}, 1, 19), '-', ''), ' ', ''), ':', '')"
         " AS INTEGER)")

PG_STAMP = "CAST(to_char({c}, 'YYYYMMDDHH24MISS') AS BIGINT)"

_LEDGER = (
    "CREATE TABLE ledger_new ("
    "person_id INTEGER NOT NULL, "
    "month INTEGER NOT NULL, "
    "paid_fen INTEGER NOT NULL, "
    "PRIMARY KEY (person_id, month), "
    "FOREIGN KEY(person_id) REFERENCES people (id)) WITHOUT ROWID"
)
_ITEMS = (
    "CREATE TABLE roster_items_new ("
    "line_id INTEGER NOT NULL, "
    "month INTEGER NOT NULL, "
    "kind INTEGER NOT NULL, "
    "amount_fen INTEGER NOT NULL, "
    "PRIMARY KEY (line_id, month, kind), "
    "CONSTRAINT ck_roster_items_kind CHECK (kind IN (0, 1, 2)), "
    "CONSTRAINT ck_roster_items_amount CHECK (amount_fen > 0), "
    "FOREIGN KEY(line_id) REFERENCES roster_lines (id) ON DELETE CASCADE) WITHOUT ROWID"
)
_LIFECERTS = (
    "CREATE TABLE lifecerts_new ("
    "person_id INTEGER NOT NULL, "
    "cert_date DATE NOT NULL, "
    "user_id INTEGER, "
    "recorded_at DATETIME NOT NULL, "
    "PRIMARY KEY (person_id, cert_date), "
    "FOREIGN KEY(person_id) REFERENCES people (id), "
    "FOREIGN KEY(user_id) REFERENCES users (id)) WITHOUT ROWID"
)
_ITEMS_FROZEN = ("(SELECT r.status FROM rosters r JOIN roster_lines l ON l.roster_id = r.id"
                 " WHERE l.id = old.line_id) = 'frozen'")


def _count(table: str) -> int:
    return op.get_bind().execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def upgrade() -> None:
    ddl.table(_LEDGER)
    op.execute(f"INSERT INTO ledger_new (person_id, month, paid_fen) SELECT person_id, "
               f"{MONTH.format(c='month')}, paid_fen FROM ledger ORDER BY person_id, month")
    op.execute("DROP TABLE ledger")
    ddl.rename_table("ledger_new", "ledger")

    ddl.table(_ITEMS)
    op.execute(f"INSERT INTO roster_items_new (line_id, month, kind, amount_fen) SELECT line_id, "
               f"{MONTH.format(c='month')}, CASE kind WHEN 'regular' THEN 0 WHEN 'arrears' "
               "THEN 1 WHEN 'recovery' THEN 2 END, amount_fen FROM roster_items "
               "ORDER BY line_id, month, kind")
    if _count("roster_items_new") != _count("roster_items"):
        raise RuntimeError("0008: roster items lost")
    op.execute("DROP TABLE roster_items")  # its triggers go with it
    ddl.rename_table("roster_items_new", "roster_items")
    for event in ("UPDATE", "DELETE"):
        ddl.refuse(f"roster_items_frozen_no_{event.lower()}", "roster_items", event,
                   "frozen roster is immutable", _ITEMS_FROZEN)

    pg = ddl.is_pg()  # PostgreSQL: stamps are BIGINT columns, converted from TIMESTAMP
    stamp = PG_STAMP if pg else STAMP
    ddl.table(_LIFECERTS.replace("recorded_at DATETIME", "recorded_at BIGINT") if pg
              else _LIFECERTS)
    op.execute(
        "INSERT INTO lifecerts_new (person_id, cert_date, user_id, recorded_at) "
        "SELECT c.person_id, c.cert_date, (SELECT u.id FROM users u WHERE u.name = "
        f"c.recorded_by), {stamp.format(c='c.recorded_at')} FROM lifecerts c WHERE c.id IN "
        "(SELECT min(id) FROM lifecerts GROUP BY person_id, cert_date) "
        "ORDER BY c.person_id, c.cert_date")
    op.execute("DROP INDEX IF EXISTS ix_lifecerts_person_id")
    op.execute("DROP TABLE lifecerts")
    ddl.rename_table("lifecerts_new", "lifecerts")
    if pg:
        for table, column in (("people", "created_at"), ("people", "updated_at"),
                              ("enrollments", "created_at")):
            op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE BIGINT USING "
                       f"{PG_STAMP.format(c=column)}")

    # people: no rebuild (the FTS and key triggers fire only on id_number updates).
    op.execute(
        "UPDATE people SET "
        "household_address = CASE WHEN household_address = current_address THEN '' "
        "ELSE household_address END"
        + ("" if pg else f", created_at = {STAMP.format(c='created_at')}, "
           f"updated_at = {STAMP.format(c='updated_at')}"))
    if not pg:
        op.execute(f"UPDATE enrollments SET created_at = {STAMP.format(c='created_at')}")


def downgrade() -> None:
    raise NotImplementedError("0008 is not reversible: restore the backup made before it")
