"""PII on screen: every table model of elderdesk.ui.models shows ID numbers as
420103********0114 and accounts as their last 4 until unmasked; only roles with people.unmask
may tick 显示完整身份证号; no log file holds an ID or account number."""

from __future__ import annotations

import importlib
import inspect
import logging
import pkgutil
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt

import elderdesk.ui.models as models_pkg
from elderdesk.domain.roster import ItemView, LineView
from elderdesk.services.audit.view import AuditEntry, AuditPage
from elderdesk.services.auth import Operator
from elderdesk.services.people.service import PersonSummary

ID = "420103194003120114"
ACCOUNT = "6222021234567890123"
MASKED_ID = "420103********0114"
B = date(1940, 3, 12)
D = date(2026, 5, 20)


def _line() -> LineView:
    return LineView(ID, "张三丰", "M", B, "民意街道", "民意社区", "工商银行", ACCOUNT, "80–89",
                    10000, 86, (ItemView("2026-04", "regular", 10000),))


def _people(ops):  # type: ignore[no-untyped-def]
    from elderdesk.ui.models.people_model import PeopleTableModel

    m = PeopleTableModel(ops, lambda q, a, n: [PersonSummary(ID, "张三丰", "M", B, "active",
                                                             "民意社区", None)] if a is None else [])
    m.set_query("张")
    ops.wait_done()
    return m


def _audit(ops):  # type: ignore[no-untyped-def]
    from elderdesk.ui.models.audit_models import AuditTableModel

    entry = AuditEntry(7, "2026-05-20T10:00:00", "clerk1", "people.edit", "person", ID,
                       {"id_number": ID, "account": None, "notes": None},
                       {"id_number": ID, "account": ACCOUNT, "notes": f"旧号 {ID}"})
    m = AuditTableModel(ops, lambda q: AuditPage((entry,), None))
    m.set_query(m.query)
    ops.wait_done()
    return m


def _rows(cls_path: str, rows: list) -> Any:  # type: ignore[type-arg]
    module, name = cls_path.rsplit(".", 1)
    m = getattr(importlib.import_module(f"elderdesk.ui.models.{module}"), name)()
    m.set_rows(rows)
    return m


def _findings(_ops):  # type: ignore[no-untyped-def]
    from elderdesk.importing.findings import Finding
    from elderdesk.ui.models.findings_model import FindingsTableModel

    m = FindingsTableModel()
    m.set_findings([Finding.make(3, "error", "ID_CHECKSUM", ID, "张三丰", id=ID, expected="4")])
    return m


def _card(_ops):  # type: ignore[no-untyped-def]
    from elderdesk.services.cards.service import Card

    return _rows("card_models.CardsTableModel", [Card(
        "4201032026000001", "red", "valid", "new", D, 0, "EC1.x.y", ID, "张三丰",
        agent_name="李四", agent_id_number="420103195001010012")])


def _comparison(_ops):  # type: ignore[no-untyped-def]
    from elderdesk.services.roster.service import Comparison
    from elderdesk.ui.models.roster_models import ComparisonTableModel

    m = ComparisonTableModel()
    m.set_comparison(Comparison("2026Q2", "2026Q1", (_line(),), (), (), (), ()))
    return m


def _no_pii(cls_path: str):  # type: ignore[no-untyped-def]
    """Models that show no person numbers: built empty (their rows carry none)."""
    def make(_ops):  # type: ignore[no-untyped-def]
        module, name = cls_path.rsplit(".", 1)
        return getattr(importlib.import_module(f"elderdesk.ui.models.{module}"), name)()
    return make


