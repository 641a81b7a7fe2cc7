"""Files and folders that hold personal data: readable by their owner only, written whole or not
at all.

A file is written to a new temporary name beside its target, created exclusively (so a link
planted under that name is never followed) with mode 0600, synced, and then renamed over the
target. A target that is not a regular file (a folder, a pipe, a device, or a link to one) is
refused before any work. Every error is Dutch and names the path the user gave.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
_CREATE_NEW = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0)

NOT_REGULAR = (
    (stat.S_ISDIR, "een map"),
    (stat.S_ISFIFO, "een pijp (FIFO)"),
    (stat.S_ISCHR, "een apparaat"),
    (stat.S_ISBLK, "een apparaat"),
    (stat.S_ISSOCK, "een socket"),
)
REASONS = {
    errno.ENOSPC: "schijf vol bij het schrijven van {path}",
    errno.EACCES: "geen toestemming om {path} te schrijven",
    errno.EPERM: "geen toestemming om {path} te schrijven",
    errno.EROFS: "{path} ligt op een schijf waarop niet geschreven mag worden",
    errno.ENOENT: "de map {folder} bestaat niet",
    errno.ENAMETOOLONG: "de bestandsnaam {path} is te lang",
}


class FileProblem(RuntimeError):
    """A file that cannot be written safely; the message is Dutch and names the path."""


def reason(path: Path, exc: OSError) -> str:
    """Why `path` could not be written, in Dutch, naming the path the user gave."""
    template = REASONS.get(exc.errno or 0)
    if template is None:
        code = errno.errorcode.get(exc.errno or 0, str(exc.errno))
        return f"kan {path} niet schrijven (fout {code})"
    return template.format(path=path, folder=path.parent)


@contextmanager
def _naming(path: Path) -> Iterator[None]:
    """Any OSError in the block becomes a FileProblem that names `path`."""
    try:
        yield
    except OSError as exc:
        raise FileProblem(reason(path, exc)) from exc


def _restrict(path: Path, mode: int) -> None:
    """Give `path` exactly `mode`, whatever the umask; one that is gone or not ours stays."""
    with suppress(FileNotFoundError, PermissionError):
        os.chmod(path, mode)


def check_target(path: Path) -> None:
    """Refuse, before any work is done, a target that cannot take a private file: one that
    exists and is not a regular file (a link is judged by what it points to), or whose folder
    is missing or not writable. Raises FileProblem."""
    try:
        mode: int | None = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise FileProblem(reason(path, exc)) from exc
    if mode is not None and not stat.S_ISREG(mode):
        what = next((name for test, name in NOT_REGULAR if test(mode)), "iets bijzonders")
        raise FileProblem(f"{path} is {what}, geen gewoon bestand; kies een andere bestandsnaam")
    folder = path.parent
    if not folder.is_dir():
        raise FileProblem(f"de map {folder} bestaat niet")
    if not os.access(folder, os.W_OK):
        raise FileProblem(f"in de map {folder} mag niet worden geschreven")


def open_private(path: Path) -> BinaryIO:
    """A new file at `path` for writing, readable by its owner only; an existing file or link
    under that name is refused, never followed. Raises FileProblem."""
    with _naming(path):
        return os.fdopen(os.open(path, _CREATE_NEW, PRIVATE_FILE), "wb")


class _Staged:
    """The content for `target` in a new private file beside it, until `commit` renames it."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.temporary = target.with_name(f".{target.name}.{secrets.token_hex(8)}.tmp")
        self.committed = False
        with _naming(target):
            self.descriptor: int | None = os.open(self.temporary, _CREATE_NEW, PRIVATE_FILE)

    def write(self, content: bytes) -> None:
        assert self.descriptor is not None
        rest = memoryview(content)
        with _naming(self.target):
            while rest:
                rest = rest[os.write(self.descriptor, rest) :]

    def sync(self) -> None:
        """Put the content on disk and close the file (a full disk may only show here)."""
        descriptor, self.descriptor = self.descriptor, None
        assert descriptor is not None
        with _naming(self.target):
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)

    def commit(self) -> None:
        with _naming(self.target):
            os.replace(self.temporary, self.target)
        self.committed = True

    def discard(self) -> None:
        """Close and remove the temporary file unless it was committed."""
        if self.descriptor is not None:
            with suppress(OSError):
                os.close(self.descriptor)
            self.descriptor = None
        if not self.committed:
            with suppress(OSError):
                self.temporary.unlink(missing_ok=True)


def write_all_private(outputs: Sequence[tuple[Path, bytes]]) -> None:
    """Write every file or none, each readable by its owner only. Raises FileProblem."""
    for path, _content in outputs:
        check_target(path)
    staged: list[_Staged] = []
    try:
        for path, content in outputs:
            staged.append(_Staged(path))
            staged[-1].write(content)
        for file in staged:
            file.sync()
        for file in staged:
            file.commit()
    finally:
        for file in staged:
            file.discard()


def copy_private(source: Path, target: Path) -> None:
    """Copy `source` to `target` whole or not at all, a block at a time, readable by its owner
    only. Raises FileProblem."""
    check_target(target)
    staged = _Staged(target)
    try:
        with _naming(source), source.open("rb") as file:
            for block in iter(lambda: file.read(1 << 20), b""):
                staged.write(block)
        staged.sync()
        staged.commit()
    finally:
        staged.discard()


def write_private(path: Path, content: bytes) -> None:
    """Write `content` to `path` whole or not at all, readable by its owner only."""
    write_all_private([(path, content)])


def private_file(path: Path) -> Path:
    """Create `path` if it is missing and make it readable by its owner only (0600), whatever
    the umask: for a file another program fills, such as an SQLite database."""
    with _naming(path), suppress(FileExistsError):
        os.close(os.open(path, _CREATE_NEW, PRIVATE_FILE))
    _restrict(path, PRIVATE_FILE)
    return path


def restrict_file(path: Path) -> None:
    """Make an existing file readable by its owner only (0600); a missing one is left alone."""
    _restrict(path, PRIVATE_FILE)


def private_folder(path: Path) -> Path:
    """Create `path` (and missing parents) if needed and make it its owner's only (0700),
    whatever the umask. Raises FileProblem."""
    with _naming(path):
        path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    _restrict(path, PRIVATE_FOLDER)
    return path
