"""A stack's declaration, read once and decided once: what every entry point acts on.

The checker (a stack file's config), the program and the policy pack (the config
Pulumi hands them), a Python program's component arguments and another
language's inputs (through the component provider) each become one frozen
:class:`Declaration`: the use case and guard profile the guard reads, the whole
``service`` (every field, the region for the cloud, the models, SKUs and
capacities against the catalogue), the cloud the resources really go to, and
the guard's verdict, decided once. Anything wrong is one :class:`DeclarationError`
listing every problem, each with its path; a denied verdict is not an error
here, each entry point refuses it in its own terms.

The cloud is decided by the declaration *and* the provider: the default
azure-native provider deploys wherever ``azure-native:environment`` says, so a
stack whose environment and declared cloud disagree is an error, never judged
for the cloud it does not deploy to.

Nothing here imports Pulumi, so the checker and the pack share it.
"""

from __future__ import annotations

import hashlib
import json
import weakref
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, fields
from enum import Enum, EnumType
from typing import Any, Final, cast

from azure_openai_guarded.guards import Cloud, GuardProfile, UseCase, Verdict, evaluate_use_case
from azure_openai_guarded.guards.declaration import (
    CONFIG_NAMING,
    MAX_JSON_DEPTH,
    PYTHON_NAMING,
    DeclarationError,
    Key,
    Loc,
    Naming,
    Problem,
    Spelling,
    config_mapping,
    look_alike_message,
    validate,
)
from azure_openai_guarded.guards.facts import Text
from azure_openai_guarded.guards.models import DeclarationModel
from azure_openai_guarded.guards.projects import (
    ProjectDecision,
    ProjectDeclaration,
    decide_projects,
    described,
    with_projects,
)
from azure_openai_guarded.guards.resource_texts import service_names, tag_texts
from azure_openai_guarded.guards.stackfile import is_near_word

from .account import ServiceConfig, ServiceSettings, check_service
from .catalogue import Catalogue
from .clouds import CLOUDS, COMMERCIAL, CloudFacts, government_region
from .deployments import catalogue_for
from .fields import account_name_check

ENVIRONMENT_KEY: Final = "azure-native:environment"
"""The default azure-native provider's cloud (``public``, ``usgovernment`` or ``china``)."""

METADATA_HOST_KEY: Final = "azure-native:metadataHost"
"""A metadata endpoint the default provider reads its cloud from instead of ``environment``."""

_ENVIRONMENTS: Final = {facts.provider_environment: facts for facts in CLOUDS.values()}
_CLASSIC_ENVIRONMENTS: Final = {name: facts for facts in CLOUDS.values() for name in facts.classic_environments}

CLASSIC_ENVIRONMENT_KEY: Final = "azure:environment"
"""The classic pulumi-azure provider's cloud, which the policy pack reads as making a stack an Azure Government one."""
CLASSIC_METADATA_HOST_KEY: Final = "azure:metadataHost"
"""A metadata endpoint the classic provider reads its cloud from instead of ``environment``."""
LOCATION_KEY: Final = "azure-native:location"
"""The default azure-native provider's region, where a resource given no ``location`` of its own goes."""

ENCRYPTED_SETTING: Final = (
    "is an encrypted (`secure:`) value; the guard must read it to know where the stack's resources go, and a check "
    "offline cannot: write it in plain text (it names a cloud, a region or packages, not a secret)"
)


def secret_as_written() -> dict[str, str]:
    """A secret config value as a stack file writes it, and so as the checker reads it: ``{secure: ...}``. The
    program, the components and the pack are handed secrets decrypted; they read a secret provider setting as
    this, so that no entry point decides on text another cannot read (review R25)."""
    return {"secure": "[secret]"}


def is_encrypted(value: Any) -> bool:
    """Whether ``value`` is a ``secure:`` value as a stack file writes it (see :func:`secret_as_written`)."""
    return isinstance(value, Mapping) and set(value) == {"secure"}


PROVIDER_SETTINGS: Final = (CLASSIC_ENVIRONMENT_KEY, LOCATION_KEY)
"""The provider settings besides the default provider's own cloud that the declared cloud must agree with."""


@dataclass(frozen=True, slots=True)
class MetadataHost:
    """A default provider whose cloud is whatever a metadata endpoint describes, which nothing here can know."""

    host: object


@dataclass(frozen=True, slots=True)
class EnvironmentVariable:
    """A default provider whose cloud an environment variable of the machine that runs ``pulumi`` names: with
    ``azure-native:environment`` unset, the provider reads ``ARM_ENVIRONMENT``, then ``AZURE_ENVIRONMENT``."""

    name: str
    value: str


DISABLE_DEFAULT_PROVIDERS: Final = "pulumi:disable-default-providers"
_DISABLE_NAMESPACE, _, _DISABLE_KEY = DISABLE_DEFAULT_PROVIDERS.partition(":")
_DISABLE_LOC: Final = (Key(_DISABLE_KEY),)


