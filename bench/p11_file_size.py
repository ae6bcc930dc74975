"""P11: the database file of the city register: 1,000,000 people, 300,000 enrolled, 8 frozen
quarters of ledger (the demo generator, seed 1), ceiling 1 GB.

Under the figure: the largest tables and indexes (SQLite's dbstat), the register and the
allowance history, and what the next steps would save, each measured by copying the same rows
into a scratch file in that layout (migration 0005 made the history compact: ledger and items
WITHOUT ROWID, one printed snapshot per person shared by their lines; see bench/README.md).
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import common

HISTORY = ("ledger", "roster_items", "roster_lines", "roster_snapshots", "lifecerts",
           "enrollments", "recoveries")
MONTH = "(CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1)"
SECOND = "substr({c}, 1, 19)"
# Next steps: (what, the tables and indexes it replaces, SQL building the new layout in the
# scratch file from the attached database `s`, the scratch tables to measure).
NEXT = [
    ("integer months and item kinds (ledger, roster_items; every reader of a month changes)",
     ("ledger", "roster_items"), [
         "CREATE TABLE ledger (person_id INTEGER, month INTEGER, paid_fen INTEGER, "
         "PRIMARY KEY (person_id, month)) WITHOUT ROWID",
         f"INSERT INTO ledger SELECT person_id, {MONTH}, paid_fen FROM s.ledger "
         "ORDER BY person_id, month",
         "CREATE TABLE roster_items (line_id INTEGER, month INTEGER, kind INTEGER, "
         "amount_fen INTEGER, PRIMARY KEY (line_id, month, kind)) WITHOUT ROWID",
         f"INSERT INTO roster_items SELECT line_id, {MONTH}, CASE kind WHEN 'regular' THEN 0 "
         "WHEN 'arrears' THEN 1 ELSE 2 END, amount_fen FROM s.roster_items "
         "ORDER BY line_id, month",
     ], ("ledger", "roster_items")),
    ("proofs of life WITHOUT ROWID by person and date, the clerk as a user id, time to the "
     "second (a duplicate proof of the same second must then be ignored)",
     ("lifecerts", "ix_lifecerts_person_id"), [
         "CREATE TABLE lifecerts (person_id INTEGER, cert_date TEXT, recorded_at TEXT, "
         "user_id INTEGER, PRIMARY KEY (person_id, cert_date, recorded_at)) WITHOUT ROWID",
         f"INSERT OR IGNORE INTO lifecerts SELECT person_id, cert_date, "
         f"{SECOND.format(c='recorded_at')}, 3 FROM s.lifecerts ORDER BY 1, 2, 3",
     ], ("lifecerts",)),
    ("people: the household address only where it differs from the current one, times to "
     "the second (every reader of the address changes)",
     ("people",), [
         "CREATE TABLE people AS SELECT * FROM s.people WHERE 0",
         "INSERT INTO people SELECT id, id_number, name, sex, ethnicity, birth_date, "
         "CASE WHEN household_address = current_address THEN NULL ELSE household_address END, "
         "current_address, street, community, phone, bank, account, household_type, "
         "residence_permit_expiry, status, death_date, moved_out_on, notes, checksum_override, "
         f"{SECOND.format(c='created_at')}, {SECOND.format(c='updated_at')} FROM s.people",
     ], ("people",)),
    ("person keys deleted by their key, not by person (the ID-correction trigger rethought)",
     ("ix_person_keys_person_id",), [], ()),
]


def measure(path: Path, sql: list[str], tables: tuple[str, ...]) -> float:
    """MB the tables take when built by sql in a scratch file (VACUUMed)."""
    if not sql:
        return 0.0
    folder = Path(tempfile.mkdtemp(prefix="p11-", dir=common.CACHE))
    scratch = folder / "next.db"
    conn = sqlite3.connect(scratch, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute(f"ATTACH '{path}' AS s")
    conn.execute("BEGIN")
    for statement in sql:
        conn.execute(statement)
    conn.execute("COMMIT")
    conn.execute("DETACH s")
    conn.execute("VACUUM")
    names = ", ".join(f"'{t}'" for t in tables)
    mb = conn.execute(f"SELECT sum(pgsize) / 1e6 FROM dbstat WHERE name IN ({names})"
                      ).fetchone()[0]
    conn.close()
    scratch.unlink()
    folder.rmdir()
    return mb


def main() -> None:
    path = common.city_db()
    conn = common.raw_connection(path)
    size = path.stat().st_size / 1e6
    sizes = dict(conn.execute("SELECT name, sum(pgsize) / 1e6 FROM dbstat GROUP BY name"))
    owners = dict(conn.execute("SELECT name, tbl_name FROM sqlite_master"))
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("people", *HISTORY)}
    free = conn.execute("PRAGMA freelist_count").fetchone()[0] * 4096 / 1e6
    conn.close()
    largest = sorted(sizes.items(), key=lambda kv: -kv[1])[:16]
    history = sum(mb for name, mb in sizes.items() if owners.get(name) in HISTORY)
    common.detail("rows: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    common.detail("largest (MB): " + ", ".join(f"{n} {mb:.0f}" for n, mb in largest))
    common.detail(f"allowance history with its indexes {history:.0f} MB, the register and the "
                  f"rest {size - history - free:.0f} MB, free pages {free:.0f} MB")
    left = size
    for what, replaced, sql, tables in NEXT:
        now = sum(sizes.get(n, 0.0) for n in replaced)
        then = measure(path, sql, tables)
        left -= now - then
        common.detail(f"next: {what}: {now:.0f} -> {then:.0f} MB, file about {left:.0f} MB")
    common.report("P11", "database file, 1M people, 300k enrolled, 8 quarters", size, 1000,
                  unit="MB", label="size")


if __name__ == "__main__":
    main()
