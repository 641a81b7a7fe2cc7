"""Reading a text file the employee points at (a JSON list of cases, a norm table as CSV),
with every reason it cannot be read said in Dutch, once for the command line and the windows."""

from __future__ import annotations

from pathlib import Path


class UnreadableFile(ValueError):
    """Why the file cannot be read, as it continues "bestand X …"."""


def read_text(path: Path, max_bytes: int | None = None) -> str:
    try:
        if max_bytes is not None and path.stat().st_size > max_bytes:
            raise UnreadableFile("is te groot voor wat hier wordt ingelezen")
        return path.read_text("utf-8-sig")
    except FileNotFoundError:
        raise UnreadableFile("bestaat niet") from None
    except UnicodeDecodeError:
        raise UnreadableFile("is niet te lezen: het is geen UTF-8-tekst") from None
    except OSError:
        raise UnreadableFile("is niet te lezen (een map of geen toegang?)") from None
