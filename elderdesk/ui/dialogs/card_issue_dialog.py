"""Issue a senior card: the photo cropped to 1 inch, the card type and fee, a preview of the card."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from elderdesk.domain.cards import TYPE_NAMES
from elderdesk.domain.errors import ElderError
from elderdesk.domain.idcard import mask_id
from elderdesk.domain.money import fen_to_str
from elderdesk.domain.months import age_on
from elderdesk.services.cards import photo as card_photo
from elderdesk.services.clock import today
from elderdesk.ui.data_text import tr_data
from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.dialogs.record_dialog import RecordDialog
from elderdesk.ui.errors import error_text
from elderdesk.ui.layout import WrapLabel, relative_font
from elderdesk.ui.ops import Ops
from elderdesk.ui.pdf_printing import render_pages
from elderdesk.ui.widgets.card_reader import CardRead, CardReader
from elderdesk.ui.widgets.photo_crop import Box, PhotoCrop, decode_photo

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.cards.service import Card, CardService, Eligibility
    from elderdesk.services.container import Services

PREVIEW_WIDTH = 360  # px of the card preview (85.6 mm wide); the dialog fits 1280 × 720
PREVIEW_DELAY_MS = 250


def stamp_sample(image: QImage, text: str) -> QImage:
    """The preview marked as a sample across its face."""
    out = image.copy()
    p = QPainter(out)
    font = QFont()
    font.setPixelSize(max(12, out.height() // 5))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor(200, 0, 0, 60))
    p.translate(out.width() / 2, out.height() / 2)
    p.rotate(-18)
    p.drawText(QRect(-out.width() // 2, -out.height() // 4, out.width(), out.height() // 2),
               Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    return out


class CardIssueDialog(RecordDialog):
    """Issues the first card; ReissueDialog adds the reason. The service call runs in the
    background and its refusal stays in the dialog, in Chinese."""

    reason = "new"

    def __init__(self, ops: Ops, services: Services, operator: Operator, info: Eligibility,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._services, self._op, self.info = services, operator, info
        self.person = info.person
        self.photo_data: bytes | None = None
        self.photo_name = ""
        self.preview_image: QImage | None = None
        self._generation = 0
        self._preview_done = -1  # the generation the shown preview belongs to
        self._tmp = tempfile.TemporaryDirectory(prefix="elderdesk-preview-",
                                                ignore_cleanup_errors=True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._render_preview)
        self.setWindowTitle(self._title())
        self._build()
        self._update_type_and_fee()
        self.preview_refresh()

    def _title(self) -> str:
        return self.tr("发放老年证")

    def _ok_text(self) -> str:
        return self.tr("发证")

    # --- building ----------------------------------------------------------------------
    def _build(self) -> None:
        p = self.person
        head = QLabel(self.tr("{name}　{id}　{age} 岁").format(
            name=p.name, id=mask_id(p.id_number), age=age_on(p.birth_date, today())), self)
        relative_font(head, 1, bold=True)
        self.crop = PhotoCrop(self)
        self.crop.box_changed.connect(lambda _b: self.preview_refresh())
        self.choose_button = QPushButton(self.tr("选择照片… (Ctrl+O)"), self)
        self.choose_button.setShortcut(QKeySequence("Ctrl+O"))
        self.choose_button.clicked.connect(self.choose_photo)
        self.photo_note = WrapLabel("", self)
        self._set_photo_note()
        # 读卡 (F3): checks that the card is this person's and offers the chip photo
        self.reader = CardReader(self._ops, self._services, self._op, self)
        self.reader.expected = p.id_number
        self.reader.expected_text = self.tr("{name}（{id}）").format(name=p.name,
                                                                  id=mask_id(p.id_number))
        self.reader.card_read.connect(self._on_card_read)
        self.chip_button = QPushButton(self.tr("使用身份证照片"), self)
        self.chip_button.clicked.connect(lambda _c=False: self.use_chip_photo())
        self.chip_button.hide()
        self._chip: CardRead | None = None
        left = QVBoxLayout()
        left.addWidget(self.crop, 1)
        left.addWidget(self.choose_button)
        left.addWidget(self.reader)
        left.addWidget(self.chip_button)
        left.addWidget(self.photo_note)
        self.date_edit = self._date_edit(today(), minimum=p.birth_date, maximum=today())
        self.date_edit.dateChanged.connect(lambda _d: self._on_date_changed())
        self.type_label = WrapLabel("", self)
        self.fee_label = WrapLabel("", self)
        for label in (self.type_label, self.fee_label):  # 红卡（65 周岁以上） on one line
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance("国" * 10))
        self.fee_label.setStyleSheet("font-weight: bold")
        self.form = QFormLayout()
        self._add_rows(self.form)
        self.form.addRow(self.tr("发证日期"), self.date_edit)
        self.form.addRow(self.tr("卡种"), self.type_label)
        self.form.addRow(self.tr("工本费"), self.fee_label)
        self.preview = QLabel(self)
        self.preview.setFixedSize(QSize(PREVIEW_WIDTH, round(PREVIEW_WIDTH * 54 / 85.6)))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #f0f0f0; border: 1px solid #cccccc")
        self.preview.setText(self.tr("正在生成预览…"))
        caption = WrapLabel(self.tr("证面预览（样张）：编号和二维码在发证时生成"), self)
        caption.setStyleSheet("color: #666666")
        note = WrapLabel(self._note(), self)
        note.setStyleSheet("color: #666666")
        middle = QVBoxLayout()  # three columns: the dialog fits a 1280 × 720 screen
        middle.addWidget(self.preview)
        middle.addWidget(caption)
        middle.addWidget(note)
        middle.addStretch(1)
        caption.setMaximumWidth(PREVIEW_WIDTH)
        note.setMaximumWidth(PREVIEW_WIDTH)
        right = QVBoxLayout()
        right.addLayout(self.form)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addSpacing(12)
        body.addLayout(middle)
        body.addSpacing(12)
        body.addLayout(right, 1)
        self._finish(QFormLayout(), "", self._ok_text())
        layout = self.layout()
        layout.insertLayout(0, body, 1)
        layout.insertWidget(0, head)
        QWidget.setTabOrder(self.choose_button, self.date_edit)  # 读卡 after them (F3 anyway)
        self.choose_button.setFocus()

    def _add_rows(self, form: QFormLayout) -> None:
        """Rows above the date (the reissue dialog's reason)."""

    def _note(self) -> str:
        return self.tr("照片保存在数据库中。发证后请打印老年证，并在领取时登记领证。")

    def _set_photo_note(self) -> None:
        if self.photo_data is not None:
            text = self.tr("新照片：{name}。拖动黄框选取头像，拖动四角或滚轮调整大小。").format(
                name=self.photo_name)
        elif self.info.photo is not None:
            text = self.tr("未选择新照片：使用此人已存的照片。")
        else:
            text = self.tr("此人还没有照片：可以不用照片发证，证上留出照片框。")
        self.photo_note.setText(text)

    # --- type, fee, date -----------------------------------------------------------------
    def chosen_date(self) -> date:
        return self.date_edit.date().toPython()

    def _on_date_changed(self) -> None:
        self._update_type_and_fee()
        self.preview_refresh()

    def _update_type_and_fee(self) -> None:
        rules, on = self.info.rules, self.chosen_date()
        kind = rules.type_for(rules.age_for(self.person.birth_date, on))
        self.type_label.setText(self._type_text(kind) if kind else self.tr("未到办证年龄"))
        self.fee_label.setText(self._fee_text())

    def _type_text(self, kind: str) -> str:
        """红卡（65 周岁以上） / 蓝卡（60–64 周岁）, from the rules' age bands."""
        types = self.info.rules.types
        for i, (start, k) in enumerate(types):
            if k == kind and (i + 1 == len(types) or types[i + 1][1] != kind):
                band = self.tr("{a}–{b} 周岁").format(a=start, b=types[i + 1][0] - 1) \
                    if i + 1 < len(types) else self.tr("{a} 周岁以上").format(a=start)
                return self.tr("{type}（{band}）").format(type=tr_data(TYPE_NAMES[kind]),
                                                        band=band)
        return tr_data(TYPE_NAMES[kind])

    def _fee_text(self) -> str:
        fee = self.fee()
        return self.tr("{fee} 元（首次发证）").format(fee=fen_to_str(fee)) if fee else \
            self.tr("免费（首次发证）")

    def fee(self) -> int:
        return self.info.fee(self.reason)

    # --- the photo -------------------------------------------------------------------------
    def choose_photo(self) -> None:
        path = FileDialog.ask_open(self, self.tr("选择照片"), self.tr("照片 (*.jpg *.jpeg *.png)"))
        if path is not None:
            self.load_photo(path)

    def load_photo(self, path: Path) -> None:
        """Read, check and decode the photo in the background, then show it with its frame."""
        name = path.name

        def work() -> tuple[bytes, tuple[int, int], QImage]:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise ElderError("FILE_UNREADABLE", path=str(path), detail=exc.strerror) from None
            prepared = card_photo.prepare(data, None, name)  # refuses what the service would
            image, _size = decode_photo(data)
            return data, prepared.size, image

        self.choose_button.setEnabled(False)
        self._ops.run(work, lambda r: self._on_photo_loaded(name, *r), self._on_photo_failed)

    def _on_photo_loaded(self, name: str, data: bytes, size: tuple[int, int],
                         image: QImage) -> None:
        self.choose_button.setEnabled(True)
        self.error_label.clear()
        self.photo_data, self.photo_name = data, name
        self.chip_button.setVisible(self._chip is not None and data is not self._chip.photo)
        self.crop.set_photo(image, QSize(*size))
        self._set_photo_note()
        self.crop.setFocus()
        self.preview_refresh()

    def _on_card_read(self, read: CardRead) -> None:
        """This person's card: its chip photo is offered (used at once when there is no photo
        yet; else 使用身份证照片 puts it in the frame). Issuing is the clerk's acceptance."""
        self._chip = read if read.photo is not None and read.photo_image is not None else None
        self.chip_button.setVisible(self._chip is not None)  # hidden again once in the frame
        if self._chip is not None and self.photo_data is None and self.info.photo is None:
            self.use_chip_photo()

    def use_chip_photo(self) -> None:
        read = self._chip
        if read is None or read.photo is None or read.photo_size is None:
            return
        assert read.photo_image is not None
        self._on_photo_loaded(self.tr("身份证照片"), read.photo, read.photo_size,
                              read.photo_image)

    def _on_photo_failed(self, exc: BaseException) -> None:
        self.choose_button.setEnabled(True)
        self.error_label.setText(error_text(exc))

    # --- the preview -------------------------------------------------------------------------
    def preview_refresh(self) -> None:
        self._generation += 1
        self._timer.start()

    def _render_preview(self) -> None:
        generation, number = self._generation, self.person.id_number
        data, box, on = self.photo_data, self.crop.box(), self.chosen_date()
        path = Path(self._tmp.name) / f"preview-{generation}.pdf"
        services, op = self._services, self._op

        def work() -> QImage:
            services.cards.preview_pdf(op, number, path, data, box, on)
            image = render_pages(path, dpi=PREVIEW_WIDTH / 85.6 * 25.4 * 2, max_pages=1)[0]
            path.unlink(missing_ok=True)
            return image

        self._ops.run(work, lambda img: self._on_preview(generation, img),
                      lambda exc: self._on_preview_failed(generation, exc))

    def _on_preview(self, generation: int, image: QImage) -> None:
        if generation != self._generation:
            return  # the frame moved on meanwhile
        self.preview_image, self._preview_done = image, generation
        pixmap = QPixmap.fromImage(stamp_sample(image, self.tr("样张")))
        pixmap.setDevicePixelRatio(image.width() / PREVIEW_WIDTH)
        self.preview.setPixmap(pixmap)

    def _on_preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.preview.setText(error_text(exc))

    # --- issuing ---------------------------------------------------------------------------
    def _on_ok_clicked(self) -> None:
        cards, op, number = self._services.cards, self._op, self.person.id_number
        on, data, box = self.chosen_date(), self.photo_data, self.crop.box()
        name = self.photo_name or self.tr("照片")
        self._submit(lambda: self._call(cards, op, number, on, data, box, name))

    def _call(self, cards: CardService, op: Operator, number: str, on: date, data: bytes | None,
              box: Box | None, name: str) -> Card:
        return cards.issue(op, number, on, data, box if data else None, name)

    def done(self, result: int) -> None:
        self._generation += 1  # previews still rendering are dropped
        super().done(result)

    @property
    def card(self) -> Card | None:
        return self.result_value

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, services: Services, operator: Operator,
            info: Eligibility) -> Card | None:
        """Show the dialog; the issued card, or None if cancelled."""
        return cls._run(cls(ops, services, operator, info, parent=parent))
