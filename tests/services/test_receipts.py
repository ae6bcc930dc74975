"""Fee receipts (issue 16): numbered with the card issue that takes the fee, gap-free per year
under two real processes, voided keeping the number, the day's total (日结) = the valid ones."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import text

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from elderdesk.services import audit
from tests.conftest import PASSWORD
from tests.helpers import make_id

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

D = date.fromisoformat
ROOT = Path(__file__).resolve().parents[2]


def add(services, op, birth="1950-07-15", seq=11, name="欧阳秀英"):
    return services.people.add(op, PersonInput(id_number=make_id(birth, seq), name=name))


@pytest.fixture
def fees(services, admin):
    services.cards.set_rule(admin, "card.fee.new", "5")  # a first card costs 5 yuan here
    return services


def code_of(fn, *args):  # type: ignore[no-untyped-def]
    with pytest.raises(ElderError) as e:
        fn(*args)
    return e.value.code, e.value.exit_status


def test_issue_and_reissue_with_a_fee_number_a_receipt(fees, clerk):
    p = add(fees, clerk)
    card = fees.cards.issue(clerk, p.id_number, D("2026-05-20"))
    assert card.receipt_no == "SJ4201032026000001" and card.to_json()["receipt_no"] == card.receipt_no
    r = fees.receipts.get(clerk, card.receipt_no)
    assert (r.payer, r.id_number, r.item, r.amount_fen, r.capital, r.clerk, r.issued_on,
            r.office, r.status, r.card_no) == (
        "欧阳秀英", p.id_number, "老年证工本费（首次发证）", 500, "伍元整", "clerk1", D("2026-05-20"),
        "江汉区民意街道社区服务中心", "valid", card.card_no)
    again = fees.cards.reissue(clerk, p.id_number, "lost", D("2026-05-21"))
    r2 = fees.receipts.get(clerk, again.receipt_no)
    assert r2.no == "SJ4201032026000002" and r2.item == "老年证工本费（遗失）"
    assert r2.amount_fen == again.fee_fen > 0
    assert fees.receipts.for_card(clerk, again.card_no) == r2


def test_a_free_card_has_no_receipt_and_takes_no_number(services, clerk, admin):
    p = add(services, clerk)
    assert services.cards.issue(clerk, p.id_number, D("2026-05-20")).receipt_no is None
    services.cards.set_rule(admin, "card.fee.new", "5")
    q = add(services, clerk, seq=21)
    assert services.cards.issue(clerk, q.id_number, D("2026-05-20")).receipt_no.endswith(
        "2026000001")


def test_numbers_restart_each_year_and_carry_the_street_code(fees, clerk, admin):
    a, b, c = (add(fees, clerk, seq=s).id_number for s in (11, 21, 31))
    assert fees.cards.issue(clerk, a, D("2025-12-31")).receipt_no == "SJ4201032025000001"
    assert fees.cards.issue(clerk, b, D("2026-01-02")).receipt_no == "SJ4201032026000001"
    with fees.db.write() as s:  # `office code 001` (multi-office.md): the full street code
        s.execute(text("INSERT INTO settings(key, value) VALUES ('office.code', '420103001')"))
    assert fees.cards.issue(clerk, c, D("2026-01-03")).receipt_no == "SJ4201030012026000002"


def test_a_rollback_gives_the_number_back(fees, clerk, monkeypatch):
    a, b = (add(fees, clerk, seq=s).id_number for s in (11, 21))
    real = audit.record

    def failing(s, op, action, *args, **kw):  # type: ignore[no-untyped-def]
        if action == "receipt.issue":
            raise OSError("power cut")
        return real(s, op, action, *args, **kw)

    monkeypatch.setattr(audit, "record", failing)
    with pytest.raises(OSError):
        fees.cards.issue(clerk, a, D("2026-05-20"))
    monkeypatch.setattr(audit, "record", real)
    assert fees.cards.current(clerk, a) is None  # the card went with its receipt
    card = fees.cards.issue(clerk, b, D("2026-05-20"))
    assert card.receipt_no == "SJ4201032026000001" and card.card_no.endswith("000001")


def test_void_keeps_the_number_and_leaves_the_total(fees, clerk, approver, admin):
    ids = [add(fees, clerk, seq=s).id_number for s in (11, 21, 31)]
    nos = [fees.cards.issue(clerk, i, D("2026-05-20")).receipt_no for i in ids]
    day = fees.receipts.day(clerk, D("2026-05-20"))
    assert day.total_fen == 1500 and [r.no for r in day.receipts] == nos
    voided = fees.receipts.void(approver, " sj" + nos[1][2:].replace("0", "０", 1), "收款有误 ")
    assert (voided.no, voided.status, voided.void_reason, voided.voided_by) == (
        nos[1], "void", "收款有误", "approver1")
    day = fees.receipts.day(approver, D("2026-05-20"))
    assert [r.no for r in day.receipts] == nos  # still listed, under its number
    assert [r.status for r in day.receipts] == ["valid", "void", "valid"]
    assert day.total_fen == sum(r.amount_fen for r in day.receipts if r.status == "valid") == 1000
    assert day.to_json()["total"] == "10.00" and day.to_json()["void_count"] == 1
    # the next receipt takes the next number: a voided one is never reused
    new = add(fees, clerk, seq=41).id_number
    assert fees.cards.issue(clerk, new, D("2026-05-20")).receipt_no.endswith("2026000004")
    assert fees.cards.current(clerk, ids[1]).status == "valid"  # the card is not touched
    assert code_of(fees.receipts.void, approver, nos[1], "again") == ("RECEIPT_VOID", 4)
    assert code_of(fees.receipts.void, approver, "SJ4201032026999999", "x") == (
        "RECEIPT_NOT_FOUND", 4)
    assert code_of(fees.receipts.void, approver, nos[0], "  ") == ("REASON_REQUIRED", 2)
    assert code_of(fees.receipts.void, approver, nos[0], "a\u202eb") == ("FIELD_BAD_CHARS", 2)
    assert code_of(fees.receipts.void, clerk, nos[0], "x") == ("ROLE_DENIED", 3)
    own = add(fees, admin, seq=51).id_number  # nobody voids a receipt they issued
    mine = fees.cards.issue(admin, own, D("2026-05-20")).receipt_no
    assert code_of(fees.receipts.void, admin, mine, "x") == ("RECEIPT_OWN", 3)
    with fees.db.read() as s:
        acts = [r[0] for r in s.execute(text("SELECT action FROM audit_log ORDER BY id"))]
    assert acts.count("receipt.issue") == 5 and acts.count("receipt.void") == 1


def test_day_reports_total_the_valid_receipts(fees, clerk, approver, tmp_path):
    ids = [add(fees, clerk, seq=s, name=f"老人{s}").id_number for s in range(11, 18)]
    nos = [fees.cards.issue(clerk, i, D("2026-05-20")).receipt_no for i in ids]
    fees.cards.reissue(clerk, ids[0], "damaged", D("2026-05-20"))
    fees.cards.issue(clerk, add(fees, clerk, seq=31).id_number, D("2026-05-19"))  # another day
    fees.receipts.void(approver, nos[2], "重复收费")
    day = fees.receipts.export_day(clerk, D("2026-05-20"), pdf=tmp_path / "day.pdf",
                                   xlsx=tmp_path / "day.xlsx")
    assert len(day.receipts) == 8
    expected = sum(r.amount_fen for r in day.receipts if r.valid)
    assert day.total_fen == expected
    rows = CalamineWorkbook.from_path(str(tmp_path / "day.xlsx")).get_sheet_by_index(0).to_python()
    body = [r for r in rows[2:] if r[0] != "合计"]
    assert [r[1] for r in body] == [r.no for r in day.receipts]
    total_row = next(r for r in rows if r[0] == "合计")
    assert round(total_row[6] * 100) == expected
    assert round(sum(r[6] for r in body if r[8] == "有效") * 100) == expected
    assert (tmp_path / "day.pdf").read_bytes().startswith(b"%PDF")
    assert fees.receipts.day(clerk, D("2026-05-18")).receipts == ()


_WORKER = textwrap.dedent("""
    import sys
    from datetime import date
    from pathlib import Path
    from elderdesk.services.container import Services

    db, user, password, ids = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split(",")
    services = Services.open(db if "://" in db else Path(db))  # a PostgreSQL URL or a file
    op = services.users.authenticate(user, password)
    print("ready", flush=True)
    sys.stdin.readline()  # both start together
    for number in ids:
        services.cards.issue(op, number, date(2026, 5, 20))
    services.close()
