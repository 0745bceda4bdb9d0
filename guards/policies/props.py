"""Read resource inputs as the policy engine passes them: camelCase, some values not yet known.

During ``pulumi preview`` an input computed from another resource's output
(an id, say) is unknown, and pulumi_policy raises on reading it. The guard
fails closed, so a check must see "unknown" as a value it can refuse, not as
an error that the engine would downgrade to an advisory note.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

from pulumi_policy.proxy import UnknownValueError

from ..raw_resources import (
    ACCOUNT_TYPE,
    CLASSIC_AI_SERVICES_KIND,
    CLASSIC_AI_SERVICES_TYPE,
    is_account_type,
    may_be_face,
    uses_account_type,
)


class Unknown:
    """A value the engine will only know after deployment; compare with ``is UNKNOWN``."""

    def __repr__(self) -> str:
        return "<unknown until deployment>"


UNKNOWN: Final = Unknown()

DIAGNOSTIC_SETTING_TARGETS: Final[Mapping[str, str]] = {
    "azure-native:monitor:DiagnosticSetting": "resourceUri",
    # azure-native 1.x and 2.x published it under `insights`.
    "azure-native:insights:DiagnosticSetting": "resourceUri",
    "azure:monitoring/diagnosticSetting:DiagnosticSetting": "targetResourceId",
}
"""Diagnostic settings, by type, with the input that names the resource whose logs they send."""

AZURE_NATIVE_PROVIDER: Final = "pulumi:providers:azure-native"

GROUP_TYPE: Final = "azure-native:resources:ResourceGroup"

LOCK_BY_SCOPE: Final = "azure-native:authorization:ManagementLockByScope"
LOCK_AT_RESOURCE: Final = "azure-native:authorization:ManagementLockAtResourceLevel"
LOCK_AT_GROUP: Final = "azure-native:authorization:ManagementLockAtResourceGroupLevel"
LOCK_AT_SUBSCRIPTION: Final = "azure-native:authorization:ManagementLockAtSubscriptionLevel"
CLASSIC_LOCK: Final = "azure:management/lock:Lock"
"""The classic pulumi-azure provider's lock (``azure.management.Lock``): on any ``scope``, as ``LOCK_BY_SCOPE``."""
LOCK_LEVEL_INPUTS: Final[Mapping[str, str]] = {
    LOCK_BY_SCOPE: "level",
    LOCK_AT_RESOURCE: "level",
    LOCK_AT_GROUP: "level",
    LOCK_AT_SUBSCRIPTION: "level",
    CLASSIC_LOCK: "lockLevel",
}
"""Management locks, at every scope that can cover an account, with the input that gives their level."""

DEPLOYMENT_TYPE: Final = re.compile(r"^azure-native:cognitiveservices(?:/v[0-9a-z]+)?:Deployment$")
RAI_POLICY_TYPE: Final = re.compile(r"^azure-native:cognitiveservices(?:/v[0-9a-z]+)?:RaiPolicy$")
PROJECT_TYPE: Final = re.compile(r"^azure-native:cognitiveservices(?:/v[0-9a-z]+)?:Project$")


def uses_account(resource_type: str) -> bool:
    """Whether ``resource_type`` puts a Cognitive Services account's models or tools to use, on an account the
    stack may not create (see :func:`..raw_resources.uses_account_type`, which the checker calls too)."""
    return uses_account_type(resource_type)


IMAGE_CAPABLE_KINDS: Final = frozenset(
    {
        *("openai", "aiservices", "face", "computervision", "cognitiveservices"),
        *("customvision.prediction", "customvision.training", "hub", "project"),
    }
)
"""Account kinds (as :func:`kind_of` normalises them) that can analyse images or faces: Custom Vision's, and a
Foundry hub's or hub-based project's, whose connected services can."""


def is_native_account(resource_type: str) -> bool:
    """Whether ``resource_type`` is an azure-native Cognitive Services account, an explicit API version included:
    the accounts the security checks read by azure-native's property names."""
    return ACCOUNT_TYPE.fullmatch(resource_type) is not None


def is_account(resource_type: str) -> bool:
    """Whether ``resource_type`` is an account the use-case policies judge by its kind (see
    :func:`..raw_resources.is_account_type`, which the checker calls too)."""
    return is_account_type(resource_type)


def lookup(props: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted camelCase ``path``: ``None`` when absent, :data:`UNKNOWN` when not yet computed."""
    value: Any = props
    for key in path.split("."):
        if not isinstance(value, Mapping):
            return None
        try:
            value = value.get(key)
        except UnknownValueError:
            return UNKNOWN
        if value is None:
            return None
    return value


def length(value: Any) -> int | Unknown | None:
    """The length of a list input, :data:`UNKNOWN` when not computed, ``None`` when absent or not a list."""
    elements = items(value)
    return len(elements) if isinstance(elements, list) else elements


def items(value: Any) -> list[Any] | Unknown | None:
    """A list input's elements (an uncomputed element as :data:`UNKNOWN`); ``None`` when absent or not a list."""
    if isinstance(value, Unknown):
        return value
    if not isinstance(value, Sequence) or isinstance(value, str):
        return None
    elements: list[Any] = []
    for index in range(len(value)):
        try:
            elements.append(value[index])
        except UnknownValueError:
            elements.append(UNKNOWN)
    return elements


def text(value: Any) -> str | Unknown | None:
    """A string input, :data:`UNKNOWN` when not computed, ``None`` when absent or not a string."""
    if value is UNKNOWN or isinstance(value, str):
        return value
    return None


def kind_of(props: Mapping[str, Any], resource_type: str = "") -> str | Unknown | None:
    """The account's kind, normalised as Azure compares kinds: without surrounding spaces and letter case (``"Face "``
    is Face), so a spelling cannot slip an account past a check that reads its kind; the classic AI Services
    resource (``resource_type``), which has no kind input, is of kind AIServices."""
    if resource_type == CLASSIC_AI_SERVICES_TYPE:
        return CLASSIC_AI_SERVICES_KIND
    kind = text(lookup(props, "kind"))
    return kind.strip().casefold() if isinstance(kind, str) else kind


def image_capable(props: Mapping[str, Any]) -> bool:
    """Whether the account can analyse images or faces; an unknown or missing kind, or one written with characters
    no kind has (a disguised Face), counts as able (fail closed)."""
    kind = kind_of(props)
    return not isinstance(kind, str) or kind in IMAGE_CAPABLE_KINDS or may_be_face(kind)


def tags_of(props: Mapping[str, Any]) -> dict[str, str]:
    """The account's tags whose values are known strings; an uncomputed tag counts as absent."""
    tags = lookup(props, "tags")
    if not isinstance(tags, Mapping):
        return {}
    known: dict[str, str] = {}
    for key in tags:
        value = text(lookup(tags, str(key)))
        if isinstance(value, str):
            known[str(key)] = value
    return known