def disabled_default_providers(value: Any) -> frozenset[str]:
    """The packages whose default provider the stack's ``pulumi:disable-default-providers`` (``value``; ``None``
    when unset) turns off, ``*`` for all, read as the engine reads it: a list of package names, which a stack file
    writes as a YAML list and the engine stores, and hands on, as JSON text. Raise :class:`DeclarationError` when
    the engine could not read it (``azure-native`` alone is no JSON: the engine fails the stack), or when it is a
    secret, which the checker cannot read (review R25)."""
    if value is None:
        return frozenset()
    if is_encrypted(value):
        raise DeclarationError([Problem(_DISABLE_LOC, ENCRYPTED_SETTING, _DISABLE_NAMESPACE)])
    names = value
    if isinstance(value, str):
        try:
            names = json.loads(value)
        except ValueError:
            names = None
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise DeclarationError(
            [
                Problem(
                    _DISABLE_LOC,
                    f"is {as_written(value)}, which the engine cannot read: write a list of package names, "
                    '`[azure-native]` (a YAML list, or the JSON text `["azure-native"]`)',
                    _DISABLE_NAMESPACE,
                )
            ]
        )
    return frozenset(names)


DEFAULT_PROVIDER_DISABLED: Final = (
    "disables the default azure-native provider, which the commercial component's resources use when it is given "
    "no provider, so the program cannot deploy this stack: leave azure-native out of it, or pass the component a "
    "CommercialProvider"
)


def default_providers_problems(value: Any, cloud: CloudFacts, *, provider_given: bool) -> list[Problem]:
    """Why the stack's ``pulumi:disable-default-providers`` (``value``) stops a component for ``cloud`` from
    deploying: the engine cannot read it, or it disables the default azure-native provider the commercial
    component's resources use when ``provider_given`` is false (the Government component brings its own). Found
    before anything is registered, in every entry point, where the engine would fail the stack halfway."""
    try:
        disabled = disabled_default_providers(value)
    except DeclarationError as error:
        return list(error.problems)
    return default_provider_disabled(disabled, cloud, provider_given=provider_given)


def default_provider_disabled(disabled: frozenset[str], cloud: CloudFacts, *, provider_given: bool) -> list[Problem]:
    """Why the packages ``disabled`` (see :func:`disabled_default_providers`) stop a component for ``cloud`` given
    no provider (``provider_given`` false): the commercial component's resources use the default azure-native one."""
    if cloud.cloud == COMMERCIAL.cloud and not provider_given and disabled & {"azure-native", "*"}:
        return [Problem(_DISABLE_LOC, DEFAULT_PROVIDER_DISABLED, _DISABLE_NAMESPACE)]
    return []


def default_provider(config: Mapping[str, Any]) -> Any:
    """What decides the default provider's cloud in ``config`` (full keys): its ``environment`` (``None`` when
    unset), or a :class:`MetadataHost`, which overrides the environment."""
    if config.get(METADATA_HOST_KEY) is not None:
        return MetadataHost(config[METADATA_HOST_KEY])
    return config.get(ENVIRONMENT_KEY)


class StackConfig(DeclarationModel):
    """Everything under a stack's ``azure-openai-guarded:`` config namespace."""

    guard_profile: GuardProfile = GuardProfile.TERMS
    """The rule set to apply: ``terms`` (default) or ``strict``."""

    service: ServiceConfig
    """What to provision, and in which cloud."""

    use_case: UseCase | None = None
    """The use-case declaration. A stack without one is denied."""


class ServiceArgs(ServiceSettings):
    """A component's arguments: the service settings, the use case and the guard profile."""

    use_case: UseCase
    """The use-case declaration; the guard decides it before anything is registered."""

    guard_profile: GuardProfile = GuardProfile.TERMS
    """The rule set to apply."""


CONFIG_KEYS: Final = tuple(field.alias or name for name, field in StackConfig.model_fields.items())
"""The keys this project reads from its config namespace, as stack files write them."""
_MAPPING_KEYS: Final = frozenset({"service", "useCase"})


