"""The 系统 page's 读卡器 tab: this PC's ID card reader (driver, its argument) and a test read
that runs off the GUI thread and shows 等待放卡 / 读取中 / 已读取 / 读卡器未连接."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from elderdesk.ui.errors import error_text
from elderdesk.ui.ops import Ops

if TYPE_CHECKING:
    from elderdesk.devices.card import ReadOutcome
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services

DRIVERS = ("none", "folder", "termb", "sdtapi", "service")


class ReaderTab(QWidget):
    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._reader, self._op = ops, services.reader, operator
        self.is_admin = operator.can("reader.set")
        self._names = {"none": self.tr("不使用读卡器"),
                       "folder": self.tr("文件夹（wz.txt 和 zp.bmp）"),
                       "termb": self.tr("华视等 termb.dll"), "sdtapi": self.tr("精伦等 sdtapi.dll"),
                       "service": self.tr("厂商本地读卡服务（网址）")}
        # The setting's controls exist for admins only (`reader set` is theirs): other roles see
        # the setting as text and can only test the reader.
        self.driver_combo: QComboBox | None = None
        self.arg_edit: QLineEdit | None = None
        self.library_edit: QLineEdit | None = None
        self.helper_edit: QLineEdit | None = None
        self.browse_button: QPushButton | None = None
        self.save_button: QPushButton | None = None
        self.setting_label = QLabel(self)  # non-admins: this PC's setting, read-only
        self.setting_label.setWordWrap(True)
        self.test_button = QPushButton(self.tr("测试读卡器"), self)
        self.test_button.clicked.connect(lambda _c=False: self.test())
        self.state_label = QLabel(self)  # 等待放卡 / 读取中 / 已读取 / 读卡器未连接
        font = self.state_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.state_label.setFont(font)
        self.detail_label = QLabel(self)
        self.detail_label.setWordWrap(True)
        self.override_note = QLabel(self)
        self.override_note.setWordWrap(True)
        self.override_note.setStyleSheet("color: #b05c00")
        form = QFormLayout()
        if self.is_admin:
            self._build_controls(form)
        else:
            form.addRow(self.tr("本机读卡器"), self.setting_label)
        note = QLabel(self.tr(
            "读卡器的设置只保存在本机：每台电脑各用各的读卡器。端口不填时自动查找"
            "（USB 1001–1016，然后串口 1–16）。") if self.is_admin else self.tr(
            "读卡器由管理员设置；这里可以测试本机的读卡器。"), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555")
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.state_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.override_note)
        if self.save_button is not None:
            save_row = QHBoxLayout()
            save_row.addWidget(self.save_button)
            save_row.addWidget(self.save_status, 1)
            layout.addLayout(save_row)
        layout.addLayout(test_row)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)
        self.load()

    def _build_controls(self, form: QFormLayout) -> None:
        """The admin's controls: driver, its argument, library and helper, 保存."""
        self.driver_combo = QComboBox(self)
        for key in DRIVERS:
            self.driver_combo.addItem(self._names[key], key)
        self.arg_edit = QLineEdit(self)
        self.arg_edit.setMaxLength(400)
        self.browse_button = QPushButton(self.tr("选择文件夹…"), self)
        self.browse_button.clicked.connect(lambda _c=False: self.browse())
        self.library_edit = QLineEdit(self)
        self.library_edit.setPlaceholderText(self.tr("不填则使用厂商驱动的默认文件名"))
        self.helper_edit = QLineEdit(self)
        self.helper_edit.setPlaceholderText(self.tr("32 位驱动库才需要：32 位 python.exe 的路径"))
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.clicked.connect(lambda _c=False: self.save())
        self.save_status = QLabel(self)
        self.save_status.setWordWrap(True)
        self.arg_label = QLabel(self)
        self.setting_label.hide()
        form.addRow(self.tr("读卡器"), self.driver_combo)
        arg_row = QHBoxLayout()
        arg_row.addWidget(self.arg_edit, 1)
        arg_row.addWidget(self.browse_button)
        form.addRow(self.arg_label, arg_row)
        self.library_label = QLabel(self.tr("驱动库文件"), self)
        self.helper_label = QLabel(self.tr("32 位辅助程序"), self)
        form.addRow(self.library_label, self.library_edit)
        form.addRow(self.helper_label, self.helper_edit)
        self.driver_combo.currentIndexChanged.connect(lambda _i: self._on_driver())

    # --- the setting ----------------------------------------------------------------------------
    def load(self) -> None:
        """Show this PC's setting (a small local file: read here, not on a worker)."""
        choice = self._reader.choice()
        stored = choice.stored
        if self.driver_combo is None:
            name = self._names.get(stored.driver, stored.driver)
            self.setting_label.setText(
                self.tr("{driver}：{arg}").format(driver=name, arg=stored.arg) if stored.arg
                else name)
        else:
            self.driver_combo.setCurrentIndex(max(0, self.driver_combo.findData(stored.driver)))
            self.arg_edit.setText(stored.arg or "")
            self.library_edit.setText(stored.library or "")
            self.helper_edit.setText(stored.helper or "")
            self._on_driver()
        if choice.error:
            self.override_note.setText(choice.error)
        elif choice.overridden:
            self.override_note.setText(self.tr(
                "本次运行由环境变量 ELDERDESK_READER 指定读卡器：{reader}").format(
                    reader=choice.config.describe()))
        self.override_note.setVisible(bool(choice.error or choice.overridden))

    def _on_driver(self) -> None:
        driver = self.driver_combo.currentData()
        labels = {"folder": self.tr("文件夹"), "termb": self.tr("端口"), "sdtapi": self.tr("端口"),
                  "service": self.tr("网址")}
        hints = {"folder": self.tr("读卡软件写出 wz.txt 的文件夹"),
                 "termb": self.tr("不填则自动查找"), "sdtapi": self.tr("不填则自动查找"),
                 "service": "http://127.0.0.1:38088/readcard"}
        self.arg_label.setText(labels.get(driver, ""))
        self.arg_edit.setPlaceholderText(hints.get(driver, ""))
        for widget in (self.arg_label, self.arg_edit):
            widget.setVisible(driver != "none")
        self.browse_button.setVisible(driver == "folder")
        native = driver in ("termb", "sdtapi")
        for widget in (self.library_label, self.library_edit, self.helper_label,
                       self.helper_edit):
            widget.setVisible(native)

    def browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择读卡软件写出 wz.txt 的文件夹"),
                                                  self.arg_edit.text())
        if folder:
            self.arg_edit.setText(folder)

    def save(self) -> None:
        driver = self.driver_combo.currentData()
        native = driver in ("termb", "sdtapi")
        arg = self.arg_edit.text().strip() if driver != "none" else None
        library = self.library_edit.text().strip() if native else None
        helper = self.helper_edit.text().strip() if native else None
        reader, op = self._reader, self._op
        self._say(self.save_status, "")
        self._ops.run(lambda: reader.configure(op, driver, arg or None, library=library or None,
                                               helper=helper or None),
                      lambda _c: self._say(self.save_status, self.tr("已保存，本机立即生效")),
                      lambda exc: self._say(self.save_status, error_text(exc), True), write=True)

    # --- the test -------------------------------------------------------------------------------
    def test(self) -> None:
        reader, op = self._reader, self._op
        self.test_button.setEnabled(False)
        self.state_label.setText(self.tr("读取中"))
        self.detail_label.clear()
        self._ops.run(lambda: reader.read(op), self._on_read, self._on_failed, write=True)

    def _on_read(self, outcome: ReadOutcome) -> None:
        self.test_button.setEnabled(True)
        words = {"ready": self.tr("已读取"), "no_card": self.tr("等待放卡"),
                 "unavailable": self.tr("读卡器未连接"), "error": self.tr("读卡出错")}
        self.state_label.setText(words.get(outcome.status, outcome.status))
        self.state_label.setStyleSheet("color: #1c7c1c" if outcome.status == "ready" else
                                       "color: #b01c1c" if outcome.status in (
                                           "unavailable", "error") else "")
        lines: list[str] = []
        card = outcome.card
        if card is not None:
            from elderdesk.domain.idcard import SEX_LABELS, mask_id

            lines.append(self.tr("{name}，{sex}，{birth} 出生，身份证号 {id}，照片：{photo}").format(
                name=card.name, sex=SEX_LABELS.get(card.sex, card.sex),
                birth=card.birth_date.isoformat(), id=mask_id(card.id_number),
                photo=self.tr("有") if card.photo else self.tr("无")))
        shown = outcome.id_number
        lines += [w.replace(shown, _masked(shown)) if shown else w for w in outcome.warnings]
        self.detail_label.setText("\n".join(lines))

    def _on_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.state_label.setText(self.tr("读卡出错"))
        self.detail_label.setText(error_text(exc))

    @staticmethod
    def _say(label: QLabel, text: str, error: bool = False) -> None:
        label.setStyleSheet("color: #b01c1c" if error else "color: #1c7c1c")
        label.setText(text)


def _masked(number: Any) -> str:
    from elderdesk.domain.idcard import mask_id

    return mask_id(str(number))
