"""What a resource the components did not create may be, read alike by the pack and by the checker.

The pack reads a resource from the inputs the engine hands it, the checker from the properties a Pulumi YAML
program writes: each passes a reader of the inputs by dotted path (``resourceProviderNamespace``,
``properties.template``) that gives plain values, ``None`` for an input that is absent, and a :class:`Pending` for
one known only at deployment (a computed output to the pack, an interpolation to the checker). What is decided from
them is here once, so that both refuse the same resources:

* a generic resource, an ARM template deployment or an azapi resource that creates (or may create) a Cognitive
  Services or Machine Learning resource, whose kind, names and settings nothing can read, and a deployment script,
  which can create anything (:func:`opaque_reason`);
* an account that is, or may be, an Azure AI Face account in a stack that may be by or for US law enforcement
  (:func:`face_account_reason`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from .models import Cloud, UseCase
from .projects import us_law_enforcement_evidence, us_law_enforcement_undeclared
from .terms import FACE_LIMITED_ACCESS


@dataclass(frozen=True)
class Pending:
    """An input (or a part of one, at ``path``) known only at deployment."""

    path: str


Read = Callable[[str], Any]
"""A resource's input at a dotted camelCase path: plain data, ``None`` when absent, a :class:`Pending` when it (or
a part of it) is known only at deployment."""

PROVIDER_NAMESPACES: Final = ("microsoft.cognitiveservices", "microsoft.machinelearningservices")
"""The Azure resource providers of accounts that reach Azure OpenAI or Face (Cognitive Services) and of Foundry
hubs and hub-based projects (Machine Learning workspaces), as Azure compares them: without letter case."""

GENERIC_TYPE: Final = re.compile(r"^azure-native:resources(?:/v[0-9a-z]+)?:Resource$")
"""azure-native's generic resource: any ARM type, named by ``resourceProviderNamespace`` and ``resourceType``."""

GENERIC_PROVIDER_INPUT: Final = "resourceProviderNamespace"

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

AZAPI_PROVIDER_INPUT: Final = "type"

DEPLOYMENT_ARM_TYPES: Final = ("microsoft.resources/deployments", "microsoft.resources/deploymentstacks")
"""The ARM types of a template deployment and a deployment stack, as Azure compares types (without letter case):
made as a generic or azapi resource, each deploys the template it carries, which is read as an azure-native
``resources:Deployment``'s is."""

SCRIPT_ARM_TYPE: Final = "microsoft.resources/deploymentscripts"
"""The ARM type of a deployment script, which runs an Azure CLI or PowerShell script with the rights of its
identity: what it creates (a Face account as readily as anything) is in no input a policy can read."""

NATIVE_SCRIPT_TYPE: Final = re.compile(
    r"^azure-native:resources(?:/v[0-9a-z]+)?:(?:AzureCliScript|AzurePowerShellScript|DeploymentScript)$"
)
CLASSIC_SCRIPT_TYPE: Final = re.compile(r"^azure:core/resourceDeploymentScript\w*:\w+$")
COMMAND_TYPE: Final = re.compile(r"^command:(?:local|remote)(?:/command)?:Command$")
"""The command provider's commands, which run a shell command at create or update (``az cognitiveservices account
create ...``)."""
COMMAND_INPUTS: Final = ("create", "update")
_NAMES_AN_ACCOUNT: Final = re.compile(
    r"(?i:cognitive\W?services|machine\W?learning\W?services|\baz\s+ml\b|--kind\s+\S*face)|\bFace\b"
)
"""A command that creates a Cognitive Services or Machine Learning resource: the CLI's group or the provider's
namespace, or the Face service named."""
"""The classic provider's deployment scripts (``azure.core.ResourceDeploymentScriptAzureCli`` and
``ResourceDeploymentScriptPowerShell``)."""

GENERIC_TEMPLATE_INPUTS: Final = ("properties.template",)
GENERIC_LINK_INPUTS: Final = ("properties.templateLink", "properties.parametersLink")
AZAPI_TEMPLATE_INPUTS: Final = ("body.properties.template",)
AZAPI_LINK_INPUTS: Final = ("body.properties.templateLink", "body.properties.parametersLink")


