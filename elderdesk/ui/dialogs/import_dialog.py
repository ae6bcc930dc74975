"""Import a register or death-list workbook off the GUI thread: progress, cancel, findings."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from elderdesk.domain.errors import ElderError
from elderdesk.paths import resource
from elderdesk.reports.output_file import atomic_output
from elderdesk.ui.data_text import error_message
from elderdesk.ui.errors import error_text
from elderdesk.ui.layout import FitDialog, WrapLabel
from elderdesk.ui.models.findings_model import COL_CODE, COL_MESSAGE, FindingsTableModel
from elderdesk.ui.ops import Ops, Task
from elderdesk.ui.widgets.unmask import guard_unmask

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services

PEOPLE, DEATHS, APPLICATIONS = "people", "deaths", "applications"
TEMPLATE = ("templates", "register_template.xlsx")  # made by tools/make_template.py


def report_path_for(workbook: Path, when: datetime) -> Path:
    """Where the findings report goes: beside the workbook, never over an existing file."""
    return workbook.with_name(f"{workbook.stem}_检查报告_{when:%Y%m%d_%H%M%S}.xlsx")


class ImportDialog(FitDialog):
    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 parent: QWidget | None = None, kind: str = PEOPLE) -> None:
        super().__init__(parent)
        self._ops, self._services, self._op = ops, services, operator
        self._task: Task | None = None
        self.outcome: Any = None  # the last ImportOutcome
        self.setWindowTitle(self.tr("导入 Excel 名册"))
        self._build()
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self.file_edit.setFocus()

    def _build(self) -> None:
        self.kind_combo = QComboBox(self)
        # long kinds (English, a large font) are cut in the box, whole in the list and tooltip
        self.kind_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind_combo.setMinimumContentsLength(24)
        self.kind_combo.currentTextChanged.connect(self.kind_combo.setToolTip)
        self.kind_combo.addItem(self.tr("人员名册（登记新人员）"), PEOPLE)
        self.kind_combo.addItem(self.tr("死亡名单（登记死亡）"), DEATHS)
        self.kind_combo.addItem(self.tr("网上申请（市级平台导出，受理为网上申请）"), APPLICATIONS)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.template_button = QPushButton(self.tr("下载空白模板…"), self)
        self.template_button.setToolTip(self.tr("保存一份空白的人员名册模板（Excel），"
                                                "身份证号列已设为文本格式"))
        self.template_button.clicked.connect(self._on_template_clicked)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind_combo, 1)
        kind_row.addWidget(self.template_button)
        self.file_edit = QLineEdit(self)
        self.file_edit.setPlaceholderText(self.tr("选择 .xlsx 或 .xls 文件"))
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self._on_browse_clicked)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        self.sheet_edit = QLineEdit(self)
        self.sheet_edit.setPlaceholderText(self.tr("留空则读取第一个工作表"))
        self.dry_run_check = QCheckBox(self.tr("试运行：只检查，不写入数据库"), self)
        self.strict_check = QCheckBox(self.tr("严格模式：任何一行有错误则全部不导入"), self)
        self.report_check = QCheckBox(self.tr("在名册旁保存检查报告（.xlsx）"), self)
        self.report_check.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("名册类型"), kind_row)
        form.addRow(self.tr("文件"), file_row)
        form.addRow(self.tr("工作表"), self.sheet_edit)
        form.addRow("", self.dry_run_check)
        form.addRow("", self.strict_check)
        form.addRow("", self.report_check)
        self.progress = QProgressBar(self)
        self.progress.setFormat("%p%")
        self.progress.setValue(0)
        self.status_label = WrapLabel("", self)
        self.model = FindingsTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)  # long messages wrap rather than end in "…"
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(COL_CODE, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(COL_CODE, 90)  # narrow: the message says it in Chinese
        self.report_label = WrapLabel("", self)
        self.open_folder_button = QPushButton(self.tr("打开报告所在文件夹"), self)
        self.open_folder_button.setVisible(False)
        self.open_folder_button.clicked.connect(self._on_open_folder_clicked)
        report_row = QHBoxLayout()
        report_row.addWidget(self.report_label, 1)
        self.unmask_check = guard_unmask(QCheckBox(self.tr("显示完整身份证号"), self), self._op)
        self.unmask_check.toggled.connect(lambda on: self.model.set_masked(not on))
        report_row.addWidget(self.unmask_check)
        report_row.addWidget(self.open_folder_button)
        self.start_button = QPushButton(self.tr("开始导入"), self)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.cancel_button = QPushButton(self.tr("取消导入"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.start_button, self.cancel_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(report_row)
        layout.addLayout(buttons)
        self.resize(860, 560)

    # --- choosing ----------------------------------------------------------------------
    def _on_kind_changed(self) -> None:
        people = self.kind_combo.currentData() == PEOPLE
        self.strict_check.setEnabled(people)
        self.template_button.setEnabled(people)
        if not people:
            self.strict_check.setChecked(False)

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择名册"), self.file_edit.text(),
                                              self.tr("Excel 工作簿 (*.xlsx *.xls)"))
        if path:
            self.file_edit.setText(path)

    def choose_save_path(self, suggested: str) -> str:
        """The file chooser for the template copy ('' if cancelled); tests replace it."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存空白模板"), suggested,
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        return path

    def _on_template_clicked(self) -> None:
        current = self.file_edit.text().strip()
        folder = (str(Path(current).parent) if current else
                  QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        chosen = self.choose_save_path(str(Path(folder) / self.tr("人员名册模板.xlsx")))
        if not chosen:
            return
        target = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")
        try:
            with atomic_output(target) as out:  # never a truncated template under that name
                out.write(resource(*TEMPLATE).read_bytes())
        except (ElderError, OSError) as exc:  # a full disk, a read-only folder, open in Excel
            error = (exc.params.get("detail") or error_message(exc) if isinstance(exc, ElderError)
                     else exc.strerror or exc)
            self.status_label.setText(self.tr("模板没有保存：{error}。如果该文件正在 Excel 中打开，"
                                              "请先关闭它或换一个文件名。").format(error=error))
            return
        self.status_label.setText(self.tr("空白模板已保存到：{path}。填好后再选择该文件导入。").format(
            path=target))

    # --- running -----------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._task is not None

    def _on_start_clicked(self) -> None:
        text = self.file_edit.text().strip()
        if not text:
            self.status_label.setText(self.tr("请先选择要导入的文件"))
            return
        path = Path(text)
        kind = self.kind_combo.currentData()
        options: dict[str, Any] = {
            "sheet": self.sheet_edit.text().strip() or None,
            "dry_run": self.dry_run_check.isChecked(),
            "report": report_path_for(path, datetime.now()) if self.report_check.isChecked() else None,
        }
        if kind == PEOPLE:
            options["strict"] = self.strict_check.isChecked()
        imports, op = self._services.imports, self._op
        run = {PEOPLE: imports.import_people, DEATHS: imports.import_deaths,
               APPLICATIONS: imports.import_applications}[kind]

        def work(task: Task) -> Any:
            return run(op, path, progress=task.progress, cancel=task.cancel, **options)

        self.model.set_findings([])
        self.report_label.clear()
        self.open_folder_button.setVisible(False)
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.status_label.setText(self.tr("正在读取和检查……"))
        self._set_running(True)
        self._task = self._ops.run_task(work, self._on_finished, self._on_failed,
                                        on_progress=self._on_progress, write=True)

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)
        for w in (self.kind_combo, self.file_edit, self.sheet_edit, self.dry_run_check,
                  self.report_check):
            w.setEnabled(not running)
        people = self.kind_combo.currentData() == PEOPLE
        self.strict_check.setEnabled(not running and people)
        self.template_button.setEnabled(not running and people)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_cancel_clicked(self) -> None:
        if self._task is not None:
            self._task.request_cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText(self.tr("正在取消……"))

    def _on_finished(self, outcome: Any) -> None:
        self._task = None
        self._set_running(False)
        self.outcome = outcome
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.model.set_findings(outcome.findings)
        self.table.resizeRowsToContents()
        errors, warnings = self.model.count("error"), self.model.count("warning")
        dry = self.dry_run_check.isChecked()
        summary = (self.tr("试运行完成（未写入）：读取 {read} 行，可导入 {imported} 行，跳过 {skipped} 行。")
                   if dry else
                   self.tr("导入完成：读取 {read} 行，导入 {imported} 行，跳过 {skipped} 行。"))
        summary = summary.format(read=outcome.rows_read, imported=outcome.imported,
                                 skipped=outcome.skipped)
        summary += self.tr("发现错误 {errors} 条、警告 {warnings} 条。").format(
            errors=errors, warnings=warnings)
        self.status_label.setText(summary)
        if outcome.report_path is not None:
            self.report_label.setText(self.tr("检查报告已保存到：{path}").format(
                path=outcome.report_path))
            self.open_folder_button.setVisible(True)

    def _on_failed(self, exc: BaseException) -> None:
        cancelled = self._task is not None and self._task.cancel.is_set()
        self._task = None
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if cancelled:
            self.status_label.setText(self.tr("导入已取消。"))
        else:
            self.status_label.setText(error_text(exc))

    def _on_open_folder_clicked(self) -> None:
        if self.outcome is not None and self.outcome.report_path is not None:
            folder = Path(self.outcome.report_path).parent
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def reject(self) -> None:
        if self.is_running():  # never leave a half-done import behind a closed window
            self._on_cancel_clicked()
            return
        super().reject()

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, services: Services,
            operator: Operator, kind: str = PEOPLE) -> Any:
        """Show the dialog (on the kind of list given); the last ImportOutcome, or None if
        nothing was run."""
        dialog = cls(ops, services, operator, parent, kind)
        try:
            dialog.exec()
            return dialog.outcome
        finally:
            dialog.deleteLater()
