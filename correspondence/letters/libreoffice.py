"""LibreOffice headless converting our DOCX files to PDF: the independent reading our own PDF is
compared with, by the letter tests and the benchmarks."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


class LibreOfficeMissing(RuntimeError):
    pass


def convert_to_pdf(documents: list[Path], folder: Path, timeout: float = 3600) -> list[Path]:
    """Every document converted in one LibreOffice process; the PDFs in the same order."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise LibreOfficeMissing(
            "LibreOffice (soffice) is niet geïnstalleerd: apt-get install libreoffice-writer-nogui"
        )
    out = folder / "pdf"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, documents),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    pdfs = [out / f"{document.stem}.pdf" for document in documents]
    missing = [p.name for p in pdfs if not p.is_file()]
    if missing:
        raise RuntimeError(f"LibreOffice maakte geen PDF van: {', '.join(missing[:5])}")
    return pdfs