def names_provider(value: str) -> bool:
    """Whether ``value`` (a provider namespace, an ARM type) is one of :data:`PROVIDER_NAMESPACES`' or in one."""
    folded = value.strip().casefold()
    return any(folded == ns or folded.startswith(f"{ns}/") for ns in PROVIDER_NAMESPACES)


def _provider_input(read: Read, key: str) -> str | None:
    value = read(key)
    if isinstance(value, Pending):
        return f"its `{key}` is unknown until deployment"
    if isinstance(value, str) and names_provider(value):
        return f"its `{key}` is {value!r}"
    return None


def _display(namespace: str) -> str:
    return "Microsoft.CognitiveServices" if "cognitive" in namespace else "Microsoft.MachineLearningServices"


def _json(text: str) -> Any:
    """``text`` parsed as JSON; ``None`` when it is none (or is no object, list or string)."""
    try:
        parsed = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return parsed if isinstance(parsed, (Mapping, list, str)) else None


def _parsed(template: Any) -> Any:
    """A template given as JSON text (even JSON text in JSON text), parsed; anything else as it is."""
    for _ in range(4):
        if not isinstance(template, str):
            break
        parsed = _json(template)
        if parsed is None:
            break
        template = parsed
    return template


_ESCAPE: Final = re.compile(r"\\u([0-9a-fA-F]{4})|\\(.)", re.DOTALL)


def _unescaped(text: str) -> str:
    """``text`` with JSON's escapes (``\\u0053``, ``\\/``) decoded, as Azure reads a template that is not valid JSON
    to this module's parser (comments, trailing commas) yet is to Azure's."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2), text)


def _texts(node: Any, depth: int = 0) -> list[str]:
    """Every key and value of a template, case-folded as Azure compares types: a text as written, with its JSON
    escapes decoded, and (when it is JSON text) parsed, so that no escape or encoding hides a provider's name."""
    if isinstance(node, Mapping):
        return [t for key, value in node.items() for t in (*_texts(str(key), depth), *_texts(value, depth))]
    if isinstance(node, list):
        return [t for value in node for t in _texts(value, depth)]
    if isinstance(node, str):
        found = [node.casefold(), _unescaped(node).casefold()]
        parsed = _json(node) if depth < 4 else None
        return found + (_texts(parsed, depth + 1) if parsed is not None and parsed != node else [])
    return [] if node is None else [str(node).casefold()]


def _expression_at(node: Any, depth: int = 0) -> str | None:
    """Which key (``type``, or a nested deployment's ``template``) a template gives, at any depth, as an ARM
    expression (``[...]``) that only Azure evaluates; ``None`` when none."""
    if isinstance(node, str):
        parsed = _json(node) if depth < 4 else None
        return None if parsed is None or parsed == node else _expression_at(parsed, depth + 1)
    if isinstance(node, Mapping):
        for key in ("type", "template"):
            value = node.get(key)
            if isinstance(value, str) and value.strip().startswith("["):
                return key
        return next((k for v in node.values() if (k := _expression_at(v, depth)) is not None), None)
    if isinstance(node, list):
        return next((k for v in node if (k := _expression_at(v, depth)) is not None), None)
    return None


def _nested(read: Read, key: str) -> Any:
    """The input at ``key``, also where a part of its path is JSON text (azapi's ``body``, a generic resource's
    ``properties``), which is parsed; a :class:`Pending` when a part of the path is known only at deployment."""
    value = read(key)
    if value is not None:
        return value
    parts = key.split(".")
    for i in range(1, len(parts)):
        prefix = ".".join(parts[:i])
        found = read(prefix)
        if found is None:
            return None
        if isinstance(found, Pending):
            if found.path == prefix:
                return found
            continue
        if isinstance(found, str):
            node: Any = found
            for part in parts[i:]:
                node = _parsed(node)
                node = node.get(part) if isinstance(node, Mapping) else None
            return node
    return None