@dataclass(frozen=True, slots=True, weakref_slot=True)
class Declaration:
    """A declaration validated once and decided once.

    Only this module's readers issue one (see :func:`is_issued`): a component refuses any other, such as one
    built directly or re-pointed with ``dataclasses.replace``, whose cloud and verdict nothing decided.
    """

    cloud: CloudFacts
    """Where the resources go."""
    profile: GuardProfile
    """The rule set the verdict was decided under."""
    use_case: UseCase | None
    """The use case; ``None`` only for a stack that declares none (and is then denied)."""
    settings: ServiceSettings
    """The service to provision, every field validated and checked against the cloud and its catalogue."""
    catalogue: Catalogue
    """The cloud's catalogue with the settings' ``additional_models``."""
    verdict: Verdict
    """The guard's verdict on the use case in :attr:`cloud`."""
    projects: tuple[ProjectDeclaration, ...] = ()
    """The Foundry projects, each with its own declaration if it carries one."""
    project_decisions: tuple[ProjectDecision, ...] = ()
    """Each project's verdict, decided once with the stack's: on its own declaration, else on the stack's."""
    naming: Naming = CONFIG_NAMING
    """How its source names fields (stack files and other languages camelCase, Python arguments the Python
    names), so that anything said about it later, such as a component's warnings, names them so too."""

    @property
    def verdict_with_projects(self) -> Verdict:
        """The stack's verdict with its Foundry projects' own: denied if any project is (what the checker reports)."""
        return with_projects(self.verdict, self.project_decisions)

    @property
    def denied_projects(self) -> tuple[ProjectDecision, ...]:
        """The Foundry projects whose governing declaration is denied: any of them stops the whole stack."""
        return tuple(d for d in self.project_decisions if not d.verdict.allowed)

    @property
    def allowed_use_case(self) -> UseCase:
        """The use case, for provisioning: only an allowed declaration has one to provision (an allowed verdict
        implies a declared use case, since DECLARATION-MISSING denies otherwise)."""
        if self.use_case is None or not self.verdict.allowed:
            raise ValueError("only an allowed declaration is provisioned")
        return self.use_case


_ISSUED: Final[weakref.WeakValueDictionary[int, Declaration]] = weakref.WeakValueDictionary()
"""Every live :class:`Declaration` the readers issued, by identity: a copy or a replacement is not one of them."""

_FINGERPRINTS: Final[dict[int, str]] = {}
"""Each issued declaration's fingerprint when it was issued, by identity: frozen is no lock, since
``object.__setattr__`` changes a field in place, and the object is then still the one issued."""


_SCALARS: Final = (bool, int, float, complex, str, bytes, type(None))
"""The immutable builtin types whose value the fingerprint records as the builtin shows it."""
_SCALAR_TYPES: Final = frozenset(_SCALARS)
_COLLECTIONS: Final = frozenset({tuple, list, frozenset, set})
_Shown = Callable[[object], str]


def _fingerprint(declaration: Declaration) -> str:
    """A digest of the declaration's whole object graph, type-exact: each object's exact type, each scalar's value as
    its builtin type shows it (never a repr a subclass may override), each other object's identity and, walked
    through its fields, ``__dict__`` or items with the builtin accessors, everything it holds. So an ``int`` subclass
    whose repr is ``False`` put in place of a verdict's ``allowed``, or an equal-looking object of another class, or
    a nested object changed in place, changes it; the stack is not decided again."""
    parts: list[str] = []
    seen: dict[int, int] = {}

    def walk(value: object) -> None:
        kind = type(value)
        if kind in _SCALAR_TYPES:
            # Its exact builtin type: the repr is the builtin's, which shows the type and the value as they are.
            parts.append(f"{kind.__name__}:{value!r}")
            return
        parts.append(f"<{id(kind)}:{kind.__qualname__}>")
        if isinstance(value, _SCALARS):
            base = next(b for b in _SCALARS if isinstance(value, b))
            parts.append(cast(_Shown, base.__repr__)(value))
        if id(value) in seen:
            parts.append(f"@{seen[id(value)]}")
            return
        seen[id(value)] = len(seen)
        parts.append(f"#{id(value)}")
        if isinstance(value, Enum) and type(kind) is EnumType:
            # A member of a plain enum is its class's singleton: its identity, recorded above, is its value.
            return
        if kind in _COLLECTIONS:
            items = cast(Collection[object], value)
            if all(type(item) in _SCALAR_TYPES for item in items):
                # Exact builtin scalars only: the builtin repr shows each one's type and value as it is.
                parts.append(repr(items))
            else:
                for item in items:
                    walk(item)
        elif kind is dict:
            for key, item in dict.items(cast(dict[object, object], value)):
                walk(key)
                walk(item)
        else:
            for name in _attributes(kind):
                try:
                    walk(object.__getattribute__(value, name))
                except AttributeError:
                    parts.append(f"!{name}")
            held = _instance_dict(value)
            if held is not None:
                walk(held)
        parts.append(";")

    for field in fields(declaration):
        value = object.__getattribute__(declaration, field.name)
        if field.name in _SHARED_FIELDS:
            # This module's own data, shared by every declaration: which object it is, not what it holds.
            parts.append(f"{field.name}<{id(type(value))}>#{id(value)};")
            continue
        walk(value)
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


_SHARED_FIELDS: Final = frozenset({"cloud", "catalogue", "naming"})
"""The fields that hold a cloud's facts, its catalogue and a naming function: module-level objects shared by every
declaration, fingerprinted by identity (walking the catalogue cost most of a read). Changing one in place is
rewriting the guard's own data, which a program that can do it could do to the engine as well."""


_SLOTS: Final[dict[type, tuple[str, ...]]] = {}
"""Each class's :func:`_attributes`, found once."""


