"""A district's frozen roster going back to its streets (multi-office.md §5), through the
command line: each street's part (an empty one too) replaces the street's draft and is kept
frozen like its own rosters; a re-import and an older version change nothing; a street
refuses lines for a person it does not own, and cannot freeze a period its district froze."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from elderdesk.services import settings
from elderdesk.services.audit import anchors
from elderdesk.services.exchange import package, returns
from elderdesk.store import audit_repo, roster_repo
from tests.exchange.conftest import REGION, A, B
from tests.exchange.test_district_e2e import World, register
from tests.exchange.test_exchange_refusals import dump

DAY, Q1 = "2026-01-10", "2026-03-10"
ROSTER_TABLES = ("rosters", "roster_lines", "roster_items", "roster_snapshots", "ledger",
                 "recoveries")


@pytest.fixture
def frozen(offices, tmp_path, monkeypatch):
    """A's two people approved, B's one rejected; the district pays both streets, froze
    2026Q1 and wrote its packages to A and B (not imported yet)."""
    w = World(offices, tmp_path, monkeypatch)
    ids_a = register(offices["a"], [(1, 10), (2, 11)], monkeypatch)
    ids_b = register(offices["b"], [(4, 50)], monkeypatch)
    for street in (A, B):
        w("district", "office", "payment", street, "district", today=DAY)
    w.send("a", "district", DAY)
    w.send("b", "district", DAY)
    for number in ids_a:
        w("district", "allowance", "approve", number, "--date", DAY, today=DAY, json=False)
    w("district", "allowance", "reject", ids_b[0], "--reason", "户籍不符", "--date", DAY,
      today=DAY, json=False)
    for street in ("a", "b"):
        w.send("district", street, DAY)
        w.send(street, "district", DAY)  # acknowledges the payment setting
    # Street A checks its data with a draft of the quarter before the district freezes.
    w("a", "roster", "build", "--period", "2026Q1", today=Q1)
    w("district", "roster", "build", "--period", "2026Q1", today=Q1)
    w("district", "roster", "freeze", "--period", "2026Q1", today=Q1)
    files = {}
    for street in ("a", "b"):
        files[street] = tmp_path / f"q1-{street}.edx"
        w("district", "exchange", "export", "--out", str(files[street]), "--to",
          offices[street].code, today=Q1)
    return w, files, ids_a, ids_b


def district_check_code(w: World) -> str:
    """The 校验码 of the district's freeze of 2026Q1 (its audit record)."""
    with w.o["district"].services.db.read() as s:
        freeze = audit_repo.last_of(s, "roster.freeze", "2026Q1")
        assert freeze is not None
        return anchors.check_code(freeze.record, freeze.sha256)


def roster_rows(path: Path) -> dict[str, list]:
    every = dump(path)
    return {t: every[t] for t in ROSTER_TABLES}


def records(path: Path) -> tuple[dict, list[dict]]:
    lines = path.read_bytes().split(b"\n")
    return json.loads(lines[0]), [json.loads(x) for x in lines[2:] if x]


def forged(w: World, path: Path, header: dict, recs: list[dict]) -> Path:
    with w.o["district"].services.db.read() as s:
        pem = settings.get(s, "office.private_key")
    path.write_bytes(package.write(header, package.body_bytes(recs), pem))
    return path


def test_each_street_gets_its_part_frozen_by_the_district(frozen):
    w, files, ids_a, _ids_b = frozen
    a = w.o["a"]
    assert w("a", "roster", "show", "--period", "2026Q1", today=Q1)["status"] == "draft"
    got_a = w("a", "exchange", "import", str(files["a"]), today=Q1)
    got_b = w("b", "exchange", "import", str(files["b"]), today=Q1)
    assert got_a["counts"]["roster"] == 1 and got_a["counts"]["ledger"] >= 2
    assert (got_b["counts"]["roster"], got_b["counts"]["ledger"]) == (1, 0)
    shown = w("a", "roster", "show", "--period", "2026Q1", today=Q1)
    assert (shown["status"], shown["frozen_by"]) == ("frozen", REGION)
    assert sorted(ln["id_number"] for ln in shown["lines"]) == sorted(ids_a)
    district = w("district", "roster", "show", "--period", "2026Q1", today=Q1)
    assert shown["totals"] == district["totals"] and "frozen_by" not in district
    # B's part is empty (its one application was rejected) and still frozen by the district.
    empty = w("b", "roster", "show", "--period", "2026Q1", today=Q1)
    assert (empty["status"], empty["frozen_by"], empty["lines"]) == ("frozen", REGION, [])
    assert empty["totals"]["people"] == 0 and empty["totals"]["paid"] in ("0.00", "0")
    # The draft A built was replaced: one roster of the period, frozen.
    conn = sqlite3.connect(a.path)
    try:
        assert conn.execute("SELECT status, frozen_by_office FROM rosters").fetchall() == [
            ("frozen", REGION)]
        # Kept as the street's own frozen rosters are: the database refuses changes.
        for sql in ("UPDATE roster_lines SET paid_fen = 1", "DELETE FROM roster_items",
                    "UPDATE rosters SET people = 0"):
            with pytest.raises(sqlite3.DatabaseError, match="frozen roster is immutable"):
                conn.execute(sql)
    finally:
        conn.close()
    # The street prints it (the district's 校验码 on it); the bank file is the district's.
    pdf = a.path.parent / "a-2026Q1.pdf"
    w("a", "roster", "export", "--period", "2026Q1", "--pdf", str(pdf), today=Q1, json=False)
    assert pdf.read_bytes().startswith(b"%PDF")
    with a.services.db.read() as s:
        row = roster_repo.find_roster(s, "2026Q1")
        assert returns.received_check_code(s, row.id) == district_check_code(w)
    # The street cannot freeze, nor draft again, a period its district froze.
    for argv in (("freeze",), ("build",)):
        r = w("a", "roster", *argv, "--period", "2026Q1", today=Q1, json=False, status=4)
        assert r.err.split(":")[0] in ("ROSTER_FROZEN", "DISTRICT_PAYS",
                                       "PERIOD_NOT_AFTER_FROZEN", "DISTRICT_PAYS_PERIOD"), r.err


