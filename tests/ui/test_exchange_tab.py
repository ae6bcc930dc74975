"""系统 → 交换 (issue 15): export to a chosen folder and import between real databases made as
tests/exchange/conftest.py makes them, by clicking the tab's buttons; the findings table with a
DUP_OFFICE; the status per office; a refusal's Chinese message."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from elderdesk.domain.person import PersonInput
from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.exchange_tab import F_CODE, F_ID, F_MESSAGE, F_OFFICES, S_RECEIVED, ExchangeTab
from tests.exchange.conftest import REGION, A, B, close_offices, make_offices
from tests.helpers import make_id

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture(scope="module")
def offices(tmp_path_factory):
    found = make_offices(tmp_path_factory.mktemp("offices"), "民意街道")
    yield found
    close_offices(found)


def make_tab(qtbot, ops, office, operator=None) -> ExchangeTab:
    tab = ExchangeTab(ops, office.services, operator or office.admin)
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    tab.show()  # loads identity and status
    ops.wait_done()
    return tab


def click_export(tab, folder, monkeypatch, partner: str | None = None) -> str:
    monkeypatch.setattr(ExchangeTab, "ask_folder", staticmethod(lambda *_a: folder))
    if partner is not None:
        tab.partner_combo.setCurrentIndex(tab.partner_combo.findData(partner))
    tab.export_button.click()
    tab._ops.wait_done()  # the export, then the status read again
    return tab.message_label.text()


def click_import(tab, path, monkeypatch) -> str:
    monkeypatch.setattr(FileDialog, "ask_open", classmethod(lambda *_a: path))
    tab.message_label.clear()
    tab.import_button.click()
    tab._ops.wait_done()
    return tab.message_label.text()


def register(office, number: str, name: str) -> None:
    svc = office.services
    svc.people.add(office.clerk, PersonInput(number, name, community="民意社区",
                                             bank="工商银行", account="6222020200001234567"))
    svc.allowance.apply(office.clerk, number, date(2026, 3, 2))
    svc.allowance.review(office.reviewer, number, True, "符合条件", date(2026, 3, 2))


def test_export_and_import_by_clicking(qtbot, ops, offices, tmp_path, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-03-10")
    d, a, b = offices["district"], offices["a"], offices["b"]
    shared = make_id(date(1940, 2, 3), seq=21)
    register(a, shared, "周桂芳")
    other = make_id(date(1941, 5, 6), seq=23)
    register(a, other, "吴建华")
    register(b, shared, "周桂芳")  # the same person registered at street B too
    usb_a, usb_b, usb_d = (tmp_path / n for n in ("usb_a", "usb_b", "usb_d"))
    for f in (usb_a, usb_b, usb_d):
        f.mkdir()

    tab_a, tab_b = make_tab(qtbot, ops, a, a.clerk), make_tab(qtbot, ops, b, b.clerk)
    assert tab_a.identity_label.text().startswith(A) and "街道" in tab_a.identity_label.text()
    assert [tab_a.partner_combo.itemData(i) for i in range(tab_a.partner_combo.count())] == [REGION]
    text = click_export(tab_a, usb_a, monkeypatch)
    package_a = usb_a / f"{A}-{REGION}-0001.edx"
    assert package_a.is_file() and str(package_a) in text and "序号 1" in text
    assert tab_a.status.data(tab_a.status.index(0, 2)) == "1"  # sent 1
    click_export(tab_b, usb_b, monkeypatch)
    package_b = usb_b / f"{B}-{REGION}-0001.edx"
    assert package_b.is_file()

    # The district imports both: the second holds an ID street A registered -> DUP_OFFICE.
    tab_d = make_tab(qtbot, ops, d, d.approver)
    assert [tab_d.partner_combo.itemData(i) for i in range(tab_d.partner_combo.count())] == [A, B]
    text = click_import(tab_d, package_a, monkeypatch)
    assert f"已导入 {A} 的交换包（序号 1）" in text and "人员 2" in text
    assert tab_d.findings.rowCount() == 0
    text = click_import(tab_d, package_b, monkeypatch)
    assert "有 1 条需核实的发现" in text
    f = tab_d.findings
    assert f.rowCount() == 1 and f.data(f.index(0, F_CODE)) == "DUP_OFFICE"
    assert f.data(f.index(0, F_ID)) != shared and f.data(f.index(0, F_ID))[-4:] == shared[-4:]
    assert "疑似重复" in f.data(f.index(0, F_MESSAGE))
    assert shared not in f.data(f.index(0, F_MESSAGE))  # masked until unmasked
    assert f.data(f.index(0, F_OFFICES)) == f"{A}、{B}"
    tab_d.unmask_check.setChecked(True)
    assert f.data(f.index(0, F_ID)) == shared
    received = lambda: {tab_d.status.data(tab_d.status.index(r, 0)):  # noqa: E731
                        tab_d.status.data(tab_d.status.index(r, S_RECEIVED)) for r in range(2)}
    assert received() == {A: "1", B: "1"}
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab_d.unmask_check.setChecked(False)
    assert tab_d.grab().save(str(SHOTS / "exchange_tab_dup_office.png"))

    # The same file again: a no-op, said so.
    assert "已导入过，未作更改" in click_import(tab_d, package_b, monkeypatch)

    # The district decides and sends street A its decisions; A imports them by clicking.
    d.services.allowance.approve(d.approver, other, date(2026, 3, 5))
    click_export(tab_d, usb_d, monkeypatch, partner=A)
    package_d = usb_d / f"{REGION}-{A}-0001.edx"
    assert package_d.is_file()
    text = click_import(tab_a, package_d, monkeypatch)
    assert "审批决定 1" in text
    assert a.services.allowance.enrollment_json(a.admin, other)["status"] == "approved"


def test_a_refused_role_shows_the_chinese_message(qtbot, ops, offices, tmp_path, monkeypatch):
    d = offices["district"]
    tab = ExchangeTab(ops, d.services, d.clerk)  # a district's clerk may not exchange
    qtbot.addWidget(tab)
    tab.show()
    ops.wait_done()
    assert "没有" in tab.message_label.text() and "权限" in tab.message_label.text()
    text = click_import(tab, tmp_path / "none.edx", monkeypatch)
    assert "权限" in text and "#b01c1c" in tab.message_label.styleSheet()


def test_district_lists_show_and_filter_the_street(qtbot, ops, offices, tmp_path, monkeypatch):
    """At the district the register and the application queues carry each person's street
    (the registering office, from the exchange) and filter by it; a street sees no filter."""
    from elderdesk.ui.models.allowance_models import A_OFFICE
    from elderdesk.ui.models.people_model import COL_OFFICE
    from elderdesk.ui.pages.allowance_page import TO_APPROVE, AllowancePage
    from elderdesk.ui.pages.register_page import RegisterPage

    monkeypatch.setenv("ELDERDESK_TODAY", "2026-03-10")
    d, a, b = offices["district"], offices["a"], offices["b"]
    from_a = [make_id(date(1939, 7, 1 + i), seq=61 + 2 * i) for i in range(3)]
    from_b = [make_id(date(1939, 8, 1 + i), seq=81 + 2 * i) for i in range(2)]
    for i, number in enumerate(from_a):
        register(a, number, f"黄桂{i}")
    for i, number in enumerate(from_b):
        register(b, number, f"黄桂{5 + i}")
    for street in (a, b):
        out = tmp_path / f"{street.code}.edx"
        street.services.exchange.export(street.clerk, out)
        d.services.exchange.import_file(d.approver, out)

    page = RegisterPage(ops, d.services, d.approver)
    qtbot.addWidget(page)
    page.show()
    ops.wait_done()
    assert page.street_filter.isVisible() and page.model.columnCount() == COL_OFFICE + 1
    page.search_edit.setText("黄桂")
    page._run_search()
    ops.wait_done()
    shown = lambda m: {m.data(m.index(r, 1)): m.data(m.index(r, COL_OFFICE))  # noqa: E731
                       for r in range(m.rowCount())}
    assert shown(page.model) == {**{f"黄桂{i}": A for i in range(3)},
                                 **{f"黄桂{5 + i}": B for i in range(2)}}
    page.street_filter.setCurrentIndex(page.street_filter.findData(B))
    ops.wait_done()
    assert shown(page.model) == {"黄桂5": B, "黄桂6": B}

    queues = AllowancePage(ops, d.services, d.approver)
    qtbot.addWidget(queues)
    queues.show()
    ops.wait_done()
    queues.street_filter.setCurrentIndex(queues.street_filter.findData(A))
    ops.wait_done()
    m = queues.lists[TO_APPROVE].model
    rows = {m.data(m.index(r, 1)): m.data(m.index(r, A_OFFICE)) for r in range(m.rowCount())}
    assert {f"黄桂{i}" for i in range(3)} <= set(rows) and rows["黄桂0"] == A
    assert all(A in v.split("、") for v in rows.values())  # an ID of two streets shows both
    assert not any(name in rows for name in ("黄桂5", "黄桂6"))

    street_page = RegisterPage(ops, a.services, a.clerk)  # a street: as before
    qtbot.addWidget(street_page)
    street_page.show()
    ops.wait_done()
    assert not street_page.street_filter.isVisible()
    assert street_page.model.columnCount() == COL_OFFICE
