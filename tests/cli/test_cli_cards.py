"""`elderdesk card ...` through the real command line: shapes, exit statuses, the QR round trip
(issue → PDF → page image → zbarimg → card verify)."""

import re
import subprocess

import pytest
from PIL import Image, ImageDraw

from tests.helpers import make_id, sql_rows
from tests.system_tools import needs

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

ID = make_id("1961-07-15", 11)
TOKEN = re.compile(r"^EC1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")
needs_tools = needs("pdftoppm", "zbarimg")


@pytest.fixture
def office(run, tmp_path):
    run("user", "add", "clerk", "--role", "clerk", stdin="clerk-pass\n")
    assert run("people", "add", "--id", ID, "--name", "欧阳秀英").status == 0
    photo = tmp_path / "photo.jpg"
    img = Image.new("RGB", (480, 640), (200, 220, 240))
    ImageDraw.Draw(img).ellipse((140, 120, 340, 380), fill=(230, 190, 160))
    img.save(photo)

    def as_clerk(*argv: str, **kw):  # type: ignore[no-untyped-def]
        return run(*argv, user="clerk", password="clerk-pass", **kw)
    as_clerk.photo = photo  # type: ignore[attr-defined]
    return as_clerk


def decode_qr(pdf, tmp_path) -> str:
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "page")], check=True)
    page = next(tmp_path.glob("page*.png"))
    out = subprocess.run(["zbarimg", "--raw", "-q", str(page)], capture_output=True, text=True)
    page.unlink()
    return out.stdout.strip()


def test_issue_shape_and_refusals(office, run):
    r = office("card", "issue", ID, "--date", "2021-04-30")
    assert r.status == 4 and r.err.startswith("CARD_TOO_YOUNG: ") and r.out == ""
    r = office("card", "issue", ID, "--date", "2021-05-01", "--json")
    assert r.status == 0, r.err
    doc = r.json
    assert set(doc) == {"card_no", "type", "issued_on", "fee", "qr", "receipt_no"}
    assert (doc["card_no"], doc["type"], doc["issued_on"], doc["fee"], doc["receipt_no"]) == (
        "4201032021000001", "blue", "2021-05-01", "0.00", None)  # free: no receipt
    assert TOKEN.match(doc["qr"]) and "=" not in doc["qr"]
    assert office("card", "issue", ID, "--date", "2021-06-01").status == 4
    card = run("people", "show", ID, "--json").json["card"]
    assert card == {"card_no": "4201032021000001", "type": "blue", "issued_on": "2021-05-01",
                    "status": "valid"}
    assert office("card", "reissue", ID, "--reason", "stolen").status == 2
    r = office("card", "reissue", ID, "--reason", "upgrade", "--date", "2026-05-01", "--json")
    assert (r.status, r.json["type"], r.json["fee"]) == (0, "red", "0.00")
    r = office("card", "reissue", ID, "--reason", "lost", "--date", "2026-06-01", "--json")
    assert r.json["fee"] == "6.00" and r.json["card_no"] == "4201032026000002"
    r = office("card", "reissue", ID, "--reason", "damaged", "--date", "2026-06-02", "--json")
    assert r.json["fee"] == "12.00"
    hist = office("card", "show", ID, "--json").json["cards"]
    assert [c["status"] for c in hist] == ["replaced", "replaced", "replaced", "valid"]


def test_refusals_for_people_and_photos(office, run, tmp_path):
    other = make_id("1950-02-02", 5)
    assert run("people", "add", "--id", other, "--name", "李四", "--household", "nonlocal").status == 0
    r = office("card", "issue", other)
    assert r.status == 4 and r.err.startswith("CARD_NOT_LOCAL")
    assert office("card", "issue", make_id("1950-02-02", 7)).status == 4  # not registered
    assert office("card", "issue", ID, "--photo", str(tmp_path / "none.jpg")).status == 2
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"GIF89a not really")
    r = office("card", "issue", ID, "--photo", str(bad), "--date", "2026-01-01")
    assert r.status == 2 and r.err.startswith("PHOTO_UNREADABLE")
    dead = make_id("1950-03-03", 9)
    run("people", "add", "--id", dead, "--name", "王五")
    run("people", "death", dead, "--date", "2026-01-01")
    assert office("card", "issue", dead).err.startswith("PERSON_DECEASED")
    r = run("card", "issue", ID, user="nobody")
    assert r.status == 3


