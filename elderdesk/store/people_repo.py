"""Queries on the people table, including the search strategies that keep lookups fast at 1M rows."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session

from elderdesk.store.orm import PersonKeyRow, PersonRow

DENSE = 3000  # a probe reaching this many matches means: walk the ID index instead of sorting
SUMMARY_COLS = "p.id_number, p.name, p.sex, p.birth_date, p.status, p.community, p.street"
_ID_RE = re.compile(r"^[0-9X]*[0-9][0-9X]*$")


def by_id_number(session: Session, id_number: str) -> PersonRow | None:
    return session.execute(
        select(PersonRow).where(PersonRow.id_number == id_number)
    ).scalar_one_or_none()


def existing_status(session: Session, id_numbers: Sequence[str]) -> dict[str, tuple[str, Any]]:
    """id_number -> (status, death_date, name, birth_date) for those registered, in chunks."""
    out: dict[str, tuple[str, Any]] = {}
    ids = list(id_numbers)
    for i in range(0, len(ids), 900):
        chunk = ids[i:i + 900]
        rows = session.execute(
            select(PersonRow.id_number, PersonRow.status, PersonRow.death_date,
                   PersonRow.name, PersonRow.birth_date)
            .where(PersonRow.id_number.in_(chunk))
        )
        for r in rows:
            out[r[0]] = (r[1], r[2], r[3], r[4])
    return out


def set_keys(session: Session, person_id: int, keys: Iterable[str]) -> None:
    session.execute(delete(PersonKeyRow).where(PersonKeyRow.person_id == person_id))
    rows = [{"key": k, "person_id": person_id} for k in dict.fromkeys(keys)]
    if rows:
        session.execute(insert(PersonKeyRow), rows)


def _upper_bound(prefix: str) -> str:
    """Smallest string greater than every string starting with prefix (binary collation)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def classify(query: str) -> str:
    """Which search the text asks for: id_any, id_prefix, initials or name (docs/cli.md)."""
    if _ID_RE.match(query):
        return "id_any" if len(query) >= 4 else "id_prefix"
    if query.isascii() and query.isalpha():
        return "initials"
    return "name"


def _probe(session: Session, sql: str, params: dict) -> bool:
    """True if the sparse side of a search has at least DENSE matches."""
    n = session.execute(
        text(f"SELECT count(*) FROM ({sql} LIMIT {DENSE})"), params
    ).scalar_one()
    return n >= DENSE


def search(session: Session, query: str, limit: int, after: str | None = None) -> list[tuple]:
    """Summary rows sorted by ID number, starting after the ID `after` (keyset paging)."""
    kind = classify(query)
    params: dict[str, Any] = {"after": after or "", "limit": int(limit)}
    walk = f"SELECT {SUMMARY_COLS} FROM people p INDEXED BY ux_people_id_number WHERE p.id_number > :after"
    tail = " ORDER BY p.id_number LIMIT :limit"
    if kind == "id_prefix":
        params.update(lo=query, hi=_upper_bound(query))
        sql = walk + " AND p.id_number >= :lo AND p.id_number < :hi" + tail
    elif kind == "id_any":
        params.update(pat=f"%{query}%", frag=query)
        sparse = "SELECT rowid FROM people_id_fts WHERE id_number LIKE :pat"
        if _probe(session, sparse, params):
            sql = walk + " AND instr(p.id_number, :frag) > 0" + tail
        else:
            sql = (f"SELECT {SUMMARY_COLS} FROM people p WHERE p.id IN ({sparse}) "
                   "AND p.id_number > :after AND instr(p.id_number, :frag) > 0" + tail)
    elif kind == "initials":
        q = query.lower()
        params.update(lo=q, hi=_upper_bound(q))
        sparse = "SELECT person_id FROM person_keys WHERE key >= :lo AND key < :hi"
        if _probe(session, sparse, params):
            sql = walk + (" AND EXISTS (SELECT 1 FROM person_keys k WHERE k.person_id = p.id"
                          " AND k.key >= :lo AND k.key < :hi)") + tail
        else:
            sql = (f"SELECT {SUMMARY_COLS} FROM people p WHERE p.id IN ({sparse}) "
                   "AND p.id_number > :after" + tail)
    else:
        params.update(lo=query, hi=_upper_bound(query))
        sparse = "SELECT id FROM people INDEXED BY ix_people_name WHERE name >= :lo AND name < :hi"
        if _probe(session, sparse, params):
            sql = walk + " AND p.name >= :lo AND p.name < :hi" + tail
        else:
            sql = (f"SELECT {SUMMARY_COLS} FROM people p INDEXED BY ix_people_name "
                   "WHERE p.name >= :lo AND p.name < :hi AND p.id_number > :after" + tail)
    return [tuple(r) for r in session.execute(text(sql), params)]
