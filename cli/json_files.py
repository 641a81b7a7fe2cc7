"""Reading a file the user gives (JSON above all), with every complaint in one Dutch line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NoReturn

from cli.errors import UsageError
from correspondence.user_files import UnreadableFile, read_text

# the json module's complaints, by how they start
JSON_PROBLEMS = {
    "Expecting value": "waarde verwacht",
    "Expecting property name": "naam tussen dubbele aanhalingstekens verwacht",
    "Expecting ',' delimiter": "komma verwacht",
    "Expecting ':' delimiter": "dubbele punt verwacht",
    "Extra data": "tekst na het einde van de JSON",
    "Unterminated string": "tekst zonder afsluitend aanhalingsteken",
    "Invalid control character": "stuurteken in een tekst",
    "Invalid \\escape": "ongeldige \\-code in een tekst",
    "Invalid \\uXXXX escape": "ongeldige \\u-code in een tekst",
}


def read_file(path: Path, max_bytes: int | None = None) -> str:
    """The file's text, or a Dutch UsageError naming the file."""
    try:
        return read_text(path, max_bytes)
    except UnreadableFile as exc:
        raise UsageError(f"bestand {path} {exc}") from None


def read_json(path: Path) -> Any:
    text = read_file(path)
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        problem = next((d for e, d in JSON_PROBLEMS.items() if exc.msg.startswith(e)), exc.msg)
        raise UsageError(f"ongeldige JSON in {path}, regel {exc.lineno}: {problem}") from None
    except NotANumber as exc:
        raise UsageError(f"ongeldige JSON in {path}: {exc}") from None
    except ValueError:  # an integer of thousands of digits
        raise UsageError(f"ongeldige JSON in {path}: een getal is te lang") from None
    except RecursionError:
        raise UsageError(f"ongeldige JSON in {path}: te diep genest") from None


class NotANumber(ValueError):
    pass


def _no_constant(name: str) -> NoReturn:
    raise NotANumber(f"{name} is geen getal")
