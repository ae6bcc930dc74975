"""Three offices in one test: a district (420103) and two of its streets (001, 002), each a
SQLite file with its admin, a clerk, a reviewer and (district) an approver, keys registered
both ways."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ADMIN_PASSWORD, PASSWORD, wuhan_policy
from tests.safety.conftest import copy_db
from tests.safety.kill import Milestone, Operation

REGION = "420103"
A, B = "420103001", "420103002"
IMPORT_PHASES = ("before", "importing", "committing", "after")


@dataclass
class Office:
    code: str
    path: Path
    services: object
    admin: object
    clerk: object
    reviewer: object
    approver: object

    def reopen(self) -> None:
        from elderdesk.services.container import Services

        self.services.close()
        self.services = Services.open(self.path)


def killable_import(name: str, office_db: Path, package: Path
                    ) -> tuple[Operation, Callable[[Path], None]]:
    """`exchange import <package>` as admin on work/office.db, split into IMPORT_PHASES by its
    transaction's milestones; and the prepare that puts a copy of office_db there."""
    def prepare(work: Path) -> None:
        copy_db(office_db, work / "office.db")

    op = Operation(name, lambda w: [
        "exchange", "import", str(package), "--db", str(w / "office.db"), "--user", "admin",
        "--json"],
        (Milestone("B", "import_file"), Milestone("E", "import_file"),
         Milestone("C", "import_file")), IMPORT_PHASES)
    return op, prepare


def make_office(folder: Path, name: str, street: str | None, district: bool = False) -> Office:
    from elderdesk.services.container import Services
    from elderdesk.services.users.service import initialise

    path = folder / f"{name}.db"
    initialise(path, REGION, name, "admin", ADMIN_PASSWORD, policy_source=wuhan_policy(),
               street=street, level="district" if district else "street").close()
    svc = Services.open(path)
    admin = svc.users.authenticate("admin", ADMIN_PASSWORD)
    ops = []
    for user, role in (("clerk", "clerk"), ("reviewer", "reviewer"), ("approver", "approver")):
        svc.users.add(admin, user, [role], PASSWORD)
        ops.append(svc.users.authenticate(user, PASSWORD))
    code = REGION + street if street else REGION
    return Office(code, path, svc, admin, *ops)


def make_offices(folder: Path, street_name: str = "街道") -> dict[str, Office]:
    """A district and its streets 001 and 002, each registered with the other."""
    district = make_office(folder, "district", None, district=True)
    a = make_office(folder, "street_a", "001")
    b = make_office(folder, "street_b", "002")
    for street in (a, b):
        district.services.office.add_partner(
            district.admin, street.code, f"{street_name}{street.code[-3:]}",
            street.services.cards.public_key().encode())
        street.services.office.add_partner(street.admin, REGION, "江汉区民政局",
                                           district.services.cards.public_key().encode())
    return {"district": district, "a": a, "b": b}


def sql(path: Path, statement: str) -> list[tuple]:
    """One statement on an office's file, committed; its rows."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            return conn.execute(statement).fetchall()
    finally:
        conn.close()


def street_paid_by_district(folder: Path, people: int, enrolled: int, seed: int
                            ) -> tuple[Office, Office]:
    """(district, street 001): the district pays the street; the street's demo register of
    `people` with `enrolled` applications, reviewed at the street (2026-01-05), has reached the
    district, which approved them all (2026-01-10, in bulk: one service call each would take
    seconds). The caller sets ELDERDESK_TODAY (2026-01-10) and closes both."""
    from elderdesk.demo.generator import DemoService

    d = make_office(folder, "district", None, district=True)
    a = make_office(folder, "street", "001")
    try:
        d.services.office.add_partner(d.admin, A, "民意街道", a.services.cards.public_key().encode())
        a.services.office.add_partner(a.admin, REGION, "江汉区民政局",
                                      d.services.cards.public_key().encode())
        d.services.office.payment(d.admin, A, "district")
        DemoService(a.services.db).fill(a.admin, people, seed=seed, enrolled=enrolled)
        # The demo approved its applications itself; here the district decides them.
        sql(a.path, "UPDATE enrollments SET status = 'reviewed', applied_on = '2026-01-05',"
            " reviewed_on = '2026-01-05', approved_on = NULL, approved_by = NULL"
            " WHERE status = 'approved'")
        for sender, receiver, name in ((d, a, "setting"), (a, d, "register")):
            out = folder / f"{name}.edx"
            sender.services.exchange.export(sender.admin, out, to=A if sender is d else None)
            receiver.services.exchange.import_file(receiver.admin, out)
        sql(d.path, "UPDATE enrollments SET status = 'approved', approved_on = '2026-01-10',"
            " approved_by = 'approver' WHERE status = 'reviewed'")
    except BaseException:
        d.services.close()
        a.services.close()
        raise
    return d, a


def close_offices(found: dict[str, Office]) -> None:
    for o in found.values():
        o.services.close()


@pytest.fixture
def offices(tmp_path: Path):
    found = make_offices(tmp_path)
    yield found
    close_offices(found)
