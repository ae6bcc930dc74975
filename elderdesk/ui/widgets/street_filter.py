"""At a district (issue 15): which street registered each person in a list, and a filter by
street. The street comes from ExchangeService.offices_of (people.office); at a street office
the filter stays hidden and lists are loaded as before."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from elderdesk.ui.ops import Ops

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services

SEP = "、"  # between the streets of an ID registered at two


class WithOffice:
    """A list row (PersonSummary, Application...) with the street that registered the person
    (`office`: a code, two joined by SEP, or '')."""

    __slots__ = ("office", "row")

    def __init__(self, row: Any, office: str) -> None:
        self.row, self.office = row, office

    def __getattr__(self, name: str) -> Any:
        return getattr(self.row, name)


def located(services: Services, op: Operator, rows: Sequence[Any],
            street: str | None = None) -> list[WithOffice]:
    """Off the GUI thread: rows with their streets, only street's when given."""
    offices = services.exchange.offices_of(op, [r.id_number for r in rows])
    out = [WithOffice(r, offices.get(r.id_number, "")) for r in rows]
    return [r for r in out if street is None or street in r.office.split(SEP)]


def street_pages(services: Services, op: Operator, search: Callable[[str, str | None, int], list],
                 street: str | None) -> Callable[[str, str | None, int], list]:
    """A register page loader (query, after, limit) giving rows with their streets; with a
    street, pages of the search are read until `limit` of its people are found (or none is
    left), so paging by the last ID number goes on where this page ended."""

    def load(query: str, after: str | None, limit: int) -> list:
        out: list[WithOffice] = []
        while True:
            rows = search(query, after, limit if street is None else limit * 4)
            out += located(services, op, rows, street)
            if street is None or len(out) >= limit or len(rows) < limit * 4:
                return out
            after = rows[-1].id_number

    return load


class StreetFilter(QComboBox):
    """全部街道 and each registered street; hidden unless this office is a district."""

    found_district = Signal()  # this office is a district: show the street column
    street_changed = Signal(object)  # the chosen street's code, or None for all

    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.district = False
        self.setVisible(False)
        self.addItem(self.tr("全部街道"), None)
        self.setToolTip(self.tr("只显示所选街道登记的人员"))
        self.currentIndexChanged.connect(lambda _i: self.street_changed.emit(self.street()))
        office = services.office
        ops.run(lambda: (office.identity(operator), office.partners(operator)), self._on_loaded,
                lambda _exc: None)  # not known: an office as before

    def street(self) -> str | None:
        return self.currentData()

    def _on_loaded(self, result: tuple[Any, list[Any]]) -> None:
        me, partners = result
        if me.level != "district":
            return
        self.district = True
        self.blockSignals(True)
        for p in partners:
            if p.level == "street":
                self.addItem(f"{p.code} {p.name}", p.code)
        self.blockSignals(False)
        self.setVisible(True)
        self.found_district.emit()
