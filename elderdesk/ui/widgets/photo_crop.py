"""A photo with a movable, resizable 1-inch (25:35) crop frame; the box is in image pixels."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from elderdesk.services.cards.photo import RATIO, default_box

Box = tuple[int, int, int, int]
DISPLAY_MAX = 1000  # the shown copy of a big photo is scaled down to this many pixels
HANDLE = 9  # px: corner handle size on screen
_STEP_KEYS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1),
              Qt.Key.Key_Down: (0, 1)}


def decode_photo(data: bytes) -> tuple[QImage, QSize]:
    """A display copy of the photo, upright as EXIF says, and the full upright size (runs off
    the GUI thread). An unreadable image gives a null QImage."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # like Pillow's exif_transpose in services/card_photo
    image = reader.read()
    if image.isNull():
        return image, QSize()
    full = image.size()
    if max(full.width(), full.height()) > DISPLAY_MAX:
        image = image.scaled(DISPLAY_MAX, DISPLAY_MAX, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image, full


def fit_box(box: Box, width: int, height: int, min_w: int = 30) -> Box:
    """The nearest 25:35 box inside the image: height follows width, position is clamped."""
    x, y, w, _h = box
    max_w = min(width, height * RATIO[0] // RATIO[1])
    w = max(min(min_w, max_w), min(int(w), max_w))
    h = min(height, round(w * RATIO[1] / RATIO[0]))
    x = max(0, min(int(x), width - w))
    y = max(0, min(int(y), height - h))
    return x, y, w, h


class PhotoCrop(QWidget):
    box_changed = Signal(tuple)  # (x, y, w, h) in pixels of the upright full image

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(160, 200)  # 4:5; the issue dialog fits a 720 px high screen
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(self.tr("拖动方框选取头像；拖动四角或滚动滚轮调整大小；"
                                "方向键移动，+/- 缩放（按住 Shift 加快）"))
        self._image = QImage()
        self._full = QSize()
        self._box: Box | None = None
        self._drag: tuple[str, QPointF, Box] | None = None  # move | corner name, start, box

    # --- the photo and its box -------------------------------------------------------------
    def set_photo(self, image: QImage, full_size: QSize) -> None:
        """Show a decoded photo with the largest centred 25:35 box."""
        self._image, self._full = image, full_size
        self._box = default_box(full_size.width(), full_size.height())  # as the service's
        self.update()
        self.box_changed.emit(self._box)

    def clear(self) -> None:
        self._image, self._full, self._box = QImage(), QSize(), None
        self.update()

    def has_photo(self) -> bool:
        return self._box is not None

    def box(self) -> Box | None:
        return self._box

    def set_box(self, box: Box) -> None:
        """Move/resize the frame (image pixels), kept at 25:35 and inside the photo."""
        if self._full.isEmpty():
            return
        new = fit_box(box, self._full.width(), self._full.height(),
                      max(30, self._full.width() // 20))
        if new != self._box:
            self._box = new
            self.update()
            self.box_changed.emit(new)

    def move_by(self, dx: int, dy: int) -> None:
        if self._box is not None:
            x, y, w, h = self._box
            self.set_box((x + dx, y + dy, w, h))

    def scale_by(self, factor: float) -> None:
        """Resize around the frame's centre."""
        if self._box is not None:
            x, y, w, h = self._box
            nw = max(1, round(w * factor))
            nh = round(nw * RATIO[1] / RATIO[0])
            self.set_box((round(x + (w - nw) / 2), round(y + (h - nh) / 2), nw, nh))

    # --- geometry: image pixels <-> widget pixels -------------------------------------------
    def _view(self) -> tuple[QRectF, float]:
        """Where the photo is drawn and the widget pixels per image pixel."""
        if self._full.isEmpty():
            return QRectF(), 1.0
        scale = min(self.width() / self._full.width(), self.height() / self._full.height())
        w, h = self._full.width() * scale, self._full.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h), scale

    def _box_rect(self) -> QRectF:
        area, scale = self._view()
        if self._box is None:
            return QRectF()
        x, y, w, h = self._box
        return QRectF(area.x() + x * scale, area.y() + y * scale, w * scale, h * scale)

    def _corners(self) -> dict[str, QPointF]:
        r = self._box_rect()
        return {"tl": r.topLeft(), "tr": r.topRight(), "bl": r.bottomLeft(),
                "br": r.bottomRight()}

    # --- painting -------------------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(220, 275)  # the issue dialog opens within a 1280 × 720 screen

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.fillRect(self.rect(), QColor("#e6e6e6"))
        if self._image.isNull():
            p.setPen(QColor("#666666"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       self.tr("未选择照片\nJPEG 或 PNG 格式\n裁成一寸照（25×35 毫米）"))
            return
        area, _scale = self._view()
        p.drawImage(area, self._image)
        box = self._box_rect()
        shade = QPainterPath()
        shade.addRect(area)
        cut = QPainterPath()
        cut.addRect(box)
        p.fillPath(shade.subtracted(cut), QColor(0, 0, 0, 120))
        p.setPen(QPen(QColor("#ffffff"), 1, Qt.PenStyle.DashLine))
        p.drawEllipse(QRectF(box.x() + box.width() * 0.2, box.y() + box.height() * 0.12,
                             box.width() * 0.6, box.height() * 0.55))  # where the head goes
        p.setPen(QPen(QColor("#ffcc00"), 2))
        p.drawRect(box)
        p.setBrush(QColor("#ffcc00"))
        for corner in self._corners().values():
            p.drawRect(QRectF(corner.x() - HANDLE / 2, corner.y() - HANDLE / 2, HANDLE, HANDLE))

    # --- mouse and keys ----------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802
        if self._box is None or event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position()
        for name, corner in self._corners().items():
            if abs(pos.x() - corner.x()) <= HANDLE and abs(pos.y() - corner.y()) <= HANDLE:
                self._drag = (name, pos, self._box)
                return
        if self._box_rect().contains(pos):
            self._drag = ("move", pos, self._box)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._drag is None:
            return
        kind, start, (x, y, w, h) = self._drag
        _area, scale = self._view()
        dx = (event.position().x() - start.x()) / scale
        dy = (event.position().y() - start.y()) / scale
        if kind == "move":
            self.set_box((round(x + dx), round(y + dy), w, h))
            return
        grow = (dx if kind in ("tr", "br") else -dx)  # the opposite corner stays put
        nw = max(1, round(w + grow))
        nh = round(nw * RATIO[1] / RATIO[0])
        nx = x if kind in ("tr", "br") else x + w - nw
        ny = y if kind in ("bl", "br") else y + h - nh
        self.set_box((nx, ny, nw, nh))

    def mouseReleaseEvent(self, _event) -> None:  # noqa: N802
        self._drag = None

    def wheelEvent(self, event) -> None:  # noqa: N802
        if self._box is not None:
            self.scale_by(1.05 if event.angleDelta().y() > 0 else 1 / 1.05)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if self._box is None:
            super().keyPressEvent(event)
            return
        fast = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        step = max(1, self._full.width() // (10 if fast else 100))
        key = event.key()
        if key in _STEP_KEYS:
            sx, sy = _STEP_KEYS[key]
            self.move_by(sx * step, sy * step)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.scale_by(1.2 if fast else 1.05)
        elif key == Qt.Key.Key_Minus:
            self.scale_by(1 / 1.2 if fast else 1 / 1.05)
        else:
            super().keyPressEvent(event)
