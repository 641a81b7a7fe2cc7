"""How a refused command ends: one Dutch line on stderr and exit status 2."""

from __future__ import annotations

import sys

from correspondence import logbook
from correspondence.rules.errors import ValidationFailed, WorkflowError
from correspondence.workflows.unit_of_work import (
    DatabaseUnavailable,
    FileProblem,
    database_error_message,
    is_database_error,
)

USAGE_ERROR = 2

log = logbook.logger(__name__)


class UsageError(Exception):
    """Bad input on the command line; the message is one Dutch line."""


def refusal(exc: Exception) -> str | None:
    """The Dutch line that tells why a command was refused; None for an unexpected error."""
    if isinstance(exc, ValidationFailed):
        return "; ".join(f"veld {name}: {text}" for name, text in exc.errors.items())
    if isinstance(exc, UsageError | WorkflowError | DatabaseUnavailable | FileProblem):
        return str(exc)
    if is_database_error(exc):
        return database_error_message(exc)  # never the statement or its values
    return None


def refuse(exc: Exception) -> int | None:
    """End a refused command: one line in the log, one Dutch line on stderr, and the exit
    status; None for an unexpected error. The log gets the kind of refusal and the fields it
    names, not the message: that may quote a value (a BSN, a name)."""
    message = refusal(exc)
    if message is None:
        return None
    logbook.refused(log, exc)
    return complain(message)


def complain(message: str) -> int:
    """Print `message` as one line on stderr, whatever input it quotes; the usage error."""
    line = "".join(c if c.isprintable() else " " for c in message)
    print(f"poortpost: {line}", file=sys.stderr)
    return USAGE_ERROR
