"""SQL of the district roster (multi-office.md §3, §5): which street registered each person,
what a street's own frozen rosters paid (it travels to the district), and that street ledger
written into the district's ledger while the street pays."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple, cast

from sqlalchemy import Table, delete, insert, select, text
from sqlalchemy.orm import Session

from elderdesk.store.orm import PersonRow
from elderdesk.store.orm_allowance import LedgerRow, RosterRow
from elderdesk.store.orm_exchange import RecordRow


def person_offices(session: Session) -> dict[int, str]:
    """people.id -> the street that registered the person (people.office, migration 0011);
    an office's own registrations are not listed."""
    return dict(session.execute(select(PersonRow.id, PersonRow.office).where(
        PersonRow.office != "")).all())


def offices_by_id_number(session: Session, id_numbers: Iterable[str]) -> dict[str, str]:
    """ID number -> the registering street of those listed (withheld people's office)."""
    numbers = sorted(set(id_numbers))
    out: dict[str, str] = {}
    for i in range(0, len(numbers), 500):
        out.update(session.execute(select(PersonRow.id_number, PersonRow.office).where(
            PersonRow.id_number.in_(numbers[i:i + 500]), PersonRow.office != "")).all())
    return out


def own_frozen_rosters(session: Session) -> list[RosterRow]:
    """The rosters this office froze itself (not those its district froze), by period."""
    return list(session.execute(select(RosterRow).where(
        RosterRow.status == "frozen", RosterRow.frozen_by_office.is_(None))
        .order_by(RosterRow.period)).scalars())


def own_paid(session: Session) -> dict[int, dict[int, int]]:
    """person_id -> {Month.index: net fen} of what this office's own frozen rosters paid
    (recoveries subtract; months netting to zero left out)."""
    rows = session.execute(text(
        "SELECT l.person_id, i.month, sum(CASE i.kind WHEN 2 THEN -i.amount_fen"
        " ELSE i.amount_fen END) FROM roster_items i"
        " JOIN roster_lines l ON l.id = i.line_id JOIN rosters r ON r.id = l.roster_id"
        " WHERE r.status = 'frozen' AND r.frozen_by_office IS NULL"
        " GROUP BY l.person_id, i.month"))
    out: dict[int, dict[int, int]] = defaultdict(dict)
    for pid, month, fen in rows:
        if fen:
            out[pid][int(month)] = int(fen)
    return out


def replace_ledger(session: Session, person_id: int, paid: dict[int, int]) -> None:
    """A person's ledger here becomes `paid` ({Month.index: fen})."""
    session.execute(delete(LedgerRow).where(LedgerRow.person_id == person_id))
    session.add_all(LedgerRow(person_id=person_id, month=m, paid_fen=fen)
                    for m, fen in sorted(paid.items()) if fen)
    session.flush()


_LEDGER = cast(Table, LedgerRow.__table__)  # Core inserts (executemany), not the ORM's


def replace_ledgers(session: Session, paid: dict[int, dict[int, int]]) -> None:
    """replace_ledger for many people at once (one DELETE per 500 people, one executemany)."""
    ids = sorted(paid)
    for i in range(0, len(ids), 500):
        session.execute(delete(LedgerRow).where(LedgerRow.person_id.in_(ids[i:i + 500])))
    rows = [{"person_id": pid, "month": m, "paid_fen": fen}
            for pid in ids for m, fen in sorted(paid[pid].items()) if fen]
    for i in range(0, len(rows), 5000):
        session.execute(insert(_LEDGER), rows[i:i + 5000])


def street_roster_periods(session: Session, street: str, kind: str) -> list[str]:
    """The periods of a street's own frozen rosters this district holds (records of `kind`)."""
    return sorted(r.key.removeprefix("paid-") for r in session.execute(select(RecordRow).where(
        RecordRow.kind == kind, RecordRow.owner == street)).scalars())


class StreetRecordBody(NamedTuple):
    """A partner's record as received (exchange_records), for reading its JSON body."""

    owner: str  # the street that sent it
    key: str
    body: str | None


def street_record_bodies(session: Session, kind: str) -> list[StreetRecordBody]:
    """Every partner record of `kind` held here, by owner and key."""
    return [StreetRecordBody._make(r) for r in session.execute(select(
        RecordRow.owner, RecordRow.key, RecordRow.body).where(RecordRow.kind == kind)
        .order_by(RecordRow.owner, RecordRow.key)).all()]


def line_offices(session: Session, roster_id: int) -> dict[int, str]:
    """person_id -> office of a district roster's lines (roster_lines.office)."""
    return {pid: office for pid, office in session.execute(text(
        "SELECT person_id, office FROM roster_lines WHERE roster_id = :r AND office IS NOT NULL"),
        {"r": roster_id})}


def line_id_numbers(session: Session, roster_id: int, office: str) -> set[str]:
    """The ID numbers of a district roster's lines of one street (the bank file's filter)."""
    return {r[0] for r in session.execute(text(
        "SELECT s.id_number FROM roster_lines l JOIN roster_snapshots s"
        " ON s.person_id = l.person_id AND s.roster_id = l.snapshot_roster_id"
        " WHERE l.roster_id = :r AND l.office = :o"), {"r": roster_id, "o": office})}


def move_recovered_months(session: Session, roster_id: int) -> None:
    """Before a district freeze: where a line recovers a month whose ledger row belongs to
    another registration of the same ID (a person who moved between streets the district
    pays), that row moves onto the line's person, so the freeze nets it there."""
    found = session.execute(text(
        "SELECT DISTINCT l.person_id, p.id_number, i.month FROM roster_items i"
        " JOIN roster_lines l ON l.id = i.line_id JOIN people p ON p.id = l.person_id"
        " WHERE l.roster_id = :r AND i.kind = 2"), {"r": roster_id}).all()
    for pid, number, month in found:
        others = session.execute(text(
            "SELECT g.person_id, g.paid_fen FROM ledger g JOIN people p ON p.id = g.person_id"
            " WHERE p.id_number = :n AND g.person_id != :p AND g.month = :m"),
            {"n": number, "p": pid, "m": month}).all()
        for other, fen in others:
            session.execute(delete(LedgerRow).where(LedgerRow.person_id == other,
                                                    LedgerRow.month == month))
            row = session.get(LedgerRow, (pid, month))
            if row is None:
                session.add(LedgerRow(person_id=pid, month=month, paid_fen=fen))
            else:
                row.paid_fen += fen
        session.flush()


def shared_ids(session: Session, person_ids: Iterable[int]) -> bool:
    """Whether any of these people's ID numbers is registered in another row too."""
    ids = sorted(set(person_ids))
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        if session.execute(select(PersonRow.id).where(
                PersonRow.id_number.in_(select(PersonRow.id_number).where(
                    PersonRow.id.in_(chunk))), PersonRow.id.not_in(chunk)).limit(1)).first():
            return True
    return False
