"""Audit heads travel (multi-office.md §5, cli.md audit verify): the district keeps the
street's head and returns it in its next package; the street's `audit verify` then holds it
as a `package` anchor, so a chain cut or rewritten before it is detected. And the same ID
registered at two streets is the import finding DUP_OFFICE (exit 1), both kept, not merged."""

from __future__ import annotations

import sqlite3

from tests.cli.conftest import Runner
from tests.exchange.conftest import REGION, A
from tests.exchange.test_exchange_flow import register
from tests.helpers import make_id


def test_a_chain_cut_after_a_package_is_detected(offices, tmp_path, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-03-10")
    d, a = offices["district"], offices["a"]
    register(a, 2, 10)
    a.services.exchange.export(a.admin, tmp_path / "a1.edx")
    d.services.exchange.import_file(d.admin, tmp_path / "a1.edx")
    d.services.exchange.export(d.admin, tmp_path / "d1.edx", A)
    a.services.exchange.import_file(a.admin, tmp_path / "d1.edx")
    run = Runner(a.path, monkeypatch)
    r = run("audit", "verify", "--json")
    assert r.status == 0, r.err
    anchors = [x for x in r.json["anchors"] if x["source"] == "package"]
    assert anchors == [{"source": "package", "name": REGION, "record": anchors[0]["record"],
                        "found": True, "superseded": False}]
    # Someone with the file deletes the records since the package's head and rewrites one.
    kept = anchors[0]["record"] - 1
    conn = sqlite3.connect(a.path)
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    conn.execute("DELETE FROM audit_log WHERE id > ?", (kept,))
    conn.commit()
    conn.close()
    r = run("audit", "verify", "--json")
    assert r.status == 1 and r.json["ok"] is False
    assert [x["found"] for x in r.json["anchors"] if x["source"] == "package"] == [False]


def test_the_same_id_at_two_streets_is_a_dup_office_finding(offices, tmp_path, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-03-10")
    d, a, b = offices["district"], offices["a"], offices["b"]
    ids = register(a, 1, 10)
    register(b, 1, 10)  # the same person (same birth date and sequence) at street B
    assert ids == [make_id("1940-01-01", 10)]
    for street, name in ((a, "a1.edx"), (b, "b1.edx")):
        street.services.exchange.export(street.admin, tmp_path / name)
    run = Runner(d.path, monkeypatch)
    assert run("exchange", "import", str(tmp_path / "a1.edx")).status == 0
    r = run("exchange", "import", str(tmp_path / "b1.edx"), "--json")
    assert r.status == 1, r.err
    finding = r.json["findings"][0]
    assert (finding["code"], finding["id_number"], finding["offices"]) == (
        "DUP_OFFICE", ids[0], [A, b.code])
    assert "疑似重复" in finding["message"]
    # Both registrations are kept (people.office), not merged: one of them is named by office.
    shown = d.services.people.get(d.admin, f"{ids[0]}@{b.code}")
    assert (shown.name, shown.extra["office"]) == ("老人10", b.code)
