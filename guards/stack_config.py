"""A stack's config as the pack and the components read it: every declaration in it, read and decided once.

The stack's config (keys in full, ``namespace:key``) may declare this project's use case (``azure-openai-guarded:*``),
a consumer project's own (``<project>:useCase``), another namespace's that the program may read beside it, and one
written inside another key (``teamconfig:projects[0].useCase``). :func:`stack_context` reads each with the checker's
reader and decides it with the same engine; :func:`config_refusal` says why the config refuses the whole stack.
The policy pack reads the config the engine hands it (``guards/policies/stack_context.py``); a guarded component
reads the config its program was given, so it refuses, before it registers anything, every stack the pack's
``use-case-denied-creates-nothing`` would refuse as it registers it (review R23).

Pure: no Pulumi import, so the components need not install the policy SDK to read the config as the pack does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Final

from azure_openai_guarded.components.clouds import CLOUDS
from azure_openai_guarded.components.declaration import (
    CLASSIC_ENVIRONMENT_KEY,
    CONFIG_KEYS,
    CONSUMER_KEYS,
    DISABLE_DEFAULT_PROVIDERS,
    ENCRYPTED,
    ENVIRONMENT_KEY,
    ConsumerConfig,
    Declaration,
    cloud_of_classic_environment,
    cloud_of_environment,
    default_provider,
    default_provider_disabled,
    disabled_default_providers,
    read_stack_config,
    secret_as_written,
)

from .checker import consumer_verdict, library_key_problem, pieces_beside, with_pieces
from .config_texts import declaring, declaring_key
from .consumer_config import nested_use_cases
from .declaration import DeclarationError, Key, Loc, Problem, config_mapping, validate
from .engine import Verdict
from .models import PROJECT, Cloud, UseCase
from .projects import ProjectDecision, ProjectDeclaration, denied
from .stackfile import misplaced_problems

GOVERNMENT: Final = "usgovernment"

PROVIDER_NAMESPACES: Final = frozenset({"azure-native", "azure"})
"""Config namespaces of the Azure providers, never a project's own."""


@dataclass(frozen=True)
class NamespaceDeclaration:
    """A declaration in another project's own config namespace (a consumer's, whose program hands its ``useCase``
    to a component), read and decided as the checker decides a consumer stack."""

    namespace: str
    """The config namespace: the consumer project's name."""
    verdict: Verdict | None
    """The verdict (the worst over every cloud the stack may deploy to); ``None`` when the declaration is invalid."""
    use_case: UseCase | None = None
    """The declared use case, validated."""
    problems: tuple[Problem, ...] = ()
    """Why the declaration is invalid, each problem at its key in the namespace."""
    clouds: tuple[Cloud, ...] = ()
    """The clouds it was decided for: the default provider's, or every cloud when its environment is unset."""
    elsewhere: tuple[tuple[Cloud, Verdict], ...] = ()
    """Its verdict in each other cloud the guard knows, decided alone: an explicit provider may send a resource
    there, whatever the default provider's environment says."""
    key: str = "useCase"
    """Where in the namespace it is written: ``useCase``, or inside another key (``projects[0].useCase``)."""
    only_denies: bool = False
    """Whether it is a declaration the program may read beside the project's own (another namespace's, with the
    project known, or one written inside another key): it denies what it denies, but declares no account."""

    @property
    def path(self) -> str:
        return f"{self.namespace}:{self.key}"

    def verdict_in(self, cloud: Cloud) -> Verdict | None:
        """Its verdict for a resource that goes to ``cloud``: the one decided for the stack when ``cloud`` is among
        :attr:`clouds` (the worst of them), else the one decided there alone; ``None`` when it is invalid."""
        if cloud in self.clouds:
            return self.verdict
        return next((verdict for other, verdict in self.elsewhere if other == cloud), None)


