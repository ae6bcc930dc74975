"""Table models: Qt's model contract (qtmodeltester), paging by `after`, stale results dropped."""

from __future__ import annotations

import threading
from datetime import date

from PySide6.QtCore import Qt

from elderdesk.importing.findings import Finding
from elderdesk.services.people.service import PersonSummary
from elderdesk.ui.models.findings_model import COL_LEVEL, COL_MESSAGE, FindingsTableModel
from elderdesk.ui.models.people_model import COL_ID, PAGE_SIZE, PeopleTableModel


def summaries(n: int) -> list[PersonSummary]:
    return [PersonSummary(f"420103194001{i:06d}", f"人{i}", "M" if i % 2 else "F",
                          date(1940, 1, 1), "active", "民意社区", None) for i in range(n)]


class FakeRegister:
    """A page loader over an in-memory list, recording the `after` of every call."""

    def __init__(self, rows: list[PersonSummary]) -> None:
        self.rows, self.calls = rows, []

    def __call__(self, query: str, after: str | None, limit: int) -> list[PersonSummary]:
        self.calls.append(after)
        rest = [r for r in self.rows if after is None or r.id_number > after]
        return rest[:limit]


def test_people_model_contract_on_real_search(qtbot, qtmodeltester, ops, services, clerk, people):
    model = PeopleTableModel(ops, lambda q, a, n: services.people.search(clerk, q, limit=n, after=a))
    model.set_query("z")
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    qtmodeltester.check(model, force_py=True)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "身份证号"


def test_people_model_pages_with_after(qtbot, qtmodeltester, ops):
    register = FakeRegister(summaries(250))
    model = PeopleTableModel(ops, register)
    with qtbot.waitSignal(model.results_loaded):
        model.set_query("人")
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore()
    model.fetchMore()
    assert not model.canFetchMore()  # one page at a time
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE_SIZE)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 250)
    assert not model.canFetchMore()
    assert register.calls == [None, summaries(250)[99].id_number, summaries(250)[199].id_number]
    qtmodeltester.check(model, force_py=True)


def test_people_model_masks_ids_by_default(qtbot, ops):
    model = PeopleTableModel(ops, FakeRegister(summaries(3)))
    with qtbot.waitSignal(model.results_loaded):
        model.set_query("人")
    assert model.data(model.index(1, COL_ID)) == "420103********0001"
    model.set_masked(False)
    assert model.data(model.index(1, COL_ID)) == "420103194001000001"


def test_stale_results_are_dropped(qtbot, ops):
    release = threading.Event()
    rows = summaries(5)

    def loader(query, after, limit):
        if query == "slow":
            release.wait(5)
            return rows
        return rows[:1]

    model = PeopleTableModel(ops, loader)
    model.set_query("slow")
    with qtbot.waitSignal(model.results_loaded):
        model.set_query("fast")
    assert model.rowCount() == 1
    release.set()
    ops.wait_done()
    assert model.rowCount() == 1 and model.query == "fast"


def test_empty_query_clears_without_searching(qtbot, ops):
    register = FakeRegister(summaries(3))
    model = PeopleTableModel(ops, register)
    with qtbot.waitSignal(model.results_loaded):
        model.set_query("人")
    model.set_query("  ")
    assert model.rowCount() == 0 and register.calls == [None]


def test_findings_model(qtmodeltester):
    model = FindingsTableModel()
    model.set_findings([
        Finding(7, "warning", "ALREADY_REGISTERED", "11010519491231002X", "赵一", "此人已在登记册中"),
        Finding(3, "error", "ID_CHECKSUM", "110105194912310021", "孙三", "校验位错误"),
    ])
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2 and model.count("error") == 1
    assert model.data(model.index(0, 0)) == "3"  # sorted by row
    assert model.data(model.index(0, COL_LEVEL)) == "错误"
    assert model.data(model.index(1, COL_LEVEL)) == "警告"
    assert model.data(model.index(0, COL_MESSAGE)) == "校验位错误"
    # the Chinese message leads; the code stays in a narrow last column (and in the report)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "行号", "级别", "身份证号", "姓名", "说明", "代码"]
    assert model.data(model.index(0, 5)) == "ID_CHECKSUM"