""")


@pytest.mark.sqlite_only("PostgreSQL: tests/services/test_pg_concurrency.py")
def test_numbering_stays_gap_free_under_two_processes(db_path, fees, clerk, admin, tmp_path):
    fees.users.add(admin, "clerk2", ["clerk"], PASSWORD)
    ids = [add(fees, clerk, "1950-01-01", i).id_number for i in range(1, 61)]
    script = tmp_path / "worker.py"
    script.write_text(_WORKER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ELDERDESK_TODAY": "2026-05-20"}
    procs = [subprocess.Popen([sys.executable, str(script), str(db_path), user, PASSWORD,
                               ",".join(ids[i::2])], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for i, user in enumerate(("clerk1", "clerk2"))]
    for p in procs:
        assert p.stdout.readline().strip() == "ready"
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    for p in procs:
        _out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    with fees.db.read() as s:
        rows = s.execute(text("SELECT r.seq, r.receipt_no, r.clerk, c.card_no, c.seq "
                              "FROM receipts r JOIN cards c ON c.id = r.card_id "
                              "ORDER BY r.seq")).all()
    assert [r[0] for r in rows] == list(range(1, 61))
    assert [r[1] for r in rows] == [f"SJ4201032026{n:06d}" for n in range(1, 61)]
    assert all(r[0] == r[4] for r in rows)  # issued one at a time: both counts move together
    assert {r[2] for r in rows} == {"clerk1", "clerk2"}


def _autocommit(db_path):  # type: ignore[no-untyped-def]
    """A driver connection of its own in autocommit (no lock left behind) and its error."""
    if isinstance(db_path, str):  # PostgreSQL (BOTH_ENGINES)
        import psycopg

        return psycopg.connect(db_path, autocommit=True), psycopg.Error
    import sqlite3

    return sqlite3.connect(db_path, isolation_level=None), sqlite3.DatabaseError


def test_the_database_keeps_receipts_as_printed(fees, clerk, approver, db_path):
    no = fees.cards.issue(clerk, add(fees, clerk).id_number, D("2026-05-20")).receipt_no
    conn, refused = _autocommit(db_path)
    try:
        for sql in ("DELETE FROM receipts", "UPDATE receipts SET amount_fen = 1",
                    "UPDATE receipts SET receipt_no = 'SJ1'", "UPDATE receipts SET payer = 'x'"):
            with pytest.raises(refused):
                conn.execute(sql)
        fees.receipts.void(approver, no, "收款有误")
        with pytest.raises(refused):  # a void receipt stays void
            conn.execute("UPDATE receipts SET status = 'valid', void_reason = NULL")
    finally:
        conn.close()
    assert fees.receipts.get(clerk, no).status == "void"
