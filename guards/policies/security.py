"""Turn the security checks (data, in :mod:`.checks`) into CrossGuard policies."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pulumi_policy import (
    EnforcementLevel,
    PolicyConfigSchema,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)

from .checks import (
    DEPLOYMENT_CHECKS,
    SECURITY_CHECKS,
    Account,
    AccountInputs,
    Deployment,
    DeploymentCheck,
    Level,
    Scope,
    SecurityCheck,
    account_inputs,
)
from .props import (
    DEPLOYMENT_TYPE,
    DIAGNOSTIC_SETTING_TARGETS,
    GROUP_TYPE,
    LOCK_AT_GROUP,
    LOCK_AT_RESOURCE,
    LOCK_AT_SUBSCRIPTION,
    LOCK_LEVEL_INPUTS,
    RAI_POLICY_TYPE,
    lookup,
    text,
)

_LEVELS = {Level.MANDATORY: EnforcementLevel.MANDATORY, Level.ADVISORY: EnforcementLevel.ADVISORY}


def violation_text(check: SecurityCheck, account: str, problem: str, inputs: AccountInputs) -> str:
    return f"Account `{account}`: {problem}. Fix: {check.fix_for(inputs)}"


def _resource_validation(check: SecurityCheck) -> Callable[[ResourceValidationArgs, ReportViolation], None]:
    def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
        inputs = account_inputs(args.resource_type)
        if inputs is None:
            return
        problem = check.check(Account(name=args.name, props=args.props, inputs=inputs), args.get_config())
        if problem:
            report(violation_text(check, args.name, problem, inputs), None)

    return validate


def _targets(setting: PolicyResource, account: PolicyResource, inputs: AccountInputs) -> bool:
    """Whether ``setting`` is a diagnostic setting of ``account``.

    In a preview the account's id is unknown, so the setting's target id
    is too; the dependency the engine records for it still names the account.
    """
    target = DIAGNOSTIC_SETTING_TARGETS[setting.resource_type]
    uri_deps = setting.property_dependencies.get(target, [])
    if any(dep.urn == account.urn for dep in (*setting.dependencies, *uri_deps)):
        return True
    if setting.parent is not None and setting.parent.urn == account.urn:
        return True
    uri = text(lookup(setting.props, target))
    name = text(lookup(account.props, inputs.name))
    return isinstance(uri, str) and isinstance(name, str) and uri.lower().endswith(f"/accounts/{name.lower()}")


def _same(left: object, right: object) -> bool:
    return isinstance(left, str) and isinstance(right, str) and left.lower() == right.lower()


def _group_of(account: PolicyResource) -> str | None:
    """The account's resource group name; in a preview, read from the group resource it depends on."""
    group = text(lookup(account.props, "resourceGroupName"))
    if isinstance(group, str):
        return group
    for dep in account.dependencies:
        if dep.resource_type == GROUP_TYPE:
            name = text(lookup(dep.props, "resourceGroupName"))
            if isinstance(name, str):
                return name
    return None


def _locks(lock: PolicyResource, account: PolicyResource, inputs: AccountInputs) -> bool:
    """Whether ``lock`` covers ``account``: a lock on it, on its resource group or on its subscription."""
    kind = lock.resource_type
    if kind == LOCK_AT_SUBSCRIPTION:
        return True
    group = _group_of(account)
    if kind == LOCK_AT_GROUP:
        return _same(text(lookup(lock.props, "resourceGroupName")), group)
    if kind == LOCK_AT_RESOURCE:
        return (
            _same(text(lookup(lock.props, "resourceName")), text(lookup(account.props, inputs.name)))
            and _same(text(lookup(lock.props, "resourceType")), "accounts")
            and _same(text(lookup(lock.props, "resourceProviderNamespace")), "Microsoft.CognitiveServices")
            and _same(text(lookup(lock.props, "resourceGroupName")), group)
        )
    # By scope (the classic provider's lock too): a preview leaves the account's id unknown, but the lock's
    # dependency on it still names it.
    scope_deps = lock.property_dependencies.get("scope", [])
    if any(dep.urn == account.urn for dep in scope_deps):
        return True
    scope = text(lookup(lock.props, "scope"))
    if not isinstance(scope, str) or not scope.lower().startswith("/subscriptions/"):
        # Not yet an id: the lock's dependency on the account is what says where it goes.
        return any(dep.urn == account.urn for dep in lock.dependencies)
    parts = scope.strip("/").split("/")
    if len(parts) == 2 and parts[0].lower() == "subscriptions":
        return True
    if len(parts) == 4 and parts[2].lower() == "resourcegroups":
        return _same(parts[3], group)
    name = text(lookup(account.props, inputs.name))
    return isinstance(name, str) and scope.lower().endswith(f"/microsoft.cognitiveservices/accounts/{name.lower()}")


