"""reader set / reader test through the real command line (in process)."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD
from tests.devices.cards import KNOWN_ID, LINES, bmp_bytes, card_lines, put_card, wz_bytes
from tests.helpers import sql_rows

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

KEYS = {"id_number", "name", "sex", "nation", "birth_date", "address", "authority",
        "valid_from", "valid_to", "photo"}


@pytest.fixture(autouse=True)
def machine(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ELDERDESK_SETTINGS", str(tmp_path / "pc" / "settings.ini"))
    monkeypatch.delenv("ELDERDESK_READER", raising=False)
    return tmp_path / "pc"


@pytest.fixture
def clerk_run(run):  # type: ignore[no-untyped-def]
    assert run("user", "add", "clerk1", "--role", "clerk", stdin=PASSWORD + "\n").status == 0
    return lambda *a: run(*a, user="clerk1", password=PASSWORD)


def audit(db, action):  # type: ignore[no-untyped-def]
    return sql_rows(db, "SELECT operator, entity_key, after_json FROM audit_log WHERE "
                        "action = ? ORDER BY id", (action,))


def test_set_folder_and_read_a_card(run, clerk_run, tmp_path, db_path) -> None:
    cards = tmp_path / "cards"
    cards.mkdir()
    r = run("reader", "set", "folder", str(cards), "--json")
    assert r.status == 0 and r.json == {"ok": True, "driver": "folder", "arg": str(cards)}
    assert [row[0] for row in audit(db_path, "reader.set")] == ["admin"]
    # no card yet: exit 0, no_card
    r = clerk_run("reader", "test", "--json")
    assert r.status == 0 and r.json["status"] == "no_card" and r.json["card"] is None
    assert audit(db_path, "reader.read") == []  # nothing read, nothing to record
    put_card(cards, wz_bytes(LINES), bmp_bytes())
    r = clerk_run("reader", "test")
    assert r.status == 0, r.err
    assert "状态：已读取" in r.out and "张三丰" in r.out and "有效期限：2010-01-01 至 长期" in r.out
    assert KNOWN_ID not in r.out and KNOWN_ID[:6] + "********" + KNOWN_ID[-4:] in r.out
    assert "读卡器：文件夹" in r.out and "照片：有" in r.out
    [(who, key, after)] = audit(db_path, "reader.read")
    assert (who, key) == ("clerk1", KNOWN_ID) and '"ready"' in after
    # read again: the same file is not brought back
    r = clerk_run("reader", "test", "--json", "--full")
    assert r.status == 0 and r.json["status"] == "no_card"


def test_json_exactly_as_devices_md(run, tmp_path) -> None:
    put_card(tmp_path / "c", wz_bytes(card_lines(validity="20000101-20200101"), "utf-16-le"))
    run("reader", "set", "folder", str(tmp_path / "c"))
    r = run("reader", "test", "--json")
    doc = r.json
    assert r.status == 0 and set(doc) == {"driver", "status", "card", "warnings"}
    assert doc["driver"] == "folder" and doc["status"] == "ready" and set(doc["card"]) == KEYS
    assert doc["card"]["id_number"] == KNOWN_ID  # full ID in JSON, like every JSON
    assert doc["card"]["sex"] == "M" and doc["card"]["valid_to"] == "2020-01-01"
    assert doc["card"]["photo"] is False
    assert any("过期" in w for w in doc["warnings"])


def test_full_shows_the_id_and_errors_exit_1(run, tmp_path, db_path) -> None:
    bad = KNOWN_ID[:17] + ("0" if KNOWN_ID[17] != "0" else "1")
    put_card(tmp_path / "c", wz_bytes(card_lines(id=bad)))
    run("reader", "set", "folder", str(tmp_path / "c"))
    r = run("reader", "test")
    assert r.status == 1 and "读卡出错" in r.out and "校验位错误" in r.out and bad not in r.out
    [(_who, key, after)] = audit(db_path, "reader.read")
    assert key == bad and '"error"' in after  # every read recorded, with what the chip said
    put_card(tmp_path / "c", wz_bytes(card_lines(id=bad, name="再读")), age=-2)
    r = run("reader", "test", "--full", "--json")
    assert r.status == 1 and r.json["status"] == "error" and r.json["card"] is None
    assert bad in r.json["warnings"][0]
    put_card(tmp_path / "c", wz_bytes(LINES[:4]), age=-3)  # half-written
    r = run("reader", "test")
    assert r.status == 1 and "读卡结果不完整" in r.out and r.err == ""


def test_no_reader_and_the_override(run, tmp_path, monkeypatch) -> None:
    r = run("reader", "test", "--json")
    assert r.status == 1 and r.json == {"driver": "none", "status": "unavailable", "card": None,
                                        "warnings": [r.json["warnings"][0]]}
    assert "没有设置身份证读卡器" in r.json["warnings"][0]
    put_card(tmp_path / "c", wz_bytes(LINES))
    monkeypatch.setenv("ELDERDESK_READER", f"folder:{tmp_path / 'c'}")
    r = run("reader", "test")
    assert r.status == 0 and "ELDERDESK_READER" in r.out and "张三丰" in r.out
    monkeypatch.setenv("ELDERDESK_READER", f"folder:{tmp_path / 'gone'}")
    r = run("reader", "test", "--json")
    assert r.status == 1 and r.json["status"] == "unavailable"
    monkeypatch.setenv("ELDERDESK_READER", "termb:77")
    r = run("reader", "test", "--json")
    assert r.status == 1 and r.json["status"] == "unavailable" and "端口" in r.json["warnings"][0]
    monkeypatch.setenv("ELDERDESK_READER", "none")
    assert run("reader", "test", "--json").json["status"] == "unavailable"


@pytest.mark.parametrize("argv", [
    ("folder",), ("folder", "/no/such/folder"), ("termb", "99"), ("termb", "1001x"),
    ("sdtapi", "0"), ("service", "http://192.0.2.7:38088/read"), ("service", "ftp://127.0.0.1/"),
    ("service",), ("bogus",), ("none", "x"), ("folder", ".", "--library", "x.so"),
    ("termb", "--library", "/no/such/lib.so"), ("termb", "--helper", "/no/python32.exe"),
])
@pytest.mark.sqlite_only("argument checks; the audit is read on both engines above")
def test_set_refuses_bad_arguments(run, argv, db_path) -> None:
    r = run("reader", "set", *argv)
    assert r.status == 2 and r.out == "" and r.err.startswith("READER_ARG_INVALID: ")
    assert audit(db_path, "reader.set") == []


def test_roles(run, clerk_run, tmp_path) -> None:
    r = clerk_run("reader", "set", "none")
    assert r.status == 3 and "设置读卡器" in r.err
    assert clerk_run("reader", "test", "--json").status == 1  # allowed; no reader
    assert run("reader", "test", password="wrong-password-1").status == 3
    assert run("reader", "test", user=None).status == 3


def test_set_each_driver(run, tmp_path, machine) -> None:
    for argv, shown in ((("termb",), "termb"), (("sdtapi", "1002"), "1002"),
                        (("service", "http://127.0.0.1:38088/readcard"), "127.0.0.1"),
                        (("none",), "未设置")):
        r = run("reader", "set", *argv)
        assert r.status == 0 and shown in r.out, r.err
    assert (machine / "settings.devices.json").is_file()


def test_termb_through_the_cli_with_a_fake_library(run, tmp_path, monkeypatch) -> None:
    from tests.devices import fakelib

    lib = fakelib.build(fakelib.TERMB, tmp_path / "lib", "termb")
    (tmp_path / "wz").write_bytes(wz_bytes(LINES))
    for key, value in {"FAKE_READER_PORT": "3", "FAKE_READER_CARD": "1",
                       "FAKE_WZ": str(tmp_path / "wz"), "FAKE_ZP": str(tmp_path / "none")}.items():
        monkeypatch.setenv(key, value)
    assert run("reader", "set", "termb", "--library", str(lib)).status == 0
    r = run("reader", "test", "--json")
    assert r.status == 0 and r.json["driver"] == "termb"
    assert r.json["card"]["id_number"] == KNOWN_ID and r.json["card"]["photo"] is False


def test_reads_leave_a_draft_roster_fresh(services, clerk, approver, tmp_path, monkeypatch):
    from elderdesk.devices import config

    monkeypatch.setenv("ELDERDESK_TODAY", "2026-05-20")
    put_card(tmp_path / "c", wz_bytes(LINES))
    config.store(config.check("folder", str(tmp_path / "c")))
    services.roster.build(clerk, "2026Q1")
    assert services.reader.read(clerk).status == "ready"
    admin = services.users.authenticate("admin", __import__("tests.conftest").conftest
                                        .ADMIN_PASSWORD)
    services.reader.configure(admin, "none")
    services.roster.freeze(approver, "2026Q1")  # no ROSTER_STALE
