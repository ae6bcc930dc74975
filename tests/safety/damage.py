"""Damaging a database file the way a bad sector would: one b-tree page overwritten, while the
header and the schema stay readable (so the file opens and only a check finds the damage)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def damage(path: Path, table: str = "people") -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (table,)).fetchone()[0]
    conn.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\xa5" * page_size)
