"""Queries on the people table, including the search strategies that keep lookups fast at 1M rows."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, delete, insert, select, text
from sqlalchemy.orm import Session

from elderdesk.store.orm import PersonKeyRow, PersonRow

# A name or initials prefix with this many matches is walked in ID order instead of sorted
# (sorting N index entries costs about N/10 µs; the walk about 1,000,000/N × 50 µs).
DENSE = 30_000
# An ID fragment with this many candidates in the trigram index is walked in ID order.
ID_DENSE = 500
SUMMARY_COLS = ("p.id_number, p.name, p.sex, p.birth_date, p.status, p.community, p.street, "
                "p.office")
_ID_RE = re.compile(r"^[0-9X]*[0-9][0-9X]*$")


class PersonHit(NamedTuple):
    """One search result: the columns of SUMMARY_COLS, the birth date as a date."""

    id_number: str
    name: str
    sex: str
    birth_date: date
    status: str
    community: str | None
    street: str | None
    office: str  # at a district: the registering street's code; '' at a street


def by_id_number(session: Session, id_number: str) -> PersonRow | None:
    """The person with this ID (a street holds an ID once; a district that holds it from two
    streets gets the first registration here: services/people/refs.py chooses among them)."""
    return session.execute(
        select(PersonRow).where(PersonRow.id_number == id_number)
        .order_by(PersonRow.office, PersonRow.id).limit(1)
    ).scalars().first()


def holders(session: Session, id_number: str) -> list[PersonRow]:
    """Every registration of an ID held here, by office code (at a district: one per street)."""
    return list(session.execute(
        select(PersonRow).where(PersonRow.id_number == id_number)
        .order_by(PersonRow.office, PersonRow.id)).scalars())


def set_keys(session: Session, person_id: int, keys: Iterable[str]) -> None:
    """Replace a person's pinyin keys (each stored with the person's ID number)."""
    session.execute(delete(PersonKeyRow).where(PersonKeyRow.person_id == person_id))
    number = session.execute(
        select(PersonRow.id_number).where(PersonRow.id == person_id)).scalar_one()
    wanted = list(dict.fromkeys(keys))
    # A district holding the ID from two streets stores a key once (the key table's primary
    # key is key and ID number; a search by key finds every registration of the number).
    taken = set(session.execute(select(PersonKeyRow.key).where(
        PersonKeyRow.key.in_(wanted), PersonKeyRow.id_number == number)).scalars()) \
        if wanted else set()
    rows = [{"key": k, "id_number": number, "person_id": person_id}
            for k in wanted if k not in taken]
    if rows:
        session.execute(insert(PersonKeyRow), rows)


def set_keys_many(session: Session, people: Sequence[tuple[int, str, Iterable[str]]]) -> None:
    """set_keys for many people at once: (person id, ID number, keys); their old keys are
    replaced, a key another registration of the same number holds is not stored twice."""
    ids = sorted({pid for pid, _n, _k in people})
    for i in range(0, len(ids), 500):
        session.execute(delete(PersonKeyRow).where(PersonKeyRow.person_id.in_(ids[i:i + 500])))
    numbers = sorted({number for _p, number, _k in people})
    taken: set[tuple[str, str]] = set()
    for i in range(0, len(numbers), 500):
        taken.update((k, n) for k, n in session.execute(select(
            PersonKeyRow.key, PersonKeyRow.id_number).where(
            PersonKeyRow.id_number.in_(numbers[i:i + 500]))))
    rows = []
    for pid, number, keys in people:
        for k in dict.fromkeys(keys):
            if (k, number) not in taken:
                taken.add((k, number))
                rows.append({"key": k, "id_number": number, "person_id": pid})
    for i in range(0, len(rows), 5000):
        session.execute(insert(cast(Table, PersonKeyRow.__table__)), rows[i:i + 5000])


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


def _is_pg(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _dialect(session: Session, sql: str) -> str:
    """The search SQL on PostgreSQL: no INDEXED BY (its planner picks the index), strpos for
    SQLite's instr (same arguments)."""
    if not _is_pg(session):
        return sql
    return re.sub(r"INDEXED BY \w+ ", "", sql).replace("instr(", "strpos(")


