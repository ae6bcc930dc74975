"""Bulk reads and writes for building and freezing rosters (raw SQL where row counts are large)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from operator import attrgetter
from typing import Any, NamedTuple

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from elderdesk.domain.entitlement import EnrollmentFacts
from elderdesk.domain.ledger import (
    ARREARS,
    KIND_CODE,
    KINDS,
    RECOVERY,
    REGULAR,
    DraftLine,
    RosterFacts,
    RosterTotals,
)
from elderdesk.domain.months import Month, Period, age_in
from elderdesk.domain.person import has_account
from elderdesk.domain.roster import ItemView, LineView
from elderdesk.store.orm import PersonRow
from elderdesk.store.orm_allowance import RecoveryRow, RosterRow

_d = date.fromisoformat


def _date(value: Any) -> date | None:
    """A stored date: ISO text on SQLite, a date from PostgreSQL."""
    if isinstance(value, date):
        return value
    return _d(value[:10]) if value else None


def _is_pg(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def candidates(session: Session) -> list[tuple]:
    """People who were ever approved, or who hold ledger money: (id, id_number, name, sex,
    birth_date, street, community, bank, account, death_date, moved_out_on)."""
    rows = session.execute(text(
        "SELECT id, id_number, name, sex, birth_date, street, community, bank, account, "
        "death_date, moved_out_on FROM people WHERE id IN ("
        " SELECT person_id FROM enrollments WHERE approved_on IS NOT NULL"
        " UNION SELECT person_id FROM ledger)"
    ))
    return [(r[0], r[1], r[2], r[3], _date(r[4]), r[5], r[6], r[7], r[8], _date(r[9]),
             _date(r[10])) for r in rows]


def enrollments_by_person(session: Session) -> dict[int, list[tuple]]:
    """person_id -> [(applied_on, approved, ended_on, end_reason, at_counter)] in application
    order (the fields of EnrollmentFacts)."""
    out: dict[int, list[tuple]] = defaultdict(list)
    rows = session.execute(text(
        "SELECT person_id, applied_on, status, approved_on, ended_on, end_reason, source "
        "FROM enrollments ORDER BY id"))
    for pid, applied, status, approved_on, ended, reason, source in rows:
        approved = approved_on is not None and status in ("approved", "stopped")
        out[pid].append((_date(applied), approved, _date(ended), reason, source != "online"))
    return out


def lifecerts_by_person(session: Session) -> dict[int, list[date]]:
    out: dict[int, list[date]] = defaultdict(list)
    for pid, d in session.execute(text("SELECT person_id, cert_date FROM lifecerts")):
        day = _date(d)
        if day is not None:  # always (NOT NULL)
            out[pid].append(day)
    return out


def raw_cursor(session: Session) -> Any:
    """A DB-API cursor on the session's own connection (same transaction): bulk reads and
    writes without per-row SQLAlchemy work. On PostgreSQL a PgCursor (the same SQL)."""
    cur = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    return PgCursor(cur) if _is_pg(session) else cur


class PgCursor:
    """A psycopg cursor taking this module's SQLite-style statements: `?` marks become `%s`
    (and a literal `%` is doubled). execute returns the psycopg cursor (fetchall, iteration);
    `copy` is psycopg's COPY."""

    def __init__(self, cur: Any) -> None:
        self.cur = cur

    @staticmethod
    def sql(statement: str) -> str:
        return statement.replace("%", "%%").replace("?", "%s")

    def execute(self, statement: str, params: Any = ()) -> Any:
        return self.cur.execute(self.sql(statement), params)

    def executemany(self, statement: str, rows: Any) -> None:
        self.cur.executemany(self.sql(statement), rows)

    def copy(self, table: str, columns: str, rows: Iterable[tuple]) -> None:
        """COPY rows (None as NULL, dates as ISO text) into table (columns)."""
        with self.cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


# ledger.month and roster_items.month hold Month.index, roster_items.kind the position in
# domain.ledger.KINDS (migration 0008); this SQL gives a month index as 'YYYY-MM'.
MONTH_TEXT = "printf('%04d-%02d', {c} / 12, {c} % 12 + 1)"
MONTH_TEXT_PG = "to_char({c} / 12, 'FM0000') || '-' || to_char({c} % 12 + 1, 'FM00')"
_PEOPLE = ("id, id_number, name, sex, birth_date, street, community, bank, account, "
           "death_date, moved_out_on")


class DateCache(dict):
    """ISO text (as stored) -> date, parsed once per distinct value; None and '' -> None."""

    def __missing__(self, key: str | date | None) -> date | None:
        value = _date(key)
        self[key] = value
        return value