def _search(key: str, template: Any) -> str | None:
    """Why the template at ``key`` (read: plain data or JSON text) creates, or may create, what no policy reads."""
    texts = _texts(template)
    found = next((ns for ns in PROVIDER_NAMESPACES if any(ns in text for text in texts)), None)
    if found is not None:
        return f"its template (`{key}`) names the {_display(found)} resource provider"
    if any(SCRIPT_ARM_TYPE in text for text in texts):
        return f"its template (`{key}`) runs a deployment script, which can create any resource"
    if any("templatelink" in text or "templatespec" in text for text in texts):
        return f"its template (`{key}`) deploys a linked template, which the pack cannot read"
    expression = _expression_at(_parsed(template))
    if expression == "template":
        return (
            f"its template (`{key}`) gives a nested deployment's template as an expression, which the pack cannot read"
        )
    if expression is not None:
        return f"its template (`{key}`) gives a resource's type as an expression, which the pack cannot read"
    return None


def _template_reason(
    inputs: tuple[str, ...], links: tuple[str, ...], read: Read, *, required: bool = False
) -> str | None:
    """Why a template deployment that reads its template from ``inputs`` (or ``links``) is refused; with
    ``required``, also one that gives its template nowhere the pack reads."""
    for link in links:
        given = _nested(read, link)
        if isinstance(given, Pending):
            return f"its template (`{given.path}`) is unknown until deployment"
        if given is not None:
            return f"its template is given by `{link}`, which the pack cannot read"
    for key in inputs:
        template = _nested(read, key)
        if template is None:
            continue
        if isinstance(template, Pending):
            return f"its template (`{template.path}`) is unknown until deployment"
        return _search(key, template)
    if required:
        return f"it gives no template at `{'` or `'.join(inputs)}`, where the pack reads one"
    return None


def _arm_type_reason(
    arm_type: str, written: str, inputs: tuple[str, ...], links: tuple[str, ...], read: Read
) -> str | None:
    """Why a generic or azapi resource of the ARM type ``arm_type`` (case-folded, without an API version; what it
    is ``written`` as) is refused as a template deployment or a deployment script."""
    if arm_type == SCRIPT_ARM_TYPE or arm_type.startswith(f"{SCRIPT_ARM_TYPE}/"):
        return f"{written}: it runs a deployment script, which can create any resource"
    if arm_type in DEPLOYMENT_ARM_TYPES:
        reason = _template_reason(inputs, links, read, required=True)
        return None if reason is None else f"{written}, a template deployment, and {reason}"
    return None


def _generic_reason(read: Read) -> str | None:
    namespace = read(GENERIC_PROVIDER_INPUT)
    named = _provider_input(read, GENERIC_PROVIDER_INPUT)
    if named is not None or not isinstance(namespace, str) or namespace.strip().casefold() != "microsoft.resources":
        return named
    resource_type = read("resourceType")
    if isinstance(resource_type, Pending):
        return (
            "its `resourceProviderNamespace` is 'Microsoft.Resources' and its `resourceType` is unknown until "
            "deployment, so it may deploy a template or run a deployment script"
        )
    if not isinstance(resource_type, str):
        return None
    arm_type = f"microsoft.resources/{resource_type.strip().strip('/').casefold()}"
    written = f"its `resourceType` is {resource_type!r} of 'Microsoft.Resources'"
    return _arm_type_reason(arm_type, written, GENERIC_TEMPLATE_INPUTS, GENERIC_LINK_INPUTS, read)


def _command_reason(read: Read) -> str | None:
    """A command whose create or update command names Cognitive Services, Machine Learning or Face, or is known
    only at deployment (it may name them): a command may create anything, but most create none of these."""
    for key in COMMAND_INPUTS:
        command = read(key)
        if isinstance(command, Pending):
            return f"its `{key}` command is known only at deployment, so it may create one"
        if isinstance(command, str) and (found := _NAMES_AN_ACCOUNT.search(command)) is not None:
            return f"its `{key}` command names {found.group(0)!r}"
    return None


