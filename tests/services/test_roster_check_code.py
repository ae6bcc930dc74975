"""The 校验码 of a frozen roster (cli.md): `N-XXXX-XXXX-XXXX-XXXX`, the freeze's own audit record
number and the first 16 hex digits of its hash, printed on the roster PDF and in the bank
workbook's sheet 校验; `audit verify --head` takes it."""

from __future__ import annotations

import re
import sqlite3
import subprocess

from python_calamine import CalamineWorkbook

from elderdesk.services.audit import anchors as audit_anchors
from tests.services.test_allowance_views import enrol

CODE = re.compile(r"\b\d+-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}\b")


def _pdf_text(path) -> str:  # type: ignore[no-untyped-def]
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def _freeze_record(db_path) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT id, hash FROM audit_log WHERE action='roster.freeze' "
                            "ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        conn.close()


def test_a_frozen_roster_carries_the_code_of_its_freeze_record(services, clerk, reviewer,
                                                               approver, admin, db_path,
                                                               tmp_path):
    enrol(services, clerk, reviewer, approver, "1946-05-20", 1, "2026-08-10", "2026-08-20")
    draft = services.roster.build(approver, "2026Q3")
    assert draft.check_code is None
    services.roster.export(approver, "2026Q3", pdf=tmp_path / "draft.pdf")
    assert "校验码" not in _pdf_text(tmp_path / "draft.pdf")

    frozen = services.roster.freeze(approver, "2026Q3")
    n, h = _freeze_record(db_path)
    code = f"{n}-{h[0:4]}-{h[4:8]}-{h[8:12]}-{h[12:16]}".upper()
    assert frozen.check_code == code == audit_anchors.check_code(n, h)
    assert services.roster.show(approver, "2026Q3").check_code == code
    assert services.roster.show(approver, "2026Q3") == frozen

    services.roster.export(approver, "2026Q3", pdf=tmp_path / "r.pdf", xlsx=tmp_path / "b.xlsx")
    text = _pdf_text(tmp_path / "r.pdf")
    assert f"校验码：{code}" in text
    with CalamineWorkbook.from_path(str(tmp_path / "b.xlsx")) as book:
        names = book.sheet_names
        sheet = book.get_sheet_by_name("校验").to_python()
    assert names[0] == "代发明细" and names[-1] == "校验"
    assert [c for row in sheet for c in row if isinstance(c, str) and CODE.search(c)] == [code]

    # The code anchors the chain: found now, missing once the freeze record is rewritten.
    check = services.safety.verify_audit(admin, code)
    assert check.ok and [(a.source, a.found) for a in check.anchors] == [("argument", True)]
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET hash = (CASE WHEN hash LIKE '0%' THEN '1' ELSE '0' END)"
                 " || substr(hash, 2) WHERE id = ?", (n,))
    conn.commit()
    conn.close()
    check = services.safety.verify_audit(admin, code)
    assert not check.ok and [a.found for a in check.anchors] == [False]


def test_a_later_freeze_has_its_own_code(services, clerk, reviewer, approver, tmp_path):
    a = enrol(services, clerk, reviewer, approver, "1946-05-20", 1, "2026-08-10", "2026-08-20")
    q3 = services.roster.freeze(approver, "2026Q3") if services.roster.build(
        approver, "2026Q3") else None
    from datetime import date

    services.allowance.lifecert(clerk, a, date(2026, 10, 2))
    services.roster.build(approver, "2026Q4")
    draft = services.roster.show(approver, "2026Q4")
    assert draft.check_code is None
    q4 = services.roster.freeze(approver, "2026Q4")
    assert q3.check_code and q4.check_code and q3.check_code != q4.check_code
    assert services.roster.show(approver, "2026Q3").check_code == q3.check_code


def test_build_and_freeze_times_come_from_the_system_clock(services, clerk, reviewer, approver,
                                                          monkeypatch, db_path, tmp_path):
    from datetime import date

    enrol(services, clerk, reviewer, approver, "1946-05-20", 1, "2026-08-10", "2026-08-20")
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-10-05")
    built = services.roster.build(approver, "2026Q3")
    frozen = services.roster.freeze(approver, "2026Q3")
    assert built.built_at.date() == date.today() and frozen.frozen_at.date() == date.today()
    conn = sqlite3.connect(db_path)
    stamps = conn.execute("SELECT built_at, frozen_at FROM rosters").fetchone()
    at, day = conn.execute("SELECT at, today FROM audit_log WHERE action='roster.freeze'"
                           ).fetchone()
    conn.close()
    assert [s[:10] for s in stamps] == [date.today().isoformat()] * 2
    assert at[:10] == date.today().isoformat() and day == "2026-10-05"
    services.roster.export(approver, "2026Q3", pdf=tmp_path / "r.pdf")
    assert f"定稿：{date.today()}" in _pdf_text(tmp_path / "r.pdf")