def _in_chunks(cur: Any, sql: str, ids: Sequence[int] | Sequence[str],
               size: int = 500) -> list[tuple]:
    """sql with '{ids}' for a list of ? marks, run for each chunk of ids."""
    out: list[tuple] = []
    for i in range(0, len(ids), size):
        chunk = ids[i:i + size]
        out += cur.execute(sql.format(ids=", ".join("?" * len(chunk))), chunk).fetchall()
    return out


def roster_facts(session: Session, person_ids: Iterable[int] | None = None) -> list[RosterFacts]:
    """The facts the roster engine needs of every candidate (people ever approved, and people
    holding ledger money), or of those among `person_ids`; read in bulk on the raw cursor."""
    cur = raw_cursor(session)
    ledger_sql = "SELECT person_id, group_concat(month || ':' || paid_fen) FROM ledger{where}"
    if _is_pg(session):
        # In month order, as SQLite reads the ledger (the engine's settled shortcut; another
        # order only costs that shortcut, the items are the same). Fed from a sorted subquery
        # (the ledger's key order) rather than by `string_agg(… ORDER BY month)`, which sorts
        # each person's rows again: 1.5 s instead of 3.3 s for the city's 6.1 million rows.
        ledger_sql = "SELECT person_id, string_agg(month || ':' || paid_fen, ',') FROM " \
                     "(SELECT person_id, month, paid_fen FROM ledger{where} " \
                     "ORDER BY person_id, month) l"
    enrol_sql = ("SELECT person_id, applied_on, status, approved_on, ended_on, end_reason, "
                 "source, id FROM enrollments")
    cert_sql = "SELECT person_id, max(cert_date) FROM lifecerts"
    if person_ids is None:
        # fetchall: psycopg hands rows over in one call, iterating costs a Python call per row
        ledgers = dict(cur.execute(ledger_sql.replace("{where}", "") + " GROUP BY person_id"
                                   ).fetchall())
        people = cur.execute(
            f"SELECT {_PEOPLE} FROM people WHERE id IN "
            "(SELECT person_id FROM enrollments WHERE approved_on IS NOT NULL)").fetchall()
        seen = {r[0] for r in people}
        people += _in_chunks(cur, f"SELECT {_PEOPLE} FROM people WHERE id IN ({{ids}})",
                             [pid for pid in ledgers if pid not in seen])
        enrollments = cur.execute(enrol_sql + " ORDER BY id").fetchall()
        certs = dict(cur.execute(cert_sql + " GROUP BY person_id").fetchall())
    else:
        ids = sorted(set(person_ids))
        where = " WHERE person_id IN ({ids})"
        ledgers = dict(_in_chunks(cur, ledger_sql.replace("{where}", where)
                                  + " GROUP BY person_id", ids))
        enrollments = _in_chunks(cur, enrol_sql + " WHERE person_id IN ({ids})", ids)
        enrollments.sort(key=lambda r: r[-1])  # by id, as below
        approved = {r[0] for r in enrollments if r[3] is not None} | set(ledgers)
        people = _in_chunks(cur, f"SELECT {_PEOPLE} FROM people WHERE id IN ({{ids}})",
                            sorted(approved))
        certs = dict(_in_chunks(cur, cert_sql + " WHERE person_id IN ({ids}) "
                                "GROUP BY person_id", ids))
    dates = DateCache()
    facts: dict[int, list[EnrollmentFacts]] = defaultdict(list)
    for pid, applied, status, approved_on, ended, reason, source, _id in enrollments:
        facts[pid].append(EnrollmentFacts(
            dates[applied], approved_on is not None and status in ("approved", "stopped"),
            dates[ended], reason, source != "online"))
    none: tuple = ()
    return [RosterFacts(pid, idn, name, sex, dates[birth], street, community, bank, account,
                        dates[death], dates[moved], facts.get(pid, none), dates[certs.get(pid)],
                        ledgers.get(pid))
            for pid, idn, name, sex, birth, street, community, bank, account, death, moved
            in people]


def next_id(session: Session, table: str) -> int:
    if table == "roster_lines" and _is_pg(session):  # past the ids used before (_PG_NEXT_ID)
        found = session.execute(text(_PG_NEXT_ID.format(table=table))).scalar()
        if found is not None:
            return int(found)
    return (session.execute(text(f"SELECT max(id) FROM {table}")).scalar() or 0) + 1


# PostgreSQL: the next line id also past the table's sequence, which marks the highest id used
# (set here and by insert_lines), so that the line ids of a draft deleted in the same
# transaction are not used again: every new item's key would meet the deleted items' index
# entries, each then looked up in the table (a city build replacing its draft: the COPY took
# 3.7-4 s instead of 1.5 s). Not transactional: a build rolled back leaves a gap in the ids.
# Line ids are not shown anywhere; roster ids are (in the stored rows the tests compare) and
# stay as on SQLite.
_PG_NEXT_ID = ("SELECT setval(q.s, greatest((SELECT coalesce(max(id), 0) FROM {table}), "
               "coalesce(pg_sequence_last_value(q.s), 0)) + 1) FROM "
               "(SELECT CAST(pg_get_serial_sequence('{table}', 'id') AS regclass) AS s) q "
               "WHERE q.s IS NOT NULL")


