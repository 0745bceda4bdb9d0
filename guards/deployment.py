"""The stack and the project a declaration is read for, whose names the tripwire reads with its purpose.

A stack named ``nypd-bodycam-live`` or a project named ``nypd-bodycam-faceid`` says what it is for as much as an
account's name does (review R22), and every entry point knows both names: the checker from the stack file's name
and its project file's ``name``, the program and the components from Pulumi's settings (``pulumi.get_stack()``,
``pulumi.get_project()``, which a component provider's construct call sets from the engine's request), the policy
pack from the engine's ``ConfigureStack`` call or a resource's URN (``urn:pulumi:<stack>::<project>::...``).

Each entry point says which deployment it reads for once, at its edge, with :func:`reading_for`; the engine adds
the names wherever it decides a use case (:func:`deployment_texts`), so no reader in between can leave them out.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Final

STACK_NAME: Final = "the stack's name"
PROJECT_NAME: Final = "the project's name"
"""The paths the two names are read and reported under (``the stack's name says 'nypd'``)."""

_READ_FOR: ContextVar[tuple[tuple[str, str], ...]] = ContextVar("azure_openai_guarded.deployment", default=())


def names_in_urn(urn: str) -> tuple[str | None, str | None]:
    """The stack and the project a resource's URN names (``urn:pulumi:<stack>::<project>::<type>::<name>``);
    ``None`` for each one a URN of another form does not."""
    parts = urn.removeprefix("urn:pulumi:").split("::")
    if not urn.startswith("urn:pulumi:") or len(parts) < 2:
        return None, None
    return parts[0] or None, parts[1] or None


@contextmanager
def reading_for(stack: str | None, project: str | None) -> Iterator[None]:
    """Read every declaration decided in this block as one of ``stack`` in ``project`` (either may be unknown)."""
    named = tuple((path, name) for path, name in ((STACK_NAME, stack), (PROJECT_NAME, project)) if name)
    token = _READ_FOR.set(named)
    try:
        yield
    finally:
        _READ_FOR.reset(token)


def deployment_texts() -> tuple[tuple[str, str], ...]:
    """The names of the stack and the project being read for (see :func:`reading_for`), each with its path; none
    outside such a block (a test, or a caller that decides a use case on its own)."""
    return _READ_FOR.get()
