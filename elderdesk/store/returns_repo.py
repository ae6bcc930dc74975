"""SQL of what a district's frozen rosters send back to its streets (multi-office.md §5):
reading a district roster's part of one street, the ledger rows and recoveries of its people;
writing a received roster, ledger months, recoveries and settlements at the street."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from elderdesk.domain.ledger import DraftLine
from elderdesk.domain.roster import LineView
from elderdesk.store import bulk, roster_repo, settings_repo
from elderdesk.store.orm import PersonRow
from elderdesk.store.orm_allowance import RecoveryRow, RosterRow
from elderdesk.store.orm_exchange import RecordRow

# The highest roster id whose return records a district has written (settings key).
MARK_KEY = "exchange.returns.roster"


class PersonRef(NamedTuple):
    """How a district knows a street's person: the registering street and the street's key."""

    street: str
    key: str


class Printed(NamedTuple):
    """A roster line's register snapshot as printed (and sent back to the street)."""

    id_number: str
    name: str
    sex: str
    birth_date: date | str  # ISO text when read raw from SQLite
    street: str | None
    community: str | None
    bank: str | None
    account: str | None


class ReturnLine(NamedTuple):
    """One line of a district roster as a street receives it."""

    person_id: int
    printed: Printed
    band: str | None
    monthly_fen: int
    items: list[tuple[int, int, int]]  # (Month.index, kind code, fen), by month


class OwnPerson(NamedTuple):
    """A person this street sent: its people.id and ID number."""

    person_id: int
    id_number: str


def _chunks(ids: list, size: int = 500) -> Iterable[list]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


# --- at the district ------------------------------------------------------------------------
def mark(session: Session) -> int:
    return int(settings_repo.value(session, MARK_KEY) or 0)


def set_mark(session: Session, roster_id: int) -> None:
    if roster_id > mark(session):
        settings_repo.store(session, MARK_KEY, str(roster_id))


def frozen_after(session: Session, roster_id: int) -> list[RosterRow]:
    """The frozen rosters with an id above roster_id, oldest first."""
    return list(session.execute(select(RosterRow).where(
        RosterRow.status == "frozen", RosterRow.id > roster_id).order_by(RosterRow.id)).scalars())


def person_refs(session: Session, own: str, person_ids: Iterable[int]
                ) -> dict[int, PersonRef]:
    """people.id -> the registering street and its key, of the people a district holds."""
    out: dict[int, PersonRef] = {}
    for chunk in _chunks(sorted({str(i) for i in person_ids})):
        for local, owner, key in session.execute(select(
                RecordRow.local_id, RecordRow.owner, RecordRow.key).where(
                RecordRow.kind == "person", RecordRow.owner != own,
                RecordRow.local_id.in_(chunk))):
            out[int(local)] = PersonRef(owner, key)
    return out


def roster_lines(session: Session, roster_id: int) -> list[ReturnLine]:
    """A roster's lines, by ID number."""
    lines, items = roster_repo.load_lines(session, roster_id)
    out = []
    for ln in lines:  # (line id, the 8 printed fields, band, monthly_fen, person_id)
        text = items.get(ln[0])
        out.append(ReturnLine(ln[11], Printed._make(ln[1:9]), ln[9], ln[10],
                              _items(text) if text else []))
    return out


def _items(text: str) -> list[tuple[int, int, int]]:
    """'month kind fen,...' (load_lines) -> (Month.index, kind code, fen) sorted."""
    out = []
    for part in text.split(","):
        month, kind, fen = part.split(" ")
        out.append((int(month), int(kind), int(fen)))
    return sorted(out)


