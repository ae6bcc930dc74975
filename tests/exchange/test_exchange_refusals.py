"""Every refusal of multi-office.md §4 through the command line, each leaving every table of
the receiving database exactly as it was (a dump before and after); a tampered byte anywhere,
a replay, a gap, a reused number."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.conftest import Runner
from tests.exchange.conftest import REGION, A, B
from tests.exchange.test_exchange_flow import register


def dump(path: Path) -> dict[str, list]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE '%fts%'")]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    finally:
        conn.close()


@pytest.fixture
def three(offices, tmp_path, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-03-10")
    register(offices["a"], 2, 10)
    register(offices["b"], 1, 50)
    runs = {k: Runner(o.path, monkeypatch) for k, o in offices.items()}
    return offices, runs, tmp_path


def export(run, out: Path, *extra: str):
    r = run("exchange", "export", "--out", str(out), *extra, "--json")
    assert r.status == 0, r.err
    return r.json


def refused(run, db: Path, package: Path, status: int, code: str):
    before = dump(db)
    r = run("exchange", "import", str(package), "--json")
    assert (r.status, r.out) == (status, ""), (r.status, r.err)
    assert r.err.startswith(code + ":"), r.err
    assert dump(db) == before
    return r


def test_a_package_is_imported_once_and_replayed_as_a_no_op(three):
    offices, run, tmp = three
    out = tmp / "a1.edx"
    assert export(run["a"], out) == {"file": str(out), "to": REGION, "first_seq": 1, "seq": 1,
                                     "records": 6}
    r = run["district"]("exchange", "import", str(out), "--json")
    assert r.status == 0, r.err
    doc = r.json
    assert set(doc) == {"from", "to", "first_seq", "seq", "already_imported", "counts",
                        "findings"}
    assert (doc["from"], doc["to"], doc["seq"], doc["already_imported"]) == (A, REGION, 1, False)
    assert set(doc["counts"]) == {"person", "lifecert", "card", "application", "decision",
                                  "stop", "roster", "ledger", "recovery", "settlement",
                                  "setting"}
    assert doc["counts"]["person"] == 2 and doc["findings"] == []
    before = dump(offices["district"].path)
    again = run["district"]("exchange", "import", str(out), "--json")
    assert again.status == 0 and again.json["already_imported"] is True
    assert dump(offices["district"].path) == before
    status = run["district"]("exchange", "status", "--json").json
    assert [(o["code"], o["received_seq"], o["sent_seq"]) for o in status["offices"]] == [
        (A, 1, 0), (B, 0, 0)]
    assert set(status["offices"][0]) == {"code", "name", "sent_seq", "sent_at", "received_seq",
                                         "received_at", "pending"}
    assert run["a"]("exchange", "status", "--json").json["offices"][0]["pending"] == 0


def test_not_an_edx1_file_is_a_usage_error(three):
    offices, run, tmp = three
    for text in (b"", b"hello\n", b'{"format": "EDX2"}\nxx\n', b"\xff\xfe\n"):
        f = tmp / "bad.edx"
        f.write_bytes(text)
        refused(run["district"], offices["district"].path, f, 2, "EXCHANGE_NOT_EDX1")
        f.unlink()


def test_one_changed_byte_anywhere_is_refused(three):
    offices, run, tmp = three
    out = tmp / "a1.edx"
    export(run["a"], out)
    data = out.read_bytes()
    first = data.index(b"\n")
    second = data.index(b"\n", first + 1)
    positions = sorted({5, first // 2, first - 1, first, first + 1, (first + second) // 2,
                        second - 1, second, second + 1, (second + len(data)) // 2,
                        len(data) - 2, len(data) - 1})
    for pos in positions:
        bad = bytearray(data)
        bad[pos] = ord("A") if bad[pos] != ord("A") else ord("B")
        f = tmp / f"t{pos}.edx"
        f.write_bytes(bytes(bad))
        before = dump(offices["district"].path)
        r = run["district"]("exchange", "import", str(f))
        assert r.status in (2, 4), (pos, r.status, r.err)
        assert r.err.split(":")[0] in ("EXCHANGE_NOT_EDX1", "EXCHANGE_BAD_SIGNATURE",
                                       "EXCHANGE_BAD_BODY"), (pos, r.err)
        assert dump(offices["district"].path) == before
    ok = run["district"]("exchange", "import", str(out))
    assert ok.status == 0, ok.err


def test_another_receiver_an_unregistered_sender_and_a_foreign_key(three, tmp_path):
    offices, run, tmp = three
    # A street's package to its district imported at the other street: other receiver
    # (the district's package to A imported at B).
    first = tmp / "a1.edx"
    export(run["a"], first)
    assert run["district"]("exchange", "import", str(first)).status == 0
    to_a = tmp / "d-a1.edx"
    export(run["district"], to_a, "--to", A)
    refused(run["b"], offices["b"].path, to_a, 4, "EXCHANGE_OTHER_RECEIVER")
    # A street the district never registered.
    from tests.exchange.conftest import make_office

    (tmp_path / "c").mkdir()
    c = make_office(tmp_path / "c", "street_c", "003")
    c.services.office.add_partner(c.admin, REGION, "区", offices["district"].services.cards
                                  .public_key().encode())
    register(c, 1, 80)
    from_c = tmp / "c1.edx"
    c.services.exchange.export(c.admin, from_c)
    c.services.close()
    refused(run["district"], offices["district"].path, from_c, 4, "EXCHANGE_UNKNOWN_SENDER")
    # Signed with another key than the one registered for that code.
    impostor = tmp / "imp.edx"
    offices["b"].services.exchange.export(offices["b"].admin, impostor)
    text = impostor.read_bytes()
    header = json.loads(text.split(b"\n", 1)[0])
    from elderdesk.services.exchange import package

    header["sender"] = A  # B's key, A's name
    body = text.split(b"\n", 2)[2]
    with offices["b"].services.db.read() as s:
        from elderdesk.services import settings

        pem = settings.get(s, "office.private_key")
    forged = tmp / "forged.edx"
    forged.write_bytes(package.write(header, body, pem))
    refused(run["district"], offices["district"].path, forged, 4, "EXCHANGE_BAD_SIGNATURE")


def test_a_record_the_sender_does_not_own_is_refused(three):
    offices, run, tmp = three
    a = offices["a"]
    out = tmp / "a1.edx"
    a.services.exchange.export(a.admin, out)
    lines = out.read_bytes().split(b"\n")
    header = json.loads(lines[0])
    records = [json.loads(x) for x in lines[2:] if x]
    from elderdesk.services import settings
    from elderdesk.services.exchange import package

    with a.services.db.read() as s:
        pem = settings.get(s, "office.private_key")
    for change in ({"owner": B}, {"kind": "decision"}):
        bad = [dict(records[0], **change), *records[1:]]
        f = tmp / f"own-{len(change)}-{next(iter(change))}.edx"
        f.write_bytes(package.write(header, package.body_bytes(bad), pem))
        refused(run["district"], offices["district"].path, f, 4, "EXCHANGE_NOT_OWNER")
    # A decision on another street's application, sent by the district to A.
    assert run["district"]("exchange", "import", str(out)).status == 0
    d = offices["district"]
    with d.services.db.read() as s:
        pem_d = settings.get(s, "office.private_key")
    bad = [{"kind": "decision", "owner": REGION, "key": f"{B}-1", "version": 1,
            "data": {"street": B, "application": "1", "state": "approved", "date": "2026-03-05",
                     "reason": None, "decider": "approver", "office": REGION}}]
    head = {"sender": REGION, "receiver": A, "first_seq": 1, "seq": 1, "received_seq": 1,
            "received_head": None, "received_version": 0, "created_at": "2026-03-10T10:00:00",
            "head": None, "records": 1}
    f = tmp / "d-bad.edx"
    f.write_bytes(package.write(head, package.body_bytes(bad), pem_d))
    refused(run["a"], a.path, f, 4, "EXCHANGE_NOT_OWNER")


def test_sequence_rules_gap_reuse_and_since_seq(three):
    offices, run, tmp = three
    p1, p2, p3 = tmp / "a1.edx", tmp / "a2.edx", tmp / "a3.edx"
    export(run["a"], p1)
    export(run["a"], p2)
    export(run["a"], p3)
    # 2 before 1: the first missing number is named.
    r = refused(run["district"], offices["district"].path, p2, 4, "EXCHANGE_GAP")
    assert "第 1 号" in r.err
    assert run["district"]("exchange", "import", str(p1)).status == 0
    r = refused(run["district"], offices["district"].path, p3, 4, "EXCHANGE_GAP")
    assert "第 2 号" in r.err
    # The street lost package 2 and 3: --since-seq 1 writes 2..4 with everything since 1.
    p4 = tmp / "a4.edx"
    doc = export(run["a"], p4, "--since-seq", "1")
    assert (doc["first_seq"], doc["seq"]) == (2, 4)
    assert run["district"]("exchange", "import", str(p4)).status == 0
    # Number 3 again with another body: refused, naming the last number received (4).
    r = refused(run["district"], offices["district"].path, p3, 4, "EXCHANGE_SEQ_REUSED")
    assert "--since-seq 4" in r.err


def test_a_signed_record_that_cannot_be_read_changes_nothing(three):
    """A registered sender's package (good signature) with a malformed record: exit 4, no
    traceback, nothing imported."""
    offices, run, tmp = three
    a = offices["a"]
    out = tmp / "a1.edx"
    a.services.exchange.export(a.admin, out)
    lines = out.read_bytes().split(b"\n")
    header = json.loads(lines[0])
    records = [json.loads(x) for x in lines[2:] if x]
    from elderdesk.services import settings
    from elderdesk.services.exchange import package

    with a.services.db.read() as s:
        pem = settings.get(s, "office.private_key")
    person = next(r for r in records if r["kind"] == "person")
    for change in ({"birth_date": "2026-13-40"}, {"name": None}, {"sex": "X"},
                   {"id_number": 5}, {"status": "zombie"}):
        bad = [dict(person, data={**person["data"], **change}),
               *[r for r in records if r is not person]]
        f = tmp / f"bad-{next(iter(change))}.edx"
        f.write_bytes(package.write(header, package.body_bytes(bad), pem))
        refused(run["district"], offices["district"].path, f, 4, "EXCHANGE_BAD_PACKAGE")
    bad = [dict(r, data={**r["data"], "date": "never"}) if r["kind"] == "lifecert" else r
           for r in records]
    f = tmp / "bad-lifecert.edx"
    f.write_bytes(package.write(header, package.body_bytes(bad), pem))
    refused(run["district"], offices["district"].path, f, 4, "EXCHANGE_BAD_PACKAGE")