# What a roster prints of a person: stored once per person in roster_snapshots while it does
# not change.
PRINTED = ("id_number", "name", "sex", "birth_date", "street", "community", "bank", "account")
_SNAPSHOT = "s.id_number, s.name, s.sex, s.birth_date, s.street, s.community, s.bank, s.account"
_JOIN_SNAPSHOT = ("JOIN roster_snapshots s ON s.person_id = l.person_id "
                  "AND s.roster_id = l.snapshot_roster_id")


def latest_snapshots(session: Session, person_ids: Iterable[int] | None = None
                     ) -> dict[int, tuple]:
    """person_id -> (roster_id, id_number, name, sex, birth_date, street, community, bank,
    account) of the person's latest snapshot (the one made by the latest roster), of everyone
    or of `person_ids`."""
    sql = ("SELECT person_id, roster_id, id_number, name, sex, birth_date, street, community, "
           "bank, account FROM roster_snapshots")
    if _is_pg(session):  # the birth date as ISO text, as insert_lines compares it
        sql = sql.replace(" birth_date,", " birth_date::text,")
    cur = raw_cursor(session)
    if person_ids is None:
        rows = cur.execute(sql + " ORDER BY person_id, roster_id").fetchall()
    else:
        rows = sorted(_in_chunks(cur, sql + " WHERE person_id IN ({ids})", sorted(person_ids)),
                      key=lambda r: (r[0], r[1]))
    return {r[0]: r[1:] for r in rows}  # the last of each person wins


def insert_lines(session: Session, roster_id: int, first_line_id: int,
                 lines: list[DraftLine], full: bool = True) -> None:
    """The engine's lines of one roster, numbered from first_line_id in person order, with
    their items. A line shares the person's latest snapshot when it prints the same; otherwise
    this roster makes a new one. full: the whole roster (every snapshot is read at once), else
    a few lines (only their people's snapshots are read)."""
    if not lines:
        return
    cur = raw_cursor(session)
    latest = latest_snapshots(session, None if full else [ln.person_id for ln in lines])
    snapshots, slim, items = [], [], []
    isodates: dict[date, str] = {}
    line_id = first_line_id
    with_office = lines[0].view.office is not None  # a district's lines carry their office
    # Numbered in person order (the engine sorts by ID number): the snapshot, line and person
    # indexes then grow in key order, and freezing walks the ledger in its key order.
    for ln in sorted(lines, key=attrgetter("person_id")):
        v = ln.view
        birth = isodates.get(v.birth_date)
        if birth is None:
            birth = isodates[v.birth_date] = v.birth_date.isoformat()
        printed = (v.id_number, v.name, v.sex, birth, v.street, v.community, v.bank, v.account)
        known = latest.get(ln.person_id)
        if known is not None and known[1:] == printed:
            made_by = known[0]
        else:
            made_by = roster_id
            snapshots.append((ln.person_id, made_by, *printed))
        slim.append((line_id, roster_id, ln.person_id, made_by, v.band, v.monthly_fen,
                     ln.paid_fen, ln.recovery_fen, v.office) if with_office else
                    (line_id, roster_id, ln.person_id, made_by, v.band, v.monthly_fen,
                     ln.paid_fen, ln.recovery_fen))
        items += [(line_id, *r) for r in ln.rows]
        line_id += 1
    tables = (
        ("roster_snapshots", f"person_id, roster_id, {', '.join(PRINTED)}", snapshots),
        ("roster_lines", "id, roster_id, person_id, snapshot_roster_id, band, monthly_fen, "
                         "paid_fen, recovery_fen" + (", office" if with_office else ""), slim),
        ("roster_items", "line_id, month, kind, amount_fen", items))
    if not isinstance(cur, PgCursor):
        for table, columns, rows in tables:
            marks = ", ".join("?" * (columns.count(",") + 1))
            cur.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
        return
    checked = len(lines) < BULK_LINES or not _replica_role(cur)
    for table, columns, rows in tables:  # COPY, in the same transaction
        cur.copy(table, columns, rows)
    cur.execute("SELECT setval(q.s, greatest(?, coalesce(pg_sequence_last_value(q.s), 0))) FROM "
                "(SELECT CAST(pg_get_serial_sequence('roster_lines', 'id') AS regclass) AS s) q "
                "WHERE q.s IS NOT NULL", (line_id - 1,))  # the highest line id used (next_id)
    if not checked:
        _restore_role(cur)
        _check_references(cur, roster_id, first_line_id, line_id - 1, len(items))