@needs_tools
def test_qr_round_trip_valid_tampered_revoked(office, run, tmp_path):
    r = office("card", "issue", ID, "--date", "2024-05-01", "--photo", str(office.photo),
               "--json")
    assert r.status == 0, r.err
    issued = r.json["qr"]
    pdf = tmp_path / "card.pdf"
    assert office("card", "print", ID, "--pdf", str(pdf)).status == 0
    text = decode_qr(pdf, tmp_path)
    assert text == issued
    v = run("card", "verify", text, "--json", user=None)
    assert v.status == 0 and v.json == {"valid": True, "status": "valid",
                                        "card_no": "4201032024000001", "name": "欧阳秀英",
                                        "reason": v.json["reason"]}
    i = len(text) // 2
    flipped = text[:i] + ("A" if text[i] != "A" else "B") + text[i + 1:]
    v = run("card", "verify", flipped, "--json", user=None)
    assert (v.status, v.json["valid"], v.json["status"], v.json["card_no"]) == (
        1, False, "tampered", None)
    assert run("card", "verify", "garbage", user=None).status == 1
    assert run("people", "death", ID, "--date", "2026-02-01").status == 0
    v = run("card", "verify", text, "--json", user=None)
    assert (v.status, v.json["status"], v.json["card_no"]) == (1, "revoked", "4201032024000001")
    assert office("card", "print", ID, "--pdf", str(tmp_path / "again.pdf")).status == 4


@needs_tools
def test_replaced_card_verifies_as_revoked(office, run, tmp_path):
    old = office("card", "issue", ID, "--date", "2024-05-01", "--json").json["qr"]
    new = office("card", "reissue", ID, "--reason", "lost", "--json").json["qr"]
    assert run("card", "verify", old, "--json", user=None).json["status"] == "revoked"
    assert run("card", "verify", new, "--json", user=None).json["status"] == "valid"
    pdf = tmp_path / "sheet.pdf"
    assert office("card", "print", ID, "--pdf", str(pdf), "--mode", "sheet").status == 0
    assert decode_qr(pdf, tmp_path) == new


def test_unknown_card_with_a_good_signature(office, run, db_path):
    from elderdesk.services.cards import qr_token

    [(private,)] = sql_rows(db_path, "SELECT value FROM settings WHERE key='office.private_key'")
    token = qr_token.sign({"no": "4201032026888888", "id": "420103********0114",
                           "name": "欧阳秀英", "type": "red", "issued": "2026-01-01",
                           "office": "420103"}, private)
    v = run("card", "verify", token, "--json", user=None)
    assert (v.status, v.json["status"], v.json["valid"]) == (1, "unknown", False)


def test_pubkey_pickup_print_refusals(office, run, tmp_path):
    r = run("card", "pubkey", user=None)
    assert r.status == 0 and r.out.startswith("-----BEGIN PUBLIC KEY-----")
    assert office("card", "print", ID, "--pdf", str(tmp_path / "x.pdf")).status == 4  # no card
    office("card", "issue", ID, "--date", "2024-05-01")
    existing = tmp_path / "exists.pdf"
    existing.write_bytes(b"%PDF")
    r = office("card", "print", ID, "--pdf", str(existing))
    assert r.status == 4 and r.err.startswith("FILE_EXISTS")
    assert office("card", "pickup", ID, "--agent-name", "李四").status == 2
    agent = make_id("1980-01-01", 23)
    r = office("card", "pickup", ID, "--agent-name", "李四", "--agent-id", agent,
               "--date", "2024-05-20", "--json")
    assert r.status == 0 and r.json == {"card_no": "4201032024000001",
                                        "picked_up_on": "2024-05-20", "picked_up_by": "agent",
                                        "agent_name": "李四", "agent_id_number": agent}
    assert office("card", "pickup", ID).status == 4


def test_rules_offsets_and_calibration_page(office, run, tmp_path):
    assert office("card", "rules", "--set", "card.min_age=65").status == 3
    r = run("card", "rules", "--set", "card.fee.reissue=15", "--json")
    assert r.status == 0 and r.json["fees"]["reissue"] == "15.00"
    assert run("card", "rules", "--set", "card.types=60:gold").status == 2
    assert run("card", "rules", "--set", "card.nope=1").status == 2
    r = office("card", "offset", "--printer", "HP", "--x", "1.5", "--y", "-0.5", "--json")
    assert r.status == 0 and (r.json["x_mm"], r.json["y_mm"]) == (1.5, -0.5)
    assert office("card", "offset", "--printer", "HP", "--json").json["x_mm"] == 1.5
    assert office("card", "offset", "--x", "50").status == 2
    pdf = tmp_path / "cal.pdf"
    assert office("card", "calibrate", "--pdf", str(pdf), "--printer", "HP").status == 0
    assert pdf.read_bytes().startswith(b"%PDF")
