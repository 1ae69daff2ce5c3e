"""Errors that carry a one-line message meant for the user.

The CLI prints ``error: <message>`` and exits non-zero for any of these;
anything else is a bug and keeps its traceback.
"""


class WorkbenchError(Exception):
    """Base class: ``str(error)`` is a complete one-line explanation."""

    exit_code = 1


class InputError(WorkbenchError):
    """An article source could not be read or is not an article."""


class StoreError(WorkbenchError):
    """The database cannot be opened or written."""


class NotFoundError(WorkbenchError):
    """An id or prefix matches nothing, or more than one thing."""


class ModelError(WorkbenchError):
    """The NLP model is missing or broken."""


class MissingDependencyError(WorkbenchError):
    """A package workbench needs is not installed or cannot be imported."""