def _at_least(session: Session, sql: str, params: dict, n: int) -> bool:
    """True if the query (a SELECT of anything) has at least n rows; reads at most n."""
    return session.execute(
        text(_dialect(session, f"SELECT count(*) FROM ({sql} LIMIT {int(n)}) AS found")), params
    ).scalar_one() >= n


def _rows(session: Session, numbers_sql: str, params: dict) -> list[PersonHit]:
    """Summary rows of the ID numbers a query selects (at most `limit`), sorted."""
    sql = (f"SELECT {SUMMARY_COLS} FROM people p WHERE p.id_number IN ({numbers_sql}) "
           "ORDER BY p.id_number, p.office")
    return [PersonHit(number, name, sex, date.fromisoformat(str(birth)), status, community,
                      street, office)
            for number, name, sex, birth, status, community, street, office
            in session.execute(text(_dialect(session, sql)), params)]


def search(session: Session, query: str, limit: int,
           after: str | None = None) -> list[PersonHit]:
    """Summary rows sorted by ID number, starting after the ID `after` (keyset paging).

    Each kind has a sparse plan (collect the matching ID numbers from an index that holds
    them, sort, take the first `limit`) and a dense one (walk the ID index in order and stop at
    `limit` matches); a capped count on the sparse side chooses (performance figure P1).
    """
    kind = classify(query)
    params: dict[str, Any] = {"after": after or "", "limit": int(limit)}
    walk = ("SELECT p.id_number FROM people p INDEXED BY ux_people_id_number "
            "WHERE p.id_number > :after")
    tail = " ORDER BY p.id_number LIMIT :limit"
    if kind == "id_prefix":
        params.update(lo=query, hi=_upper_bound(query))
        return _rows(session, walk + " AND p.id_number >= :lo AND p.id_number < :hi" + tail,
                     params)
    if kind == "id_any":
        return _search_id_fragment(session, query, params, walk, tail)
    if kind == "initials":
        q = query.lower()
        params.update(lo=q, hi=_upper_bound(q))
        keys = "FROM person_keys k WHERE k.key >= :lo AND k.key < :hi"
        if _at_least(session, f"SELECT 1 {keys}", params, DENSE):
            return _rows(session, walk + (" AND EXISTS (SELECT 1 FROM person_keys k WHERE "
                                          "k.person_id = p.id AND k.key >= :lo AND k.key < :hi)")
                         + tail, params)
        return _rows(session, f"SELECT DISTINCT k.id_number {keys} AND k.id_number > :after "
                     "ORDER BY k.id_number LIMIT :limit", params)
    params.update(lo=query, hi=_upper_bound(query))
    names = "FROM people n INDEXED BY ix_people_name WHERE n.name >= :lo AND n.name < :hi"
    if _at_least(session, f"SELECT 1 {names}", params, DENSE):
        return _rows(session, walk + " AND p.name >= :lo AND p.name < :hi" + tail, params)
    return _rows(session, f"SELECT n.id_number {names} AND n.id_number > :after "
                 "ORDER BY n.id_number LIMIT :limit", params)


def _search_id_fragment(session: Session, query: str, params: dict, walk: str,
                        tail: str) -> list[PersonHit]:
    """4+ characters anywhere in the ID number. Up to ID_DENSE candidates from the trigram
    index are sorted; more mean a dense fragment, found sooner by walking the ID index (which
    holds the numbers: the walk reads no row)."""
    params.update(frag=query, pat=f"%{query}%", cap=ID_DENSE)
    if _is_pg(session):  # the pg_trgm GIN index serves LIKE '%…%' (migration 0001)
        return _rows(session, "SELECT p.id_number FROM people p WHERE p.id_number LIKE :pat "
                     "AND p.id_number > :after" + tail, params)
    candidates = list(session.execute(text(
        "SELECT rowid FROM people_id_fts WHERE id_number LIKE :pat LIMIT :cap"), params).scalars())
    if len(candidates) < ID_DENSE:
        return _rows(session, "SELECT p.id_number FROM people p WHERE p.id IN "
                     "(SELECT value FROM json_each(:ids)) AND p.id_number > :after "
                     "AND instr(p.id_number, :frag) > 0" + tail,
                     {**params, "ids": json.dumps(candidates)})
    return _rows(session, walk + " AND instr(p.id_number, :frag) > 0" + tail, params)
