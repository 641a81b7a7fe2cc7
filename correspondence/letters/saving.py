"""Saving a letter or a printed batch as a file the user chose. The files hold personal data:
they are readable by their owner only and written whole or not at all; a file that cannot be
written raises FileProblem with a Dutch reason that names the path."""

from __future__ import annotations

from pathlib import Path

from store.files import FileProblem, copy_private, write_all_private, write_private

__all__ = ["FileProblem", "save_all", "save_copy", "save_file"]


def save_file(path: Path, content: bytes) -> None:
    write_private(path, content)


def save_all(outputs: list[tuple[Path, bytes]]) -> None:
    """Several files (a letter's DOCX and PDF): all of them written, or none left behind."""
    write_all_private(outputs)


def save_copy(source: Path, target: Path) -> None:
    """A copy of a file already made (a batch's PDF), however large, a block at a time."""
    copy_private(source, target)
