"""Run the pack's policies over recorded registrations, without the Pulumi CLI.

The offline plan runs the program under Pulumi's mock engine and records each
registration (type, camelCase inputs, parent, dependencies, provider). This
module hands those to the policies in the shapes the engine uses:
``ResourceValidationArgs`` for each resource, ``StackValidationArgs`` for the
stack, and the default azure-native provider built from the ``azure-native:*``
config as the engine builds it. The stack's config, project and stack name reach
the policies as they do under the engine: in a ``ConfigureStack`` request to the
pack's own analyzer service, which the policies read it from. So a pull request
from a fork, which gets no cloud credentials, still sees the pack's verdicts, and
the mock cannot read the config by a route the engine does not take.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Protocol

from pulumi.output import Unknown as SdkUnknown
from pulumi.runtime import proto
from pulumi.runtime.rpc import unwrap_rpc_secret
from pulumi_policy import (
    EnforcementLevel,
    Policy,
    PolicyCustomTimeouts,
    PolicyProviderResource,
    PolicyResource,
    PolicyResourceOptions,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)
from pulumi_policy.proxy import UNKNOWN_STRING_VALUE, unknown_checking_proxy

from azure_openai_guarded.guards import PROJECT
from azure_openai_guarded.guards.policies.analyzer import StackConfiguredAnalyzer
from azure_openai_guarded.guards.policies.pack import PACK_DESCRIPTION, PACK_NAME, all_policies
from azure_openai_guarded.guards.policies.providers import AZURE_PROVIDERS
from azure_openai_guarded.guards.policies.stack_context import configure_stack, reading_for_the_stack

from .config import engine_config

DEFAULT_PROVIDER_NAME: Final = "default"


class Registration(Protocol):
    """One recorded registration (``mockengine.program.Registered`` has this shape)."""

    @property
    def urn(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def inputs(self) -> Mapping[str, Any]: ...
    @property
    def parent(self) -> str: ...
    @property
    def dependencies(self) -> Sequence[str]: ...
    @property
    def provider(self) -> str: ...


@dataclass(frozen=True)
class Violation:
    """One policy violation, as the engine would print it."""

    policy: str
    """The policy's name."""
    enforcement: EnforcementLevel
    """The policy's level after ``--policy-pack-config``."""
    message: str
    """The policy's description, then what is wrong and what to change."""
    urn: str
    """The resource in violation; empty for the stack as a whole."""

    @property
    def mandatory(self) -> bool:
        return self.enforcement is EnforcementLevel.MANDATORY


def _engine_value(value: Any) -> Any:
    # The engine sends a not-yet-computed value as a sentinel, and secrets as their plaintext.
    value = unwrap_rpc_secret(value)
    if isinstance(value, SdkUnknown):
        return UNKNOWN_STRING_VALUE
    if isinstance(value, Mapping):
        return {str(k): _engine_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_engine_value(v) for v in value]
    return value


def engine_props(inputs: Mapping[str, Any]) -> Mapping[str, Any]:
    """``inputs`` as a policy sees them: plain values behind pulumi_policy's unknown-checking proxy."""
    proxied: Mapping[str, Any] = unknown_checking_proxy(_engine_value(inputs))
    return proxied


def _options(parent: str) -> PolicyResourceOptions:
    return PolicyResourceOptions(
        protect=False,
        ignore_changes=[],
        delete_before_replace=None,
        aliases=[],
        custom_timeouts=PolicyCustomTimeouts(0, 0, 0),
        additional_secret_outputs=[],
        parent=parent or None,
    )


def default_provider(
    config: Mapping[str, Any], stack_urn_prefix: str, package: str = "azure-native"
) -> PolicyProviderResource:
    """The default provider of ``package`` (azure-native, or the classic ``azure``): its inputs are the stack's
    ``<package>:*`` config."""
    props = {key.split(":", 1)[1]: value for key, value in config.items() if key.startswith(f"{package}:")}
    provider_type = f"pulumi:providers:{package}"
    urn = f"{stack_urn_prefix}::{provider_type}::{DEFAULT_PROVIDER_NAME}"
    return PolicyProviderResource(provider_type, engine_props(props), urn, DEFAULT_PROVIDER_NAME)


def _urn_prefix(urn: str) -> str:
    # urn:pulumi:<stack>::<project>::<type>::<name>
    return "::".join(urn.split("::")[:2])


def _enforcement(policy: Policy, config: Mapping[str, Any]) -> EnforcementLevel:
    level = config.get("enforcementLevel")
    if isinstance(level, str):
        return EnforcementLevel(level)
    # The pack's own default, as the engine applies it to a policy that sets no level.
    return policy.enforcement_level or EnforcementLevel.MANDATORY


def _reporter(
    violations: list[Violation], policy: Policy, level: EnforcementLevel, resource_urn: str | None = None
) -> ReportViolation:
    def report(message: str, urn: str | None = None) -> None:
        # pulumi_policy prefixes every message with the policy's description; so does this.
        violations.append(Violation(policy.name, level, f"{policy.description}\n{message}", resource_urn or urn or ""))

    return report


