"""Why a template or the data for a letter is refused; messages are Dutch."""

from __future__ import annotations

from correspondence.rules.errors import WorkflowError


class TemplateRefused(WorkflowError):
    """A template that cannot be used; `template` names the file, the message the problem."""

    def __init__(self, template: str, problem: str) -> None:
        self.template = template
        self.problem = problem
        super().__init__(f"sjabloon {template} geweigerd: {problem}")