# From this many lines on, PostgreSQL stores a roster with its per-row foreign-key checks off
# and checks the new rows' references in three set-based statements instead (_replica_role).
BULK_LINES = 5000


def _replica_role(cur: PgCursor) -> bool:
    """Turn this transaction's per-row foreign-key checks off, when the role may: PostgreSQL
    runs a foreign-key check as one query per inserted row (1.8 million for a city roster's
    lines and items: about 10 of the 14 s the COPY took on the bench server), SQLite checks
    each row within its insert. `session_replication_role = replica` leaves out the ordinary
    triggers, the checks among them; roster_snapshots, roster_lines and roster_items have
    no other insert triggers. Allowed to a superuser, or (PostgreSQL 15 and newer) to a role
    granted `SET ON PARAMETER session_replication_role` (docs/postgresql.md); else False and
    the rows are checked one by one as before. Safe under the writers' lock: the checks' row
    locks guard the referenced rows against other writers, and there are none meanwhile."""
    info = cur.cur.connection.info
    may = cur.execute(
        "SELECT has_parameter_privilege('session_replication_role', 'SET')"
        if info.server_version >= 150000 else
        "SELECT current_setting('is_superuser') = 'on'").fetchone()[0]
    if may:
        cur.execute("SELECT set_config('session_replication_role', 'replica', true)")
    return bool(may)


def _restore_role(cur: PgCursor) -> None:
    cur.execute("SELECT set_config('session_replication_role', 'origin', true)")


def _check_references(cur: PgCursor, roster_id: int, first: int, last: int, items: int) -> None:
    """The foreign keys of the rows insert_lines stored (lines first..last of this roster,
    `items` items, the snapshots this roster made), checked at once (0.5 s for a city roster);
    a broken one fails the transaction as the per-row check would have. Every id of the range
    being a line of this roster and the range holding all the items written, each item's line
    exists."""
    lines, in_range, broken = cur.execute(
        "SELECT (SELECT count(*) FROM roster_lines WHERE id BETWEEN ? AND ? AND roster_id = ?),"
        " (SELECT count(*) FROM roster_items WHERE line_id BETWEEN ? AND ?),"
        " (SELECT count(*) FROM roster_lines l LEFT JOIN people p ON p.id = l.person_id"
        "  LEFT JOIN roster_snapshots s ON s.person_id = l.person_id"
        "  AND s.roster_id = l.snapshot_roster_id WHERE l.id BETWEEN ? AND ?"
        "  AND (p.id IS NULL OR s.person_id IS NULL))"
        " + (SELECT count(*) FROM roster_snapshots s LEFT JOIN people p ON p.id = s.person_id"
        "  WHERE s.roster_id = ? AND p.id IS NULL)"
        " + (SELECT 1 - count(*) FROM rosters WHERE id = ?)",
        (first, last, roster_id, first, last, first, last, roster_id, roster_id)).fetchone()
    if lines != last - first + 1 or in_range != items or broken:
        raise RuntimeError(f"roster {roster_id}: stored rows refer to missing rows ({lines} "
                           f"lines of {last - first + 1}, {in_range} items of {items}, "
                           f"{broken} broken)")


def remove_lines(session: Session, roster_id: int, person_ids: Iterable[int]) -> RosterTotals:
    """Take these people's lines out of a draft (with their items and the snapshots this draft
    made for them); returns the totals of what was removed."""
    cur = raw_cursor(session)
    ids = sorted(set(person_ids))
    lines = _in_chunks(cur, "SELECT id, paid_fen, recovery_fen FROM roster_lines WHERE "
                            f"roster_id = {int(roster_id)} AND person_id IN ({{ids}})", ids)
    line_ids = [ln[0] for ln in lines]
    sums: dict[str, int] = {}
    for k, fen in _in_chunks(cur, "SELECT kind, sum(amount_fen) FROM roster_items WHERE "
                                  "line_id IN ({ids}) GROUP BY kind", line_ids):
        sums[KINDS[k]] = sums.get(KINDS[k], 0) + fen  # summed per chunk, then here
    for i in range(0, len(line_ids), 500):
        chunk = line_ids[i:i + 500]
        marks = ", ".join("?" * len(chunk))
        cur.execute(f"DELETE FROM roster_items WHERE line_id IN ({marks})", chunk)
        cur.execute(f"DELETE FROM roster_lines WHERE id IN ({marks})", chunk)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        cur.execute(f"DELETE FROM roster_snapshots WHERE roster_id = {int(roster_id)} AND "
                    f"person_id IN ({', '.join('?' * len(chunk))})", chunk)
    return RosterTotals(sum(1 for ln in lines if ln[1] > 0), sums.get(REGULAR, 0),
                        sums.get(ARREARS, 0), sum(ln[2] for ln in lines))