def configure_request(
    config: Mapping[str, Any], project: str, stack: str, secret_keys: Sequence[str] = ()
) -> proto.AnalyzerStackConfigureRequest:
    """The engine's ``ConfigureStack`` request for a preview of ``stack`` of ``project`` with ``config``, the values
    of ``secret_keys`` decrypted."""
    return proto.AnalyzerStackConfigureRequest(
        project=project,
        stack=stack,
        organization="organization",
        dry_run=True,
        config=engine_config(config),
        config_secret_keys=list(secret_keys),
    )


def analyze(
    registrations: Sequence[Registration],
    config: Mapping[str, Any],
    policy_config: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    project: str | None = None,
    secret_keys: Sequence[str] = (),
) -> list[Violation]:
    """Every violation the pack reports for a stack with ``config`` that registers ``registrations``; the values of
    ``secret_keys`` are secrets, handed decrypted as the engine hands them.

    ``config`` has full keys and string values, as in a stack file read by the
    engine; ``policy_config`` is what ``--policy-pack-config`` would pass. The
    project (and stack) are those the registrations' URNs name, as the engine
    names them in ``ConfigureStack``; ``project`` when nothing was registered.
    """
    prefix = _urn_prefix(registrations[0].urn) if registrations else f"urn:pulumi:stack::{project or PROJECT}"
    stack_name, project_name = prefix.removeprefix("urn:pulumi:").split("::")
    policies = all_policies()
    analyzer = StackConfiguredAnalyzer(
        PACK_NAME, "0.0.1", policies, EnforcementLevel.MANDATORY, description=PACK_DESCRIPTION
    )
    analyzer.ConfigureStack(configure_request(config, project_name, stack_name, secret_keys), None)
    try:
        # As the analyzer service runs every policy (guards/policies/analyzer.py).
        with reading_for_the_stack(prefix):
            return _analyze(registrations, config, policies, policy_config or {}, prefix)
    finally:
        # What this analysis was told is not the next one's (a new analyzer service forgets it too).
        configure_stack(None)


def _analyze(
    registrations: Sequence[Registration],
    config: Mapping[str, Any],
    policies: Sequence[Policy],
    policy_config: Mapping[str, Mapping[str, Any]],
    prefix: str,
) -> list[Violation]:
    by_urn = {r.urn: r for r in registrations}
    defaults = {package: default_provider(config, prefix, package) for package in AZURE_PROVIDERS.values()}
    used: dict[str, PolicyProviderResource] = {}

    def provider_of(registration: Registration) -> PolicyProviderResource | None:
        package = registration.type.split(":", 1)[0]
        if package not in defaults:
            return None
        urn = registration.provider.split("::")[:-1] if registration.provider else []
        explicit = by_urn.get("::".join(urn))
        if explicit is None:
            # The engine registers a default provider, as a resource of the stack, once a resource uses it.
            used[package] = defaults[package]
            return defaults[package]
        return PolicyProviderResource(explicit.type, engine_props(explicit.inputs), explicit.urn, explicit.name)

    # As the engine does, each resource's inputs and provider are converted once and shown to every policy.
    resources = {
        r.urn: PolicyResource(
            r.type, engine_props(r.inputs), r.urn, r.name, _options(r.parent), provider_of(r), None, [], {}
        )
        for r in registrations
    }
    for r in registrations:
        resource = resources[r.urn]
        resource.parent = resources.get(r.parent)
        resource.dependencies = [resources[d] for d in r.dependencies if d in resources]
    for provider in used.values():
        resources[provider.urn] = PolicyResource(
            provider.resource_type, provider.props, provider.urn, provider.name, _options(""), None, None, [], {}
        )

    # As the engine does, every resource is analysed (as it is registered) before the stack is; the violations are
    # then listed in the pack's order of policies.
    found: dict[str, list[Violation]] = {policy.name: [] for policy in policies}
    in_engine_order = sorted(policies, key=lambda policy: isinstance(policy, StackValidationPolicy))
    for policy in in_engine_order:
        violations = found[policy.name]
        options = policy_config.get(policy.name, {})
        level = _enforcement(policy, options)
        if level is EnforcementLevel.DISABLED:
            continue
        settings = {k: v for k, v in options.items() if k != "enforcementLevel"}

        if isinstance(policy, ResourceValidationPolicy):
            for resource in resources.values():
                args = ResourceValidationArgs(
                    resource.resource_type,
                    resource.props,
                    resource.urn,
                    resource.name,
                    resource.opts,
                    resource.provider,
                    settings,
                )
                # As in the engine, a resource policy's violation always names the resource it validated.
                policy.validate(args, _reporter(violations, policy, level, resource.urn))
        elif isinstance(policy, StackValidationPolicy):
            policy.validate(
                StackValidationArgs(list(resources.values()), settings), _reporter(violations, policy, level)
            )
    return [violation for policy in policies for violation in found[policy.name]]
