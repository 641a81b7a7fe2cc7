"""The print file of a batch. A target that cannot be written is refused before anything is
rendered. The letters are merged into a new private file beside the target, created
exclusively under a random name, which takes the target's name only once the batch's decisions
are sent."""

from __future__ import annotations

import glob
import hashlib
import secrets
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from correspondence.batch.merge import StreamingMerger
from correspondence.rules.errors import ValidationFailed, WorkflowError
from correspondence.rules.formatting import short_date
from correspondence.workflows import audit
from store.database import data_folder
from store.files import FileProblem, check_target, private_folder, reason
from store.models import PrintBatch
from store.vocabulary import BatchStatus


def default_output(sent_on: date) -> Path:
    """Where a batch's print file goes when the caller names no place: the user's data folder."""
    folder = private_folder(data_folder() / "batches")
    stamp = audit.now().astimezone().strftime("%H%M%S")
    stem = f"verzendbatch-{sent_on.isoformat()}-{stamp}"
    # a second run in the same second must not be refused as overwriting the first's file
    out, number = folder / f"{stem}.pdf", 1
    while out.exists():
        number += 1
        out = folder / f"{stem}-{number}.pdf"
    return out


def check_output(session: Session, out: Path) -> None:
    """Refuse a print file that cannot be written, before anything is rendered: one that is not
    a regular file, in a folder that is missing or closed, or the print file of an earlier
    batch."""
    try:
        check_target(out)
    except FileProblem as exc:
        raise ValidationFailed({"out": str(exc)}) from None
    if not out.exists():
        return
    earlier = session.scalars(
        select(PrintBatch)
        .where(
            PrintBatch.status == BatchStatus.COMPLETED,
            PrintBatch.output.in_({str(out), str(out.absolute()), str(out.resolve())}),
        )
        .order_by(PrintBatch.id.desc())
    ).first()
    if earlier is not None:
        raise ValidationFailed(
            {
                "out": f"{out} is het printbestand van verzendbatch {earlier.id} "
                f"(verzonden {short_date(earlier.sent_on)}); kies een andere bestandsnaam"
            }
        )


def remove_partials(out: Path, batch_id: int) -> None:
    """The partial files an abandoned batch left beside its target."""
    # also the fixed name used before partial files got a random part
    stem = f".{glob.escape(out.name)}.{batch_id}"
    for pattern in (f"{stem}.partial", f"{stem}.*.partial"):
        for partial in out.parent.glob(pattern):
            partial.unlink(missing_ok=True)


class PrintOutput:
    """The print file of one batch while its letters are merged into it."""

    def __init__(self, out: Path, batch_id: int) -> None:
        self.out = out
        self.batch_id = batch_id
        # a new name that nobody can have planted a link under in advance
        self.partial = out.with_name(f".{out.name}.{batch_id}.{secrets.token_hex(8)}.partial")
        self._merger: StreamingMerger | None = None

    def open(self) -> None:
        self._merger = StreamingMerger(self.partial, f"Verzendbatch {self.batch_id}")

    @property
    def merger(self) -> StreamingMerger:
        if self._merger is None:
            raise RuntimeError("the print file is not open")
        return self._merger

    def add_letter(self, pdf: bytes) -> tuple[int, int]:
        """The letter's first page, counted among the letters, and its number of pages."""
        return self.merger.add_letter(pdf)

    def finish(self, cover: bytes) -> tuple[int, int]:
        """Put the cover sheet in front and close the file: the cover's pages and all pages."""
        front = self.merger.set_front(cover)
        return front, self.merger.finish()

    def sha256(self) -> str:
        digest = hashlib.sha256()
        with self.partial.open("rb") as file:
            for block in iter(lambda: file.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()

    def publish(self) -> None:
        """Give the finished file the target's name, once its decisions are sent."""
        self.partial.replace(self.out)

    def discard(self) -> None:
        if self._merger is not None:
            self._merger.close()
        self.partial.unlink(missing_ok=True)

    def failure(self, exc: OSError | FileProblem, sent: bool) -> WorkflowError:
        """The Dutch message for a file that could not be written, before or after sending."""
        problem = exc if isinstance(exc, FileProblem) else reason(self.out, exc)
        if not sent:
            return WorkflowError(f"{problem}; er is niets verzonden")
        return WorkflowError(
            f"de besluiten zijn verzonden, maar het printbestand kon niet naar {self.out} "
            f"({problem}). Het staat in {self.partial}."
        )