def person_ids(session: Session, id_numbers: Iterable[str]) -> dict[str, int]:
    """ID number -> people.id of those registered."""
    return dict(_in_chunks(raw_cursor(session), "SELECT id_number, id FROM people WHERE "
                           "id_number IN ({ids})", sorted(id_numbers)))


def count_lines(session: Session, roster_id: int) -> int:
    return raw_cursor(session).execute("SELECT count(*) FROM roster_lines WHERE roster_id = ?",
                                       (roster_id,)).fetchone()[0]


def delete_roster(session: Session, roster_id: int) -> None:
    """A draft with its lines, items and the snapshots it made (no later roster can share
    them); bulk statements rather than row-by-row cascades."""
    cur = raw_cursor(session)
    if isinstance(cur, PgCursor) and _delete_in_bulk(cur, roster_id):
        pass
    else:
        cur.execute("DELETE FROM roster_items WHERE line_id IN "
                    "(SELECT id FROM roster_lines WHERE roster_id = ?)", (roster_id,))
        cur.execute("DELETE FROM roster_lines WHERE roster_id = ?", (roster_id,))
        cur.execute("DELETE FROM roster_snapshots WHERE roster_id = ?", (roster_id,))
    cur.execute("DELETE FROM settings WHERE key = ?", (withheld_key(roster_id),))
    cur.execute("DELETE FROM rosters WHERE id = ?", (roster_id,))


def _delete_in_bulk(cur: PgCursor, roster_id: int) -> bool:
    """PostgreSQL, a draft of BULK_LINES lines or more, a role with the right (_replica_role):
    its items, lines and snapshots deleted without the per-row triggers (the frozen-roster
    refusal, a plpgsql function per row, and the foreign-key checks: 9.8 s of deleting a city
    draft, 1.1 s without). Instead: the roster is a draft (checked here), its items go first,
    and no line of another roster shares a snapshot it made (checked after, else the
    transaction fails as the per-row check would). False: nothing done."""
    status, lines = cur.execute(
        "SELECT status, (SELECT count(*) FROM roster_lines WHERE roster_id = r.id) FROM rosters r"
        " WHERE r.id = ?", (roster_id,)).fetchone() or (None, 0)
    if status != "draft" or lines < BULK_LINES or not _replica_role(cur):
        return False
    first, last = cur.execute("SELECT min(id), max(id) FROM roster_lines WHERE roster_id = ?",
                              (roster_id,)).fetchone()
    cur.execute("DELETE FROM roster_items WHERE line_id BETWEEN ? AND ? AND line_id IN "
                "(SELECT id FROM roster_lines WHERE roster_id = ?)", (first, last, roster_id))
    cur.execute("DELETE FROM roster_lines WHERE roster_id = ?", (roster_id,))
    shared = cur.execute(
        "WITH gone AS (DELETE FROM roster_snapshots WHERE roster_id = ? RETURNING person_id)"
        " SELECT count(*) FROM roster_lines l JOIN gone g ON g.person_id = l.person_id"
        " WHERE l.snapshot_roster_id = ?", (roster_id, roster_id)).fetchone()[0]
    _restore_role(cur)
    if shared:
        raise RuntimeError(f"roster {roster_id}: {shared} lines of other rosters share its "
                           "snapshots")
    return True


def withheld_key(roster_id: int) -> str:
    """The settings row holding a roster's withheld list (no column for it in the schema)."""
    return f"roster.withheld.{roster_id}"


class WithheldRow(NamedTuple):
    """One person a roster withholds, as stored with the roster (settings row, JSON list)."""

    id_number: str
    name: str
    reason: str  # no_account | no_proof_of_life
    months: tuple[str, ...]  # 'YYYY-MM', ascending
    amount_fen: int


def save_withheld(session: Session, roster_id: int, rows: Iterable[WithheldRow]) -> None:
    """Each withheld person, as built: a frozen roster shows them as they were, whatever is
    recorded later. None: no row (an earlier list of the roster is dropped)."""
    rows = list(rows)
    raw_cursor(session).execute("DELETE FROM settings WHERE key = ?", (withheld_key(roster_id),))
    if rows:
        raw_cursor(session).execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
            "value = excluded.value" if _is_pg(session) else
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            (withheld_key(roster_id), json.dumps([list(r) for r in rows], ensure_ascii=False,
                                                 separators=(",", ":"))))


def load_withheld(session: Session, roster_id: int) -> list[WithheldRow]:
    """The roster's withheld people as save_withheld stored them."""
    row = raw_cursor(session).execute("SELECT value FROM settings WHERE key = ?",
                                      (withheld_key(roster_id),)).fetchone()
    if not row:
        return []
    return [WithheldRow(n, name, reason, tuple(months), int(fen))
            for n, name, reason, months, fen in json.loads(row[0])]