@dataclass(frozen=True)
class StackContext:
    """The stack's declaration as the pack sees it, read and decided once."""

    declaration: Declaration | None = None
    """The validated and decided declaration; ``None`` when absent or invalid."""
    problems: tuple[Problem, ...] = ()
    """Why the declaration is invalid, every problem at once."""
    azure_environment: str | None = None
    """The ``azure-native:environment`` config, lowercased."""
    classic_environment: str | None = None
    """The classic pulumi-azure provider's ``azure:environment`` config, lowercased."""
    project_decisions: tuple[ProjectDecision, ...] = ()
    """The verdict governing each Foundry project the config lists: its own declaration's, or the stack's."""
    received: bool = True
    """Whether any config reached the pack; without it nothing the stack declares can be known."""
    consumers: tuple[NamespaceDeclaration, ...] = ()
    """Declarations in other projects' namespaces: the project's own (a consumer's), or any ``*:useCase`` when
    the project is unknown."""
    project: str | None = None
    """The Pulumi project, when the engine named it."""

    @property
    def namespace(self) -> str:
        """The namespace a declaration belongs in: the consumer project's own, else this project's."""
        return self.project if self.project and self.project != PROJECT else PROJECT

    @property
    def decided(self) -> tuple[Verdict, ...]:
        """Every verdict the pack itself decided from the stack's config: the stack's, its Foundry projects',
        and each consumer declaration's."""
        own = (self.declaration.verdict, *(d.verdict for d in self.project_decisions)) if self.declaration else ()
        return (*own, *(c.verdict for c in self.consumers if c.verdict is not None))

    @property
    def invalid(self) -> bool:
        """Whether some declaration in the stack's config is invalid."""
        return bool(self.problems) or any(c.problems for c in self.consumers)

    @property
    def projects(self) -> tuple[ProjectDeclaration, ...]:
        """The Foundry projects the config lists, each with its own declaration if it carries one."""
        return self.declaration.projects if self.declaration else ()

    @property
    def declared(self) -> bool:
        """Whether the stack declares anything the pack decides: this project's keys, or a consumer's."""
        return self.declaration is not None or bool(self.problems) or bool(self.consumers)

    @property
    def verdict(self) -> Verdict | None:
        """The declaration's verdict, decided when the declaration was read."""
        return self.declaration.verdict if self.declaration else None

    @property
    def government(self) -> bool:
        """Whether the stack declares Azure Government, in its service or its provider config."""
        declared = self.declaration is not None and self.declaration.cloud.cloud == Cloud.USGOVERNMENT
        classic = cloud_of_classic_environment(self.classic_environment) if self.classic_environment else None
        return (
            declared
            or self.azure_environment == GOVERNMENT
            or (classic is not None and classic.cloud == Cloud.USGOVERNMENT)
        )


def stack_context(
    config: Mapping[str, Any], project: str | None = None, secret_keys: frozenset[str] = frozenset()
) -> StackContext:
    """Read and decide what ``config`` (full keys, e.g. ``azure-openai-guarded:useCase``) declares, in this
    project's namespace and in ``project``'s own (when it names another project), or in every namespace with a
    ``useCase`` when the project is unknown. A declaring key among ``secret_keys`` (the engine hands secrets
    decrypted) is refused as the checker refuses a ``secure:`` value."""
    config = _as_written(config, secret_keys)
    prefix = f"{PROJECT}:"
    own = {key[len(prefix) :]: value for key, value in config.items() if key.startswith(prefix)}
    namespaces = _consumer_namespaces(config, project)
    context = StackContext(
        azure_environment=_lowered(config.get(ENVIRONMENT_KEY)),
        classic_environment=_lowered(config.get(CLASSIC_ENVIRONMENT_KEY)),
        project=project or None,
        consumers=(
            *filter(
                None, (_consumer(ns, config, secret_keys, beside=bool(project) and ns != project) for ns in namespaces)
            ),
            *(replace(c, only_denies=True) for c in _nested_consumers(config, project, secret_keys)),
        ),
    )
    # The engine hands the pack such a key as it is written; the checker refuses it, and so does the program,
    # which reads its stack file (review R19). A default-providers setting the engine cannot read fails the stack.
    unreadable: tuple[Problem, ...] = ()
    try:
        disabled = disabled_default_providers(config.get(DISABLE_DEFAULT_PROVIDERS))
    except DeclarationError as error:
        disabled, unreadable = frozenset(), tuple(error.problems)
    misplaced = (*misplaced_problems(config, context.namespace), *unreadable)
    decided = _own_declaration(context, own, config, secret_keys, disabled)
    if misplaced:
        return replace(decided, declaration=None, project_decisions=(), problems=(*misplaced, *decided.problems))
    return decided