def _attributes(kind: type) -> tuple[str, ...]:
    """The slots every class of ``kind``'s MRO declares, and pydantic's own (``__pydantic_extra__``, ...), which
    hold an object's state outside its ``__dict__``."""
    known = _SLOTS.get(kind)
    if known is not None:
        return known
    names: list[str] = []
    for cls in kind.__mro__:
        declared = vars(cls).get("__slots__", ())
        for name in (declared,) if isinstance(declared, str) else declared:
            if name not in ("__dict__", "__weakref__") and name not in names:
                names.append(name)
    _SLOTS[kind] = tuple(names)
    return _SLOTS[kind]


def _instance_dict(value: object) -> dict[str, object] | None:
    """``value``'s own ``__dict__``, read without any of its class's code, if it has one."""
    try:
        held = object.__getattribute__(value, "__dict__")
    except AttributeError:
        return None
    return held if type(held) is dict else None


def _issue(declaration: Declaration) -> Declaration:
    _ISSUED[id(declaration)] = declaration
    _FINGERPRINTS[id(declaration)] = _fingerprint(declaration)
    weakref.finalize(declaration, _FINGERPRINTS.pop, id(declaration), None)
    return declaration


def unissued_reason(declaration: object) -> str | None:
    """Why ``declaration`` is not one this module's readers issued, unchanged, or ``None`` if it is. Its fields are
    compared with the fingerprint taken when it was issued, so a verdict swapped in place is caught without
    deciding the stack a second time (a program that can rewrite this module's own records could as well rewrite
    the engine: the guard protects against mistakes and shortcuts, not against its own process)."""
    if not isinstance(declaration, Declaration) or _ISSUED.get(id(declaration)) is not declaration:
        return (
            "was not returned by read_stack_config or read_component_args (it was built, copied or altered, e.g. "
            "with dataclasses.replace)"
        )
    if declaration.cloud is not CLOUDS.get(declaration.cloud.cloud) or _FINGERPRINTS.get(
        id(declaration)
    ) != _fingerprint(declaration):
        return (
            "was changed in place after read_stack_config or read_component_args returned it (e.g. with "
            "object.__setattr__), so it is no longer what was decided"
        )
    return None


def is_issued(declaration: object) -> bool:
    """Whether ``declaration`` is a :class:`Declaration` this module's readers returned, itself and unchanged since
    (see :func:`unissued_reason`)."""
    return unissued_reason(declaration) is None


def cloud_of_environment(environment: str) -> CloudFacts | None:
    """The cloud an azure-native provider's ``environment`` sends resources to; ``None`` for one this project
    does not deploy to (``china``) or does not know."""
    return _ENVIRONMENTS.get(environment.strip().lower())


def cloud_of_classic_environment(environment: str) -> CloudFacts | None:
    """The cloud the classic pulumi-azure provider's ``environment`` sends resources to (``dod`` is Azure
    Government); ``None`` for one this project does not deploy to or does not know."""
    return _CLASSIC_ENVIRONMENTS.get(environment.strip().lower())


def as_written(value: Any) -> str:
    """``value`` as a stack file or another language writes it (``true``, ``["usgovernment"]``), not Python's repr;
    a string as it is."""
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return type(value).__name__


def without_count_consequences(problems: Sequence[Problem]) -> list[Problem]:
    """``problems`` without a list's "should have at least N items after validation" where an item of that list
    is already a problem: the item that failed is the one thing to change (``capabilities: [facial_recognitoin]``
    is one mistake, not also an empty list)."""
    kept: list[Problem] = []
    for problem in problems:
        consequence = "should have at least" in problem.message and "after validation" in problem.message
        below = any(len(p.loc) > len(problem.loc) and p.loc[: len(problem.loc)] == problem.loc for p in problems)
        if not (consequence and below):
            kept.append(problem)
    return kept


def environment_problems(environment: Any, cloud: CloudFacts, loc: Loc) -> list[Problem]:
    """Why the default provider's ``environment`` (``None`` when unset; see :func:`default_provider`) contradicts
    ``cloud``, if it does."""
    if environment is None:
        return []
    if isinstance(environment, MetadataHost):
        return [
            Problem(
                loc,
                f"`{METADATA_HOST_KEY}: {as_written(environment.host)}` sends the default provider's resources to "
                "whatever cloud "
                f"that endpoint describes, which the guard cannot establish, so it cannot judge them for "
                f"{cloud.display_name}; remove it and set `{ENVIRONMENT_KEY}` if needed",
            )
        ]
    if isinstance(environment, EnvironmentVariable):
        return _variable_problems(environment, cloud, loc)
    if is_encrypted(environment):
        return [Problem(loc, f"`{ENVIRONMENT_KEY}` {ENCRYPTED_SETTING}")]
    if not isinstance(environment, str) or environment.strip().lower() not in _ENVIRONMENTS:
        choices = ", ".join(sorted(_ENVIRONMENTS))
        return [
            Problem(
                loc,
                f"`{ENVIRONMENT_KEY}: {as_written(environment)}` names no cloud this project deploys to ({choices})",
            )
        ]
    provider = _ENVIRONMENTS[environment.strip().lower()]
    if provider.cloud == cloud.cloud:
        return []
    return [
        Problem(
            loc,
            f"the declaration deploys to {cloud.display_name}, but `{ENVIRONMENT_KEY}: {environment}` sends the "
            f"default provider's resources to {provider.display_name}; the guard judges where resources really go, "
            "so the two must agree: correct the cloud, or the environment",
        )
    ]