def withheld_people(session: Session, id_numbers: Iterable[str]) -> dict[str, int]:
    """ID number -> people.id of the registration a roster withheld (the one with an approved
    application when a district holds the ID from two streets)."""
    out: dict[str, int] = {}
    cur = roster_repo.raw_cursor(session)
    for chunk in _chunks(sorted(set(id_numbers))):
        marks = ", ".join("?" * len(chunk))
        rows = cur.execute(
            "SELECT p.id_number, p.id, (SELECT count(*) FROM enrollments e WHERE e.person_id = "
            f"p.id AND e.approved_on IS NOT NULL) FROM people p WHERE p.id_number IN ({marks})",
            chunk).fetchall()
        for number, pid, _approved in sorted(rows, key=lambda r: (r[0], -r[2], r[1])):
            out.setdefault(number, pid)
    return out


def ledger_months(session: Session, person_ids: Iterable[int]) -> dict[int, dict[int, int]]:
    """people.id -> {Month.index: net fen} of their ledger rows."""
    out: dict[int, dict[int, int]] = defaultdict(dict)
    cur = roster_repo.raw_cursor(session)
    for chunk in _chunks(sorted(set(person_ids))):
        marks = ", ".join("?" * len(chunk))
        for pid, month, fen in cur.execute(
                f"SELECT person_id, month, paid_fen FROM ledger WHERE person_id IN ({marks})",
                chunk):
            out[pid][month] = fen
    return out


def frozen_item_months(session: Session, person_ids: Iterable[int]) -> dict[int, set[int]]:
    """people.id -> the months any frozen roster paid or recovered (a ledger row may have gone
    back to nothing since: such a month travels as 0)."""
    out: dict[int, set[int]] = defaultdict(set)
    cur = roster_repo.raw_cursor(session)
    for chunk in _chunks(sorted(set(person_ids))):
        marks = ", ".join("?" * len(chunk))
        for pid, month in cur.execute(
                "SELECT DISTINCT l.person_id, i.month FROM roster_items i "
                "JOIN roster_lines l ON l.id = i.line_id JOIN rosters r ON r.id = l.roster_id "
                f"WHERE r.status = 'frozen' AND l.person_id IN ({marks})", chunk):
            out[pid].add(month)
    return out


def recoveries_of(session: Session, roster_id: int) -> list[RecoveryRow]:
    return list(session.execute(select(RecoveryRow).where(
        RecoveryRow.roster_id == roster_id).order_by(RecoveryRow.id)).scalars())


def settled_recoveries(session: Session) -> list[RecoveryRow]:
    return list(session.execute(select(RecoveryRow).where(
        RecoveryRow.settled_on.is_not(None)).order_by(RecoveryRow.id)).scalars())


# --- at the street --------------------------------------------------------------------------
def own_person(session: Session, code: str, key: str) -> PersonRow | None:
    """This street's person of a key it sent (its row id), None when it never sent one."""
    if not key.isdigit() or session.get(RecordRow, ("person", code, key)) is None:
        return None
    return session.get(PersonRow, int(key))


def own_people(session: Session, code: str, keys: Iterable[str]
               ) -> dict[str, OwnPerson]:
    """own_person of many keys at once: key -> the person of those this street sent (two
    queries per 500 keys); a key it never sent is left out."""
    sent: list[str] = []
    for chunk in _chunks(sorted({k for k in keys if k.isdigit()})):
        sent += session.execute(select(RecordRow.key).where(
            RecordRow.kind == "person", RecordRow.owner == code,
            RecordRow.key.in_(chunk))).scalars().all()
    out: dict[str, OwnPerson] = {}
    for chunk in _chunks(sent):
        by_id = {k: int(k) for k in chunk}
        found = dict(session.execute(select(PersonRow.id, PersonRow.id_number).where(
            PersonRow.id.in_(sorted(set(by_id.values()))))).all())
        out.update((k, OwnPerson(i, found[i])) for k, i in by_id.items() if i in found)
    return out


def local_of(session: Session, kind: str, owner: str, key: str) -> int | None:
    row = session.get(RecordRow, (kind, owner, key))
    return int(row.local_id) if row is not None and row.local_id.isdigit() else None


def record_body(session: Session, kind: str, local_id: str) -> str | None:
    row = session.execute(select(RecordRow.body).where(
        RecordRow.kind == kind, RecordRow.local_id == local_id)).first()
    return row[0] if row else None


