"""Printing a PDF as it was made: the letter in its preview, or a batch's print file."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget


def print_pdf(parent: QWidget, document: QPdfDocument, duplex: bool = False) -> None:
    """Ask which printer (the system's own dialog), then print; nothing when cancelled.
    `duplex`: both sides of the paper, as the post room folds a batch."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if duplex:
        printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return
    print_document(document, printer)


def print_document(document: QPdfDocument, printer: QPrinter) -> None:
    """Print every page of the PDF as an image at the printer's resolution."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("de printer is niet te openen")
    try:
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            target = painter.viewport()
            size = (
                document.pagePointSize(index)
                .toSize()
                .scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            )
            image = document.render(index, QSize(size.width(), size.height()))
            painter.drawImage(0, 0, image)
    finally:
        painter.end()