def _azapi_reason(read: Read) -> str | None:
    named = _provider_input(read, AZAPI_PROVIDER_INPUT)
    value = read(AZAPI_PROVIDER_INPUT)
    if named is not None or not isinstance(value, str):
        return named
    arm_type = value.split("@", 1)[0].strip().casefold()
    written = f"its `{AZAPI_PROVIDER_INPUT}` is {value!r}"
    return _arm_type_reason(arm_type, written, AZAPI_TEMPLATE_INPUTS, AZAPI_LINK_INPUTS, read)


POLICY_TYPE: Final = re.compile(
    r"^azure-native:authorization(?:/v[0-9a-z]+)?:PolicyDefinition(?:AtManagementGroup)?$|"
    r"^azure:(?:policy/definition:Definition|management/groupPolicyDefinition:\w+)$"
)
"""An Azure Policy definition, whose ``deployIfNotExists`` effect deploys a template of its own."""

MANAGED_APPLICATION_TYPE: Final = re.compile(
    r"^azure-native:solutions(?:/v[0-9a-z]+)?:(?:Application|ApplicationDefinition|JitRequest)$|"
    r"^azure:managedapplication/\w+:\w+$"
)
"""A managed application (or its definition), which deploys the template its definition's package holds."""


def _policy_reason(read: Read) -> str | None:
    rule = _nested(read, "policyRule")
    if isinstance(rule, Pending):
        return f"its policy rule (`{rule.path}`) is unknown until deployment, and may deploy a template"
    texts = _texts(rule) if rule is not None else []
    if not any("deployifnotexists" in text for text in texts):
        return None
    found = next((ns for ns in PROVIDER_NAMESPACES if any(ns in text for text in texts)), None)
    if found is not None:
        return (
            f"its policy rule deploys a template (deployIfNotExists) that names the {_display(found)} resource provider"
        )
    if any("templatelink" in text or SCRIPT_ARM_TYPE in text for text in texts):
        return "its policy rule deploys a linked template or a script (deployIfNotExists), which the pack cannot read"
    return None


def opaque_reason(resource_type: str, read: Read) -> str | None:
    """Why a resource of ``resource_type`` creates (or may create) a Cognitive Services or Machine Learning resource
    that no policy can read; ``None`` when it does not. A value known only at deployment may name either provider,
    so it counts as one that does (fail closed); a deployment script may create anything, so it always counts."""
    if GENERIC_TYPE.fullmatch(resource_type):
        return _generic_reason(read)
    if AZAPI_TYPE.fullmatch(resource_type):
        return _azapi_reason(read)
    if NATIVE_TEMPLATE_TYPE.fullmatch(resource_type):
        return _template_reason(NATIVE_TEMPLATE_INPUTS, NATIVE_LINK_INPUTS, read)
    if CLASSIC_TEMPLATE_TYPE.fullmatch(resource_type):
        return _template_reason(CLASSIC_TEMPLATE_INPUTS, CLASSIC_LINK_INPUTS, read)
    if NATIVE_SCRIPT_TYPE.fullmatch(resource_type) or CLASSIC_SCRIPT_TYPE.fullmatch(resource_type):
        return "it runs a deployment script, which can create any resource"
    if POLICY_TYPE.fullmatch(resource_type):
        return _policy_reason(read)
    if COMMAND_TYPE.fullmatch(resource_type):
        return _command_reason(read)
    if MANAGED_APPLICATION_TYPE.fullmatch(resource_type):
        return "it deploys a managed application, whose template (in its definition's package) the pack cannot read"
    return None


def opaque_text(resource_type: str, name: str, reason: str) -> str:
    """What an opaque resource is, why nothing can judge it, and what to use instead."""
    return (
        f"{resource_type.rsplit(':', 1)[-1]} `{name}` ({resource_type}) creates, or may create, a Cognitive Services "
        f"or Machine Learning resource (an account that can reach Azure OpenAI or Face, a Foundry hub or project, "
        f"or a part of one): {reason}. The pack cannot read the kind, names, use case or settings of what it "
        "creates, so nothing is proven allowed for it, whatever the stack declares. Create the account as "
        "azure-native `cognitiveservices:Account` (its projects and deployments as `cognitiveservices:Project` and "
        "`cognitiveservices:Deployment`), best through AzureOpenAIService or AzureGovernmentOpenAIService, which "
        "declare its use case."
    )