def roster_of_period(session: Session, period: str, status: str) -> RosterRow | None:
    return session.execute(select(RosterRow).where(
        RosterRow.period == period, RosterRow.status == status)).scalar_one_or_none()


def drafts_up_to(session: Session, period: str) -> list[RosterRow]:
    return list(session.execute(select(RosterRow).where(
        RosterRow.status == "draft", RosterRow.period <= period)).scalars())


def add_frozen_roster(session: Session, period: str, built_at: datetime, built_by: str,
                      built_audit_id: int, frozen_at: datetime, frozen_by: str,
                      office: str, lines: list[DraftLine],
                      withheld: list[roster_repo.WithheldRow]) -> RosterRow:
    """A roster frozen elsewhere (by the district), stored as the street's own frozen ones
    are: the same tables, so the same triggers keep it as it is."""
    row = RosterRow(
        id=roster_repo.next_id(session, "rosters"), period=period, status="frozen",
        built_at=built_at, built_by=built_by, built_audit_id=built_audit_id,
        frozen_at=frozen_at, frozen_by=frozen_by, frozen_by_office=office,
        people=sum(1 for ln in lines if ln.paid_fen > 0),
        regular_fen=sum(f for ln in lines for _m, k, f in ln.rows if k == 0),
        arrears_fen=sum(f for ln in lines for _m, k, f in ln.rows if k == 1),
        recovery_fen=sum(ln.recovery_fen for ln in lines))
    session.add(row)
    session.flush()
    roster_repo.insert_lines(session, row.id, roster_repo.next_id(session, "roster_lines"),
                             lines, full=False)
    roster_repo.save_withheld(session, row.id, withheld)
    return row


def line(person_id: int, printed: Printed, band: str | None, monthly_fen: int,
         rows: list[tuple[int, int, int]]) -> DraftLine:
    """A received line as the engine's DraftLine (what insert_lines stores); its birth date a
    date (the street parses the package's)."""
    view = LineView(printed.id_number, printed.name, printed.sex, cast(date, printed.birth_date),
                    printed.street, printed.community, printed.bank, printed.account, band,
                    monthly_fen, 0, ())
    rows = sorted(rows)
    return DraftLine(person_id, view, tuple(rows),
                     sum(f for _m, k, f in rows if k != 2), sum(f for _m, k, f in rows if k == 2))


def set_ledgers(session: Session, months: dict[int, dict[int, int]]) -> None:
    """people.id -> {Month.index: net fen}: each person's ledger rows of these months as given
    (0: no row), in bulk (a return package of a first roster sets 85,000 months of 1,500
    people: one DELETE and one INSERT per record took most of its import). The rows held of
    those months are read once (one query per 500 people); a row whose amount changes is
    deleted and inserted again, a row that stays as it is is left alone (the statistics'
    triggers on `ledger` then sum to what a DELETE and INSERT of every month gave). SQLite:
    executemany of both; PostgreSQL: one DELETE per 20,000 keys (arrays) and a COPY."""
    wanted = {pid: m for pid, m in months.items() if m}
    if not wanted:
        return
    cur = roster_repo.raw_cursor(session)
    ids = sorted(wanted)
    low = min(min(m) for m in wanted.values())
    high = max(max(m) for m in wanted.values())
    held: dict[tuple[int, int], int] = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        for pid, month, fen in cur.execute(
                f"SELECT person_id, month, paid_fen FROM ledger WHERE person_id IN ({marks})"
                " AND month BETWEEN ? AND ?", [*chunk, low, high]):
            held[(pid, month)] = fen
    gone: list[tuple[int, int]] = []
    new: list[tuple[int, int, int]] = []
    for pid in ids:
        for month, fen in sorted(wanted[pid].items()):
            old = held.get((pid, month))
            if old == fen and fen:
                continue  # as it is
            if old is not None:
                gone.append((pid, month))
            if fen:
                new.append((pid, month, fen))
    if not isinstance(cur, roster_repo.PgCursor):
        counted = len(gone) + len(new) >= COUNT_MIN and _count_ledger(
            session.connection(), cur, held, gone, new)
        try:
            cur.executemany("DELETE FROM ledger WHERE person_id = ? AND month = ?", gone)
            cur.executemany("INSERT INTO ledger (person_id, month, paid_fen) VALUES (?, ?, ?)",
                            new)
        finally:
            if counted:
                bulk.restore(session.connection(), counted)
        return
    for chunk in _chunks(gone, 20000):
        cur.execute("DELETE FROM ledger g USING unnest(?::integer[], ?::integer[]) AS d(p, m)"
                    " WHERE g.person_id = d.p AND g.month = d.m",
                    [[p for p, _m in chunk], [m for _p, m in chunk]])
    if new:
        cur.copy("ledger", "person_id, month, paid_fen", new)