# model class -> factory(ops) with one row that holds ID (and ACCOUNT where the row has one)
FACTORIES = {
    "PeopleTableModel": _people,
    "AuditTableModel": _audit,
    "FindingsTableModel": _findings,
    "CardsTableModel": _card,
    "ComparisonTableModel": _comparison,
    "ApplicationsTableModel": lambda _o: _rows("allowance_models.ApplicationsTableModel", [
        __import__("elderdesk.services.allowance.service", fromlist=["Application"]).Application(
            ID, "张三丰", B, "民意社区", "applied", D, "clerk1", None, None, f"核对 {ID}")]),
    "DuePeopleTableModel": lambda _o: _rows("allowance_models.DuePeopleTableModel", [
        __import__("elderdesk.services.allowance.service", fromlist=["DuePerson"]).DuePerson(
            ID, "张三丰", B, "民意社区", "13800001111", D)]),
    "RosterLinesTableModel": lambda _o: _rows("roster_models.RosterLinesTableModel", [_line()]),
    "RecoveriesTableModel": lambda _o: _rows("roster_models.RecoveriesTableModel", [
        __import__("elderdesk.services.roster.service", fromlist=["Recovery"]).Recovery(
            ID, "张三丰", "2026Q1", "2026-02", 10000, None)]),
    "HistoryTableModel": _no_pii("allowance_models.HistoryTableModel"),
    "RosterItemsTableModel": _no_pii("roster_models.RosterItemsTableModel"),
    "RosterSubtotalsTableModel": _no_pii("roster_models.RosterSubtotalsTableModel"),
    "UsersTableModel": _no_pii("user_models.UsersTableModel"),
    "StatTableModel": _no_pii("stats_models.StatTableModel"),
}
ABSTRACT = {"ListTableModel", "MaskedTableModel", "PersonRowsModel"}


def model_classes() -> dict[str, type]:
    found = {}
    for info in pkgutil.iter_modules(models_pkg.__path__):
        module = importlib.import_module(f"elderdesk.ui.models.{info.name}")
        for name, obj in vars(module).items():
            if inspect.isclass(obj) and issubclass(obj, QAbstractItemModel) \
                    and obj.__module__ == module.__name__ and name not in ABSTRACT:
                found[name] = obj
    return found


def shown(model: Any) -> str:
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    return "\n".join(str(model.data(model.index(r, c), role)) for r in range(model.rowCount())
                     for c in range(model.columnCount()) for role in roles)


def test_every_model_is_checked() -> None:
    assert set(model_classes()) == set(FACTORIES)


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_models_mask_by_default(qtbot, ops, name: str) -> None:
    model = FACTORIES[name](ops)
    text = shown(model)
    assert ID not in text and ACCOUNT not in text and "420103195001010012" not in text
    if hasattr(model, "set_masked"):
        assert model.rowCount() == 1 and MASKED_ID in text
        model.set_masked(False)
        assert ID in shown(model)


def test_only_some_roles_may_unmask(qtbot) -> None:
    from PySide6.QtWidgets import QCheckBox

    from elderdesk.ui.widgets.unmask import guard_unmask

    allowed = {r for r in ("clerk", "reviewer", "approver", "admin")
               if guard_unmask(QCheckBox(), Operator("x", frozenset({r}))).isEnabled()}
    assert allowed == {"clerk", "approver", "admin"}


def test_pages_guard_their_unmask_boxes(qtbot, services, admin, reviewer) -> None:
    from elderdesk.ui.main_window import MainWindow

    w = MainWindow(services, reviewer)
    qtbot.addWidget(w)
    pages = (w.register_page, w.allowance_page, w.roster_page, w.cards_page)
    boxes = [p.unmask_check for p in pages]
    assert boxes and not any(b.isEnabled() for b in boxes)
    w.ops.wait_done()


def test_logs_hold_no_id_or_account_numbers(tmp_path, monkeypatch) -> None:
    from elderdesk import logs, paths

    monkeypatch.setattr(paths, "log_dir", lambda: tmp_path)
    monkeypatch.setattr(logs, "_configured", False)
    logger = logging.getLogger("elderdesk")
    before = list(logger.handlers)
    try:
        logs.configure()
        log = logging.getLogger("elderdesk.services.test")
        log.warning("person %s account %s", ID, ACCOUNT)
        log.info("15-digit %s and x-id %s", "420103400312011", "42010319400312011X")
        try:
            raise ValueError(f"bad row {ID}")
        except ValueError:
            log.exception("failed on %s", ACCOUNT)
        for h in logger.handlers:
            h.flush()
        text = (tmp_path / "elderdesk.log").read_text(encoding="utf-8")
    finally:
        for h in logger.handlers[len(before):]:
            logger.removeHandler(h)
            h.close()
    assert "person 420103********0114 account ****0123" in text
    for secret in (ID, ACCOUNT, "420103400312011", "42010319400312011X"):
        assert secret not in text
    assert "ValueError: bad row 420103********0114" in text