def _as_written(config: Mapping[str, Any], secret_keys: frozenset[str]) -> dict[str, Any]:
    """``config`` with each secret among ``secret_keys`` (the engine hands them decrypted) as the stack file writes
    it, ``{secure: ...}``, which is all the checker can read of it: a provider setting, or a value a declaration
    might be nested in, is then read alike everywhere (review R25). A declaring key keeps its value: the readers
    refuse it as a secret themselves, naming it."""
    return {
        key: secret_as_written() if key in secret_keys and not declaring_key(key) else value
        for key, value in config.items()
    }


def _own_declaration(
    context: StackContext,
    own: Mapping[str, Any],
    config: Mapping[str, Any],
    secret_keys: frozenset[str],
    disabled: frozenset[str],
) -> StackContext:
    """``context`` with this project's keys ``own`` read and decided; ``disabled``, the packages whose default
    provider the stack turns off."""
    if not own:
        return context
    if context.project and context.project != PROJECT:
        # Another project's stack: its components read its own namespace, so a declaration written in this
        # library's decides nothing, and is refused as the checker refuses it (review R29: the pack read it as this
        # project's and asked for its missing service).
        library = tuple(library_key_problem(context.project, name) for name in sorted(own) if name in CONFIG_KEYS)
        return replace(context, problems=library) if library else context
    secret = _secret_problems(PROJECT, {key: value for key, value in own.items() if key in CONFIG_KEYS}, secret_keys)
    try:
        declaration = read_stack_config(own, environment=default_provider(config), providers=config)
    except DeclarationError as error:
        # What the decrypted secret itself holds is what the checker cannot read: it is refused as a secret alone
        # (review R29: a secret use case's own missing fields were reported too).
        hidden = {problem.path for problem in secret}
        shown = tuple(p for p in error.problems if _top_key(p.path) not in hidden)
        return replace(context, problems=(*secret, *shown))
    if secret:
        return replace(context, problems=secret)
    # This project's program hands its component no provider, as the checker reads the stack.
    stopped = default_provider_disabled(disabled, declaration.cloud, provider_given=False)
    if stopped:
        return replace(context, problems=tuple(stopped))
    # The projects were decided with the stack when the declaration was read: the pack repeats no decision.
    return replace(context, declaration=declaration, project_decisions=declaration.project_decisions)


def _top_key(path: str) -> str:
    """The config key a problem's ``path`` is under (``useCase`` of ``useCase.operator.sector``)."""
    return path.split(".", 1)[0].split("[", 1)[0]


def _consumer_namespaces(config: Mapping[str, Any], project: str | None) -> list[str]:
    if project == PROJECT:
        return []
    # A consumer's program may read its declaration from any namespace (``pulumi.Config("team-ai")``), as the
    # checker decides a consumer stack; and with the project unknown, any namespace may be the program's.
    spaced = (key.split(":", 1) for key in config if ":" in key)
    found = {ns for ns, key in spaced if key == "useCase" and ns != PROJECT and ns not in PROVIDER_NAMESPACES}
    return sorted(found | {project}) if project else sorted(found)


def _secret_problems(namespace: str, keys: Mapping[str, Any], secret_keys: frozenset[str]) -> tuple[Problem, ...]:
    """A problem at each of ``namespace``'s keys that the engine marked secret: a ``secure:`` value in the stack
    file, which the checker cannot read, so a declaration there is refused in every entry point alike."""
    return tuple(Problem((Key(key),), ENCRYPTED, namespace) for key in keys if f"{namespace}:{key}" in secret_keys)


def _consumer(
    namespace: str, config: Mapping[str, Any], secret_keys: frozenset[str] = frozenset(), *, beside: bool = False
) -> NamespaceDeclaration | None:
    """The declaration in ``namespace``, decided as the checker decides a consumer stack; ``None`` when the
    namespace declares nothing (sets no ``useCase`` or ``guardProfile``, nor a near miss of one)."""
    prefix = f"{namespace}:"
    keys = {key[len(prefix) :]: value for key, value in config.items() if key.startswith(prefix)}
    if not any(declaring(key) for key in keys):
        return None
    declared = {key: value for key, value in keys.items() if declaring(key)}
    decided = _decided(namespace, keys, config, _secret_problems(namespace, declared, secret_keys))
    if beside:
        return replace(decided, only_denies=True)
    if decided.verdict is None:
        return decided
    # The program's own declaration, with the pieces of one written elsewhere in the config put in at their worst,
    # as the checker decides it (review R25 F).
    pieces = pieces_beside(config, namespace)
    return replace(
        decided,
        verdict=with_pieces(decided.verdict, keys, pieces, namespace, default_provider(config)),
        elsewhere=tuple(
            (cloud, with_pieces(verdict, keys, pieces, namespace, CLOUDS[cloud].provider_environment))
            for cloud, verdict in decided.elsewhere
        ),
    )


