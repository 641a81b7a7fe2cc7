"""The merged print file is a PDF that another reader accepts, page by page."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter

from correspondence.batch.merge import StreamingMerger
from correspondence.batch.queue import BatchFilter
from correspondence.batch.run import BatchRun, run_batch
from correspondence.workflows.fictional_cases import cases
from tests.support.batch import SENT_ON, TODAY, imported, page_texts


def test_pdf_stream_is_valid_for_another_reader(sqlite_url, tmp_path):
    database = imported(sqlite_url, cases(4, TODAY))
    out = tmp_path / "b.pdf"
    run_batch(BatchRun(database, "admin", SENT_ON, BatchFilter(), out, workers=1))
    reader = PdfReader(io.BytesIO(out.read_bytes()), strict=True)
    assert len(reader.pages) == len(page_texts(out))
    database.close()


def test_a_pdf_of_another_layout_is_merged_through_the_parser(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    foreign = buffer.getvalue() + b"\n% appended after the end\n"  # no longer the plain layout
    merger = StreamingMerger(tmp_path / "m.pdf")
    assert merger.add_letter(foreign) == (1, 1)
    assert merger.finish() == 2  # the letter and its duplex blank
    assert len(PdfReader(str(tmp_path / "m.pdf"), strict=True).pages) == 2


def test_every_page_hangs_under_the_merged_page_tree(sqlite_url, tmp_path):
    database = imported(sqlite_url, cases(3, TODAY))
    out = tmp_path / "b.pdf"
    run_batch(BatchRun(database, "admin", SENT_ON, BatchFilter(), out, workers=1))
    reader = PdfReader(str(out), strict=True)
    root = reader.trailer["/Root"]["/Pages"].indirect_reference
    for page in reader.pages:
        assert page.get("/Parent").indirect_reference == root
    database.close()
