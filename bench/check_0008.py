"""Migration 0008 on the city file: a copy of a 0007 city database (built by the code of that
revision) is migrated and VACUUMed as opening it would, then compared with the original by SQL,
table by table, in 0007's terms (months as 'YYYY-MM', kinds as words, the clerk's name, the
household address in full, times to the second). Prints the sizes and any difference.

  python bench/check_0008.py OLD.db      (OLD.db: a 0007 city file, left untouched)
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import common

MONTH = "printf('%04d-%02d', {c} / 12, {c} % 12 + 1)"
KIND = "CASE {c} WHEN 0 THEN 'regular' WHEN 1 THEN 'arrears' ELSE 'recovery' END"
SECOND = "substr({c}, 1, 19)"
ISO = ("substr({c}, 1, 4) || '-' || substr({c}, 5, 2) || '-' || substr({c}, 7, 2) || ' ' || "
       "substr({c}, 9, 2) || ':' || substr({c}, 11, 2) || ':' || substr({c}, 13, 2)")
PEOPLE = ("id, id_number, name, sex, ethnicity, birth_date, {household}, current_address, "
          "street, community, phone, bank, account, household_type, residence_permit_expiry, "
          "status, death_date, moved_out_on, notes, checksum_override, {created}, {updated}")
# (what, query on the old file `o`, the same in 0007's terms on the new file `main`)
SAME = [
    ("ledger", "SELECT person_id, month, paid_fen FROM o.ledger",
     f"SELECT person_id, {MONTH.format(c='month')}, paid_fen FROM main.ledger"),
    ("roster items", "SELECT line_id, month, kind, amount_fen FROM o.roster_items",
     f"SELECT line_id, {MONTH.format(c='month')}, {KIND.format(c='kind')}, amount_fen "
     "FROM main.roster_items"),
    ("proofs of life (first of each person and day)",
     f"SELECT person_id, cert_date, recorded_by, {SECOND.format(c='recorded_at')} FROM "
     "o.lifecerts WHERE id IN (SELECT min(id) FROM o.lifecerts GROUP BY person_id, cert_date)",
     f"SELECT c.person_id, c.cert_date, u.name, {ISO.format(c='c.recorded_at')} FROM "
     "main.lifecerts c LEFT JOIN main.users u ON u.id = c.user_id"),
    ("people", "SELECT " + PEOPLE.format(household="household_address",
                                         created=SECOND.format(c="created_at"),
                                         updated=SECOND.format(c="updated_at")) + " FROM o.people",
     "SELECT " + PEOPLE.format(
         household="CASE household_address WHEN '' THEN current_address ELSE "
                   "household_address END", created=ISO.format(c="created_at"),
         updated=ISO.format(c="updated_at")) + " FROM main.people"),
    ("enrollments", "SELECT id, person_id, status, applied_on, approved_on, ended_on, "
     f"end_reason, source, {SECOND.format(c='created_at')} FROM o.enrollments",
     "SELECT id, person_id, status, applied_on, approved_on, ended_on, end_reason, source, "
     f"{ISO.format(c='created_at')} FROM main.enrollments"),
    ("roster lines", "SELECT * FROM o.roster_lines", "SELECT * FROM main.roster_lines"),
    ("snapshots", "SELECT * FROM o.roster_snapshots", "SELECT * FROM main.roster_snapshots"),
    ("rosters", "SELECT * FROM o.rosters", "SELECT * FROM main.rosters"),
    ("recoveries", "SELECT * FROM o.recoveries", "SELECT * FROM main.recoveries"),
    ("person keys", "SELECT * FROM o.person_keys", "SELECT * FROM main.person_keys"),
    ("settings", "SELECT * FROM o.settings", "SELECT * FROM main.settings"),
]


def main() -> None:
    old = Path(sys.argv[1]).resolve()
    from elderdesk.store import schema
    from elderdesk.store.db import Database, schema_version

    folder = Path(tempfile.mkdtemp(prefix="check-0008-", dir=common.CACHE))
    new = folder / "migrated.db"
    shutil.copyfile(old, new)
    try:
        started = time.perf_counter()
        db = Database(new)
        assert schema_version(db) == "0007", schema_version(db)
        schema.upgrade(db)
        migrated = time.perf_counter() - started
        schema.give_back_space(db)
        db.close()
        conn = sqlite3.connect(new)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        common.detail(f"migrated in {migrated:.0f} s, with the VACUUM "
                      f"{time.perf_counter() - started:.0f} s; {old.stat().st_size / 1e6:.0f} MB "
                      f"-> {new.stat().st_size / 1e6:.0f} MB")
        conn.execute(f"ATTACH '{old}' AS o")
        bad = 0
        for what, before, after in SAME:
            rows = conn.execute(f"SELECT count(*) FROM ({before})").fetchone()[0]
            lost = conn.execute(f"SELECT count(*) FROM ({before} EXCEPT {after})").fetchone()[0]
            made = conn.execute(f"SELECT count(*) FROM ({after} EXCEPT {before})").fetchone()[0]
            now = conn.execute(f"SELECT count(*) FROM ({after})").fetchone()[0]
            bad += lost + made + (rows != now)
            common.detail(f"{what}: {rows:,} rows before, {now:,} after; only before {lost}, "
                          f"only after {made}")
        check = conn.execute("PRAGMA main.integrity_check").fetchone()[0]
        keys = conn.execute("PRAGMA main.foreign_key_check").fetchall()
        conn.close()
        common.detail(f"integrity_check {check}; foreign key violations {len(keys)}")
        print("identical" if not bad and check == "ok" and not keys else "DIFFERENT", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