def provider_settings_problems(settings: Mapping[str, Any], cloud: CloudFacts, loc: Loc) -> list[Problem]:
    """Why the stack's other provider settings (full keys) contradict ``cloud``: the classic provider's
    ``azure:environment: usgovernment`` (or its other names for Azure Government, ``dod``, ``usgovernmentl4``,
    ``usgovernmentl5``; review R14), which makes the stack an Azure Government one for the policy pack (every
    Azure resource must then go through a Government provider), or a Government region as the default
    ``azure-native:location``, beside a declaration for another cloud; the entry points must read one stack one
    way (review R10). Another classic setting sends only classic resources, which this project's program makes
    none of; a consumer's are decided for each cloud it may send them to (the checker's ``_classic_clouds``)."""
    encrypted = [key for key in PROVIDER_SETTINGS if is_encrypted(settings.get(key))]
    problems = [Problem(loc, f"`{key}` {ENCRYPTED_SETTING}") for key in encrypted]
    if cloud.cloud == Cloud.USGOVERNMENT:
        return problems
    classic = settings.get(CLASSIC_ENVIRONMENT_KEY)
    classic_cloud = cloud_of_classic_environment(classic) if isinstance(classic, str) else None
    government = CLOUDS[Cloud.USGOVERNMENT]
    if classic_cloud is government:
        problems.append(
            Problem(
                loc,
                f"the declaration deploys to {cloud.display_name}, but `{CLASSIC_ENVIRONMENT_KEY}: {classic}` makes "
                f"this an {government.display_name} stack, where the policy pack holds every Azure resource to a "
                f"provider that deploys there; remove it, or declare `cloud: {government.provider_environment}`",
            )
        )
    location = settings.get(LOCATION_KEY)
    if government_region(location):
        problems.append(
            Problem(
                loc,
                f"the declaration deploys to {cloud.display_name}, but `{LOCATION_KEY}: {location}` is an "
                f"{government.display_name} region, where the default provider sends what names no location of its "
                f"own; remove it, or declare `cloud: {government.provider_environment}`",
            )
        )
    return problems


def _variable_problems(variable: EnvironmentVariable, cloud: CloudFacts, loc: Loc) -> list[Problem]:
    named = cloud_of_environment(variable.value)
    if named is not None and named.cloud == cloud.cloud:
        return []
    where = (
        f"the environment variable `{variable.name}={variable.value}`, which the default provider reads when "
        f"`{ENVIRONMENT_KEY}` is unset,"
    )
    if named is None:
        choices = ", ".join(sorted(_ENVIRONMENTS))
        message = f"{where} names no cloud this project deploys to ({choices})"
    else:
        message = (
            f"the declaration deploys to {cloud.display_name}, but {where} sends the default provider's resources to "
            f"{named.display_name}"
        )
    return [
        Problem(
            loc,
            f"{message}; the guard judges where resources really go, so unset it where `pulumi` runs, or set "
            f"`{ENVIRONMENT_KEY}: {cloud.provider_environment}` in the stack",
        )
    ]


ENCRYPTED: Final = (
    "is an encrypted (`secure:`) value, which cannot be judged offline or reviewed; a declaration must be plain "
    "text: write it unencrypted in the stack file (it says what the service is for, not a secret)"
)


def encrypted_problems(value: Any, loc: Loc) -> list[Problem]:
    """A problem at each ``secure:`` value (a mapping of only ``secure``) in ``value``: a stack file's encrypted
    config, which the guard cannot read, so nothing in it is proven allowed."""
    if isinstance(value, Mapping):
        if is_encrypted(value):
            return [Problem(loc, ENCRYPTED)]
        return [p for key, item in value.items() for p in encrypted_problems(item, (*loc, Key(str(key))))]
    if isinstance(value, list):
        return [p for i, item in enumerate(value) for p in encrypted_problems(item, (*loc, i))]
    return []


def _plain_value(key: str, value: Any, *, decode: bool) -> tuple[Any, list[Problem]]:
    """A config key's value as the readers validate it: a JSON object in a string decoded (when ``decode``),
    and refused wherever it holds an encrypted value. Checked after decoding, since the offline plan's engine
    hands an undecrypted value to the program as JSON text."""
    try:
        readable = config_mapping(value, (Key(key),)) if decode else value
    except DeclarationError as error:
        return None, list(error.problems)
    return readable, encrypted_problems(readable, (Key(key),))


