"""What both components output, declared once: the types, the attributes and their registered names.

:class:`ServiceOutputs` is the base of both components, so each output is
written once with its description; the package's analyzer
(:class:`azure_openai_guarded.provider.InheritedDocstringAnalyzer`) reads the
descriptions of inherited attributes, so both components' schemas document
every output. :func:`registered_outputs` registers exactly these attributes,
and the program exports them.

No ``from __future__ import annotations`` here: Pulumi's component provider
host reads the annotations at run time.
"""

import inspect
from typing import Any, TypedDict

import pulumi
from pulumi.provider.experimental.util import camel_case


class FindingOutput(TypedDict):
    """One rule that fired, as the checker's report gives it."""

    rule: str
    """The rule's id."""
    severity: str
    """``deny`` or ``warn``."""
    title: str
    """The rule's title."""
    message: str
    """What was found and what to change."""
    source: str
    """Where the rule's clause comes from."""
    clause: str | None
    """The clause's wording, quoted; empty for the guard's own rules."""
    paths: list[str]
    """The declaration's paths the finding points at, most specific first."""


class VerdictOutput(TypedDict):
    """The guard's decision, as a component output: the verdict as the checker's report serialises it."""

    allowed: bool
    """Whether the declaration is allowed (always true on a created component)."""
    verdict: str
    """``allowed`` or ``allowed-with-warnings``."""
    profile: str
    """The rule set applied."""
    ruleset_version: str
    """The version of the rules."""
    terms_version: str
    """The edition of the terms the rules encode."""
    findings: list[FindingOutput]
    """The warnings, if any."""


class ProjectOutput(TypedDict):
    """A Foundry project, as a component output."""

    name: str
    """The project's name."""
    endpoint: str
    """The Foundry SDK's endpoint for the project, ``https://<account>.services.ai.azure.com/api/projects/<name>``."""
    use_case: str
    """The use case that governs the project: its own, or the component's."""
    verdict: str
    """The guard's verdict on that use case (``allowed`` or ``allowed-with-warnings``)."""


class ServiceOutputs(pulumi.ComponentResource):
    """The outputs of :class:`~.openai_service.AzureOpenAIService` and
    :class:`~.government.AzureGovernmentOpenAIService`."""

    endpoint: pulumi.Output[str]
    """The data-plane endpoint, ``https://<account name>.openai.azure.com/`` (``.openai.azure.us`` in Azure
    Government)."""
    foundry_endpoint: pulumi.Output[str] | None
    """The Foundry endpoint, ``https://<account name>.services.ai.azure.com/`` (``.services.ai.azure.us`` in Azure
    Government); only for kind ``AIServices``."""
    projects: pulumi.Output[list[ProjectOutput]] | None
    """Each Foundry project's name, endpoint (``.../api/projects/<name>``), use case and verdict; only for kind
    ``AIServices``."""
    account_id: pulumi.Output[str]
    """The account's resource id."""
    account_name: pulumi.Output[str]
    """The account's name, which is also its custom subdomain."""
    resource_group_name: pulumi.Output[str]
    """The resource group the resources are in."""
    deployment_names: pulumi.Output[list[str]]
    """The deployments' names, in creation order."""
    principal_id: pulumi.Output[str]
    """The object id of the account's system-assigned identity (empty when it has none)."""
    verdict: pulumi.Output[VerdictOutput]
    """The guard's decision for the use case (with Government context in Azure Government)."""
    primary_key: pulumi.Output[str] | None
    """The first API key, a secret; only with ``export_keys``."""
    secondary_key: pulumi.Output[str] | None
    """The second API key, a secret; only with ``export_keys``."""


OUTPUTS: tuple[str, ...] = tuple(inspect.get_annotations(ServiceOutputs))
"""The outputs' attribute names, in declaration order."""


def registered_outputs(service: ServiceOutputs) -> dict[str, Any]:
    """``service``'s outputs under their schema names, those that are ``None`` (not provisioned) left out.

    Both components register these, and the program exports them, so an output declared on
    :class:`ServiceOutputs` reaches all three.
    """
    values = {camel_case(name): getattr(service, name) for name in OUTPUTS}
    return {name: value for name, value in values.items() if value is not None}