# From this many ledger rows deleted or inserted on SQLite, stats_ledger (migration 0012) is
# kept by one grouped upsert instead of its row triggers (they were 0.5-0.8 s of the 85,000
# rows of a first roster's return package, the rows themselves 0.06 s). A quarter's package
# of 2,000 people (6,000 months) and test_kill_returns.py's (5,154) take this path.
COUNT_MIN = 2000
_LEDGER_TRIGGERS = ("stats_ledger_ad", "stats_ledger_ai")
_BIRTH_MONTH = ("(CAST(substr(birth_date, 1, 4) AS INTEGER) * 12"
                " + CAST(substr(birth_date, 6, 2) AS INTEGER) - 1)")  # as the triggers have it
_ADD_STATS = ("INSERT INTO stats_ledger (month, birth_month, people, fen) VALUES (?, ?, ?, ?)"
              " ON CONFLICT (month, birth_month) DO UPDATE SET"
              " people = stats_ledger.people + excluded.people,"
              " fen = stats_ledger.fen + excluded.fen")


def _count_ledger(conn: Connection, cur: Any, held: dict[tuple[int, int], int],
                  gone: list[tuple[int, int]], new: list[tuple[int, int, int]]) -> list[str]:
    """SQLite: add to stats_ledger what the ledger triggers would for deleting `gone` (their
    amounts in `held`) and inserting `new`, in one executemany (every (month, birth month) they
    touch gets its row, as from the triggers), and drop the insert and delete triggers; their
    SQL to restore (empty: no such triggers, nothing done)."""
    saved = bulk.drop_triggers(conn, _LEDGER_TRIGGERS)
    if not saved:
        return []
    ids = sorted({p for p, _m in gone} | {p for p, _m, _f in new})
    born: dict[int, int] = {}
    for chunk in _chunks(ids):
        born.update(cur.execute(f"SELECT id, {_BIRTH_MONTH} FROM people WHERE id IN "
                                f"({', '.join('?' * len(chunk))})", chunk).fetchall())
    sums: dict[tuple[int, int], list[int]] = {}

    def add(pid: int, month: int, fen: int, sign: int) -> None:
        if pid in born:  # the triggers join people
            got = sums.setdefault((month, born[pid]), [0, 0])
            if fen > 0:
                got[0] += sign
                got[1] += sign * fen

    for pid, month in gone:
        add(pid, month, held[(pid, month)], -1)
    for pid, month, fen in new:
        add(pid, month, fen, 1)
    cur.executemany(_ADD_STATS, [(m, b, n, fen) for (m, b), (n, fen) in sorted(sums.items())])
    return saved


def add_recovery(session: Session, person_id: int, roster_id: int, period: str, month: str,
                 amount_fen: int) -> RecoveryRow:
    row = RecoveryRow(person_id=person_id, roster_id=roster_id, period=period, month=month,
                      amount_fen=amount_fen)
    session.add(row)
    session.flush()
    return row


def settle(session: Session, recovery_id: int, on: date | None, by: str | None) -> bool:
    row = session.get(RecoveryRow, recovery_id)
    if row is None:
        return False
    row.settled_on, row.settled_by = on, by
    session.flush()
    return True
