"""系统 → 疑似重复 (issue 15, 应退尽退): at a district the page lists the ID two streets
registered, one row per street with its status and application state (ID masked); 导出 Excel
writes the workbook through the service; at a street the list is empty. A screenshot goes to
build/screenshots."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.duplicates_page import C_APPLICATION, C_ID, C_LIVE, C_OFFICE, DuplicatesPage
from tests.exchange.conftest import REGION, A, B, make_office
from tests.helpers import make_id
from tests.ui.test_exchange_tab import register

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
SHARED = make_id(date(1940, 2, 3), seq=21)


@pytest.fixture(scope="module")
def offices(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dup_offices")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ELDERDESK_TODAY", "2026-03-10")
        d = make_office(folder, "district", None, district=True)
        a, b = make_office(folder, "street_a", "001"), make_office(folder, "street_b", "002")
        for street in (a, b):
            d.services.office.add_partner(d.admin, street.code, f"民意街道{street.code[-3:]}",
                                          street.services.cards.public_key().encode())
            street.services.office.add_partner(street.admin, REGION, "江汉区民政局",
                                               d.services.cards.public_key().encode())
            register(street, SHARED, "周桂芳")
            street.services.exchange.export(street.admin, folder / f"{street.code}.edx")
            d.services.exchange.import_file(d.admin, folder / f"{street.code}.edx")
    yield {"district": d, "a": a, "b": b}
    for o in (d, a, b):
        o.services.close()


def _page(qtbot, ops, office) -> DuplicatesPage:
    page = DuplicatesPage(ops, office.services, office.admin)
    qtbot.addWidget(page)
    page.resize(1000, 360)
    page.show()  # loads the list
    ops.wait_done()
    return page


def _cell(page: DuplicatesPage, row: int, col: int) -> str:
    return page.model.data(page.model.index(row, col), Qt.ItemDataRole.DisplayRole)


def test_the_district_sees_both_registrations_and_exports_them(qtbot, ops, offices, tmp_path,
                                                               monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-03-10")
    page = _page(qtbot, ops, offices["district"])
    assert page.model.rowCount() == 2
    assert [_cell(page, r, C_OFFICE) for r in range(2)] == [A, B]
    assert [_cell(page, r, C_APPLICATION) for r in range(2)] == ["已审核待审批"] * 2
    assert [_cell(page, r, C_LIVE) for r in range(2)] == ["是", "是"]
    assert _cell(page, 0, C_ID) != SHARED and _cell(page, 0, C_ID).startswith(SHARED[:6])
    assert "1" in page.count_label.text() and page.export_button.isEnabled()
    hint = page.hint_label.text()  # what to do in the GUI, not the command line's --office
    assert "--office" not in hint and "老人档案" in hint and "登记街道" in hint
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(50)  # the layout takes the count's new width
    assert page.grab().save(str(SHOTS / "duplicates_page.png"))
    out = tmp_path / "名单.xlsx"
    monkeypatch.setattr(FileDialog, "ask_save", classmethod(lambda *_a: out))
    page.export_button.click()
    ops.wait_done()
    assert str(out) in page.message_label.text()
    rows = list(openpyxl.load_workbook(out)["疑似重复"].iter_rows(min_row=3, max_row=4,
                                                                values_only=True))
    assert [(r[1], r[3]) for r in rows] == [(SHARED, A), (SHARED, B)]


def test_a_street_has_no_duplicates(qtbot, ops, offices):
    page = _page(qtbot, ops, offices["a"])
    assert page.model.rowCount() == 0 and not page.export_button.isEnabled()
