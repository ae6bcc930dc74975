"""After a card issue or reissue that took a fee, the cards page offers the numbered receipt:
printed or saved as PDF (issue 16). A free card offers nothing."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.dialogs.reissue_dialog import ReissueDialog
from tests.ui.allowance_helpers import fake_ask
from tests.ui.test_cards_page import ZHANG_ID, make_page, show


def test_a_reissue_with_a_fee_offers_its_receipt(qtbot, ops, services, clerk, people,
                                                 monkeypatch, tmp_path):
    services.cards.issue(clerk, ZHANG_ID, date(2026, 3, 1))  # free: no receipt
    page = make_page(qtbot, ops, services, clerk)
    show(qtbot, page, ZHANG_ID)
    assert not page.receipt_bar.isVisible()
    fake_ask(monkeypatch, qtbot, ReissueDialog)  # lost, 6.00 yuan
    page.panel.reissue_button.click()
    qtbot.waitUntil(page.receipt_bar.isVisible)
    no = page.receipt_no
    assert no is not None and no.startswith("SJ420103") and no.endswith("000001")
    assert no in page.receipt_label.text() and "6.00 元" in page.receipt_label.text()
    target = tmp_path / "收据.pdf"
    monkeypatch.setattr(FileDialog, "ask_save", classmethod(lambda cls, *a: target))
    page.receipt_save_button.click()
    qtbot.waitUntil(lambda: target.exists() and "已保存收据" in page.message.text())
    assert target.read_bytes().startswith(b"%PDF")
    with services.db.read() as s:
        assert s.execute(text("SELECT count(*) FROM audit_log WHERE action = 'receipt.print'"
                              )).scalar() == 1
