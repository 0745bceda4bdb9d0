"""The guarded components' own declarations, as the engine shows them to the pack: in each component's inputs.

``AzureOpenAIService`` and ``AzureGovernmentOpenAIService`` register themselves, after their verdict, with what their
guard decided: the use case (camelCase, as a stack file writes it), the guard profile it applied, the cloud, and each
Foundry project with its own use case. A Pulumi YAML program writes its use case only there, and a program in any
language may pass one in code, so the stack's config is not the only place a declaration reaches the engine.

The pack decides each such declaration again, as the checker decides a YAML program's inline properties: the use
case and profile with the consumer reader (``read_consumer_config``), each Foundry project's own use case with the
checker's project reader, all by the one engine; under the stricter of the component's profile and the stack
config's, and for the cloud the component decides for (Azure Government when it is, or descends from, the
Government component, which composes the commercial one). A ``cloud`` input that says otherwise is invalid.

The engine analyses a resource when it is registered, and a component is registered before any of its children
(they need its URN), so by the time a child account is analysed its component has been decided. What a resource
descends from is its parent chain, which a transform cannot change; the guard's tags still prove nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from pulumi_policy import ResourceValidationArgs
from pulumi_policy.proxy import UnknownValueError

from azure_openai_guarded.components.clouds import COMMERCIAL, GOVERNMENT, CloudFacts
from azure_openai_guarded.components.declaration import read_consumer_config, stricter

from ..checker import at_least, inline_projects
from ..declaration import CONFIG_NAMING, DeclarationError, config_mapping, validate
from ..engine import Verdict
from ..models import GuardProfile, UseCase
from ..projects import ProjectDeclaration, decide_projects, with_projects
from .cloud_tag import COMMERCIAL_COMPONENT, GOVERNMENT_COMPONENT, ancestor_types
from .stack_context import StackContext

GUARDED_COMPONENTS: Final = frozenset({COMMERCIAL_COMPONENT, GOVERNMENT_COMPONENT})
"""The guarded components' type tokens."""

CLOUD_INPUT: Final = "cloud"
"""The input that says which cloud the component's guard decided for; the pack's reader of a declaration does not
read it (it is no declaring key), the pack compares it with the component's type."""


@dataclass(frozen=True)
class ComponentDecision:
    """A guarded component's declaration, read from its inputs and decided by the pack."""

    urn: str
    name: str
    token: str
    """The component's type token."""
    cloud: CloudFacts
    """The cloud it was decided for: its type's (Azure Government beneath the Government component)."""
    verdict: Verdict | None
    """The verdict, its Foundry projects' own included; ``None`` when the declaration is invalid."""
    use_case: UseCase | None = None
    """The component's use case, when it is valid."""
    projects: tuple[ProjectDeclaration, ...] = ()
    """Its Foundry projects, each with its own use case if it carries one."""
    problems: tuple[str, ...] = ()
    """Why the declaration is invalid, each naming the input."""

    @property
    def shown(self) -> str:
        return f"{self.token.rsplit(':', 1)[-1]} `{self.name}`"

    @property
    def allowed(self) -> bool:
        return not self.problems and self.verdict is not None and self.verdict.allowed

    @property
    def missing(self) -> bool:
        """Whether its inputs hold no use case at all (a component of a release that registered none, or its type
        registered by hand)."""
        return not self.problems and self.verdict is not None and self.use_case is None

    @property
    def path(self) -> str:
        """Where its declaration is, as the face policies name a declaration."""
        return f"{self.shown} useCase"


UNKNOWN_INPUT: Final = "is unknown until deployment, so nothing in it is proven allowed: write the value itself"


def _plain(value: Any, path: str, unknown: list[str]) -> Any:
    """``value`` (behind pulumi_policy's proxy) as plain dicts and lists, each uncomputed value's path in
    ``unknown``."""
    if isinstance(value, Mapping):
        plain: dict[str, Any] = {}
        for key in list(value):
            try:
                item = value[key]
            except UnknownValueError:
                unknown.append(f"{path}.{key}" if path else str(key))
                continue
            plain[str(key)] = _plain(item, f"{path}.{key}" if path else str(key), unknown)
        return plain
    if isinstance(value, Sequence) and not isinstance(value, str):
        items: list[Any] = []
        for index in range(len(value)):
            try:
                items.append(_plain(value[index], f"{path}[{index}]", unknown))
            except UnknownValueError:
                unknown.append(f"{path}[{index}]")
        return items
    return value


def component_cloud(resource_type: str, urn: str) -> CloudFacts:
    """The cloud a guarded component decides for: Azure Government when it is, or descends from, the Government
    component (as ``guard-cloud-matches-provider`` reads a resource's ancestry)."""
    return GOVERNMENT if GOVERNMENT_COMPONENT in (*ancestor_types(urn), resource_type) else COMMERCIAL


