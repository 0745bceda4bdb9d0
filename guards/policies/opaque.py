"""Resources that create a Cognitive Services or Machine Learning resource the pack cannot read.

A program can make a Face or OpenAI account without azure-native's ``cognitiveservices:Account``: through the
generic ``resources:Resource`` (provider namespace and type as strings), an ARM template deployment (azure-native's
``resources:Deployment*`` and deployment stacks, the classic provider's ``*TemplateDeployment``), or the azapi
provider's resources (an ARM type and a JSON body). Their kind, names and settings sit in free-form inputs, or in a
template the pack may not even see (a template link, a template spec), so no use-case or security policy can judge
what they create. The pack fails them closed: each is refused whatever the stack declares, with the fix named.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, Final

from .components import _plain
from .props import UNKNOWN, lookup, text

PROVIDER_NAMESPACES: Final = ("microsoft.cognitiveservices", "microsoft.machinelearningservices")
"""The Azure resource providers of accounts that reach Azure OpenAI or Face (Cognitive Services) and of Foundry
hubs and hub-based projects (Machine Learning workspaces), as Azure compares them: without letter case."""

GENERIC_TYPE: Final = re.compile(r"^azure-native:resources(?:/v[0-9a-z]+)?:Resource$")
"""azure-native's generic resource: any ARM type, named by ``resourceProviderNamespace`` and ``resourceType``."""

NATIVE_TEMPLATE_TYPE: Final = re.compile(
    r"^azure-native:resources(?:/v[0-9a-z]+)?:(?:Deployment|DeploymentAt\w+|DeploymentStackAt\w+)$"
)
"""azure-native's ARM template deployments at every scope, and deployment stacks (which deploy a template too)."""

NATIVE_TEMPLATE_INPUTS: Final = ("properties.template", "template")
NATIVE_LINK_INPUTS: Final = ("properties.templateLink", "templateLink", "properties.parametersLink")

CLASSIC_TEMPLATE_TYPE: Final = re.compile(
    r"^azure:(?:core/(?:resourceGroup|subscription|tenant)?[tT]emplateDeployment|"
    r"management/groupTemplateDeployment):\w+$"
)
"""The classic pulumi-azure provider's template deployments: at a resource group, a subscription, a tenant or a
management group, and the deprecated ``core/templateDeployment``."""

CLASSIC_TEMPLATE_INPUTS: Final = ("templateContent", "templateBody")
CLASSIC_LINK_INPUTS: Final = ("templateSpecVersionId",)

AZAPI_TYPE: Final = re.compile(r"^azapi:index(?:/\w+)?:(?:Resource|UpdateResource|DataPlaneResource)$")
"""The azapi provider's resources, whose ``type`` is an ARM type with its API version (``...@2024-10-01``)."""


def _names_provider(value: str) -> bool:
    folded = value.strip().casefold()
    return any(folded == ns or folded.startswith(f"{ns}/") for ns in PROVIDER_NAMESPACES)


def _template_reason(inputs: tuple[str, ...], links: tuple[str, ...], props: Mapping[str, Any]) -> str | None:
    for link in links:
        if lookup(props, link) is not None:
            return f"its template is given by `{link}`, which the pack cannot read"
    written = [(key, lookup(props, key)) for key in inputs if lookup(props, key) is not None]
    if not written:
        return None
    for key, template in written:
        unknown: list[str] = []
        plain = _plain(template, key, unknown) if template is not UNKNOWN else None
        if template is UNKNOWN or unknown:
            return f"its template (`{unknown[0] if unknown else key}`) is unknown until deployment"
        body = plain if isinstance(plain, str) else json.dumps(plain, default=str)
        folded = body.casefold()
        found = next((ns for ns in PROVIDER_NAMESPACES if ns in folded), None)
        if found is not None:
            return f"its template (`{key}`) names the {_display(found)} resource provider"
        if "templatelink" in folded or "templatespec" in folded:
            return f"its template (`{key}`) deploys a linked template, which the pack cannot read"
        if _expression_type(_parsed(plain)):
            return f"its template (`{key}`) gives a resource's type as an expression, which the pack cannot read"
    return None


def _parsed(template: Any) -> Any:
    """A template given as JSON text, parsed; anything else as it is."""
    if isinstance(template, str):
        try:
            return json.loads(template)
        except ValueError:
            return template
    return template


def _expression_type(node: Any) -> bool:
    """Whether a template (at any depth) gives some resource's ``type`` as an ARM expression (``[...]``)."""
    if isinstance(node, Mapping):
        kind = node.get("type")
        if isinstance(kind, str) and kind.strip().startswith("["):
            return True
        return any(_expression_type(value) for value in node.values())
    if isinstance(node, list):
        return any(_expression_type(value) for value in node)
    return False


def _display(namespace: str) -> str:
    return "Microsoft.CognitiveServices" if "cognitive" in namespace else "Microsoft.MachineLearningServices"


def _provider_input(props: Mapping[str, Any], key: str) -> str | None:
    """Why the input ``key`` (a provider namespace, an ARM type) makes the resource one of those providers', or
    ``None``."""
    value = text(lookup(props, key))
    if value is UNKNOWN:
        return f"its `{key}` is unknown until deployment"
    if isinstance(value, str) and _names_provider(value):
        return f"its `{key}` is {value!r}"
    return None


def opaque_reason(resource_type: str, props: Mapping[str, Any]) -> str | None:
    """Why a resource of ``resource_type`` creates (or may create) a Cognitive Services or Machine Learning resource
    the pack cannot read; ``None`` when it does not. A value unknown until deployment may name either provider, so
    it counts as one that does (fail closed)."""
    if GENERIC_TYPE.fullmatch(resource_type):
        return _provider_input(props, "resourceProviderNamespace")
    if AZAPI_TYPE.fullmatch(resource_type):
        return _provider_input(props, "type")
    if NATIVE_TEMPLATE_TYPE.fullmatch(resource_type):
        return _template_reason(NATIVE_TEMPLATE_INPUTS, NATIVE_LINK_INPUTS, props)
    if CLASSIC_TEMPLATE_TYPE.fullmatch(resource_type):
        return _template_reason(CLASSIC_TEMPLATE_INPUTS, CLASSIC_LINK_INPUTS, props)
    return None


def opaque_text(resource_type: str, name: str, reason: str) -> str:
    """The violation for an opaque resource: what it is, why the pack cannot judge it, and what to use instead."""
    return (
        f"{resource_type.rsplit(':', 1)[-1]} `{name}` ({resource_type}) creates, or may create, a Cognitive Services "
        f"or Machine Learning resource (an account that can reach Azure OpenAI or Face, a Foundry hub or project, "
        f"or a part of one): {reason}. The pack cannot read the kind, names, use case or settings of what it "
        "creates, so nothing is proven allowed for it, whatever the stack declares. Create the account as "
        "azure-native `cognitiveservices:Account` (its projects and deployments as `cognitiveservices:Project` and "
        "`cognitiveservices:Deployment`), best through AzureOpenAIService or AzureGovernmentOpenAIService, which "
        "declare its use case."
    )
