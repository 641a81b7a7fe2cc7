"""Batch printing, end to end: N ready decisions in a database (default 1000) printed into one
merged PDF with every letter stored; then a sample of the same letters via our DOCX and
LibreOffice headless, the route without a PDF renderer of our own.

    uv run benchmarks/batch.py [--n 1000] [--libreoffice-sample 200]

LibreOffice converts about ten letters a second, so it runs on a sample (at most N letters)
and its rate is measured on that sample. Peak memory is the largest resident size of any
process of the run (the printing process or one of its render workers). Last line:
letters_per_s=… pages_per_s=… peak_mb=… libreoffice_letters_per_s=… ratio_vs_libreoffice=…
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from correspondence.batch.queue import BatchFilter, build_queue, with_cases  # noqa: E402
from correspondence.batch.run import BatchRun, run_batch  # noqa: E402
from correspondence.letters.libreoffice import convert_to_pdf  # noqa: E402
from correspondence.letters.produce import LetterProducer  # noqa: E402
from correspondence.queries.municipalities import municipalities  # noqa: E402
from correspondence.queries.norms import norm_tables  # noqa: E402
from correspondence.rules.identifiers import FICTIONAL_IBAN  # noqa: E402
from correspondence.rules.kinds import KIND_OF_DECISION  # noqa: E402
from correspondence.workflows.actors import acting_employee  # noqa: E402
from correspondence.workflows.fictional_cases import cases  # noqa: E402
from correspondence.workflows.importing import import_cases, parse_cases  # noqa: E402
from correspondence.workflows.municipalities import (  # noqa: E402
    change_municipality,
    verify_municipality,
)
from correspondence.workflows.norms import verify_norm_table  # noqa: E402
from store.database import Database  # noqa: E402


def next_working_monday() -> date:
    today = date.today()
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)


def fill(database: Database, n: int) -> None:
    """N ready decisions, with the municipalities' data (the account for repayments too) and
    the norm tables verified as beheer does before letters go out: otherwise the batch would
    hold the letters back."""
    entries = cases(n, date.today())
    with database.session() as session, session.begin():
        actor = acting_employee(session, "admin")
        for table in norm_tables(session):
            if not table.verified and not table.superseded:
                verify_norm_table(session, actor, table.id)
        for town in municipalities(session):
            change_municipality(session, actor, town.code, {"repayment_iban": FICTIONAL_IBAN})
            verify_municipality(session, actor, town.code)
        import_cases(session, actor, parse_cases(entries), date.today())


def libreoffice_rate(database: Database, sent_on: date, sample: int, folder: Path) -> float:
    """Letters a second for our DOCX (docxtpl) converted by LibreOffice, on a sample."""
    with database.session() as session:
        queue = build_queue(session, BatchFilter(), sent_on)
    producer = LetterProducer()
    started = time.perf_counter()
    paths = []
    pairs = with_cases(database, queue.ready[:sample], sent_on, queue.references)
    for index, (entry, case) in enumerate(pairs):
        kind = KIND_OF_DECISION[entry.kind]
        letter = producer.produce(kind, case, queue.references[case.municipality])
        paths.append(folder / f"brief{index:05d}.docx")
        paths[-1].write_bytes(letter.docx or b"")
    convert_to_pdf(paths, folder)
    return len(paths) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--libreoffice-sample", type=int, default=200)
    args = parser.parse_args()
    sent_on = next_working_monday()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        database = Database.open(f"sqlite:///{folder / 'batch.sqlite3'}")
        started = time.perf_counter()
        fill(database, args.n)
        print(f"{args.n} besluiten klaargezet in {time.perf_counter() - started:.1f} s")
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        result = run_batch(
            BatchRun(database, "admin", sent_on, BatchFilter(), folder / "batch.pdf")
        )
        elapsed = time.perf_counter() - started
        size_mb = (folder / "batch.pdf").stat().st_size / 1e6
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        printed = len(result.printed)
        print(
            f"afgedrukt: {printed} brieven, {result.pages} pagina's, {size_mb:.0f} MB, "
            f"{elapsed:.1f} s; geheugen: printproces {own:.0f} MB (vóór de run "
            f"{rss_before / 1024:.0f} MB), grootste render-proces {workers:.0f} MB"
        )
        sample = min(args.libreoffice_sample, printed)
        database.close()
        database = Database.open(f"sqlite:///{folder / 'lo.sqlite3'}")
        fill(database, sample)
        lo_rate = libreoffice_rate(database, sent_on, sample, folder)
        database.close()
    rate = printed / elapsed
    print(
        f"letters_per_s={rate:.1f} pages_per_s={result.pages / elapsed:.1f} "
        f"peak_mb={max(own, workers):.0f} libreoffice_letters_per_s={lo_rate:.2f} "
        f"ratio_vs_libreoffice={rate / lo_rate:.1f}"
    )


if __name__ == "__main__":
    main()