def load_lines(session: Session, roster_id: int) -> tuple[list[tuple], dict[int, str]]:
    """The lines of a roster sorted by ID number (sorted here: SQLite would sort every column),
    and line id -> its items as one text 'month kind fen,...' (Month.index, kind code) built by SQLite (lines share
    few distinct texts, so the caller parses each text once)."""
    cur = raw_cursor(session)
    lines = cur.execute(
        f"SELECT l.id, {_SNAPSHOT}, l.band, l.monthly_fen, l.person_id FROM roster_lines l "
        f"{_JOIN_SNAPSHOT} WHERE l.roster_id = ?", (roster_id,)).fetchall()
    lines.sort(key=lambda ln: ln[1])
    if not lines:
        return lines, {}
    ids = [ln[0] for ln in lines]  # a build numbers its lines consecutively: one index range
    if _is_pg(session):  # in key order from a sorted subquery (not sorted again per line)
        sql = ("SELECT line_id, string_agg(month || ' ' || kind || ' ' || amount_fen, ',') FROM "
               "(SELECT line_id, month, kind, amount_fen FROM roster_items WHERE line_id BETWEEN "
               "? AND ? ORDER BY line_id, month, kind) i GROUP BY line_id")
    else:
        sql = ("SELECT line_id, group_concat(month || ' ' || kind || ' ' || amount_fen) "
               "FROM roster_items WHERE line_id BETWEEN ? AND ? GROUP BY line_id")
    items = dict(cur.execute(sql, (min(ids), max(ids))).fetchall())
    return lines, items


def _item_views(text: str | None, cache: dict[str | None, tuple[ItemView, ...]]
                ) -> tuple[ItemView, ...]:
    """'month kind fen,...' (load_lines: Month.index, kind code) -> ItemViews sorted by month
    and kind; equal texts share one (immutable) tuple."""
    found = cache.get(text)
    if found is None:
        parts = sorted((str(Month.from_index(int(m))), KINDS[int(k)], int(a))
                       for m, k, a in (p.split(" ") for p in text.split(","))) if text else []
        found = cache[text] = tuple(ItemView(m, k, a) for m, k, a in parts)
    return found


def load_views(session: Session, roster_id: int, period: Period,
               offices: dict[int, str] | None = None) -> list[LineView]:
    """The stored lines of a roster as views, sorted by ID number (at a district `offices`,
    person_id -> the line's office: store/district_repo.line_offices)."""
    lines, items = load_lines(session, roster_id)
    dates = DateCache()
    cache: dict[str | None, tuple[ItemView, ...]] = {}
    ages: dict[date, int] = {}
    last = period.last
    out = []
    for (line_id, id_number, name, sex, birth_text, street, community, bank, account, band,
         monthly_fen, person_id) in lines:
        birth = dates[birth_text]
        assert birth is not None  # a roster line's person has a birth date (NOT NULL)
        age = ages.get(birth)
        if age is None:
            age = ages[birth] = age_in(birth, last)
        out.append(LineView(id_number, name, sex, birth, street, community, bank, account,
                            band, monthly_fen, age, _item_views(items.get(line_id), cache),
                            offices.get(person_id) if offices else None))
    return out


class BankRow(NamedTuple):
    """One paying line of the bank file (代发明细), in its column order."""

    name: str
    id_number: str
    bank: str | None
    account: str | None
    paid_fen: int


class MissingAccountRow(NamedTuple):
    """One row of the bank file's sheet 待补录账号: someone not paid for want of an account."""

    id_number: str
    name: str
    amount_fen: int  # what the roster withholds (or the line would have paid)


class AccountlessPerson(NamedTuple):
    """An enrolled person without a valid bank account (enrolled_without_account)."""

    id_number: str
    name: str


def bank_lines(session: Session, roster_id: int) -> list[BankRow]:
    """The roster's paying lines by ID number: what the bank file needs, without building the
    roster's views (named in one pass over the cursor's rows)."""
    rows = raw_cursor(session).execute(
        f"SELECT s.name, s.id_number, s.bank, s.account, l.paid_fen FROM roster_lines l "
        f"{_JOIN_SNAPSHOT} WHERE l.roster_id = ? AND l.paid_fen > 0", (roster_id,)).fetchall()
    out = list(map(BankRow._make, rows))  # 0.3 s of CPU for a city's 270,000 lines
    out.sort(key=attrgetter("id_number"))
    return out


def enrolled_without_account(session: Session) -> list[AccountlessPerson]:
    """Living, resident people in an approved, open enrollment without a valid bank account,
    by ID number: whom the next roster will withhold as no_account."""
    rows = raw_cursor(session).execute(
        "SELECT id_number, name, bank, account FROM people WHERE status = 'active' AND id IN "
        "(SELECT person_id FROM enrollments WHERE status = 'approved' AND ended_on IS NULL)"
    ).fetchall()
    return sorted(AccountlessPerson(id_number, name) for id_number, name, bank, account in rows
                  if not has_account(bank, account))


