"""The stack and the project a declaration is read for, whose names the tripwire reads with its purpose.

A stack named ``nypd-bodycam-live`` or a project named ``nypd-bodycam-faceid`` says what it is for as much as an
account's name does (review R22), and every entry point knows both names: the checker from the stack file's name
and its project file's ``name``, the program and the components from Pulumi's settings (``pulumi.get_stack()``,
``pulumi.get_project()``, which a component provider's construct call sets from the engine's request), the policy
pack from the engine's ``ConfigureStack`` call or a resource's URN (``urn:pulumi:<stack>::<project>::...``).

The stack's config says what it is for beside its declarations too (``myapp:customer: NYPD``, review R28 c11), and
every entry point is given all of it: each hands it to :func:`reading_for` as it was given it, which reads its texts
with :func:`~.config_texts.config_texts`, the one reading of them.

Each entry point says which deployment it reads for once, at its edge, with :func:`reading_for`; the engine adds
the names and the config's texts wherever it decides a use case (:func:`deployment_texts`), so no reader in between
can leave them out.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Final

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
def reading_for(
    stack: str | None,
    project: str | None,
    config: Mapping[str, Any] | None = None,
    secret_keys: frozenset[str] = frozenset(),
) -> Iterator[None]:
    """Read every declaration decided in this block as one of ``stack`` in ``project`` (either may be unknown),
    whose ``config`` (keys in full, as the entry point was given it; ``secret_keys``, the ones the engine marked
    secret) says what it is for beside its declarations."""
    # Imported here: the config's reader knows the components' declaring keys, whose module imports the engine,
    # which imports this module.
    from .config_texts import config_texts

    named = tuple((path, name) for path, name in ((STACK_NAME, stack), (PROJECT_NAME, project)) if name)
    token = _READ_FOR.set((*named, *config_texts(config or {}, secret_keys)))
    try:
        yield
    finally:
        _READ_FOR.reset(token)


def deployment_texts() -> tuple[tuple[str, str], ...]:
    """The names of the stack and the project being read for (see :func:`reading_for`), and its config's texts,
    each with its path; none outside such a block (a test, or a caller that decides a use case on its own)."""
    return _READ_FOR.get()