TOO_DEEP: Final = f"exceeded maximum nesting depth ({MAX_JSON_DEPTH} levels of objects or arrays)"
"""The JSON and YAML readers' limit, for a declaration given as Python values, which would otherwise exhaust
Python's recursion while it is validated."""


def depth_problems(value: Any, loc: Loc = ()) -> list[Problem]:
    """A problem if ``value`` nests mappings, lists or tuples more than :data:`MAX_JSON_DEPTH` levels deep (``value``
    itself is the first), at the first three steps of the path there (enough to name the field, where the whole
    path would be as long as the nesting); found without recursion, so any depth is reported."""
    pending: list[tuple[Any, int, Loc]] = [(value, 1, loc)]
    while pending:
        item, depth, at = pending.pop()
        if isinstance(item, Mapping):
            children: list[tuple[Any, Loc]] = [(v, (*at, Key(str(k)))) for k, v in item.items()]
        elif isinstance(item, list | tuple):
            children = [(v, (*at, i)) for i, v in enumerate(item)]
        else:
            continue
        if depth > MAX_JSON_DEPTH:
            return [Problem(at[: len(loc) + 3], f"is a value that {TOO_DEEP}")]
        pending += [(child, depth + 1, child_at) for child, child_at in children]
    return []


def unknown_config_key(key: str) -> Problem:
    """``key`` (without the project's namespace) is none of the keys this project's namespace holds: a look-alike
    of one is named as such."""
    reads = f"unknown config key; this project reads {', '.join(CONFIG_KEYS)}"
    return Problem((Key(key),), look_alike_message("unknown config key", key, CONFIG_KEYS) or reads)


def read_stack_config(
    config: Mapping[str, Any],
    *,
    environment: Any = None,
    secret_keys: Collection[str] = (),
    providers: Mapping[str, Any] | None = None,
) -> Declaration:
    """Read and decide a stack's config: keys without the ``azure-openai-guarded:`` prefix, values as a stack
    file or ``PULUMI_CONFIG`` gives them; ``environment`` is the stack's ``azure-native:environment``, and
    ``providers`` its other provider settings (full keys; see :func:`provider_settings_problems`).
    ``secret_keys`` are the keys Pulumi says are secrets, which it hands a program decrypted: each is refused as
    the checker refuses the ``secure:`` value it sees in the stack file."""
    too_deep = depth_problems(config)
    if too_deep:
        raise DeclarationError(too_deep)
    problems: list[Problem] = []
    known: dict[str, Any] = {}
    unreadable: set[str] = set()
    for key, value in config.items():
        if key in secret_keys:
            problems.append(Problem((Key(key),), ENCRYPTED))
            continue
        if key not in CONFIG_KEYS:
            problems.append(unknown_config_key(key))
            continue
        readable, found = _plain_value(key, value, decode=key in _MAPPING_KEYS)
        problems += found
        if found:
            unreadable.add(key)
            continue
        known[key] = readable
        if key == "service":
            known[key], found = _with_project_use_cases(known[key], ("service",))
            problems += found
    stack: StackConfig | None = None
    try:
        stack = validate(StackConfig, known, spelling="config")
    except DeclarationError as error:
        # A key whose value could not be read was left out; that it is then missing says nothing more (review R28).
        found_here = without_count_consequences(error.problems)
        problems += [p for p in found_here if not (len(p.loc) == 1 and p.path_in(CONFIG_NAMING) in unreadable)]
    if stack is None:
        raise DeclarationError(problems)
    cloud = CLOUDS[stack.service.cloud]
    problems += [p.within("service") for p in check_service(stack.service, cloud)]
    problems += _named_account_problems(stack)
    problems += environment_problems(environment, cloud, ("service", "cloud"))
    problems += provider_settings_problems(providers or {}, cloud, ("service", "cloud"))
    projects, project_problems = _projects(stack.service, "config", ("service",))
    problems += project_problems
    if problems:
        raise DeclarationError(problems)
    texts = service_texts(stack.service, ("service",), CONFIG_NAMING)
    return _decided(cloud, stack.guard_profile, stack.use_case, stack.service, projects, CONFIG_NAMING, texts)


def _named_account_problems(stack: StackConfig) -> list[Problem]:
    """Why the use case's name cannot name the account, where ``service.accountName`` is left out: the program
    names the component, and so the account and its custom subdomain, after the use case, and Azure's rule for an
    account name (2 to 64 characters) is not a use-case name's (1 to 63; review R28: ``name: g`` passed the
    checker and the pack, and the program then refused it)."""
    if stack.service.account_name is not None or stack.use_case is None:
        return []
    try:
        account_name_check(stack.use_case.name)
    except ValueError as error:
        return [
            Problem(
                ("use_case", "name"),
                f"is also the account name and its custom subdomain, since `service.{{account_name}}` is left out: "
                f"{error}; set `service.{{account_name}}` to a valid one, or rename the use case",
            )
        ]
    return []


