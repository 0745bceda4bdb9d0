"""Plan one stack file: the guard's verdict, then the real program under the mock engine.

A stack is ``allowed`` only if the guard allows it, the program runs without
error, and every Azure resource would go through a provider the stack
permits. A denied stack must register nothing; if it did, the plan says so.
Once the program has run, the policy pack judges what it registered, as
``pulumi preview --policy-pack`` would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from azure_openai_guarded.components.declaration import (
    DISABLE_DEFAULT_PROVIDERS,
    default_provider,
    disabled_default_providers,
)
from azure_openai_guarded.guards import PROJECT, Verdict
from azure_openai_guarded.guards.checker import CheckResult, check_file, other_namespaces
from azure_openai_guarded.guards.declaration import DeclarationError
from azure_openai_guarded.guards.projectfile import shown
from azure_openai_guarded.guards.stackfile import StackFile
from mockengine.analyzer import Violation
from mockengine.program import ProgramRun, Registered, run_program
from program.stack import RUNNING_FILE

from .policies import PolicyConfig, disabled_mandatory, policy_verdicts

AZURE_NATIVE = "azure-native"

# Display order among resources that do not depend on each other.
_RANK = {
    "pulumi:providers:azure-native": 0,
    "azure-native:resources:ResourceGroup": 2,
    "azure-native:managedidentity:UserAssignedIdentity": 3,
    "azure-native:keyvault:Key": 3,
    "azure-native:cognitiveservices:Account": 4,
    "azure-native:cognitiveservices:Project": 5,
    "azure-native:cognitiveservices:RaiBlocklist": 5,
    "azure-native:cognitiveservices:RaiBlocklistItem": 5,
    "azure-native:cognitiveservices:RaiPolicy": 5,
    "azure-native:cognitiveservices:Deployment": 6,
    "azure-native:network:PrivateEndpoint": 7,
    "azure-native:privatedns:PrivateZone": 8,
    "azure-native:privatedns:VirtualNetworkLink": 9,
    "azure-native:network:PrivateDnsZoneGroup": 10,
    "azure-native:monitor:DiagnosticSetting": 11,
    "azure-native:authorization:RoleAssignment": 12,
    "azure-native:keyvault:Secret": 13,
    "azure-native:authorization:ManagementLockByScope": 14,
}


class Status(StrEnum):
    ALLOWED = "allowed"
    BLOCKED = "blocked"
    """Allowed by the guard, but a mandatory policy violation would stop ``pulumi preview`` and ``pulumi up``."""
    DENIED = "denied"
    INVALID = "invalid"


@dataclass
class StackPlan:
    """The plan for one stack file."""

    file: Path
    stack: str
    status: Status
    verdict: Verdict | None = None
    run: ProgramRun | None = None
    problems: list[str] = field(default_factory=list)
    """Why the stack cannot be planned or deployed, besides a denial."""
    disabled_default_providers: frozenset[str] = frozenset()
    default_environment: str = "public"
    """The default azure-native provider's cloud, from ``azure-native:environment``."""
    violations: list[Violation] | None = None
    """The policy pack's violations; ``None`` when the policies did not run, because the program stopped."""
    disabled_policies: tuple[str, ...] = ()
    """The pack's mandatory policies the ``--policy-pack-config`` disabled, which report nothing."""

    @property
    def mandatory_violations(self) -> list[Violation]:
        """The violations that would stop ``pulumi preview`` and ``pulumi up``."""
        return [v for v in self.violations or [] if v.mandatory]

    @property
    def resources(self) -> list[Registered]:
        return ordered(self.run.resources) if self.run else []

    def provider_of(self, resource: Registered) -> Registered | None:
        """The explicit provider ``resource`` goes through, or None for the default provider."""
        if not resource.provider:
            return None
        urn = resource.provider.rsplit("::", 1)[0]  # a provider reference is ``<urn>::<id>``
        return next((r for r in self.run.resources if r.urn == urn), None) if self.run else None


def ordered(resources: list[Registered]) -> list[Registered]:
    """Resources with every dependency and parent before its dependents; ties in a readable type order."""
    by_urn = {r.urn: r for r in resources}
    index = {r.urn: i for i, r in enumerate(resources)}
    waiting = {r.urn: {d for d in (*r.dependencies, r.parent) if d in by_urn and d != r.urn} for r in resources}
    done: list[Registered] = []
    placed: set[str] = set()
    while waiting:
        ready = [urn for urn, deps in waiting.items() if deps <= placed]
        if not ready:  # a cycle cannot come from the engine; keep registration order if it ever does
            ready = list(waiting)
        chosen = min(ready, key=lambda urn: (_RANK.get(by_urn[urn].type, 1), index[urn]))
        done.append(by_urn[chosen])
        placed.add(chosen)
        del waiting[chosen]
    return done


