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

from .checks import SECURITY_CHECKS, Account, Level, Scope, SecurityCheck
from .props import DIAGNOSTIC_SETTING_TYPES, is_account, lookup, text

_LEVELS = {Level.MANDATORY: EnforcementLevel.MANDATORY, Level.ADVISORY: EnforcementLevel.ADVISORY}


def violation_text(check: SecurityCheck, account: str, problem: str) -> str:
    return f"Account `{account}`: {problem}. Fix: {check.fix}"


def _resource_validation(check: SecurityCheck) -> Callable[[ResourceValidationArgs, ReportViolation], None]:
    def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
        if not is_account(args.resource_type):
            return
        problem = check.check(Account(name=args.name, props=args.props), args.get_config())
        if problem:
            report(violation_text(check, args.name, problem), None)

    return validate


def _targets(setting: PolicyResource, account: PolicyResource) -> bool:
    """Whether ``setting`` is a diagnostic setting of ``account``.

    In a preview the account's id is unknown, so the setting's ``resourceUri``
    is too; the dependency the engine records for it still names the account.
    """
    uri_deps = setting.property_dependencies.get("resourceUri", [])
    if any(dep.urn == account.urn for dep in (*setting.dependencies, *uri_deps)):
        return True
    if setting.parent is not None and setting.parent.urn == account.urn:
        return True
    uri = text(lookup(setting.props, "resourceUri"))
    name = text(lookup(account.props, "accountName"))
    return isinstance(uri, str) and isinstance(name, str) and uri.lower().endswith(f"/accounts/{name.lower()}")


def _stack_validation(check: SecurityCheck) -> Callable[[StackValidationArgs, ReportViolation], None]:
    def validate(args: StackValidationArgs, report: ReportViolation) -> None:
        settings = [r for r in args.resources if r.resource_type in DIAGNOSTIC_SETTING_TYPES]
        for resource in args.resources:
            if not is_account(resource.resource_type):
                continue
            linked = tuple(s.props for s in settings if _targets(s, resource))
            account = Account(name=resource.name, props=resource.props, diagnostic_settings=linked)
            problem = check.check(account, args.get_config())
            if problem:
                report(violation_text(check, resource.name, problem), resource.urn)

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
            remediation_steps=check.fix,
        )
    return ResourceValidationPolicy(
        name=check.id,
        description=check.description,
        validate=_resource_validation(check),
        enforcement_level=_LEVELS[check.level],
        config_schema=_schema(check.options),
        remediation_steps=check.fix,
    )


def security_policies() -> list[ResourceValidationPolicy | StackValidationPolicy]:
    return [security_policy(check) for check in SECURITY_CHECKS]
