"""`receipts`, `receipt void|print|show` and the receipt number in `card issue --json`."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import PASSWORD
from tests.helpers import make_id
from tests.system_tools import needs

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

DAY = "2026-05-20"


@pytest.fixture
def office(run):
    assert run("card", "rules", "--set", "card.fee.new=6").status == 0
    for name, role in (("clerk1", "clerk"), ("approver1", "approver")):
        assert run("user", "add", name, "--role", role, stdin=PASSWORD + "\n").status == 0
    ids = [make_id("1948-02-02", s) for s in (11, 21, 31)]
    for i, number in enumerate(ids):
        assert run("people", "add", "--id", number, "--name", f"欧阳秀英{i}", user="clerk1",
                   password=PASSWORD).status == 0
    return ids


def clerk(run, *argv, **kw):  # type: ignore[no-untyped-def]
    return run(*argv, user="clerk1", password=PASSWORD, today=DAY, **kw)


def approver(run, *argv, **kw):  # type: ignore[no-untyped-def]
    return run(*argv, user="approver1", password=PASSWORD, today=DAY, **kw)


def test_receipts_day_void_and_print(run, office, tmp_path):
    nos = []
    for number in office:
        res = clerk(run, "card", "issue", number, "--json")
        assert res.status == 0, res.err
        nos.append(res.json["receipt_no"])
    assert nos == [f"SJ4201032026{n:06d}" for n in (1, 2, 3)]
    doc = clerk(run, "receipts", "--json").json
    assert set(doc) == {"date", "receipts", "count", "void_count", "total"}
    assert (doc["date"], doc["total"], doc["count"]) == (DAY, "18.00", 3)
    first = doc["receipts"][0]
    assert set(first) == {"no", "issued_on", "issued_at", "payer", "id_number", "item", "amount",
                          "amount_capital", "clerk", "card_no", "status", "void_reason",
                          "voided_by"}
    assert (first["no"], first["payer"], first["id_number"], first["item"], first["amount"],
            first["amount_capital"], first["clerk"], first["status"], first["void_reason"]) == (
        nos[0], "欧阳秀英0", office[0], "老年证工本费（首次发证）", "6.00", "陆元整", "clerk1",
        "valid", None)

    assert clerk(run, "receipt", "void", nos[1], "--reason", "x").status == 3  # approvers only
    res = approver(run, "receipt", "void", nos[1], "--reason", "收款有误，已退款", "--json")
    assert res.status == 0 and res.json["status"] == "void"
    again = approver(run, "receipt", "void", nos[1], "--reason", "x")
    assert again.status == 4 and again.out == "" and again.err.startswith("RECEIPT_VOID: ")
    assert approver(run, "receipt", "void", "SJ1", "--reason", "x").err.startswith(
        "RECEIPT_NOT_FOUND")
    doc = approver(run, "receipts", "--json", "--date", DAY).json
    assert [r["status"] for r in doc["receipts"]] == ["valid", "void", "valid"]
    assert doc["total"] == "12.00" and doc["receipts"][1]["void_reason"] == "收款有误，已退款"
    text = clerk(run, "receipts").out
    assert "有效收据 2 张，合计 12.00 元；作废 1 张" in text

    pdf, xlsx = tmp_path / "日结.pdf", tmp_path / "日结.xlsx"
    res = clerk(run, "receipts", "--pdf", str(pdf), "--xlsx", str(xlsx))
    assert res.status == 0 and pdf.exists() and xlsx.exists()
    assert clerk(run, "receipts", "--pdf", str(pdf)).status == 4  # never overwritten
    one = tmp_path / "receipt.pdf"
    assert clerk(run, "receipt", "print", nos[0], "--pdf", str(one)).status == 0
    void = tmp_path / "void.pdf"
    assert clerk(run, "receipt", "print", nos[1].lower(), "--pdf", str(void)).status == 0
    assert clerk(run, "receipt", "show", nos[0]).out.splitlines()[-1] == "大写：陆元整"
    assert clerk(run, "receipts", "--date", "2026-13-01").status == 2
    assert run("receipts", user="nobody-here", password="x").status == 3


@needs("pdftoppm", "pdftotext")
def test_the_receipt_pdf_renders(run, office, tmp_path):
    no = clerk(run, "card", "issue", office[0], "--json").json["receipt_no"]
    pdf = tmp_path / "receipt.pdf"
    assert clerk(run, "receipt", "print", no, "--pdf", str(pdf)).status == 0
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", str(pdf),
                    str(tmp_path / "receipt")], check=True)
    png = tmp_path / "receipt.png"
    from PIL import Image

    with Image.open(png) as im:
        assert im.size in ((661, 466), (662, 467))  # A5 landscape at 80 dpi
        assert im.convert("L").getextrema()[0] < 64  # something is drawn
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = text.replace(" ", "")
    assert "收费收据" in flat and "陆元整" in flat and no in flat and "¥6.00" in flat
    assert "420103********" in flat and office[0] not in flat  # the ID printed masked
