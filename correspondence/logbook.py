"""The log file that both interfaces write: what was done and what was refused.

A line tells identifiers (a decision, case or batch number), counts, kinds and field names,
never a value: no BSN, no name, no address, no path (a file name may hold a client's name).
An unexpected error is logged as its traceback without the messages, which may quote values.

One file in the user's log folder (on Linux `~/.local/state/Poortpost/log/poortpost.log`),
rotated at 1 MB with five older files kept, each readable by its owner only.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_path

from store.files import FileProblem, private_file, private_folder

NAME = "poortpost"
FILE_NAME = "poortpost.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]

# until the log is started (or when it cannot be), a line goes nowhere, never to stderr
logging.getLogger(NAME).addHandler(logging.NullHandler())


def logger(module: str) -> logging.Logger:
    """The logger of `module` (its `__name__`). Only Poortpost's own loggers reach the file:
    a library's lines are not ours to keep free of personal data."""
    return logging.getLogger(f"{NAME}.{module}")


def log_folder() -> Path:
    return user_log_path("Poortpost", appauthor=False)


def start() -> None:
    """Send Poortpost's lines (INFO and up) to the log file, and log a traceback before Python
    prints it. Once per process; a log that cannot be opened is reported and left out."""
    poortpost = logging.getLogger(NAME)
    if any(isinstance(h, PrivateRotatingFile) for h in poortpost.handlers):
        return
    try:
        handler = PrivateRotatingFile(
            private_folder(log_folder()) / FILE_NAME,
            maxBytes=MAX_BYTES,
            backupCount=BACKUPS,
            encoding="utf-8",
        )
    except (FileProblem, OSError) as exc:
        print(f"poortpost: het logboek kan niet worden geopend ({exc})", file=sys.stderr)
        return
    handler.setFormatter(_WithoutMessages(FORMAT))
    poortpost.addHandler(handler)
    poortpost.setLevel(logging.INFO)
    sys.excepthook = _logging_first(sys.excepthook)


class PrivateRotatingFile(RotatingFileHandler):
    """Each file, also the new one a rotation starts, is its owner's only before it is opened."""

    def _open(self) -> TextIOWrapper:
        private_file(Path(self.baseFilename))
        return super()._open()


class _WithoutMessages(logging.Formatter):
    def formatException(
        self,
        ei: tuple[type[BaseException], BaseException, TracebackType | None]
        | tuple[None, None, None],
    ) -> str:
        return without_messages(ei[1]) if ei[1] is not None else ""


def refused(log: logging.Logger, exc: BaseException) -> None:
    """One line for a refusal: its kind and the fields it names, never the message, which may
    quote a value (a BSN, a name)."""
    errors = getattr(exc, "errors", None)
    fields = f" ({', '.join(errors)})" if isinstance(errors, dict) else ""
    log.warning("refused: %s%s", type(exc).__name__, fields)


def without_messages(exc: BaseException) -> str:
    """The traceback of `exc` and of the exceptions it came from, each with where it was raised
    and its type, but not its message."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        context = None if current.__suppress_context__ else current.__context__
        current = current.__cause__ or context
    return "\nwhich led to:\n\n".join(
        "".join(
            [
                "Traceback (most recent call last):\n",
                *traceback.format_tb(e.__traceback__),
                f"{_type_name(type(e))} (message left out)\n",
            ]
        )
        for e in reversed(chain)
    ).rstrip("\n")


def _type_name(kind: type[BaseException]) -> str:
    module = "" if kind.__module__ == "builtins" else f"{kind.__module__}."
    return module + kind.__qualname__


def _logging_first(previous: ExceptHook) -> ExceptHook:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> object:
        if not issubclass(kind, KeyboardInterrupt):
            logger(__name__).critical("unexpected error", exc_info=(kind, exc, tb))
        return previous(kind, exc, tb)

    return hook
