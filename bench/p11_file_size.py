"""P11: the database file of the city register: 1,000,000 people, 300,000 enrolled, 8 frozen
quarters of ledger (the demo generator, seed 1), ceiling 1 GB.

Under the figure: the largest tables and indexes (SQLite's dbstat), the register and the
allowance history, and what the next steps would save (migrations 0005 and 0008 made the file
compact; see bench/README.md).
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import common

HISTORY = ("ledger", "roster_items", "roster_lines", "roster_snapshots", "lifecerts",
           "enrollments", "recoveries")
# Next steps: (what, the tables and indexes it replaces, SQL building the new layout in the
# scratch file from the attached database `s`, the scratch tables to measure). Migration 0008
# took the three measured here before (integer months and kinds, proofs of life by person and
# date, the household address where it differs and compact times); what is left:
NEXT = [
    ("person keys deleted by their key, not by person (the ID-correction trigger rethought)",
     ("ix_person_keys_person_id",), [], ()),
    ("roster lines found by (person, roster) only, the roster's lines by their id range",
     ("ux_roster_lines_person",), [], ()),
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
