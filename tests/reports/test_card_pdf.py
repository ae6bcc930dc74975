"""Card PDFs: each mode's page size and text layer, the QR decodes, templates, calibration page."""

import io
import re
import subprocess
from datetime import date

import pytest
from PIL import Image

from elderdesk.domain.errors import ElderError
from elderdesk.reports.card_overlay import load_template, write_calibration_page
from elderdesk.reports.card_pdf import CardFace, write_cards
from elderdesk.services.cards import photo as card_photo
from elderdesk.services.cards import qr_token
from elderdesk.services.users.keys import new_key_pair
from tests.system_tools import needs

MM = 72 / 25.4
SIZES = {"full": (85.6, 54.0), "overlay": (153.0, 99.0), "sheet": (210.0, 297.0)}
poppler = needs("pdftotext")


def face(name="欧阳秀英", no="4201032026000001", kind="blue", photo=True) -> CardFace:
    private, _public = new_key_pair()
    token = qr_token.sign({"no": no, "id": "420103********0114", "name": name, "type": kind,
                           "issued": "2026-05-01", "office": "420103"}, private)
    jpeg = None
    if photo:
        out = io.BytesIO()
        Image.new("RGB", (300, 420), (180, 200, 230)).save(out, "PNG")
        jpeg = card_photo.prepare(out.getvalue()).image
    return CardFace(no, kind, name, "女", "汉", date(1961, 7, 15), "420103196107150114",
                    "武汉市江汉区民意街道新华路 123 号", date(2026, 5, 1),
                    "江汉区民意街道社区服务中心", token, qr_token.best_mask(token), jpeg)


def page_sizes(pdf) -> list[tuple[float, float]]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True,
                         text=True, check=True).stdout
    return [(float(w) / MM, float(h) / MM)
            for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)]


def text_of(pdf) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


@poppler
@pytest.mark.parametrize("mode", ["full", "overlay", "sheet"])
def test_each_mode_page_size_and_text_layer(tmp_path, mode):
    faces = [face(), face("张三丰", "4201032026000002", "red", photo=False)]
    pdf = tmp_path / f"{mode}.pdf"
    write_cards(pdf, faces, mode)
    sizes = page_sizes(pdf)
    assert len(sizes) == (1 if mode == "sheet" else 2)
    for w, h in sizes:
        assert w == pytest.approx(SIZES[mode][0], abs=0.1)
        assert h == pytest.approx(SIZES[mode][1], abs=0.1)
    text = text_of(pdf)
    for expected in ("欧阳秀英", "4201032026000001", "张三丰", "4201032026000002"):
        assert expected in text
    if mode != "overlay":
        assert "老年人优待证" in text and "发证机关" in text
    else:
        assert "姓名" not in text  # data only: labels are pre-printed on the stock


@needs("pdftoppm", "zbarimg")
@pytest.mark.parametrize("mode", ["full", "overlay"])
def test_the_printed_qr_decodes_to_the_token(tmp_path, mode):
    f = face()
    pdf = tmp_path / "card.pdf"
    write_cards(pdf, [f], mode, offset=(1.0, -1.0))
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(pdf), str(tmp_path / "p")], check=True)
    png = next(tmp_path.glob("p*.png"))
    out = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True)
    assert out.stdout.strip() == f.qr


@poppler
def test_sheet_holds_ten_cards_a_page(tmp_path):
    pdf = tmp_path / "sheet.pdf"
    write_cards(pdf, [face(no=f"42010320260000{i:02d}") for i in range(1, 13)], "sheet")
    assert len(page_sizes(pdf)) == 2


@poppler
def test_calibration_page_has_rulers_and_offsets(tmp_path):
    pdf = tmp_path / "cal.pdf"
    write_calibration_page(pdf, load_template(), (1.5, -0.5), "HP LaserJet")
    (w, h), = page_sizes(pdf)
    assert (round(w), round(h)) == (153, 99)
    text = text_of(pdf)
    assert "套打校准页" in text and "HP LaserJet" in text and "+1.5" in text and "150" in text


def test_template_is_checked(tmp_path):
    tpl = load_template()
    assert (tpl.width, tpl.height) == (153.0, 99.0)
    assert {"name", "id_number", "card_no", "issued_on"} <= set(tpl.fields)
    bad = tmp_path / "bad.toml"
    bad.write_text('[page]\nwidth = 85.6\nheight = "54"\n', encoding="utf-8")
    with pytest.raises(ElderError) as e:
        load_template(bad)
    assert e.value.code == "CARD_TEMPLATE_INVALID"
    bad.write_text("[page]\nwidth = 85.6\nheight = 54\n[fields.shoe_size]\nx = 1\ny = 2\n",
                   encoding="utf-8")
    with pytest.raises(ElderError):
        load_template(bad)
    bad.write_text("not = [toml", encoding="utf-8")
    with pytest.raises(ElderError):
        load_template(bad)


def test_readme_snippet_verifies_a_token():
    """The README's verification example works with nothing but the public key."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    code = readme.split("老年证二维码", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    private, public = new_key_pair()
    payload = {"no": "4201032026000001", "id": "420103********0114", "name": "欧阳秀英",
               "type": "red", "issued": "2026-05-01", "office": "420103"}
    space: dict = {}
    exec(code, space)  # noqa: S102 - our own README
    assert space["check"](qr_token.sign(payload, private), public.encode()) == payload