ACCOUNT_TYPE: Final = re.compile(r"^azure-native:cognitiveservices(?:/v[0-9a-z]+)?:Account$")
"""The type token of a Cognitive Services (Azure OpenAI, AI Services, Face ...) account, with or without an
explicit API version."""

CLASSIC_ACCOUNT_TYPE: Final = "azure:cognitive/account:Account"
"""The same account through the classic pulumi-azure provider (``azure.cognitive.Account``), whose ``kind`` input
names the kind as azure-native's does: a Face account made with it is as much a Face account."""

CLASSIC_AI_SERVICES_TYPE: Final = "azure:cognitive/aIServices:AIServices"
"""The classic provider's AI Services (Foundry) resource, ``azure.cognitive.AIServices``: an account of kind
AIServices with no ``kind`` input, which the rules read as that kind, as they read the same account from
azure-native."""
CLASSIC_AI_SERVICES_KIND: Final = "aiservices"

HUB_TYPE: Final = re.compile(r"^azure-native:machinelearningservices(?:/v[0-9a-z]+)?:Workspace$")
"""A Machine Learning workspace, which is an Azure AI Foundry hub or hub-based project by its kind (Hub,
Project): it reaches Azure OpenAI and the other AI services through its connections."""

CLASSIC_HUB_TYPES: Final = frozenset(
    {
        "azure:machinelearning/workspace:Workspace",
        "azure:aifoundry/hub:Hub",
        "azure:aifoundry/project:Project",
    }
)
"""The classic provider's Machine Learning workspace (judged by its ``kind`` as azure-native's is) and its AI
Foundry hub and hub-based project, which have no ``kind`` input, so they count as accounts whose kind is not set
(fail closed)."""


def is_account_type(resource_type: str) -> bool:
    """Whether ``resource_type`` is a Cognitive Services account from either Azure provider (azure-native, any API
    version, or classic pulumi-azure, its AI Services resource included), or a Machine Learning workspace (a
    Foundry hub or hub-based project by its kind; the classic provider's AI Foundry hub and project): what the
    use-case rules judge by its kind."""
    return (
        ACCOUNT_TYPE.fullmatch(resource_type) is not None
        or resource_type in (CLASSIC_ACCOUNT_TYPE, CLASSIC_AI_SERVICES_TYPE, *CLASSIC_HUB_TYPES)
        or HUB_TYPE.fullmatch(resource_type) is not None
    )


CLASSIC_DEPLOYMENT_TYPE: Final = "azure:cognitive/deployment:Deployment"
"""The classic provider's model deployment on an account (``azure.cognitive.Deployment``)."""

USES_ACCOUNT_TYPE: Final = re.compile(
    r"^azure-native:cognitiveservices(?:/v[0-9a-z]+)?:"
    r"(?:Project|Deployment|AccountConnection|ProjectConnection|AccountCapabilityHost|ProjectCapabilityHost)$"
)
"""What puts an account's models and tools to use: a Foundry project, a model deployment, and the connections and
capability hosts that attach models or tools to an account or a project."""


def uses_account_type(resource_type: str) -> bool:
    """Whether ``resource_type`` puts a Cognitive Services account's models or tools to use (a Foundry project, a
    model deployment of either provider, a connection or capability host), on an account the stack may not create:
    it needs a declaration as an image-capable account does. The pack and the checker both ask it."""
    return USES_ACCOUNT_TYPE.fullmatch(resource_type) is not None or resource_type == CLASSIC_DEPLOYMENT_TYPE