def decide_component(
    resource_type: str, props: Mapping[str, Any], urn: str, name: str, least: GuardProfile | None
) -> ComponentDecision:
    """Read and decide the declaration in a guarded component's inputs, under at least ``least`` (the stack config's
    profile), with the readers the checker uses for a YAML program's inline properties."""
    cloud = component_cloud(resource_type, urn)
    unknown: list[str] = []
    inputs = _plain(props, "", unknown)
    problems = [f"`{path}` {UNKNOWN_INPUT}" for path in unknown]
    written = inputs.get(CLOUD_INPUT)
    if "useCase" in inputs and written != cloud.cloud.value:
        problems.append(
            f"`{CLOUD_INPUT}` is {written!r}, but {resource_type.rsplit(':', 1)[-1]} here decides for "
            f"{cloud.display_name} (`{cloud.cloud.value}`), so its verdict was not decided where its resources go"
        )
    declaring = {key: value for key, value in inputs.items() if key != CLOUD_INPUT}
    args = declaring if least is None else at_least(declaring, least)
    try:
        verdict = read_consumer_config(args, environment=cloud.provider_environment)
        projects = inline_projects(inputs.get("projects"))
        written_use_case = inputs.get("useCase")
        use_case = (
            None
            if written_use_case is None
            else validate(UseCase, config_mapping(written_use_case, ("useCase",)), spelling="config")
        )
    except DeclarationError as error:
        problems += [problem.line(CONFIG_NAMING) for problem in error.problems]
        return ComponentDecision(urn, name, resource_type, cloud, None, problems=tuple(problems))
    if projects:
        verdict = with_projects(verdict, decide_projects(projects, use_case, cloud.cloud, verdict.profile))
    return ComponentDecision(urn, name, resource_type, cloud, verdict, use_case, projects, tuple(problems))


def config_profile(context: StackContext) -> GuardProfile | None:
    """The strictest guard profile the stack's config sets: this project's, or a consumer namespace's."""
    profiles = [context.declaration.profile] if context.declaration is not None else []
    profiles += [c.verdict.profile for c in context.consumers if c.verdict is not None]
    least: GuardProfile | None = None
    for profile in profiles:
        least = stricter(profile, least)
    return least


class ComponentRecords:
    """What the pack has seen of one analysis: each resource's parent, and each guarded component's decision.

    Every resource policy that reads it records the resource it validates first (the engine analyses each
    resource when it is registered, every policy in turn; a parent before its children), so a component is decided
    once, before any of its children asks for it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._parents: dict[str, str] = {}
        self._decisions: dict[str, ComponentDecision] = {}
        self._texts_read: dict[str, frozenset[str]] = {}

    def see(self, args: ResourceValidationArgs, context: StackContext) -> None:
        """Record ``args``'s resource, and decide it if it is a guarded component."""
        with self._lock:
            self._parents[args.urn] = args.opts.parent or ""
            if args.resource_type not in GUARDED_COMPONENTS or args.urn in self._decisions:
                return
        decision = decide_component(args.resource_type, args.props, args.urn, args.name, config_profile(context))
        with self._lock:
            self._decisions.setdefault(args.urn, decision)

    def note_texts_read(self, urn: str, beside: Sequence[ComponentDecision]) -> None:
        """Record that ``urn``'s names and tags were read by its own policy, with ``beside`` (the components
        decided by then) to read it under should no other declaration govern it."""
        with self._lock:
            self._texts_read[urn] = frozenset(decision.urn for decision in beside)

    def texts_read(self, urn: str) -> frozenset[str] | None:
        """The components a resource's names and tags were read beside, when its own policy read them."""
        with self._lock:
            return self._texts_read.get(urn)

    def decisions(self) -> tuple[ComponentDecision, ...]:
        """Every guarded component decided so far, in the order registered."""
        with self._lock:
            return tuple(self._decisions.values())

    def decision(self, urn: str) -> ComponentDecision | None:
        with self._lock:
            return self._decisions.get(urn)

    def governing(self, parent: str | None) -> tuple[ComponentDecision, ...]:
        """The guarded components a resource with this ``parent`` descends from, nearest first, as far up its
        parent chain as the pack has seen it."""
        found: list[ComponentDecision] = []
        seen: set[str] = set()
        with self._lock:
            while parent and parent not in seen:
                seen.add(parent)
                decision = self._decisions.get(parent)
                if decision is not None:
                    found.append(decision)
                parent = self._parents.get(parent)
        return tuple(found)
