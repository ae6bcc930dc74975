"""One list of a page: a table loaded in the background, its action buttons and a count."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from elderdesk.ui.errors import error_text
from elderdesk.ui.keys import bind
from elderdesk.ui.layout import FlowLayout, WrapLabel
from elderdesk.ui.models.allowance_models import PersonRowsModel
from elderdesk.ui.ops import Ops
from elderdesk.ui.widgets.record_table import record_table


class ListTab(QWidget):
    """Rows come from load() on a reader thread; buttons act on the selected row."""

    loaded = Signal(int)  # number of rows now shown

    def __init__(self, ops: Ops, model: PersonRowsModel, load: Callable[[], Sequence[Any]],
                 note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self.model, self._load = ops, model, load
        self._generation = 0
        self._loading = False
        self._buttons: list[tuple[QPushButton, bool]] = []  # (button, needs a selected row)
        self.table = record_table(self, model)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self.update_buttons())
        self.table.activated.connect(lambda _i: self._run_default())
        self.actions = FlowLayout()  # wraps in a narrow window at a large font
        self.actions.addStretch(1)
        self.count_label = QLabel(self)
        self.actions.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        if note:
            note_label = WrapLabel(note, self)
            note_label.setStyleSheet("color: #555555")
            layout.addWidget(note_label)
        layout.addLayout(self.actions)
        layout.addWidget(self.table, 1)

    def add_button(self, text: str, keys: str, slot: Callable[[], None],
                   needs_row: bool = True) -> QPushButton:
        """A button before the count; the first one added also runs on Enter/double-click."""
        button = QPushButton(f"{text} ({keys})" if keys else text, self)
        bind(button, keys)
        button.clicked.connect(lambda _checked=False: slot())
        self.actions.insertWidget(len(self._buttons), button)
        self._buttons.append((button, needs_row))
        self.update_buttons()
        return button

    def _run_default(self) -> None:
        if self._buttons and self._buttons[0][0].isEnabled():
            self._buttons[0][0].click()

    def update_buttons(self) -> None:
        has_row = self.selected() is not None
        for button, needs_row in self._buttons:
            button.setEnabled(has_row or not needs_row)

    def selected(self) -> Any:
        return self.model.row_at(self.table.currentIndex().row())

    def set_load(self, load: Callable[[], Sequence[Any]]) -> None:
        """Another way to load the rows (a district's street filter); then refresh()."""
        self._load = load

    def is_loading(self) -> bool:
        return self._loading

    def refresh(self) -> None:
        """Load the rows again; the selection stays on the same person if still listed."""
        self._generation += 1
        generation, self._loading = self._generation, True
        self._ops.run(self._load, lambda rows: self._on_loaded(generation, rows),
                      lambda exc: self._on_failed(generation, exc))

    def _on_loaded(self, generation: int, rows: Sequence[Any]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        current = self.selected()
        keep = current.id_number if current is not None else None
        self.model.set_rows(rows)
        self.count_label.setStyleSheet("")
        self.count_label.setText(self.tr("共 {n} 人").format(n=len(rows)))
        for i, row in enumerate(rows):
            if row.id_number == keep:
                self.table.selectRow(i)
                break
        else:
            if rows:
                self.table.selectRow(0)
        self.update_buttons()
        self.loaded.emit(len(rows))

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.count_label.setStyleSheet("color: #b01c1c")
        self.count_label.setText(error_text(exc))
