"""Bulk reads and writes for building and freezing rosters (raw SQL where row counts are large)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

_d = date.fromisoformat


def _date(value: Any) -> date | None:
    return _d(value[:10]) if value else None


def candidates(session: Session) -> list[tuple]:
    """People who were ever approved, or who hold ledger money: (id, id_number, name, sex,
    birth_date, street, community, bank, account, death_date, moved_out_on)."""
    rows = session.execute(text(
        "SELECT id, id_number, name, sex, birth_date, street, community, bank, account, "
        "death_date, moved_out_on FROM people WHERE id IN ("
        " SELECT person_id FROM enrollments WHERE approved_on IS NOT NULL"
        " UNION SELECT person_id FROM ledger)"
    ))
    return [(r[0], r[1], r[2], r[3], _d(r[4]), r[5], r[6], r[7], r[8], _date(r[9]),
             _date(r[10])) for r in rows]


def enrollments_by_person(session: Session) -> dict[int, list[tuple]]:
    """person_id -> [(applied_on, approved, ended_on, end_reason)] in application order."""
    out: dict[int, list[tuple]] = defaultdict(list)
    rows = session.execute(text(
        "SELECT person_id, applied_on, status, approved_on, ended_on, end_reason "
        "FROM enrollments ORDER BY id"))
    for pid, applied, status, approved_on, ended, reason in rows:
        approved = approved_on is not None and status in ("approved", "stopped")
        out[pid].append((_d(applied), approved, _date(ended), reason))
    return out


def lifecerts_by_person(session: Session) -> dict[int, list[date]]:
    out: dict[int, list[date]] = defaultdict(list)
    for pid, d in session.execute(text("SELECT person_id, cert_date FROM lifecerts")):
        out[pid].append(_d(d))
    return out


def ledger_by_person(session: Session) -> dict[int, dict[str, int]]:
    out: dict[int, dict[str, int]] = defaultdict(dict)
    for pid, month, paid in session.execute(text("SELECT person_id, month, paid_fen FROM ledger")):
        out[pid][month] = paid
    return out


def next_id(session: Session, table: str) -> int:
    return (session.execute(text(f"SELECT max(id) FROM {table}")).scalar() or 0) + 1


def insert_lines(session: Session, lines: list[dict], items: list[dict]) -> None:
    if lines:
        session.execute(text(
            "INSERT INTO roster_lines (id, roster_id, person_id, id_number, name, sex, "
            "birth_date, street, community, bank, account, band, monthly_fen, paid_fen, "
            "recovery_fen) VALUES (:id, :roster_id, :person_id, :id_number, :name, :sex, "
            ":birth_date, :street, :community, :bank, :account, :band, :monthly_fen, "
            ":paid_fen, :recovery_fen)"), lines)
    if items:
        session.execute(text(
            "INSERT INTO roster_items (line_id, month, kind, amount_fen) "
            "VALUES (:line_id, :month, :kind, :amount_fen)"), items)


def load_lines(session: Session, roster_id: int) -> tuple[list[tuple], dict[int, list[tuple]]]:
    lines = session.execute(text(
        "SELECT id, id_number, name, sex, birth_date, street, community, bank, account, band, "
        "monthly_fen, person_id FROM roster_lines WHERE roster_id = :r ORDER BY id_number"),
        {"r": roster_id}).all()
    items: dict[int, list[tuple]] = defaultdict(list)
    for line_id, month, kind, amount in session.execute(text(
            "SELECT i.line_id, i.month, i.kind, i.amount_fen FROM roster_items i "
            "JOIN roster_lines l ON l.id = i.line_id WHERE l.roster_id = :r "
            "ORDER BY i.line_id, i.month, i.kind"), {"r": roster_id}):
        items[line_id].append((month, kind, amount))
    return [tuple(r) for r in lines], items


def apply_to_ledger(session: Session, roster_id: int) -> None:
    """Freeze: payments add to the ledger, recoveries subtract; zero rows are removed."""
    session.execute(text(
        "INSERT INTO ledger (person_id, month, paid_fen) "
        "SELECT l.person_id, i.month, sum(CASE i.kind WHEN 'recovery' THEN -i.amount_fen "
        "ELSE i.amount_fen END) FROM roster_items i JOIN roster_lines l ON l.id = i.line_id "
        "WHERE l.roster_id = :r GROUP BY l.person_id, i.month "
        "ON CONFLICT (person_id, month) DO UPDATE SET paid_fen = paid_fen + excluded.paid_fen"),
        {"r": roster_id})
    session.execute(text("DELETE FROM ledger WHERE paid_fen = 0"))
    negative = session.execute(text("SELECT count(*) FROM ledger WHERE paid_fen < 0")).scalar()
    if negative:
        raise RuntimeError("ledger would become negative")
    session.execute(text(
        "INSERT INTO recoveries (person_id, roster_id, period, month, amount_fen) "
        "SELECT l.person_id, r.id, r.period, i.month, i.amount_fen FROM roster_items i "
        "JOIN roster_lines l ON l.id = i.line_id JOIN rosters r ON r.id = l.roster_id "
        "WHERE r.id = :r AND i.kind = 'recovery'"), {"r": roster_id})


def ledger_by_person_id(session: Session, person_id: int) -> dict[str, int]:
    return dict(session.execute(text(
        "SELECT month, paid_fen FROM ledger WHERE person_id = :p ORDER BY month"),
        {"p": person_id}).all())
