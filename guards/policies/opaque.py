"""Resources that create a Cognitive Services or Machine Learning resource the pack cannot read.

A program can make a Face or OpenAI account without azure-native's ``cognitiveservices:Account``: through the
generic ``resources:Resource`` (provider namespace and type as strings), an ARM template deployment (azure-native's
``resources:Deployment*`` and deployment stacks, the classic provider's ``*TemplateDeployment``), or the azapi
provider's resources (an ARM type and a JSON body). Their kind, names and settings sit in free-form inputs, or in a
template the pack may not even see (a template link, a template spec), so no use-case or security policy can judge
what they create. The pack fails them closed: each is refused whatever the stack declares, with the fix named.
Which resources those are is decided in :mod:`guards.raw_resources`, which the checker reads a YAML program's
resources with too; here the engine's inputs are read for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import raw_resources
from ..raw_resources import Pending, opaque_text
from .components import _plain
from .props import UNKNOWN, lookup

__all__ = ["opaque_reason", "opaque_text"]


def _reader(props: Mapping[str, Any]) -> raw_resources.Read:
    """The engine's inputs as :mod:`guards.raw_resources` reads them: plain values, a :class:`Pending` at the first
    value not computed before deployment."""

    def read(key: str) -> Any:
        value = lookup(props, key)
        if value is UNKNOWN:
            return Pending(key)
        unknown: list[str] = []
        plain = _plain(value, key, unknown)
        return Pending(unknown[0]) if unknown else plain

    return read


def opaque_reason(resource_type: str, props: Mapping[str, Any]) -> str | None:
    """Why a resource of ``resource_type`` creates (or may create) a Cognitive Services or Machine Learning resource
    the pack cannot read; ``None`` when it does not (see :func:`guards.raw_resources.opaque_reason`)."""
    return raw_resources.opaque_reason(resource_type, _reader(props))