def _config(source_config: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    return {f"{PROJECT}:{key}": value for key, value in source_config.items()} | other


def plan_file(path: Path, policy_config: PolicyConfig | None = None) -> StackPlan:
    """Decide ``path`` with the guard, run the program for it under the mock engine, then the policy pack.

    ``policy_config`` is what ``--policy-pack-config`` would pass to the pack.
    """
    return plan_checked(check_file(path), policy_config)


def _another_program(source: StackFile) -> str | None:
    """Why the plan cannot run the program of ``source``'s stack, if it cannot: the plan runs this project's
    Python program, so a stack of another project, or of a project whose runtime is not Python, is not its."""
    if source.namespace != PROJECT:
        return (
            f"this stack belongs to project `{source.namespace}`, and the plan runs only this project's program "
            f"({PROJECT}); decide it with `aoai-guard check` and preview it with `pulumi preview` in its project"
        )
    if source.project_file is not None and source.project_runtime != "python":
        return (
            f"its project file ({shown(source.project_file)}) runs a `{source.project_runtime}` program, and the "
            "plan runs only this project's Python program; preview it with `pulumi preview`"
        )
    return None


def _other_namespace_refused(source: StackFile) -> bool:
    """Whether another namespace's ``useCase`` of a stack file no project file names is denied or invalid, each
    decided as the checker decides it: the program reads only this library's namespace, so it would register
    resources for a stack the checker refuses; the plan does not run it then."""
    try:
        return not all(v.allowed for v in other_namespaces(source, default_provider(source.other_config)))
    except DeclarationError:
        return True


def plan_checked(checked: CheckResult, policy_config: PolicyConfig | None = None) -> StackPlan:
    """Plan a stack file the guard's checker has already read and decided (see :func:`plan_file`)."""
    path = checked.file
    if checked.source is None:
        return StackPlan(path, checked.stack, Status.INVALID, problems=[str(p) for p in checked.problems])
    source = checked.source
    elsewhere = _another_program(source)
    if elsewhere is not None:
        problems = [*(str(p) for p in checked.problems), elsewhere]
        return StackPlan(path, checked.stack, Status.INVALID, verdict=checked.verdict, problems=problems)
    if _other_namespace_refused(source):
        # The verdict's findings name the other namespace's key; nothing is registered, as for any denied stack.
        status = Status.INVALID if checked.verdict is None else Status.DENIED
        return StackPlan(
            path, checked.stack, status, verdict=checked.verdict, problems=[str(p) for p in checked.problems]
        )
    config = _config(source.config, source.other_config)
    # The program names the file it runs in its messages: this one, not the repository's stackConfigDir.
    running = RUNNING_FILE.set(path)
    try:
        run = run_program(config, stack=source.stack)
    finally:
        RUNNING_FILE.reset(running)
    try:
        disabled = disabled_default_providers(source.other_config.get(DISABLE_DEFAULT_PROVIDERS))
    except DeclarationError:
        disabled = frozenset()  # The checker has called the stack invalid, naming the key.
    plan = StackPlan(
        path,
        source.stack,
        Status.ALLOWED,
        verdict=checked.verdict,
        run=run,
        disabled_default_providers=disabled,
        default_environment=str(source.other_config.get("azure-native:environment", "public")),
    )
    if checked.verdict is None:
        plan.status = Status.INVALID
        plan.problems += [str(p) for p in checked.problems]
    elif not checked.verdict.allowed:
        plan.status = Status.DENIED
        if run.resources:
            plan.status = Status.INVALID
            plan.problems.append(f"the program registered {len(run.resources)} resource(s) for a denied stack")
    elif run.error is not None:
        plan.status = Status.INVALID
    # As under the CLI, the policies judge a program that completed; a stopped one already fails the stack.
    if run.error is None:
        plan.violations = policy_verdicts(run.resources, config, policy_config)
        plan.disabled_policies = disabled_mandatory(policy_config)
        if plan.status is Status.ALLOWED and plan.mandatory_violations:
            plan.status = Status.BLOCKED
    if AZURE_NATIVE in disabled or "*" in disabled:
        for r in run.resources:
            if r.custom and r.type.startswith(f"{AZURE_NATIVE}:") and not r.provider:
                plan.status = Status.INVALID
                plan.problems.append(
                    f"{r.type} {r.name!r} would use the default azure-native provider, which this stack disables"
                )
    return plan
