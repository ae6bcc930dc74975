"""Office identity through the command line (multi-office.md §2, cli.md card numbers and the
office rows): init --street / --level district, office code once, card and receipt numbers,
the former code, partner registration, payment, who may exchange."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import Runner
from tests.helpers import make_id

ID = make_id("1940-03-15", 21)
ID2 = make_id("1941-04-15", 22)


def _init(run, *extra: str) -> None:
    r = run("init", "--region", "420103", "--office", "某机构", "--admin", "admin", *extra,
            user=None)
    assert r.status == 0, r.err


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    def make(name: str, *extra: str) -> Runner:
        run = Runner(tmp_path / f"{name}.db", monkeypatch)
        _init(run, *extra)
        return run
    return make


def audit_actions(run) -> list[str]:
    return [r["action"] for r in run("audit", "list", "--json").json["records"]]


def test_office_code_once_cards_continue_and_the_former_code_stays_ours(fresh, tmp_path):
    run = fresh("street")
    assert run("people", "add", "--id", ID, "--name", "甲").status == 0
    assert run("people", "add", "--id", ID2, "--name", "乙").status == 0
    first = run("card", "issue", ID, "--date", "2026-03-01", "--json").json
    assert first["card_no"] == "4201032026000001"  # the region code before the street code
    # A usage error, then the code once, audited; a second time exit 4.
    assert run("office", "code", "1").status == 2
    assert run("office", "code", "000").status == 2
    r = run("office", "code", "001", "--json")
    assert (r.status, r.json) == (0, {"ok": True, "code": "420103001"})
    assert "office.code" in audit_actions(run)
    r = run("office", "code", "002")
    assert r.status == 4 and r.err.startswith("OFFICE_CODE_SET:") and "420103001" in r.err
    # The region can no longer be edited away from under the code (it is the former code).
    second = run("card", "issue", ID2, "--date", "2026-03-02", "--json").json
    assert second["card_no"] == "4201030012026000002"  # the year's count continues
    payload = json.loads(__import__("base64").urlsafe_b64decode(
        second["qr"].split(".")[1] + "=="))
    assert payload["office"] == "420103001"
    # Both cards are this office's: the one with the former code verifies as valid.
    for card in (first, second):
        v = run("card", "verify", card["qr"], "--json", user=None)
        assert (v.status, v.json["status"]) == (0, "valid"), v.out
    lst = run("office", "list", "--json").json
    assert lst["office"]["code"] == "420103001" and lst["office"]["former_code"] == "420103"
    assert lst["offices"] == []
    # A receipt carries the new code; so does a backup's head file.
    r = run("card", "reissue", ID2, "--reason", "lost", "--date", "2026-03-03", "--json")
    assert r.json["receipt_no"].startswith("SJ4201030012026")
    folder = tmp_path / "bk"
    folder.mkdir()
    assert run("backup", "folder", str(folder)).status == 0
    r = run("backup", "create")
    assert r.status == 0, r.err
    heads = list(folder.glob("*.head"))
    assert len(heads) == 1 and heads[0].read_text().split()[0] == "420103001"


def test_init_with_a_street_code_and_a_district(fresh):
    street = fresh("s", "--street", "001")
    assert street("office", "list", "--json").json["office"]["code"] == "420103001"
    r = street("office", "code", "002")
    assert r.status == 4 and r.err.startswith("OFFICE_CODE_SET:")
    district = fresh("d", "--level", "district")
    me = district("office", "list", "--json").json["office"]
    assert (me["code"], me["level"]) == ("420103", "district")
    r = district("office", "code", "001")
    assert r.status == 4 and r.err.startswith("OFFICE_IS_DISTRICT:")
    r = district("exchange", "export", "--out", "x.edx")
    assert r.status == 2 and r.err.startswith("EXCHANGE_NEED_TO:")


def test_init_refuses_bad_street_numbers(tmp_path, monkeypatch):
    for extra in (("--street", "01"), ("--street", "abc"), ("--street", "001", "--level",
                                                             "district"), ("--level", "city")):
        run = Runner(tmp_path / f"x{len(extra)}{extra[-1]}.db", monkeypatch)
        r = run("init", "--region", "420103", "--office", "某", "--admin", "admin", *extra,
                user=None)
        assert r.status == 2, (extra, r.err)
        assert not run.db.exists()


def test_partners_payment_and_an_office_without_code(fresh, tmp_path):
    street, district = fresh("s"), fresh("d", "--level", "district")
    # A street without its code cannot exchange.
    r = street("exchange", "status")
    assert r.status == 4 and r.err.startswith("OFFICE_NO_CODE:")
    assert street("office", "code", "001").status == 0
    pem_s, pem_d = tmp_path / "s.pem", tmp_path / "d.pem"
    pem_s.write_text(street("card", "pubkey", user=None).out)
    pem_d.write_text(district("card", "pubkey", user=None).out)
    bad = tmp_path / "bad.pem"
    bad.write_text("not a key")
    assert district("office", "add", "420103001", "--name", "一街", "--pubkey", str(bad)).status == 2
    assert district("office", "add", "420104001", "--name", "外区", "--pubkey", str(pem_s)).status == 2
    assert district("office", "add", "420103001", "--name", "一街", "--pubkey", str(pem_s)).status == 0
    r = district("office", "add", "420103001", "--name", "一街", "--pubkey", str(pem_s))
    assert r.status == 4 and r.err.startswith("OFFICE_EXISTS:")
    assert street("office", "add", "420103", "--name", "区民政", "--pubkey", str(pem_d)).status == 0
    offices = district("office", "list", "--json").json["offices"]
    assert [(o["code"], o["name"], o["level"]) for o in offices] == [("420103001", "一街", "street")]
    # Payment: set at the district per street, shown (only) at the street.
    r = district("office", "payment", "420103001", "district", "--json")
    assert (r.status, r.json) == (0, {"payment": {"420103001": "district"}})
    assert "office.payment" in audit_actions(district)
    r = street("office", "payment", "420103001", "district")
    assert r.status == 4 and r.err.startswith("OFFICE_NOT_STREET:")
    assert street("office", "payment", "--json").json == {"payment": {"420103001": "street"}}
    out = tmp_path / "d1.edx"
    assert district("exchange", "export", "--out", str(out), "--to", "420103001").status == 0
    r = street("exchange", "import", str(out), "--json")
    assert r.status == 0 and r.json["counts"]["setting"] == 1
    assert street("office", "payment", "--json").json == {"payment": {"420103001": "district"}}
    # A registered partner's card: a good signature without a local record is `unknown`.
    assert street("people", "add", "--id", ID, "--name", "甲").status == 0
    card = street("card", "issue", ID, "--date", "2026-03-01", "--json").json
    v = district("card", "verify", card["qr"], "--json", user=None)
    assert (v.status, v.json["status"]) == (1, "unknown")


def test_who_may_exchange_at_a_street_and_at_a_district(fresh, tmp_path):
    street, district = fresh("s", "--street", "001"), fresh("d", "--level", "district")
    for run in (street, district):
        for role in ("clerk", "reviewer", "approver"):
            assert run("user", "add", role, "--role", role, stdin=f"{role}-pass-1\n").status == 0
    allowed = {"s": {"admin", "clerk"}, "d": {"admin", "approver"}}
    for key, run in (("s", street), ("d", district)):
        for role in ("clerk", "reviewer", "approver", "admin"):
            pw = {"password": f"{role}-pass-1"} if role != "admin" else {}
            r = run("exchange", "status", user=role, **pw)
            assert (r.status != 3) == (role in allowed[key]), (key, role, r.err)


def test_street_records_are_read_only_at_the_district(fresh, tmp_path, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-03-10")
    street, district = fresh("s", "--street", "001"), fresh("d", "--level", "district")
    pem_s, pem_d = tmp_path / "s.pem", tmp_path / "d.pem"
    pem_s.write_text(street("card", "pubkey", user=None).out)
    pem_d.write_text(district("card", "pubkey", user=None).out)
    district("office", "add", "420103001", "--name", "一街", "--pubkey", str(pem_s))
    street("office", "add", "420103", "--name", "区", "--pubkey", str(pem_d))
    assert street("people", "add", "--id", ID, "--name", "甲").status == 0
    out = tmp_path / "s1.edx"
    assert street("exchange", "export", "--out", str(out)).status == 0
    assert district("exchange", "import", str(out)).status == 0
    shown = district("people", "show", ID, "--json")
    assert shown.status == 0 and shown.json["name"] == "甲"
    for argv in (("people", "death", ID, "--date", "2026-03-01"),
                 ("allowance", "apply", ID, "--date", "2026-03-01"),
                 ("lifecert", ID, "--date", "2026-03-01"),
                 ("people", "add", "--id", ID2, "--name", "乙")):
        r = district(*argv)
        assert r.status == 4 and r.err.startswith("OWNED_BY_OTHER:"), (argv, r.err)
    r = district("people", "death", ID, "--date", "2026-03-01")
    assert "420103001" in r.err


def test_the_region_is_fixed_once_the_office_has_its_code(tmp_path):
    from elderdesk.domain.errors import ElderError
    from tests.exchange.conftest import make_office

    s = make_office(tmp_path, "s", None)
    s.services.settings.set(s.admin, "office.region", "420104")  # no code yet: editable
    s.services.office.set_code(s.admin, "001")
    s.services.settings.set(s.admin, "office.region", "420104")  # unchanged: fine (GUI saves both)
    with pytest.raises(ElderError) as refused:
        s.services.settings.set(s.admin, "office.region", "420105")
    assert refused.value.code == "SETTING_INVALID"
    assert s.services.office.identity(s.admin).code == "420104001"
    s.services.close()
