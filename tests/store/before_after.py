"""What the migration tests upgrade and compare: a register with two frozen quarters,
recoveries, proofs of life and a rebuilt draft (make_history), and everything the program shows,
pays and exports from it (dump), read before and after an upgrade."""

from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import text

from elderdesk.demo.generator import DemoService
from elderdesk.services.auth import Operator
from elderdesk.services.container import Services
from elderdesk.store.db import Database
from tests.store import legacy

FROZEN = ("2026Q1", "2026Q2")
DRAFT = "2026Q3"


def change_printed(db: Database, tag: str, every: int) -> None:
    """What a roster prints changes for some enrolled people: bank, account, street."""
    with db.write() as s:
        s.execute(text(
            "UPDATE people SET bank = :bank, account = :acct || substr(id_number, 7), "
            "street = CASE WHEN id % 2 = 0 THEN street ELSE :street END "
            "WHERE id IN (SELECT person_id FROM enrollments) AND id % :every = 0"),
            {"bank": f"中国银行{tag}", "acct": "62166", "street": f"新街道{tag}",
             "every": every})


def dump(services: Services, op: Operator, folder: Path, tag: str) -> dict:
    """Rosters, bank sheets, comparison, recoveries and every payment history, by name."""
    out: dict = {}
    views = {p: services.roster.show(op, p) for p in (*FROZEN, DRAFT)}
    out["views"] = views
    out["statuses"] = [(p, v.status) for p, v in views.items()]
    for p in FROZEN:
        path = services.roster.export(op, p, xlsx=folder / f"{tag}-{p}.xlsx")[0]
        sheet = CalamineWorkbook.from_path(str(path))
        out[f"bank {p}"] = [sheet.get_sheet_by_index(0).to_python()]
    out["compare"] = repr(services.roster.compare(op, DRAFT))
    out["recoveries"] = services.roster.recoveries(op)
    ids = sorted({ln.id_number for v in views.values() for ln in v.lines})
    out["history"] = {i: repr(services.allowance.history(op, i)) for i in ids}
    out.update(legacy.history_rows(services))
    return out


def make_history(db: Database, services: Services, op: Operator, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two frozen quarters (2026Q1 by the demo), three deaths told after payment (recoveries
    in 2026Q2), proofs of life, and a draft of 2026Q3 rebuilt after the printed columns
    changed by SQL: the history both migration tests upgrade."""
    DemoService(db).fill(op, 600, seed=3, enrolled=150, quarters=1)  # 2026Q1 frozen
    change_printed(db, "甲", 7)
    with db.read() as s:
        paid = s.execute(text(
            "SELECT DISTINCT p.id_number FROM ledger g JOIN people p ON p.id = g.person_id "
            "WHERE p.status = 'active' ORDER BY p.id LIMIT 3")).scalars().all()
    for idn in paid:  # died in 2026Q1, told after it was paid: recoveries in 2026Q2
        services.people.record_death(op, idn, date(2026, 2, 10))
    services.roster.build(op, FROZEN[1])
    services.roster.freeze(op, FROZEN[1])
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-08-20")
    with db.read() as s:
        living = s.execute(text(
            "SELECT p.id_number FROM people p JOIN enrollments e ON e.person_id = p.id "
            "WHERE e.status = 'approved' AND p.status = 'active' ORDER BY p.id")).scalars().all()
    for idn in living:
        services.allowance.lifecert(op, idn)
    change_printed(db, "乙", 5)
    services.roster.build(op, DRAFT)
    change_printed(db, "丙", 11)
    services.roster.build(op, DRAFT, full=True)  # a rebuild replaces the draft (the
    # printed data changed by SQL, unaudited: an incremental rebuild would not see it)