class ConsumerConfig(DeclarationModel):
    """The declaration in a consumer project's own config namespace: its program passes it to a component, and
    writes the component's other arguments (the service) in code."""

    guard_profile: GuardProfile = GuardProfile.TERMS
    """The rule set to apply: ``terms`` (default) or ``strict``."""

    use_case: UseCase | None = None
    """The use-case declaration. A stack without one is denied."""


CONSUMER_KEYS: Final = tuple(field.alias or name for name, field in ConsumerConfig.model_fields.items())
"""The keys of a consumer project's namespace that declare; the project's other keys are its own."""


def read_consumer_config(
    config: Mapping[str, Any], *, environment: Any = None, described: Sequence[Text] = ()
) -> Verdict:
    """Decide the declaration in a consumer project's config (keys without its namespace), read as a stack's is,
    for the cloud of the default provider (``environment``, see :func:`default_provider`). Its service is in the
    program, so it is checked when the program runs; a near miss of a declaring key is an error. ``described`` is
    the service's text known beforehand (see :func:`service_texts`), which the tripwire reads with the purpose."""
    problems: list[Problem] = []
    known: dict[str, Any] = {}
    for key, value in config.items():
        if key not in CONSUMER_KEYS:
            near = next((k for k in CONSUMER_KEYS if is_near_word(key, k)), None)
            if near is not None:
                problems.append(Problem((Key(key),), f"unknown key; did you mean `{near}`?"))
            continue
        readable, found = _plain_value(key, value, decode=True)
        problems += found
        if not found:
            known[key] = readable
    declared: ConsumerConfig | None = None
    try:
        declared = validate(ConsumerConfig, known, spelling="config")
    except DeclarationError as error:
        problems += without_count_consequences(error.problems)
    # The environment decides the cloud; one that names none (or a metadata host) is an error, as in a stack.
    named = cloud_of_environment(environment) if isinstance(environment, str) else None
    cloud = named or COMMERCIAL
    if named is None:
        problems += environment_problems(environment, cloud, ())
    if problems or declared is None:
        raise DeclarationError(problems)
    return evaluate_use_case(declared.use_case, cloud.cloud, declared.guard_profile, described)


_STRICTNESS: Final = (GuardProfile.TERMS, GuardProfile.STRICT)


def as_profile(value: object) -> GuardProfile:
    """``value``, a ``guardProfile`` as config gives it, as a guard profile; raises :class:`ValueError` saying why it
    is none (``is "Strict", which is no guard profile; write terms or strict``), for a message to put its key before."""
    if isinstance(value, str) and value in {p.value for p in GuardProfile}:
        return GuardProfile(value)
    try:
        written = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        written = type(value).__name__
    profiles = " or ".join(p.value for p in GuardProfile)
    raise ValueError(f"is {written}, which is no guard profile; write {profiles}")


def stricter(profile: GuardProfile, least: GuardProfile | None) -> GuardProfile:
    """``profile``, raised to ``least`` when that is stricter (as the checker's ``--profile``: never weakened)."""
    if least is None:
        return profile
    return max(profile, least, key=_STRICTNESS.index)


def read_component_args(
    args: Any,
    cloud: CloudFacts,
    *,
    spelling: Spelling,
    environment: Any = None,
    found: Sequence[Problem] = (),
    least_profile: GuardProfile | None = None,
    resource_name: str | None = None,
) -> Declaration:
    """Read and decide a component's arguments for ``cloud``: a Python dict (``spelling="python"``), or another
    language's inputs (``spelling="config"``). ``environment`` is the stack's ``azure-native:environment`` when
    the component's resources use the default provider; ``found`` are problems the caller found outside ``args``
    (its resource options), reported first; ``least_profile`` raises the arguments' guard profile (the consuming
    project's own ``guardProfile``), never lowers it; ``resource_name`` is the component's, its account's name
    when the arguments give none."""
    problems = list(found)
    if not isinstance(args, Mapping):
        raise DeclarationError([*problems, Problem((), f"args must be a dict (got {type(args).__name__})")])
    too_deep = depth_problems(args)
    if too_deep:
        raise DeclarationError([*problems, *too_deep])
    decoded, text_problems = _with_use_cases(args)
    problems += text_problems
    unreadable = any(p.loc[:1] and p.loc[0] in _USE_CASE_KEYS for p in text_problems)
    service: ServiceArgs | None = None
    try:
        service = validate(ServiceArgs, decoded, spelling=spelling)
    except DeclarationError as error:
        # A use case whose text is invalid was left out; that it is then missing says nothing more.
        found_here = without_count_consequences(error.problems)
        problems += [p for p in found_here if not (unreadable and p.loc == ("use_case",))]
    if service is None:
        raise DeclarationError(problems)
    problems += check_service(service, cloud)
    problems += environment_problems(environment, cloud, ())
    projects, project_problems = _projects(service, spelling, ())
    problems += project_problems
    if problems:
        raise DeclarationError(problems)
    naming = CONFIG_NAMING if spelling == "config" else PYTHON_NAMING
    profile = stricter(service.guard_profile, least_profile)
    texts = service_texts(service, (), naming, resource_name)
    return _decided(cloud, profile, service.use_case, service, projects, naming, texts)