def bank_file_rows(session: Session, roster_id: int
                   ) -> tuple[list[BankRow], list[MissingAccountRow]]:
    """The bank sheet's rows (bank_lines) and the 待补录账号 rows: the roster's `no_account`
    people, and any paying line without a valid account (a roster built before accounts were
    checked): no line without an account ever reaches the bank."""
    rows = bank_lines(session, roster_id)
    missing = [MissingAccountRow(w.id_number, w.name, w.amount_fen)
               for w in load_withheld(session, roster_id) if w.reason == "no_account"]
    if not all(has_account(r.bank, r.account) for r in rows):
        missing += [MissingAccountRow(r.id_number, r.name, r.paid_fen) for r in rows
                    if not has_account(r.bank, r.account)]
        missing.sort()
        rows = [r for r in rows if has_account(r.bank, r.account)]
    return rows, missing


# domain.ledger.signed, for every item at once: a recovery subtracts, the others add.
_RECOVERY = KIND_CODE[RECOVERY]
_SIGNED = f"CASE i.kind WHEN {_RECOVERY} THEN -i.amount_fen ELSE i.amount_fen END"


# The freeze's upsert on PostgreSQL with the per-row checks off (_replica_role): the ledger's
# foreign key and its statement triggers keeping stats_ledger (migration 0012) do not run. The
# key holds already (every line's person is checked by roster_lines' own key); the counts are
# kept here as the triggers keep them, from each affected row's old value (the ledger as this
# statement finds it: the main query does not see the CTE's insert) and its new one (old +
# the roster's amount). The city's 792,000 rows: 7 s instead of 14.8 s, of which the per-row
# key checks took 6.5 s and the statistics trigger 1.8 s (it joins the new rows to people).
_PG_BULK_UPSERT = (
    "WITH d AS (SELECT l.person_id, i.month, (CAST(EXTRACT(YEAR FROM p.birth_date) AS INTEGER)"
    " * 12 + CAST(EXTRACT(MONTH FROM p.birth_date) AS INTEGER) - 1) AS b, sum(" + _SIGNED + ")"
    " AS fen FROM roster_lines l JOIN roster_items i ON i.line_id = l.id JOIN people p ON p.id ="
    " l.person_id WHERE l.roster_id = ? AND i.line_id BETWEEN ? AND ? GROUP BY l.person_id,"
    " i.month, b), up AS (INSERT INTO ledger (person_id, month, paid_fen) SELECT person_id,"
    " month, fen FROM d ORDER BY person_id, month ON CONFLICT"
    " (person_id, month) DO UPDATE SET paid_fen = ledger.paid_fen + excluded.paid_fen)"
    " INSERT INTO stats_ledger (month, birth_month, people, fen) SELECT month, b,"
    " sum(CASE WHEN new > 0 THEN 1 ELSE 0 END - CASE WHEN old > 0 THEN 1 ELSE 0 END),"
    " sum(CASE WHEN new > 0 THEN new ELSE 0 END - CASE WHEN old > 0 THEN old ELSE 0 END)"
    " FROM (SELECT d.month, d.b, coalesce(g.paid_fen, 0) AS old, coalesce(g.paid_fen, 0) + d.fen"
    " AS new FROM d LEFT JOIN ledger g ON g.person_id = d.person_id AND g.month = d.month) r"
    " GROUP BY 1, 2 HAVING sum(CASE WHEN new > 0 THEN 1 ELSE 0 END - CASE WHEN old > 0 THEN 1"
    " ELSE 0 END) <> 0 OR sum(CASE WHEN new > 0 THEN new ELSE 0 END - CASE WHEN old > 0 THEN"
    " old ELSE 0 END) <> 0 ON CONFLICT (month, birth_month) DO UPDATE SET people ="
    " stats_ledger.people + excluded.people, fen = stats_ledger.fen + excluded.fen")


