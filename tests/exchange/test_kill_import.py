"""Crash safety of `exchange import` (issue 15): SIGKILL a real `python -m elderdesk exchange
import` of a street's package of 2,000 people at eight moments (before, inside and at
the end of its one transaction). After each kill the district's file passes integrity_check and
its audit chain is unbroken, holds nothing of the package or all of it (people, applications
and the exchange_packages row agree), `audit verify` is ok, and importing the same file again
succeeds (imported, or recognised as already imported). Run with -s to see where the kills
landed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.conftest import ADMIN_PASSWORD, wuhan_policy
from tests.exchange.conftest import killable_import
from tests.safety.conftest import settle
from tests.safety.kill import TODAY, campaign, report
from tests.safety.test_kill import reopen, scalar

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]
RUNS = int(os.environ.get("ELDERDESK_KILL_RUNS", "10"))  # the issue asks for 10 kills
# The import writes its records in bulk (services/exchange/held.py): a street of 2,000 people
# (about 2,500 records) takes 1-2 s inside the transaction after a 2-3 s start on the loaded
# 2-core machine, so most kills land inside the import; 10 kills, two at a time, each followed
# by the re-import (8 kills took 22 s at load 3, 36-50 s at load 11).
# ELDERDESK_KILL_PEOPLE / ELDERDESK_KILL_RUNS change the size.
PEOPLE = int(os.environ.get("ELDERDESK_KILL_PEOPLE", "2000"))
REGION, STREET = "420103", "420103001"
ALLOWED = {"before": {"none"}, "importing": {"none"}, "committing": {"none", "all"},
           "after": {"all"}}


@pytest.fixture(scope="module")
def district_and_package(tmp_path_factory):
    """A district that registered street 001, and street 001's first package: PEOPLE demo
    people with their applications and proofs of life."""
    from elderdesk.demo.generator import DemoService
    from elderdesk.services.container import Services
    from elderdesk.services.users.service import initialise

    folder = tmp_path_factory.mktemp("kill_import")
    paths = {}
    for name, kw in (("district", {"level": "district"}), ("street", {"street": "001"})):
        paths[name] = folder / f"{name}.db"
        initialise(paths[name], REGION, name, "admin", ADMIN_PASSWORD,
                   policy_source=wuhan_policy(), **kw).close()
    package = folder / "street-to-district.edx"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ELDERDESK_TODAY", TODAY)
        district, street = Services.open(paths["district"]), Services.open(paths["street"])
        try:
            d_admin = district.users.authenticate("admin", ADMIN_PASSWORD)
            s_admin = street.users.authenticate("admin", ADMIN_PASSWORD)
            district.office.add_partner(d_admin, STREET, "民意街道",
                                        street.cards.public_key().encode())
            street.office.add_partner(s_admin, REGION, "江汉区民政局",
                                      district.cards.public_key().encode())
            DemoService(street.db).fill(s_admin, PEOPLE, seed=5, enrolled=PEOPLE // 10)
            exported = street.exchange.export(s_admin, package)
            assert exported.records > PEOPLE
        finally:
            district.close()
            street.close()
    settle(paths["district"])
    return paths["district"], package, exported.records


def _state(db_path: Path) -> tuple[int, int, int]:
    conn = reopen(db_path)  # integrity_check ok and the audit chain unbroken
    try:
        return (scalar(conn, "SELECT count(*) FROM people"),
                scalar(conn, "SELECT count(*) FROM enrollments"),
                scalar(conn, "SELECT count(*) FROM exchange_packages"))
    finally:
        conn.close()


def test_kill_during_exchange_import(district_and_package, tmp_path, monkeypatch):
    from elderdesk.services.container import Services

    monkeypatch.setenv("ELDERDESK_TODAY", TODAY)  # as the killed runs had it
    district, package, records = district_and_package
    before = _state(district)
    assert before == (0, 0, 0)
    full: list[tuple[int, int, int]] = []

    op, prepare = killable_import("exchange import", district, package)

    def verify(work: Path, phase: str) -> str:
        db_path = work / "office.db"
        state = _state(db_path)
        if state == before:
            outcome = "none"
        elif state[0] >= PEOPLE and state[2] == 1 and (not full or state == full[0]):
            outcome = "all"
            full.append(state)
        else:
            return f"MIXED people/applications/packages={state}"
        services = Services.open(db_path)
        try:
            admin = services.users.authenticate("admin", ADMIN_PASSWORD)
            check = services.safety.verify_audit(admin)
            assert check.ok, check
            again = services.exchange.import_file(admin, package)  # the same file later
            assert again.already_imported == (outcome == "all"), (outcome, again)
        finally:
            services.close()
        after = _state(db_path)
        assert after[2] == 1 and after[0] >= PEOPLE and (not full or after == full[0]), after
        return outcome

    result = campaign(op, prepare, verify, tmp_path, runs=RUNS)
    text = report("exchange import", result)
    print(f"\n{text} ({records} records)")
    bad = [r for r in result.results if r.outcome not in ALLOWED[r.phase]]
    assert not bad, f"{text}\nwrong outcomes: {bad}"
    assert result.counts()["before"] <= RUNS * 3 // 4, text  # most kills inside the import
