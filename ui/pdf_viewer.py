"""A PDF shown from bytes in memory, every page below the other, as wide as the window: the
letter dialog's preview and a letter kept with the dossier. QtPdf is loaded with this module,
so import it only when a PDF is first shown: start-up time matters."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QWidget


class PdfViewer(QPdfView):
    def __init__(self, parent: QWidget) -> None:
        # the document belongs to the dialog, not the view, and is made before it: a view that
        # owned its document crashed a later event loop once both were gone
        document = QPdfDocument(parent)
        super().__init__(parent)
        self.pdf = document
        # QPdfDocument reads from the buffer while it shows the pages: it lives with the dialog
        self.buffer = QBuffer(parent)
        self.setDocument(self.pdf)
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def show_pdf(self, content: bytes) -> None:
        self.pdf.close()
        self.buffer.close()
        self.buffer.setData(QByteArray(content))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self.buffer)
