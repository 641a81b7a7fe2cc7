"""Errors the workflows raise. Their messages are Dutch and meant for the employee."""

from __future__ import annotations


class WorkflowError(Exception):
    """A request that cannot be carried out; nothing was written."""


class ValidationFailed(WorkflowError):
    """Input with one or more invalid fields; `errors` maps each field to a Dutch message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))

    def __reduce__(self) -> tuple[type[ValidationFailed], tuple[dict[str, str]]]:
        # a render process sends a refusal back pickled; by default it would be rebuilt from
        # its message, which is no mapping of fields
        return (type(self), (self.errors,))


class UnknownEmployee(WorkflowError):
    pass


class NotFound(WorkflowError):
    pass
