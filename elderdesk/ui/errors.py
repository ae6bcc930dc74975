"""Turning exceptions into Chinese text for the clerk (never a traceback on screen)."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from elderdesk.domain.errors import ElderError
from elderdesk.ui.data_text import error_message, message
from elderdesk.ui.layout import ErrorLine

log = logging.getLogger(__name__)


def error_text(exc: BaseException) -> str:
    """The Chinese sentence for an error; unexpected ones are logged with their traceback."""
    if isinstance(exc, ElderError):
        return error_message(exc)  # in the interface language (ui/data_text.py)
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return message("INTERNAL", detail=type(exc).__name__)


def error_line(parent: QWidget) -> QLabel:
    """The red line under a dialog's form where its refusals are shown (ui/layout.ErrorLine:
    hidden while empty, grows the dialog to show the whole message, cleared by the next edit)."""
    return ErrorLine(parent)


def show_status(label: QLabel, text: str, error: bool = False) -> None:
    """A page's status line: a refusal in red, what was done in green."""
    label.setStyleSheet("color: #b01c1c" if error else "color: #1b6e20")
    label.setText(text)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    title = QCoreApplication.translate("errors", "无法完成操作")
    QMessageBox.warning(parent, title, error_text(exc))


def show_warnings(parent: QWidget | None,
                  warnings: Iterable[tuple[str, dict[str, object]]]) -> None:
    """Warnings of a change that was made ((code, params) of the message table, exit 0), the
    ones the CLI prints after the document: one box, one line each."""
    lines = [message(code, **params) for code, params in warnings]
    if lines:
        QMessageBox.warning(parent, QCoreApplication.translate("errors", "请核实"),
                            "\n".join(lines))