def apply_to_ledger(session: Session, roster_id: int) -> None:
    """Freeze (domain.ledger.signed): payments add to the ledger, recoveries subtract; zero
    rows are removed, a negative one is refused.

    Only a recovery can lower a ledger row, so only the (person, month) pairs of this roster's
    recovery items are checked for zero and negative instead of the whole ledger.
    """
    cur = raw_cursor(session)
    pg = _is_pg(session)
    # Each item adds its signed amount (two items of one month add up through the upsert; on
    # PostgreSQL, which updates a row once per statement, summed first).
    first, last, count = cur.execute("SELECT min(id), max(id), count(*) FROM roster_lines "
                                     "WHERE roster_id = ?", (roster_id,)).fetchone() \
        if pg else (0, 0, 0)
    if pg and count >= BULK_LINES and _replica_role(cur):
        # the items of the roster's line ids (a range: not every item of every roster); after
        # a failure the transaction rolls back, the setting with it (SET LOCAL)
        cur.execute(_PG_BULK_UPSERT, (roster_id, first, last))
        _restore_role(cur)
    else:
        cur.execute(
            "INSERT INTO ledger (person_id, month, paid_fen) "
            f"SELECT l.person_id, i.month, sum({_SIGNED}) FROM roster_lines l "
            "JOIN roster_items i ON i.line_id = l.id WHERE l.roster_id = ? "
            "GROUP BY l.person_id, i.month ON CONFLICT (person_id, month) "
            "DO UPDATE SET paid_fen = ledger.paid_fen + excluded.paid_fen" if pg else
            "INSERT INTO ledger (person_id, month, paid_fen) "
            f"SELECT l.person_id, i.month, {_SIGNED} FROM roster_lines l "
            "JOIN roster_items i ON i.line_id = l.id "
            "WHERE l.roster_id = ? "
            "ON CONFLICT (person_id, month) DO UPDATE SET paid_fen = paid_fen + excluded.paid_fen",
            (roster_id,))
    lowered = cur.execute(
        "SELECT DISTINCT l.person_id, i.month FROM roster_lines l "
        "JOIN roster_items i ON i.line_id = l.id "
        f"WHERE l.roster_id = ? AND i.kind = {_RECOVERY}", (roster_id,)).fetchall()
    for start in range(0, len(lowered), 400):
        pairs = lowered[start:start + 400]
        where = " OR ".join(["(person_id = ? AND month = ?)"] * len(pairs))
        flat = [v for pair in pairs for v in pair]
        if cur.execute(f"SELECT count(*) FROM ledger WHERE paid_fen < 0 AND ({where})",
                       flat).fetchone()[0]:
            raise RuntimeError("ledger would become negative")
        cur.execute(f"DELETE FROM ledger WHERE paid_fen = 0 AND ({where})", flat)
    cur.execute(
        "INSERT INTO recoveries (person_id, roster_id, period, month, amount_fen) "
        f"SELECT l.person_id, r.id, r.period, {(MONTH_TEXT_PG if pg else MONTH_TEXT).format(c='i.month')}, "
        "i.amount_fen "
        "FROM roster_items i JOIN roster_lines l ON l.id = i.line_id "
        f"JOIN rosters r ON r.id = l.roster_id WHERE r.id = ? AND i.kind = {_RECOVERY}",
        (roster_id,))


def ledger_by_person_id(session: Session, person_id: int) -> dict[str, int]:
    """'YYYY-MM' -> net fen paid, by month."""
    return {str(Month.from_index(m)): fen for m, fen in session.execute(text(
        "SELECT month, paid_fen FROM ledger WHERE person_id = :p ORDER BY month"),
        {"p": person_id}).all()}


# --- rosters and recoveries by period and person (RosterService) ---------------------------
def find_roster(session: Session, period: str) -> RosterRow | None:
    """The roster of a period: the frozen one, else the draft."""
    return session.execute(select(RosterRow).where(RosterRow.period == period)
                           .order_by(RosterRow.status.desc()).limit(1)).scalar_one_or_none()


def previous_frozen(session: Session, period: str) -> RosterRow | None:
    """The latest frozen roster of a period before `period`."""
    return session.execute(select(RosterRow).where(
        RosterRow.status == "frozen", RosterRow.period < period)
        .order_by(RosterRow.period.desc()).limit(1)).scalar_one_or_none()


def person_name(session: Session, id_number: str) -> str | None:
    return session.scalar(select(PersonRow.name).where(PersonRow.id_number == id_number))


class RecoveryEntry(NamedTuple):
    id_number: str
    name: str
    period: str
    month: str
    amount_fen: int
    settled_on: date | None


def recoveries(session: Session, open_only: bool = False) -> list[RecoveryEntry]:
    """Money owed back, by ID number, month and record (only the unsettled: open_only)."""
    sql = ("SELECT p.id_number, p.name, r.period, r.month, r.amount_fen, r.settled_on "
           "FROM recoveries r JOIN people p ON p.id = r.person_id")
    if open_only:
        sql += " WHERE r.settled_on IS NULL"
    sql += " ORDER BY p.id_number, r.month, r.id"
    return [RecoveryEntry(r[0], r[1], r[2], r[3], r[4], _date(r[5]))
            for r in session.execute(text(sql))]


def open_recoveries(session: Session, person_id: int, month: str) -> list[RecoveryRow]:
    """The person's unsettled recoveries of a month ('YYYY-MM'), to settle."""
    return list(session.execute(select(RecoveryRow).where(
        RecoveryRow.person_id == person_id, RecoveryRow.month == month,
        RecoveryRow.settled_on.is_(None))).scalars())
