"""P11: the database file of the city register: 1,000,000 people, 300,000 enrolled, 8 frozen
quarters of ledger (the demo generator, seed 1), ceiling 1 GB.

Under the figure: the largest tables and indexes (SQLite's dbstat), and what the allowance
history would take in a compact layout (the same rows copied into a scratch file: integer
months, WITHOUT ROWID tables keyed as they are read, one printed snapshot per person shared by
their lines while it does not change), to show what would bring the file under the ceiling.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import common

TABLES = ("ledger", "roster_items", "roster_lines", "lifecerts")
MONTH = "(CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1)"
COMPACT = [
    "CREATE TABLE ledger (person_id INTEGER, month INTEGER, paid_fen INTEGER, "
    "PRIMARY KEY (person_id, month)) WITHOUT ROWID",
    f"INSERT INTO ledger SELECT person_id, {MONTH}, paid_fen FROM s.ledger "
    "ORDER BY person_id, month",
    "CREATE TABLE roster_items (line_id INTEGER, month INTEGER, kind INTEGER, "
    "amount_fen INTEGER, PRIMARY KEY (line_id, month, kind)) WITHOUT ROWID",
    f"INSERT INTO roster_items SELECT line_id, {MONTH}, CASE kind WHEN 'regular' THEN 0 "
    "WHEN 'arrears' THEN 1 ELSE 2 END, amount_fen FROM s.roster_items ORDER BY line_id, month",
    "CREATE TABLE snapshots (id INTEGER PRIMARY KEY, person_id, id_number, name, sex, "
    "birth_date, street, community, bank, account)",
    "INSERT INTO snapshots (person_id, id_number, name, sex, birth_date, street, community, "
    "bank, account) SELECT DISTINCT person_id, id_number, name, sex, birth_date, street, "
    "community, bank, account FROM s.roster_lines ORDER BY person_id",
    "CREATE INDEX ix_find ON snapshots (person_id, id_number, name)",
    "CREATE TABLE roster_lines (id INTEGER PRIMARY KEY, roster_id INTEGER, person_id INTEGER, "
    "snapshot_id INTEGER, band TEXT, monthly_fen INTEGER, paid_fen INTEGER, "
    "recovery_fen INTEGER)",
    "INSERT INTO roster_lines SELECT l.id, l.roster_id, l.person_id, n.id, l.band, "
    "l.monthly_fen, l.paid_fen, l.recovery_fen FROM s.roster_lines l JOIN snapshots n "
    "ON n.person_id = l.person_id AND n.id_number = l.id_number AND n.name = l.name "
    "AND n.birth_date = l.birth_date AND n.street IS l.street AND n.community IS l.community "
    "AND n.bank IS l.bank AND n.account IS l.account",
    "DROP INDEX ix_find",
    "CREATE UNIQUE INDEX ux_roster_lines_person ON roster_lines (roster_id, person_id)",
    "CREATE TABLE lifecerts (person_id INTEGER, cert_date TEXT, recorded_by TEXT, "
    "recorded_at TEXT, PRIMARY KEY (person_id, cert_date, recorded_at)) WITHOUT ROWID",
    "INSERT INTO lifecerts SELECT person_id, cert_date, recorded_by, recorded_at "
    "FROM s.lifecerts ORDER BY 1, 2, 4",
]


def compact_size(path: Path) -> float:
    """MB the four history tables take in the compact layout (scratch file, VACUUMed)."""
    folder = Path(tempfile.mkdtemp(prefix="p11-", dir=common.CACHE))
    scratch = folder / "compact.db"
    conn = sqlite3.connect(scratch, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute(f"ATTACH '{path}' AS s")
    conn.execute("BEGIN")
    for sql in COMPACT:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("DETACH s")
    conn.execute("VACUUM")
    conn.close()
    size = scratch.stat().st_size / 1e6
    scratch.unlink()
    folder.rmdir()
    return size


def main() -> None:
    path = common.city_db()
    conn = common.raw_connection(path)
    size = path.stat().st_size / 1e6
    sizes = dict(conn.execute("SELECT name, sum(pgsize) / 1e6 FROM dbstat GROUP BY name"))
    owners = dict(conn.execute("SELECT name, tbl_name FROM sqlite_master"))
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("people", "enrollments", *TABLES)}
    conn.close()
    largest = sorted(sizes.items(), key=lambda kv: -kv[1])[:12]
    history = sum(mb for name, mb in sizes.items() if owners.get(name) in TABLES)
    compact = compact_size(path)
    common.detail("rows: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    common.detail("largest (MB): " + ", ".join(f"{n} {mb:.0f}" for n, mb in largest))
    common.detail(f"the four history tables with their indexes: {history:.0f} MB now, "
                  f"{compact:.0f} MB in a compact layout: the file would be about "
                  f"{size - history + compact:.0f} MB")
    common.report("P11", "database file, 1M people, 300k enrolled, 8 quarters", size, 1000,
                  unit="MB", label="size")


if __name__ == "__main__":
    main()