def _nested_consumers(
    config: Mapping[str, Any], project: str | None, secret_keys: frozenset[str]
) -> tuple[NamespaceDeclaration, ...]:
    """Each use case written inside another key (``teamconfig:projects[0].useCase``), decided as the checker
    decides it (:func:`~guards.consumer_config.nested_use_cases`): in every namespace but this library's, unless the
    project is this library, whose program reads only its own."""
    if project == PROJECT:
        return ()
    namespaces = {key.partition(":")[0] for key in config} - {PROJECT, *PROVIDER_NAMESPACES}
    try:
        found = list(nested_use_cases(config, namespaces, CONSUMER_KEYS))
    except DeclarationError as error:
        return tuple(NamespaceDeclaration(p.namespace, None, problems=(p,)) for p in error.problems)
    decided: list[NamespaceDeclaration] = []
    for namespace, where, declared in found:
        outer = where[0]
        secret = (Problem((outer,), ENCRYPTED, namespace),) if f"{namespace}:{outer}" in secret_keys else ()
        decided.append(_decided(namespace, {"useCase": declared}, config, secret, where))
    return tuple(decided)


def _decided(
    namespace: str,
    keys: Mapping[str, Any],
    config: Mapping[str, Any],
    secret: tuple[Problem, ...],
    where: Loc | None = None,
) -> NamespaceDeclaration:
    """``keys`` (a namespace's, or ``useCase`` alone for one written ``where`` inside another key) decided as the
    checker decides a consumer stack, for the clouds ``config``'s default provider may deploy to."""
    key = Problem(where, "").path if where is not None else "useCase"
    environment = default_provider(config)
    named = cloud_of_environment(environment) if isinstance(environment, str) else None
    clouds = (named.cloud,) if named is not None else tuple(facts.cloud for facts in CLOUDS.values())
    if secret:
        return NamespaceDeclaration(namespace, None, problems=secret, clouds=clouds, key=key)
    try:
        verdict, _ = consumer_verdict(keys, environment, namespace)
    except DeclarationError as error:
        problems = tuple(
            Problem((*where, *p.loc[1:]), p.template, namespace) if where is not None else p.in_namespace(namespace)
            for p in error.problems
        )
        return NamespaceDeclaration(namespace, None, problems=problems, clouds=clouds, key=key)
    # Read again for its facts, which the verdict does not carry; it validated above, so it validates here.
    written = {key: config_mapping(value, (Key(key),)) for key, value in keys.items() if key in CONSUMER_KEYS}
    use_case = validate(ConsumerConfig, written, spelling="config").use_case
    # The same reader, for the clouds the default provider does not deploy to; an explicit provider may.
    elsewhere = tuple(
        (facts.cloud, consumer_verdict(keys, facts.provider_environment, namespace)[0])
        for facts in CLOUDS.values()
        if facts.cloud not in clouds
    )
    return NamespaceDeclaration(namespace, verdict, use_case=use_case, clouds=clouds, elsewhere=elsewhere, key=key)


def _lowered(value: Any) -> str | None:
    return value.strip().lower() if isinstance(value, str) else None


def config_refusal(context: StackContext) -> str | None:
    """Why the stack's config refuses the whole stack, whatever its resources are: its declaration (this
    project's, or a consumer's in its own or another namespace) is denied or invalid, or a Foundry project it
    declares is denied; ``None`` when it refuses nothing, or when no config reached the pack (which the verdict
    policy reports)."""
    if not context.received:
        return None
    if context.problems:
        return "the stack's use-case declaration is invalid"
    if context.verdict is not None and not context.verdict.allowed:
        return "the stack's declared use case is denied"
    for consumer in context.consumers:
        if consumer.problems:
            return f"the use-case declaration `{consumer.path}` is invalid"
        # A namespace with no use case (a profile alone) leaves the components' own declarations to decide.
        if consumer.use_case is not None and consumer.verdict is not None and not consumer.verdict.allowed:
            return f"the use case declared as `{consumer.path}` is denied"
    if denied(context.project_decisions):
        return "a Foundry project the stack's config declares is denied"
    return None
