"""The import dialog's 下载空白模板… button: copies the shipped register template."""

from __future__ import annotations

import pytest

from elderdesk.paths import resource
from elderdesk.ui.dialogs.import_dialog import DEATHS, PEOPLE, ImportDialog


@pytest.fixture
def dialog(qtbot, ops, services, clerk):
    d = ImportDialog(ops, services, clerk)
    qtbot.addWidget(d)
    d.show()
    return d


def test_button_saves_the_template_where_chosen(dialog, tmp_path, monkeypatch):
    asked = []
    target = tmp_path / "我的名册.xlsx"
    monkeypatch.setattr(dialog, "choose_save_path", lambda s: asked.append(s) or str(target))
    assert dialog.template_button.text() == "下载空白模板…"
    dialog.template_button.click()
    assert asked and asked[0].endswith("人员名册模板.xlsx")
    assert target.read_bytes() == resource("templates", "register_template.xlsx").read_bytes()
    assert str(target) in dialog.status_label.text()


def test_template_lands_beside_the_chosen_workbook_and_gets_xlsx(dialog, tmp_path, monkeypatch):
    dialog.file_edit.setText(str(tmp_path / "旧名册.xls"))
    asked = []
    monkeypatch.setattr(dialog, "choose_save_path",
                        lambda s: asked.append(s) or str(tmp_path / "模板"))
    dialog.template_button.click()
    assert asked == [str(tmp_path / "人员名册模板.xlsx")]
    assert (tmp_path / "模板.xlsx").is_file()


def test_cancel_and_failure(dialog, tmp_path, monkeypatch):
    monkeypatch.setattr(dialog, "choose_save_path", lambda s: "")
    dialog.template_button.click()
    assert dialog.status_label.text() == ""
    monkeypatch.setattr(dialog, "choose_save_path", lambda s: str(tmp_path / "没有" / "a.xlsx"))
    dialog.template_button.click()
    assert dialog.status_label.text().startswith("模板没有保存：")


def test_only_for_the_people_register(dialog):
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(DEATHS))
    assert not dialog.template_button.isEnabled()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(PEOPLE))
    assert dialog.template_button.isEnabled()
