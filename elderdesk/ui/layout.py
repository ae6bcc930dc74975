"""Layout helpers that keep every text readable on a 1366 × 768 counter screen at any font size:
dialogs that grow to show their messages, button rows that wrap, headings relative to the
application font, line edits that show the start of their text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QTabBar,
    QTabWidget,
    QToolTip,
    QWidget,
    QWidgetItem,
)

# the most common counter PC's screen (logical px), and what a maximised window loses to its
# frame, title bar and the task bar: tools/screenshot.py and tests/ui/test_layout_fit.py
COUNTER_SCREEN = (1366, 768)
FRAME = (8, 72)


def fit_window(widget: QWidget) -> None:
    """Grow widget's dialog so that its layout gets at least the height it asks for at its
    width (word-wrapped messages need more lines than the minimum size admits); never beyond
    the screen. The main window is left alone (its pages have tables that give way)."""
    window = widget.window()
    layout = window.layout()
    if not isinstance(window, QDialog) or layout is None:
        return
    layout.invalidate()
    layout.activate()
    width = max(window.width(), layout.totalMinimumSize().width())
    need = layout.totalMinimumSize().height()  # wrapped labels pin their height (WrapLabel)
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        need = min(need, screen.availableGeometry().height() - 40)
    if need > window.height() or width > window.width():
        window.resize(width, max(need, window.height()))


class FitDialog(QDialog):
    """A dialog that, once shown, is as tall as its wrapped texts need at its width."""

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        tip_placeholders(self)
        self.resize(self.size())  # sized now: Qt no longer re-adjusts it when a line shows
        fit_window(self)


def tip_placeholders(root: QWidget) -> None:
    """A placeholder longer than its field is elided by Qt: its whole text in the tooltip."""
    for edit in root.findChildren(QLineEdit):
        if edit.placeholderText() and not edit.toolTip():
            edit.setToolTip(edit.placeholderText())


def fit_placeholder(edit: QLineEdit, at_least: int = 0, at_most: int = 900) -> None:
    """A field wide enough to show its whole placeholder (an example the clerk must read)."""
    frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
    text = edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 2 * frame + 12
    edit.setMinimumWidth(min(at_most, max(at_least, text)))


def scrolled(widget: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """widget in a frameless scroll area: a short window scrolls it, never squeezes it."""
    area = QScrollArea(parent)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class WrapLabel(QLabel):
    """A word-wrapped label whose minimum height is the height its lines need at its width:
    form and grid layouts (and the dialog's minimum size) then respect it; a plain wrapped
    QLabel is squeezed (its text cut at the top and bottom) there."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self._pin()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        """No: the pinned minimum height says it (grid layouts overestimate a spanning
        label's height for width, and the dialog would grow to that)."""
        return False

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """QLabel's narrowest width, one line high (the pinned minimum height adds the rest)."""
        return QSize(super().minimumSizeHint().width(),
                     self.fontMetrics().height() if self.text() else 0)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._pin()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._pin()

    def _pin(self) -> None:
        if not self.isVisible() or self.width() <= 0:
            return  # a hidden label's width is stale: pinned once it is laid out and shown
        need = self._needed(self.width()) if self.text() else 0
        if need != self.minimumHeight():  # unchanged: no relayout (progress texts change often)
            self.setMinimumHeight(need)

    def _needed(self, width: int) -> int:
        """The height of the wrapped text at width (QLabel's heightForWidth never returns less
        than the minimum height, so it cannot say when the text got shorter)."""
        text = self.text()
        if "<" in text and self.textFormat() != Qt.TextFormat.PlainText:  # maybe rich text
            pinned = self.minimumHeight()
            self.setMinimumHeight(0)
            need = max(0, self.heightForWidth(width))
            self.setMinimumHeight(pinned)
            return need
        m, extra = self.contentsMargins(), 2 * self.margin()
        room = QRect(0, 0, max(1, width - m.left() - m.right() - extra), 1 << 20)
        flags = int(self.alignment()) | int(Qt.TextFlag.TextWordWrap)
        return (self.fontMetrics().boundingRect(room, flags, text).height()
                + m.top() + m.bottom() + extra)


class ErrorLine(WrapLabel):
    """The red line under a dialog's form: hidden while empty; a message grows the dialog to
    show it whole and is cleared by the next edit of any of the dialog's fields."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setStyleSheet("color: #b01c1c")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._watching: set[int] = set()
        self.hide()

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.setVisible(bool(text))
        if text:
            self._watch_edits()
            QTimer.singleShot(0, self, self._fit)  # once the layout has given the line its width

    def _fit(self) -> None:
        self._pin()
        fit_window(self)

    def clear(self) -> None:
        self.setText("")

    def _watch_edits(self) -> None:
        """Clear on the user's next edit (signals the program's own changes do not send)."""
        for child in self.window().findChildren(QWidget):
            if id(child) in self._watching:
                continue
            signal = None
            if isinstance(child, QLineEdit):
                signal = child.textEdited
            elif isinstance(child, QPlainTextEdit):
                signal = child.textChanged
            elif isinstance(child, QComboBox):
                signal = child.activated
            elif isinstance(child, QDateEdit):
                signal = child.userDateChanged
            elif isinstance(child, QSpinBox):
                signal = child.valueChanged
            elif isinstance(child, QAbstractButton) and child.isCheckable():
                signal = child.clicked
            elif isinstance(child, QAbstractSpinBox):
                signal = child.editingFinished
            if signal is not None:
                signal.connect(lambda *_a: self.clear())
                self._watching.add(id(child))


def show_start(*edits: QLineEdit) -> None:
    """After filling: show the beginning of a text longer than its field (an address), not its
    end (setText leaves the cursor at the end); the whole text in the tooltip."""
    for edit in edits:
        edit.setCursorPosition(0)
        if edit.text():
            edit.setToolTip(edit.text())


class _RelativeFont(QObject):
    """Keeps a widget's font at the application font + delta points when the font size
    preference changes (a widget with its own font no longer follows the application's)."""

    def __init__(self, widget: QWidget, delta: float, bold: bool,
                 on_change: Callable[[], None] | None) -> None:
        super().__init__(widget)
        self._widget, self._delta, self._bold = widget, delta, bold
        self._on_change = on_change
        app = QApplication.instance()
        if app is not None:  # Qt tells the application (and windows), not child widgets
            app.installEventFilter(self)
        self.apply()

    def apply(self) -> None:
        font = QFont(QApplication.font(self._widget))
        font.setPointSizeF(max(6.0, font.pointSizeF() + self._delta))
        font.setBold(self._bold or font.bold())
        self._widget.setFont(font)
        if self._on_change is not None:
            self._on_change()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ApplicationFontChange and watched is QApplication.instance():
            self.apply()
        return False


def relative_font(widget: QWidget, delta: float = 0, bold: bool = False,
                  on_change: Callable[[], None] | None = None) -> QWidget:
    """widget's font: the application's plus delta points (bold if asked), following the
    font size preference (then on_change runs); returns widget."""
    _RelativeFont(widget, delta, bold, on_change)
    return widget


class ElidingTabBar(QTabBar):
    """Tabs that share a narrow bar (a large font, English) instead of scrolling out of sight:
    a shortened title ends in "…" and shows whole in its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setElideMode(Qt.TextElideMode.ElideRight)
        self.setUsesScrollButtons(False)
        self.setExpanding(False)
        self.setProperty("elided", True)  # deliberately: tests/ui/test_layout_fit.py

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.tabAt(event.pos())
            if index >= 0 and not self.tabToolTip(index):
                QToolTip.showText(event.globalPos(), self.tabText(index), self)
                return True
        return super().event(event)


def elide_tabs(tabs: QTabWidget) -> QTabWidget:
    """Give tabs (before any tab is added) the eliding bar; returns tabs."""
    tabs.setTabBar(ElidingTabBar(tabs))
    return tabs


class FlowLayout(QLayout):
    """Widgets left to right, wrapping onto the next line when the row is too narrow (button
    rows that must fit a narrow window at a large font). addStretch() starts the right-aligned
    part of the last line: what follows it is pushed to the right when there is room."""

    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch_at: int | None = None
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)
        if spacing >= 0:
            self.setSpacing(spacing)

    # QLayout interface
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def addWidget(self, widget: QWidget, stretch: int = 0) -> None:  # noqa: N802, ARG002
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))
        self.invalidate()

    def insertWidget(self, index: int, widget: QWidget) -> None:  # noqa: N802
        self.addChildWidget(widget)
        index = max(0, min(index, len(self._items)))
        self._items.insert(index, QWidgetItem(widget))
        if self._stretch_at is not None and index <= self._stretch_at:
            self._stretch_at += 1
        self.invalidate()

    def addStretch(self, stretch: int = 0) -> None:  # noqa: N802, ARG002
        self._stretch_at = len(self._items)

    def addSpacing(self, size: int) -> None:  # noqa: N802, ARG002
        """Wrapped rows keep the usual gap only."""

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        if 0 <= index < len(self._items):
            if self._stretch_at is not None and index < self._stretch_at:
                self._stretch_at -= 1
            return self._items.pop(index)
        return None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """One line of everything."""
        visible = self._visible()
        width = sum(i.sizeHint().width() for i in visible) + self._gap() * max(0, len(visible) - 1)
        height = max((i.sizeHint().height() for i in visible), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        """The widest single widget."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize().expandedTo(
                QSize(item.sizeHint().width(), 0)))
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # placing
    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() is not None and i.widget().isHidden())]

    def _gap(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        style = self.parentWidget().style() if self.parentWidget() else QApplication.style()
        return style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) if style else 6

    def _place(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        gap = self._gap()
        lines: list[list[QLayoutItem]] = [[]]
        x = 0
        for item in self._visible():
            w = item.sizeHint().width()
            if lines[-1] and x + w > area.width():
                lines.append([])
                x = 0
            lines[-1].append(item)
            x += w + gap
        y = area.y()
        tail = {id(i) for i in self._items[self._stretch_at:]} if self._stretch_at else set()
        for line in lines:
            height = max((i.sizeHint().height() for i in line), default=0)
            if move:
                used = sum(i.sizeHint().width() for i in line) + gap * max(0, len(line) - 1)
                spare = max(0, area.width() - used)
                x = area.x()
                for item in line:
                    if id(item) in tail and spare:
                        x += spare
                        spare = 0
                    hint = item.sizeHint()
                    width = min(hint.width(), area.width())
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2),
                                           QSize(width, hint.height())))
                    x += width + gap
            y += height + gap
        return y - gap - area.y() + m.top() + m.bottom() if lines[0] else 0


def expanding_label(label: QLabel) -> QLabel:
    """A word-wrapped label that takes the row's width (and the height its lines need)."""
    label.setWordWrap(True)
    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
    label.setSizePolicy(policy)
    return label