def account_kind(read: Read, resource_type: str = "") -> str | Pending | None:
    """An account's kind as Azure compares kinds: without surrounding spaces and letter case; ``None`` when it is
    not set (or is no text). The classic AI Services resource (``resource_type``) has no kind input: it is always
    an account of kind AIServices (review R14 F4)."""
    if resource_type == CLASSIC_AI_SERVICES_TYPE:
        return CLASSIC_AI_SERVICES_KIND
    kind = read("kind")
    if isinstance(kind, Pending):
        return kind
    return kind.strip().casefold() if isinstance(kind, str) else None


_PLAIN_KIND: Final = re.compile(r"[a-z][a-z0-9.]*")
"""How every Cognitive Services kind is written (``openai``, ``aiservices``, ``customvision.training``): a kind with
another character (a zero-width space, a Cyrillic letter) may be Face disguised, and is read as Face may be."""


def may_be_face(kind: str | Pending | None) -> bool:
    """Whether an account of ``kind`` (see :func:`account_kind`) is, or may be, Face: Face, unset, pending, or
    written with characters no kind has."""
    return not isinstance(kind, str) or kind == "face" or _PLAIN_KIND.fullmatch(kind) is None


Declared = Sequence[tuple[str, UseCase | None, Sequence[Cloud]]]
"""Each declaration in a stack, with its path and the clouds it was decided for."""


def us_law_enforcement_evidence_in(declared: Declared) -> list[str]:
    """Why one of ``declared`` is by or for US law enforcement, in any cloud it may deploy to; empty if none is."""
    found: list[str] = []
    for path, use_case, clouds in declared:
        for cloud in clouds:
            found += [e for e in us_law_enforcement_evidence([(path, use_case)], cloud) if e not in found]
    return found


def us_law_enforcement_undeclared_in(declared: Declared) -> list[str]:
    """The undeclared paths that leave open whether one of ``declared`` is by or for US law enforcement."""
    found: list[str] = []
    for path, use_case, clouds in declared:
        for cloud in clouds:
            found += [p for p in us_law_enforcement_undeclared([(path, use_case)], cloud) if p not in found]
    return found


def us_law_enforcement_in(declared: Declared) -> tuple[list[str], list[str]]:
    """Why one of ``declared`` is by or for US law enforcement in some cloud it may deploy to, and (when none is)
    the undeclared paths that leave it open, which count as the worst case."""
    found = us_law_enforcement_evidence_in(declared)
    return (found, []) if found else ([], us_law_enforcement_undeclared_in(declared))


def face_account_reason(name: str, kind: str | Pending | None, declared: Declared, namespace: str) -> str | None:
    """Why the account ``name`` of ``kind`` (see :func:`account_kind`; unset or pending may be Face, fail closed)
    is refused as a Face account in a stack with ``declared``; ``None`` when it is not."""
    if not may_be_face(kind):
        return None
    clause = f'"{FACE_LIMITED_ACCESS.wording}" ({FACE_LIMITED_ACCESS.source})'
    if not any(use_case is not None for _, use_case, _ in declared):
        return (
            f"Account `{name}` may be an Azure AI Face account, and the stack declares no valid use case, so nothing "
            f"rules out use by or for US law enforcement: {clause}. Declare `{namespace}:useCase` in the stack file."
        )
    found, undeclared = us_law_enforcement_in(declared)
    if not found and not undeclared:
        return None
    if found:
        evidence = "; ".join(found)
    else:
        verb = "is" if len(undeclared) == 1 else "are"
        evidence = (
            f"{', '.join(undeclared)} {verb} undeclared, so the parties it is built for may be US law enforcement; "
            "declare every organisation the integration is built for, or `[]` if it serves no one but the operator"
        )
    if isinstance(kind, Pending):
        what = "may be (its kind is unknown until deployment)"
    elif isinstance(kind, str) and kind != "face":
        what = f"may be (its kind {kind!r} is written with characters no kind has, as a disguised Face would be)"
    elif kind is None:
        what = "may be (its kind is not set)"
    else:
        what = "is"
    return (
        f"Account `{name}` {what} an Azure AI Face account in a stack that may be by or for US law enforcement "
        f"({evidence}). {clause}. Remove the Face account from this stack: the pack cannot tell from an account "
        "which Face operations will be called, so it denies Face outright for US law enforcement."
    )