def _stack_validation(check: SecurityCheck) -> Callable[[StackValidationArgs, ReportViolation], None]:
    def validate(args: StackValidationArgs, report: ReportViolation) -> None:
        settings = [r for r in args.resources if r.resource_type in DIAGNOSTIC_SETTING_TARGETS]
        locks = [r for r in args.resources if r.resource_type in LOCK_LEVEL_INPUTS]
        for resource in args.resources:
            inputs = account_inputs(resource.resource_type)
            if inputs is None:
                continue
            linked = tuple(s.props for s in settings if _targets(s, resource, inputs))
            levels = tuple(
                lookup(lock.props, LOCK_LEVEL_INPUTS[lock.resource_type])
                for lock in locks
                if _locks(lock, resource, inputs)
            )
            account = Account(
                name=resource.name, props=resource.props, diagnostic_settings=linked, lock_levels=levels, inputs=inputs
            )
            problem = check.check(account, args.get_config())
            if problem:
                report(violation_text(check, resource.name, problem, inputs), resource.urn)

    return validate


def _schema(options: Mapping[str, Mapping[str, Any]]) -> PolicyConfigSchema | None:
    return PolicyConfigSchema(properties={k: dict(v) for k, v in options.items()}) if options else None


def security_policy(check: SecurityCheck) -> ResourceValidationPolicy | StackValidationPolicy:
    """One check as a policy, named by its id, at its default enforcement level."""
    if check.scope == Scope.STACK:
        return StackValidationPolicy(
            name=check.id,
            description=check.description,
            validate=_stack_validation(check),
            enforcement_level=_LEVELS[check.level],
            config_schema=_schema(check.options),
            remediation_steps=check.remediation,
        )
    return ResourceValidationPolicy(
        name=check.id,
        description=check.description,
        validate=_resource_validation(check),
        enforcement_level=_LEVELS[check.level],
        config_schema=_schema(check.options),
        remediation_steps=check.remediation,
    )


def deployment_text(check: DeploymentCheck, deployment: Deployment | None, problem: str) -> str:
    subject = f"Deployment `{deployment.name}`" if deployment else "The stack"
    return f"{subject}: {problem}. Fix: {check.fix}"


def _deployments(args: StackValidationArgs) -> list[Deployment]:
    policies: dict[str, list[Any]] = {}
    for resource in args.resources:
        if RAI_POLICY_TYPE.fullmatch(resource.resource_type):
            name = text(lookup(resource.props, "raiPolicyName"))
            if isinstance(name, str):
                policies.setdefault(name.lower(), []).append(resource.props)
    frozen = {name: tuple(found) for name, found in policies.items()}
    return [
        Deployment(name=r.name, urn=r.urn, props=r.props, policies=frozen)
        for r in args.resources
        if DEPLOYMENT_TYPE.fullmatch(r.resource_type)
    ]


def deployment_policy(check: DeploymentCheck) -> StackValidationPolicy:
    """One deployment check as a stack policy (it needs the stack's content-filter policies), named by its id."""

    def validate(args: StackValidationArgs, report: ReportViolation) -> None:
        for deployment, problem in check.check(_deployments(args), args.get_config()):
            report(deployment_text(check, deployment, problem), deployment.urn if deployment else None)

    return StackValidationPolicy(
        name=check.id,
        description=check.description,
        validate=validate,
        enforcement_level=_LEVELS[check.level],
        config_schema=_schema(check.options),
        remediation_steps=check.fix,
    )


def security_policies() -> list[ResourceValidationPolicy | StackValidationPolicy]:
    return [
        *(security_policy(check) for check in SECURITY_CHECKS),
        *(deployment_policy(check) for check in DEPLOYMENT_CHECKS),
    ]
