"""How fast are letters made? N letters (default 200) three ways in one run: our DOCX, our PDF,
and our DOCX converted to PDF by LibreOffice headless (one process for the whole set).

    uv run benchmarks/letters.py [--n 200] [--workers CORES]

Our routes run in one process per core (default), as batch printing does; LibreOffice converts
the whole set in one headless process. Templates are prepared once per process, as in
production. The last line is the summary:
docx_per_s=… pdf_per_s=… libreoffice_per_s=… ratio_pdf_vs_libreoffice=…
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from correspondence.letters.context import LetterReference, build_context  # noqa: E402
from correspondence.letters.libreoffice import convert_to_pdf  # noqa: E402
from correspondence.letters.pdf import render_pdf  # noqa: E402
from correspondence.letters.produce import LetterProducer, example_case  # noqa: E402
from correspondence.letters.reference_data import letter_reference  # noqa: E402
from correspondence.rules.case_data import CaseData  # noqa: E402
from correspondence.rules.kinds import LetterKind  # noqa: E402
from store.database import Database  # noqa: E402

SURNAMES = ["Jansen & Zn", "Wiśniewski", "Yılmaz", "Nguyễn Thị Minh", "Berg-d'Hondt", "Ørsted"]


@dataclass
class _ProcessState:
    """What each process reads and prepares once, before the clock runs."""

    examples: dict[LetterKind, CaseData] = field(default_factory=dict)
    refs: dict[str, LetterReference] = field(default_factory=dict)
    producer: LetterProducer | None = None


_state = _ProcessState()


def case_at(index: int) -> tuple[LetterKind, CaseData]:
    """The index-th letter of the run: the kinds in turn, each with a name of its own."""
    if not _state.examples:
        _state.examples = {k: example_case(k) for k in LetterKind}
    kinds = list(LetterKind)
    kind = kinds[index % len(kinds)]
    case = _state.examples[kind]
    client = replace(case.client, surname=f"{SURNAMES[index % len(SURNAMES)]} {index}")
    return kind, replace(case, client=client)


def _setup(database_url: str) -> None:
    database = Database.open(database_url)
    with database.session() as session:
        _state.refs = {
            code: letter_reference(session, code) for code in ("haarlem", "zandvoort", "heemstede")
        }
    database.close()
    producer = LetterProducer()
    for index in range(len(LetterKind)):  # prepare every template once, before the clock runs
        kind, case = case_at(index)
        producer.prepared(kind, _state.refs[case.municipality])
    _state.producer = producer


def _make(job: tuple[int, int, str]) -> list[bytes]:
    start, count, route = job
    producer = _state.producer
    assert producer is not None, "_setup prepares every process before it makes letters"
    out = []
    for kind, case in (case_at(i) for i in range(start, start + count)):
        reference = _state.refs[case.municipality]
        prepared = producer.prepared(kind, reference)
        context = build_context(kind, case, reference)
        rendered = prepared.letter.render(context)
        if route == "docx":
            out.append(prepared.letter.docx(rendered))
        else:
            out.append(render_pdf(producer.model(prepared, rendered), "brief"))
    return out


def run_route(route: str, n: int, pool: ProcessPoolExecutor | None) -> tuple[float, list[bytes]]:
    chunks = [(i, min(50, n - i), route) for i in range(0, n, 50)]
    started = time.perf_counter()
    results = list(pool.map(_make, chunks)) if pool else [_make(chunk) for chunk in chunks]
    elapsed = time.perf_counter() - started
    return elapsed, [item for chunk in results for item in chunk]


def libreoffice(docx_files: list[bytes]) -> float:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        paths = []
        for index, content in enumerate(docx_files):
            paths.append(folder / f"brief{index:05d}.docx")
            paths[-1].write_bytes(content)
        started = time.perf_counter()
        convert_to_pdf(paths, folder)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="processes for our routes (LibreOffice always runs as one)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/benchmark.sqlite3"
        _setup(url)
        pool = (
            ProcessPoolExecutor(args.workers, initializer=_setup, initargs=(url,))
            if args.workers > 1
            else None
        )
        if pool:
            list(pool.map(_make, [(0, 1, "pdf")] * args.workers))  # start the workers
        docx_s, docx_files = run_route("docx", args.n, pool)
        pdf_s, pdf_files = run_route("pdf", args.n, pool)
        if pool:
            pool.shutdown()
    lo_s = libreoffice(docx_files)
    pdf_bytes = sum(len(p) for p in pdf_files)
    print(f"letters={args.n} workers={args.workers} cores={os.cpu_count()}")
    print(
        f"our docx: {docx_s:.2f} s; our pdf: {pdf_s:.2f} s ({pdf_bytes / args.n / 1024:.0f} KiB "
        f"each); libreoffice: {lo_s:.2f} s"
    )
    docx_rate, pdf_rate, lo_rate = args.n / docx_s, args.n / pdf_s, args.n / lo_s
    print(
        f"docx_per_s={docx_rate:.1f} pdf_per_s={pdf_rate:.1f} libreoffice_per_s={lo_rate:.2f} "
        f"ratio_pdf_vs_libreoffice={pdf_rate / lo_rate:.1f}"
    )


if __name__ == "__main__":
    main()
