"""Building a value from another with the same field names: a stored client as letter data, a
municipality as letterhead data, letter data as form input."""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import Any


def copied[T](cls: type[T], source: object, **given: Any) -> T:
    """A `cls` (a dataclass) with each field from `given`, else from the same-named attribute of
    `source`, else its default."""
    values = dict(given)
    for field in fields(cls):  # type: ignore[arg-type]  # TypeVar cannot be bound to "a dataclass"
        if field.name not in values and hasattr(source, field.name):
            values[field.name] = getattr(source, field.name)
        elif field.name not in values and field.default is MISSING is field.default_factory:
            raise TypeError(f"{cls.__name__}.{field.name} has no value")
    return cls(**values)
