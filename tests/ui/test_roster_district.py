"""The roster page at a district (issue 15): the district pays two streets; each line shows its
registering street (登记街道, after 社区), the street filter keeps one street's lines, the
subtotals per street and community are shown (the chosen street's 小计 with its count and sum
in the totals line), a chosen street's PDF is that street's part; at a street nothing of it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.models.roster_models import (
    L_COMMUNITY,
    L_NAME,
    L_OFFICE,
    S_COMMUNITY,
    S_PAID,
    S_PEOPLE,
    S_STREET,
)
from elderdesk.ui.pages.roster_page import RosterPage
from tests.exchange.conftest import REGION, A, B, make_office
from tests.exchange.test_district_roster import approved_at_district, send
from tests.system_tools import needs

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Both streets' people sent to the district, approved there, the district paying both
    (acknowledged) before any street froze a roster: the district's 2026Q1 pays everybody."""
    folder = tmp_path_factory.mktemp("district_roster")
    d = make_office(folder, "district", None, district=True)
    a = make_office(folder, "street_a", "001")
    b = make_office(folder, "street_b", "002")
    for street, name in ((a, "民意街道"), (b, "唐家墩街道")):
        d.services.office.add_partner(d.admin, street.code, name,
                                      street.services.cards.public_key().encode())
        street.services.office.add_partner(street.admin, REGION, "江汉区民政局",
                                           d.services.cards.public_key().encode())
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ELDERDESK_TODAY", "2026-03-10")
        ids_a, ids_b = approved_at_district(d, a, b, folder)
        for street, code in ((a, A), (b, B)):
            d.services.office.payment(d.admin, code, "district")
            send(d, street, folder, f"d-{code}.edx", to=code)
            send(street, d, folder, f"{code}-2.edx")  # acknowledges the setting
    yield {"d": d, "a": a, "b": b, "ids_a": ids_a, "ids_b": ids_b}
    for o in (d, a, b):
        o.services.close()


def make_page(qtbot, ops, office, operator) -> RosterPage:
    page = RosterPage(ops, office.services, operator)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    ops.wait_done()
    return page


def column(model, col: int) -> list[str]:
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def test_district_roster_street_column_filter_and_subtotals(qtbot, ops, world, tmp_path,
                                                            monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-04-10")
    d = world["d"]
    page = make_page(qtbot, ops, d, d.approver)
    assert page.street_filter.isVisible() and page.subtotals_table.isVisible()
    assert [page.street_filter.itemData(i) for i in range(page.street_filter.count())] == \
        [None, A, B]
    page.period_edit.setText("2026Q1")
    page.build_button.click()
    qtbot.waitUntil(lambda: page._task is None and page.view is not None
                    and page.view.period == "2026Q1", timeout=10000)
    ops.wait_done()
    m = page.model
    assert m.rowCount() == 5
    assert m.headerData(L_OFFICE, Qt.Orientation.Horizontal) == "登记街道"
    header = page.table.horizontalHeader()
    assert header.visualIndex(L_OFFICE) == header.visualIndex(L_COMMUNITY) + 1
    streets = dict(zip(column(m, L_NAME), column(m, L_OFFICE), strict=True))
    assert streets == {**{f"老人{n}": f"{A} 民意街道" for n in (10, 11, 20)},
                       **{f"老人{n}": f"{B} 唐家墩街道" for n in (50, 51)}}
    per_line = d.services.roster.show(d.approver, "2026Q1").lines[0].paid_fen
    assert per_line > 0

    s = page.subtotals_model
    rows = list(zip(column(s, S_STREET), column(s, S_COMMUNITY), column(s, S_PEOPLE),
                    strict=True))
    assert rows == [(f"{A} 民意街道", "新华社区", "1"), (f"{A} 民意街道", "民意社区", "2"),
                    (f"{A} 民意街道 小计", "", "3"),
                    (f"{B} 唐家墩街道", "唐家墩社区", "2"), (f"{B} 唐家墩街道 小计", "", "2"),
                    ("合计", "", "5")]
    assert [s.sums(r)[3] for r in (2, 4, 5)] == [3 * per_line, 2 * per_line, 5 * per_line]
    assert page.totals_label.text().startswith("合计：发放 5 人")

    SHOTS.mkdir(parents=True, exist_ok=True)
    assert page.grab().save(str(SHOTS / "roster_district.png"))

    # One street chosen: its lines only, its subtotal rows, its count and sum before the total.
    page.street_filter.setCurrentIndex(page.street_filter.findData(B))
    assert column(m, L_NAME) == ["老人50", "老人51"]
    assert column(s, S_STREET) == [f"{B} 唐家墩街道", f"{B} 唐家墩街道 小计"]
    money = f"{2 * per_line // 100:,}.{2 * per_line % 100:02d}"
    assert s.data(s.index(1, S_PAID)) == money
    assert page.totals_label.text().startswith(
        f"{B} 唐家墩街道：2 行，发放 2 人，合计 {money} 元；追回 0.00 元。全区合计：发放 5 人")
    assert page.items_model.rowCount() > 0  # the first of its lines selected
    assert page.grab().save(str(SHOTS / "roster_district_street.png"))

    # Printed with a street chosen: that street's part, its subtotal and none of A's lines;
    # with all streets the subtotals of both.
    target = tmp_path / "b.pdf"
    asked: list[str] = []
    monkeypatch.setattr(FileDialog, "ask_save", classmethod(
        lambda cls, _p, _t, name, _f: asked.append(name) or target))
    page.pdf_button.click()
    qtbot.waitUntil(lambda: page._task is None and page.message.text().startswith("已保存"))
    assert asked == [f"高龄津贴发放花名册_2026Q1_{B}.pdf"]
    page.street_filter.setCurrentIndex(0)
    assert m.rowCount() == 5 and s.rowCount() == 6
    whole = tmp_path / "all.pdf"
    monkeypatch.setattr(FileDialog, "ask_save", classmethod(lambda cls, *_a: whole))
    page.pdf_button.click()
    qtbot.waitUntil(lambda: page._task is None and whole.exists())
    needs("pdftotext")
    text_b = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True,
                            text=True, check=True).stdout
    assert f"{B} 唐家墩街道 小计" in text_b and A not in text_b
    text = subprocess.run(["pdftotext", "-layout", str(whole), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "分街道、社区小计" in text and f"{A} 民意街道 小计" in text \
        and f"{B} 唐家墩街道 小计" in text


def test_subtotals_model_contract(qtbot, qtmodeltester, world):
    from elderdesk.ui.models.roster_models import RosterSubtotalsTableModel

    d = world["d"]
    model = RosterSubtotalsTableModel()
    model.set_lines(d.services.roster.show(d.approver, "2026Q1").lines, {A: "民意街道"})
    assert model.rowCount() == 6 and model.data(model.index(5, S_STREET)) == "合计"
    qtmodeltester.check(model, force_py=True)


def test_a_street_roster_page_has_no_street_filter(qtbot, ops, world, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-04-10")
    a = world["a"]
    page = make_page(qtbot, ops, a, a.clerk)
    page.period_edit.setText("2026Q1")
    page.build_button.click()
    qtbot.waitUntil(lambda: page._task is None and page.view is not None, timeout=10000)
    assert not page.street_filter.isVisible() and not page.subtotals_table.isVisible()
    assert page.model.columnCount() == L_OFFICE
    assert page.street() is None and page.totals_label.text().startswith("合计：")
