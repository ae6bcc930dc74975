"""Test helpers: valid ID numbers, small workbooks."""

from __future__ import annotations

from datetime import date

from elderdesk.domain.idcard import check_char


def make_id(birth: date | str, seq: int = 1, area: str = "420103", sex: str | None = None) -> str:
    """A valid 18-digit ID; seq's last digit decides the sex unless sex ('M'/'F') is given."""
    if isinstance(birth, str):
        birth = date.fromisoformat(birth)
    s = seq % 1000
    if sex == "M" and s % 2 == 0:
        s = (s + 1) % 1000
    if sex == "F" and s % 2 == 1:
        s = (s + 1) % 1000
    first17 = f"{area}{birth:%Y%m%d}{s:03d}"
    return first17 + check_char(first17)


def sql_rows(db: object, sql: str, params: tuple = ()) -> list[tuple]:
    """Rows of a statement (with ? marks) run on a connection of its own, outside the program
    (a write is committed): an SQLite file, or a PostgreSQL URL in a BOTH_ENGINES module
    (tests/conftest.py)."""
    if isinstance(db, str) and "://" in db:
        import psycopg

        with psycopg.connect(db) as pg:
            cur = pg.execute(sql.replace("?", "%s"), params)
            return [tuple(r) for r in cur.fetchall()] if cur.description else []
    import sqlite3

    with sqlite3.connect(db) as conn:  # type: ignore[arg-type]
        return conn.execute(sql, params).fetchall()
