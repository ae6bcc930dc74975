"""PDF files on screen and on paper through Qt: page images (QtPdf), print preview, system print.

The PDF written by reports/ is the one truth of a layout: the screen and the printer get its
pages rendered by QtPdf (PySide6-Pdf), never a second drawing of the same card.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from elderdesk.domain.errors import ElderError
from elderdesk.ui.ops import Ops

MAX_PRINT_DPI = 300  # enough for card printers and QR modules; an A4 page stays ~35 MB


translate = QCoreApplication.translate  # literal contexts for lupdate


def has_qtpdf() -> bool:
    try:
        from PySide6 import QtPdf  # noqa: F401
    except ImportError:
        return False
    return True


class PdfPages:
    """An open PDF: page sizes and page images. Safe off the GUI thread (no widgets)."""

    def __init__(self, path: Path | str) -> None:
        try:
            from PySide6.QtPdf import QPdfDocument
        except ImportError:
            raise ElderError("FILE_UNREADABLE", path=str(path),
                             detail=translate("PdfPrinting", "本机缺少 PySide6-Pdf 组件，无法显示或打印 PDF")) from None
        self.path = str(path)
        self._doc = QPdfDocument(None)
        if self._doc.load(self.path) != QPdfDocument.Error.None_ or self._doc.pageCount() < 1:
            raise ElderError("FILE_UNREADABLE", path=self.path, detail=translate("PdfPrinting", "不是有效的 PDF 文件"))

    @property
    def count(self) -> int:
        return self._doc.pageCount()

    def size_pt(self, page: int) -> QSizeF:
        return self._doc.pagePointSize(page)

    def image(self, page: int, dpi: float) -> QImage:
        size = self.size_pt(page)
        return self._doc.render(page, QSize(max(1, round(size.width() / 72 * dpi)),
                                            max(1, round(size.height() / 72 * dpi))))

    def close(self) -> None:
        self._doc.close()


def render_pages(path: Path | str, dpi: float = 150, max_pages: int = 20) -> list[QImage]:
    """The first pages as images (run it through Ops: a background thread)."""
    pdf = PdfPages(path)
    try:
        return [pdf.image(i, dpi) for i in range(min(pdf.count, max_pages))]
    finally:
        pdf.close()


def page_layout(size_pt: QSizeF) -> QPageLayout:
    """The PDF page's own size, no margins; a landscape page (a card) stays landscape."""
    w, h = size_pt.width() / 72 * 25.4, size_pt.height() / 72 * 25.4  # QPageSize rounds points
    page = QPageSize(QSizeF(min(w, h), max(w, h)), QPageSize.Unit.Millimeter, "",
                     QPageSize.SizeMatchPolicy.ExactMatch)
    orientation = QPageLayout.Orientation.Landscape if w > h else \
        QPageLayout.Orientation.Portrait
    return QPageLayout(page, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def print_pdf(printer: QPrinter, path: Path | str) -> int:
    """Paint every page of the PDF onto the printer at its own size; the number of pages."""
    pdf = PdfPages(path)
    try:
        printer.setFullPage(True)
        printer.setPageLayout(page_layout(pdf.size_pt(0)))
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise ElderError("FILE_UNREADABLE", path=printer.printerName() or "printer",
                             detail=translate("PdfPrinting", "打印机无法开始打印"))
        try:
            for i in range(pdf.count):
                if i > 0:
                    printer.setPageLayout(page_layout(pdf.size_pt(i)))
                    printer.newPage()
                target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
                target.moveTo(0, 0)
                painter.drawImage(target, pdf.image(i, dpi))
        finally:
            painter.end()
        return pdf.count
    finally:
        pdf.close()


class SystemPrintDialog:
    """The system print dialog (QPrintDialog); tests replace `ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None, printer_name: str = "") -> QPrinter | None:
        """A printer the clerk confirmed (printer_name preselected), or None."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if printer_name:
            printer.setPrinterName(printer_name)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(translate("PdfPrinting", "打印"))
        try:
            return printer if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class PrintPreview:
    """Qt's print preview over a PDF's pages (zoom, page through, print from there)."""

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path, printer_name: str = "",
            title: str = "") -> bool:
        """Show the preview; True if the clerk printed from it."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if printer_name:
            printer.setPrinterName(printer_name)
        pdf = PdfPages(path)
        printer.setPageLayout(page_layout(pdf.size_pt(0)))
        pdf.close()
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setWindowTitle(title or translate("PdfPrinting", "打印预览"))
        dialog.paintRequested.connect(lambda p: print_pdf(p, path))
        dialog.resize(900, 700)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()


def printer_names() -> tuple[list[str], str]:
    """The installed printers and the default one ("" if none)."""
    return list(QPrinterInfo.availablePrinterNames()), QPrinterInfo.defaultPrinterName()


# (path to write, printer name) -> anything; runs on the write thread (it may audit)
PdfMaker = Callable[[Path, str], Any]


def _scratch() -> Path:
    return Path(tempfile.mkdtemp(prefix="elderdesk-print-")) / "print.pdf"


def print_with_dialog(parent: QWidget | None, ops: Ops, printer_name: str, make: PdfMaker,
                      done: Callable[[int, Any], None],
                      failed: Callable[[BaseException], None]) -> bool:
    """Ask the system print dialog, write the PDF for the chosen printer in the background,
    then print its pages, also in the background (Qt paints on a QPrinter from any thread, and
    a batch of a thousand cards must not freeze the window); done(pages, what make returned).
    False if the clerk cancelled."""
    printer = SystemPrintDialog.ask(parent, printer_name)
    if printer is None:
        return False
    path, chosen = _scratch(), printer.printerName()

    def failing(exc: BaseException) -> None:  # shown to the clerk
        shutil.rmtree(path.parent, ignore_errors=True)
        failed(exc)

    def printed(pages: int, result: Any) -> None:
        shutil.rmtree(path.parent, ignore_errors=True)
        done(pages, result)

    def made(result: Any) -> None:
        ops.run(lambda: print_pdf(printer, path), lambda pages: printed(pages, result), failing)

    ops.run(lambda: make(path, chosen), made, failing, write=True)
    return True


def preview_in_dialog(parent: QWidget | None, ops: Ops, printer_name: str, make: PdfMaker,
                      failed: Callable[[BaseException], None], title: str = "",
                      made: Callable[[Any], None] | None = None) -> None:
    """Write the PDF in the background, then show it in the print preview dialog
    (made(what make returned) first)."""
    path = _scratch()

    def show(result: Any) -> None:
        if made is not None:
            made(result)
        try:
            PrintPreview.ask(parent, path, printer_name, title)
        except Exception as exc:  # shown to the clerk
            failed(exc)
        finally:
            shutil.rmtree(path.parent, ignore_errors=True)

    ops.run(lambda: make(path, printer_name), show, failed, write=True)