_USE_CASE_KEYS: Final = ("use_case", "useCase")


def _with_use_cases(args: Mapping[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """``args`` with its use case and each project's given as a string holding one JSON object decoded, as a
    stack file's ``useCase`` is (see ``guards.declaration``), so every position of a declaration reads alike;
    and the problems with that text. A use case whose text is invalid is left out, as a stack's is."""
    problems: list[Problem] = []
    decoded = dict(args)
    for key in _USE_CASE_KEYS:
        if key in decoded:
            try:
                decoded[key] = config_mapping(decoded[key], (Key(key),))
            except DeclarationError as error:
                problems += error.problems
                del decoded[key]
    decoded, found = _with_project_use_cases(decoded, ())
    return decoded, problems + found


def _with_project_use_cases(service: Any, loc: Loc) -> tuple[Any, list[Problem]]:
    """``service`` with each project's use case given as a string holding one JSON object decoded (one whose
    text is invalid left out), and the problems with that text."""
    # A tuple is a list here, as validation takes it: its projects' text is decoded alike.
    if not isinstance(service, Mapping) or not isinstance(service.get("projects"), list | tuple):
        return service, []
    problems: list[Problem] = []
    projects: list[Any] = []
    for i, project in enumerate(service["projects"]):
        if isinstance(project, Mapping):
            project = dict(project)
            for key in _USE_CASE_KEYS:
                if key in project:
                    try:
                        project[key] = config_mapping(project[key], (*loc, "projects", i, Key(key)))
                    except DeclarationError as error:
                        problems += error.problems
                        del project[key]
        projects.append(project)
    return {**service, "projects": projects}, problems


def _projects(
    settings: ServiceSettings, spelling: Spelling, loc: Loc
) -> tuple[tuple[ProjectDeclaration, ...], list[Problem]]:
    # A project's own declaration is read as the component's `use_case` is, so both are decided alike.
    declarations: list[ProjectDeclaration] = []
    problems: list[Problem] = []
    naming = CONFIG_NAMING if spelling == "config" else PYTHON_NAMING
    for i, project in enumerate(settings.projects):
        at = (*loc, "projects", i, "use_case")
        path = Problem(at, "").path_in(naming)
        # Its name, display name and description say what it is for as much as a purpose does.
        text = project.texts(naming)
        texts = described(text, Problem(at[:-1], "").path_in(naming), tuple(text))
        if project.use_case is None:
            declarations.append(ProjectDeclaration(project.name, None, path, texts))
            continue
        try:
            use_case = validate(UseCase, project.use_case, at, spelling=spelling)
        except DeclarationError as error:
            problems += without_count_consequences(error.problems)
            continue
        declarations.append(ProjectDeclaration(project.name, use_case, path, texts))
    return tuple(declarations), problems


DEFAULT_ACCOUNT_NAME: Final = "the component's name (its account's name)"
"""Where a component's name is read from when it names the account: the arguments give no account name."""


def service_texts(
    settings: ServiceSettings, loc: Loc, naming: Naming, resource_name: str | None = None
) -> tuple[Text, ...]:
    """The names the service gives what it creates in Azure (and the hosts it may call: the table
    ``guards.resource_texts.SERVICE_NAMES``), and its tags, each with its path under ``loc``: they say what the
    account is for as much as a use case's name does, so the tripwire reads them.
    ``resource_name`` is the component's, read as the account's name when the settings give none. The guard's own
    tags are set from the declaration, and a blocklist's description says what is blocked, so neither is read."""

    def at(*path: str | int) -> str:
        return Problem((*loc, *path), "").path_in(naming)

    # The component's name names the account when the settings give none; a resource group given as another
    # resource's output is known only when the program runs, and is not text.
    account = [(DEFAULT_ACCOUNT_NAME, resource_name)] if not settings.account_name and resource_name else []
    names = service_names(lambda field: getattr(settings, field), getattr)
    return (
        *account,
        *((at(*path), value) for path, value in names if isinstance(value, str) and value),
        *((path, value) for path, value in tag_texts(settings.tags, at("tags")).items() if value),
    )


def _decided(
    cloud: CloudFacts,
    profile: GuardProfile,
    use_case: UseCase | None,
    settings: ServiceSettings,
    projects: tuple[ProjectDeclaration, ...],
    naming: Naming,
    texts: tuple[Text, ...],
) -> Declaration:
    declaration = Declaration(
        cloud=cloud,
        profile=profile,
        use_case=use_case,
        settings=settings,
        catalogue=catalogue_for(settings, cloud),
        verdict=evaluate_use_case(use_case, cloud.cloud, profile, texts),
        projects=projects,
        project_decisions=decide_projects(
            projects, use_case, cloud.cloud, profile, stack_path=naming("use_case"), account=texts
        ),
        naming=naming,
    )
    return _issue(declaration)