def test_a_reimport_and_an_older_version_change_nothing(frozen, tmp_path):
    w, files, _ids_a, _ids_b = frozen
    a = w.o["a"]
    first = w("a", "exchange", "import", str(files["a"]), today=Q1)
    before = dump(a.path)
    again = w("a", "exchange", "import", str(files["a"]), today=Q1)
    assert again["already_imported"] is True and dump(a.path) == before
    # The same records again in a new package (--since-seq): nothing is written twice.
    resend = tmp_path / "resend.edx"
    w("district", "exchange", "export", "--out", str(resend), "--to", A, "--since-seq",
      str(first["seq"] - 1), today=Q1)
    rows = roster_rows(a.path)
    got = w("a", "exchange", "import", str(resend), today=Q1)
    assert sum(got["counts"].values()) == 0 and roster_rows(a.path) == rows
    # An older version of a ledger record never overwrites the newer one held; a newer does.
    header, recs = records(resend)
    ledger = next(r for r in recs if r["kind"] == "ledger")
    month = next(iter(ledger["data"]["months"]))
    changed = dict(ledger, data={**ledger["data"], "months": {month: 1}})
    seq = got["seq"]
    older = forged(w, tmp_path / "older.edx", {**header, "first_seq": seq + 1, "seq": seq + 1},
                   [dict(changed, version=ledger["version"] - 1)])
    assert w("a", "exchange", "import", str(older), today=Q1)["counts"]["ledger"] == 0
    assert roster_rows(a.path) == rows
    newer = forged(w, tmp_path / "newer.edx", {**header, "first_seq": seq + 2, "seq": seq + 2},
                   [dict(changed, version=10_000)])
    assert w("a", "exchange", "import", str(newer), today=Q1)["counts"]["ledger"] == 1
    assert roster_rows(a.path)["ledger"] != rows["ledger"]


def test_a_street_refuses_lines_for_a_person_it_does_not_own(frozen, tmp_path):
    w, files, _ids_a, ids_b = frozen
    a = w.o["a"]
    header, recs = records(files["a"])
    roster = next(r for r in recs if r["kind"] == "roster")
    columns = roster["data"]["columns"]
    line = dict(zip(columns, roster["data"]["lines"][0], strict=True))
    bad_lines = [[{**line, **change}[c] for c in columns] for change in (
        {"person": "999"},  # a key street A never sent
        {"id_number": ids_b[0]},  # A's key, but another person's ID number
    )]
    cases = [[dict(roster, data={**roster["data"], "lines": [bad]})] for bad in bad_lines]
    ledger = next(r for r in recs if r["kind"] == "ledger")
    cases.append([dict(ledger, data={**ledger["data"], "person": "999"})])
    for n, body in enumerate(cases):
        f = forged(w, tmp_path / f"foreign{n}.edx", header, body)
        before = dump(a.path)
        r = w("a", "exchange", "import", str(f), today=Q1, json=False, status=4)
        assert r.err.startswith("EXCHANGE_FOREIGN_PERSON:"), r.err
        assert dump(a.path) == before
    # Another street's part sent to A is refused as not A's (the street named in the data).
    other = dict(roster, key=f"{B}-2026Q1", data={**roster["data"], "street": B})
    f = forged(w, tmp_path / "other.edx", header, [other])
    r = w("a", "exchange", "import", str(f), today=Q1, json=False, status=4)
    assert r.err.startswith("EXCHANGE_NOT_OWNER:"), r.err
    # The district's real package still imports.
    assert w("a", "exchange", "import", str(files["a"]), today=Q1)["counts"]["roster"] == 1
