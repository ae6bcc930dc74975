"""The backups tab of the system page (备份, administrators): the backup folder (a USB stick),
the backups in it, 立即备份, and a checked restore that keeps the current database first and
then sends the clerk back to the login screen on the restored file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.errors import error_text
from elderdesk.ui.layout import FlowLayout, WrapLabel
from elderdesk.ui.models.base import Index, ListTableModel
from elderdesk.ui.ops import Ops
from elderdesk.ui.widgets.record_table import record_table

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services
    from elderdesk.services.safety.rotation import Backup
    from elderdesk.services.safety.service import SafetyService

    Listed = tuple[Path, list[tuple[Backup, int]]]  # the folder, its backups and their sizes

B_AT, B_KIND, B_SIZE, B_FILE = range(4)


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class BackupsTableModel(ListTableModel):
    """Rows of (backup_rotation.Backup, size in bytes), newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("备份时间"), self.tr("种类"), self.tr("大小"), self.tr("文件名")]
        self.kinds = {"daily": self.tr("每日自动"), "manual": self.tr("手动"),
                      "before-migration": self.tr("升级前")}

    def set_backups(self, rows: list[tuple[Any, int]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def backup_at(self, row: int) -> Any:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row_at(index)
        if row is None:
            return None
        b, size = row
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (b.at.strftime("%Y-%m-%d %H:%M:%S"), self.kinds.get(b.kind, b.kind),
                    size_text(size), b.path.name)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(b.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == B_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _list_with_sizes(safety: SafetyService, op: Operator) -> Listed:
    """Off the GUI thread: the folder and its backups with their sizes (a slow USB stick)."""
    rows: list[tuple[Backup, int]] = []
    for b in safety.backups(op):
        try:
            rows.append((b, b.path.stat().st_size))
        except OSError:  # removed meanwhile
            continue
    return safety.backup_folder(op), rows


class BackupsTab(QWidget):
    restored = Signal(str)  # a restore replaced the database (the kept copy): log in again

    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._services, self._op = ops, services, operator
        self._safety = services.safety
        self.model = BackupsTableModel(self)
        self.folder_label = QLabel(self)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        self.folder_button = self._button(self.tr("选择文件夹…"), self.choose_folder)
        self.folder_button.setVisible(operator.can("settings.change"))
        self.backup_button = self._button(self.tr("立即备份"), self.backup_now)
        self.restore_button = self._button(self.tr("从备份恢复…"), self.restore_selected)
        self.restore_button.setToolTip(self.tr("用表中选中的备份替换当前数据库"))
        self.file_button = self._button(self.tr("从其他文件恢复…"), self.restore_file)
        self.file_button.setToolTip(self.tr("选择其他位置（如另一个U盘）的备份文件"))
        for b in (self.restore_button, self.file_button):
            b.setVisible(operator.can("backup.restore"))
        self.status_label = WrapLabel("", self)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = record_table(self, self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update())
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("备份文件夹："), self))
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.folder_button)
        actions = FlowLayout()  # wraps in a narrow window at a large font
        actions.addWidget(self.backup_button)
        actions.addStretch(1)  # restoring, far from backing up
        actions.addWidget(self.restore_button)
        actions.addWidget(self.file_button)
        note = QLabel(self.tr(
            "每天第一次打开程序时自动备份一次；保留最近 7 天每天一份、4 周每周一份、12 个月每月一份。"
            "请把备份文件夹设在U盘上，并每周检查一次。"), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555")
        layout = QVBoxLayout(self)
        layout.addLayout(folder_row)
        layout.addWidget(note)
        layout.addLayout(actions)
        layout.addWidget(self.status_label)
        layout.addWidget(self.table, 1)
        self._busy = False
        self._update()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _c=False: slot())
        return button

    def _update(self) -> None:
        for b in (self.folder_button, self.backup_button, self.file_button):
            b.setEnabled(not self._busy)
        self.restore_button.setEnabled(not self._busy and self.selected() is not None)

    def _say(self, text: str, error: bool | None = False) -> None:
        """Red for an error, green for a success, plain (None) for information."""
        self.status_label.setStyleSheet(
            "" if error is None else "color: #b01c1c" if error else "color: #1c7c1c")
        self.status_label.setText(text)

    def selected(self) -> Any:
        return self.model.backup_at(self.table.currentIndex().row())

    # --- the folder and the list ---------------------------------------------------------------
    def refresh(self, select: Path | None = None, keep_status: bool = False) -> None:
        """List the folder again; select `select`; keep_status: the status line tells what
        was just done (else it counts the backups)."""
        safety, op = self._safety, self._op
        self._ops.run(lambda: _list_with_sizes(safety, op),
                      lambda result: self._on_listed(result, select, keep_status),
                      lambda exc: self._say(error_text(exc), True))

    def _on_listed(self, result: Listed, select: Path | None, keep_status: bool) -> None:
        folder, rows = result
        self.folder_label.setText(str(folder))
        self.model.set_backups(rows)
        paths = [b.path for b, _size in rows]
        if select in paths:
            self.table.selectRow(paths.index(select))
        if not keep_status:
            self._say(self.tr("备份文件夹中共有 {n} 份备份").format(n=len(rows)) if rows
                      else self.tr("备份文件夹中还没有备份，请点“立即备份”"), None)
        self._update()

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("选择备份文件夹（如U盘）"),
                                                  self.folder_label.text())
        if not chosen:
            return
        safety, op = self._safety, self._op
        self._ops.run(lambda: safety.set_backup_folder(op, Path(chosen)), self._on_folder_set,
                      lambda exc: self._say(error_text(exc), True), write=True)

    def _on_folder_set(self, folder: Path) -> None:
        self._say(self.tr("自动备份文件夹已设为 {folder}").format(folder=folder))
        self.refresh(keep_status=True)

    # --- backing up -------------------------------------------------------------------------
    def backup_now(self) -> None:
        safety, op = self._safety, self._op
        self._busy = True
        self._update()
        self._say(self.tr("正在备份……"), None)
        self._ops.run(lambda: safety.create_backup(op), self._on_backed_up, self._on_failed,
                      write=True)

    def _on_backed_up(self, path: Path) -> None:
        self._busy = False
        self._say(self.tr("已备份到 {path}").format(path=path))
        self.refresh(select=path, keep_status=True)

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update()
        self._say(error_text(exc), True)

    # --- restoring ------------------------------------------------------------------------------
    def restore_selected(self) -> None:
        b = self.selected()
        if b is not None:
            self.restore_from(b.path, b.at.strftime("%Y-%m-%d %H:%M"))

    def restore_file(self) -> None:
        path = FileDialog.ask_open(self, self.tr("选择要恢复的备份文件"),
                                   self.tr("ElderDesk 备份 (*.db *.dump);;所有文件 (*)"))
        if path is not None:
            self.restore_from(path)

    def confirm_text(self, source: Path, when: str = "") -> str:
        made = self.tr("（{when} 的数据）").format(when=when) if when else ""
        return self.tr(
            "用备份文件\n{file}{made}\n替换当前数据库。\n\n"
            "• 恢复前程序先检查这份备份是否完好、是否属于本机构；不通过则不做任何改动。\n"
            "• 当前数据库会先另存一份（在 {folder} 中，文件名含 before-restore），需要时仍可找回。\n"
            "• 备份之后登记或修改的信息不在恢复后的数据中，请恢复后补登。\n"
            "• 恢复完成后程序回到登录界面，请重新登录。\n\n确定恢复吗？").format(
                file=source, made=made, folder=self._kept_folder())

    def _kept_folder(self) -> str:
        """Where the restore keeps the current data: beside the file; on a server, this PC's
        backup folder."""
        db = self._services.db
        return self.folder_label.text() if db.is_pg else str(db.path.parent)

    def restore_from(self, source: Path, when: str = "") -> None:
        """Confirm, then (nothing else running, the database closed) check and restore."""
        answer = QMessageBox.question(
            self, self.tr("从备份恢复"), self.confirm_text(source, when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._ops.wait_done(10000)  # no read may hold the file open while it is replaced
        if self._ops.is_busy():
            self._say(self.tr("还有操作正在进行（例如导入），请等它完成后再恢复。"), True)
            return
        services, op = self._services, self._op
        self._busy = True
        self._update()
        self.window().setEnabled(False)
        self._say(self.tr("正在检查备份并恢复……"), None)

        def work() -> Path | None:
            services.close()  # a refused file: the engine simply reconnects to the same file
            return services.safety.restore(op, source)

        self._ops.run(work, self._on_restored, self._on_restore_failed, write=True)

    def _on_restored(self, kept: Path | None) -> None:
        self.window().setEnabled(True)
        self._busy = False
        self._update()
        kept_text = self.tr("原数据库已另存为：\n{kept}\n\n").format(kept=kept) if kept else ""
        self._say(self.tr("已从备份恢复"))
        QMessageBox.information(self, self.tr("已从备份恢复"), self.tr(
            "已从备份恢复。\n\n{kept}程序将回到登录界面，请重新登录，"
            "并查几位最近登记的老人，确认数据正确。").format(kept=kept_text))
        self.restored.emit(str(kept or ""))

    def _on_restore_failed(self, exc: BaseException) -> None:
        self.window().setEnabled(True)
        self._on_failed(exc)
        QMessageBox.warning(self, self.tr("未能恢复"), error_text(exc))
