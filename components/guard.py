"""How the components and the program say no: invalid arguments or a denied use case, before anything is registered.

Both are :class:`pulumi.RunError`, so the Pulumi CLI prints the reasons without a traceback. A component
names itself; the program names its stack file.
"""

from __future__ import annotations

import asyncio
import os
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, cast

import pulumi
from pulumi.output import Unknown
from pulumi.resource import DependencyResource
from pulumi.runtime.config import CONFIG, get_config_env, is_config_secret
from pulumi.runtime.stack import Stack
from pulumi.runtime.sync_await import _sync_await

from azure_openai_guarded.guards import (
    CONFIG_NAMING,
    PROJECT,
    PYTHON_NAMING,
    DeclarationError,
    GuardProfile,
    Problem,
    UseCase,
    Verdict,
    evaluate_use_case,
)
from azure_openai_guarded.guards.declaration import MAX_JSON_DEPTH, Key, Loc, Spelling, config_mapping, validate
from azure_openai_guarded.guards.deployment import reading_for
from azure_openai_guarded.guards.projectfile import apply_project, running_stack_file
from azure_openai_guarded.guards.projects import ProjectDecision
from azure_openai_guarded.guards.stack_config import StackContext, stack_context
from azure_openai_guarded.guards.stackfile import StackFileError, is_near_word, misplaced_problems, read_stack_file

from .clouds import CLOUDS, COMMERCIAL, CloudFacts
from .declaration import (
    CONFIG_KEYS,
    DISABLE_DEFAULT_PROVIDERS,
    ENCRYPTED,
    PROVIDER_SETTINGS,
    Declaration,
    EnvironmentVariable,
    as_profile,
    default_provider,
    default_providers_problems,
    environment_problems,
    provider_settings_problems,
    read_component_args,
    secret_as_written,
    stricter,
    unissued_reason,
    unknown_config_key,
)
from .fields import account_name_check
from .providers import CloudProvider, CommercialProvider, GovernmentProvider, recorded_cloud


class InvalidArgsError(DeclarationError, pulumi.RunError):
    """The declaration cannot be provisioned; ``problems`` lists every reason."""

    def __init__(self, where: str, problems: Iterable[Problem], lines: Iterable[str], what: str) -> None:
        super().__init__(problems)
        shown = "\n".join(f"  {line}" for line in lines)
        # DeclarationError's own text names fields as a stack file does; this one names them as the caller does.
        self.args = (f"{where}: {what}; nothing was created.\n{shown}",)

    def __str__(self) -> str:
        return str(self.args[0])


class GuardDeniedError(pulumi.RunError):
    """The guard denied the use case; nothing was registered."""

    def __init__(self, where: str, verdict: Verdict, what: str = "this use case") -> None:
        self.verdict = verdict
        super().__init__(f"{where}: the guard denied {what}; nothing was created.\n{verdict.summary()}")


class SchemaInputs(dict[str, Any]):
    """A component's inputs as the engine sends them from another language: keyed by the schema's camelCase names.

    The component provider hands these to a component instead of Python arguments, so that they are read with
    the stack files' names (never the Python ones), and problems name the fields as that language writes them.
    """


AZURE_NATIVE = "azure-native"


def azure_native_providers(opts: pulumi.ResourceOptions | None) -> list[pulumi.ProviderResource]:
    """The azure-native providers the resources under ``opts`` may use: the one Pulumi hands the component's children
    (its provider map built as :meth:`pulumi.Resource._get_providers` builds it, over the parent's), and any other
    azure-native provider ``opts`` names, which the guard checks as well (fail closed). Anything there that is not a
    provider, or a map Pulumi could read otherwise than the guard, is left out here and refused by
    :func:`opts_problems`."""
    if not isinstance(opts, pulumi.ResourceOptions):
        return []
    named = [
        p
        for loc, p in _given_providers(opts)
        if isinstance(p, pulumi.ProviderResource) and (p.package == AZURE_NATIVE or loc[-1] == Key(AZURE_NATIVE))
    ]
    used = _children_providers(opts).get(AZURE_NATIVE)
    chosen = [used] if isinstance(used, pulumi.ProviderResource) else []
    return chosen + [p for p in named if p is not used]


_PLAIN_LISTS: Final = (list, tuple)


def _children_providers(opts: pulumi.ResourceOptions) -> dict[object, object]:
    """The provider map the component keeps for its children, as Pulumi builds it: ``opts.providers`` (a list keyed by
    each provider's package), ``opts.provider`` under its package unless the map has one, over the parent's map.
    Only plain lists, tuples and dicts are read (their own methods, never a subclass's): any other is refused."""
    providers: object = opts.providers
    given: dict[object, object] = {}
    if type(providers) in _PLAIN_LISTS:
        given = {getattr(p, "package", None): p for p in cast(Sequence[object], providers)}
    elif type(providers) is dict:
        given = dict(cast(dict[object, object], providers))
    if isinstance(opts.provider, pulumi.ProviderResource) and opts.provider.package not in given:
        given[opts.provider.package] = opts.provider
    inherited = _inherited_providers(opts.parent)
    return {**(inherited if type(inherited) is dict else {}), **given}


def _inherited_providers(parent: object) -> object:
    """The parent's provider map, as Pulumi reads it (``parent._providers``), without running any code of the parent's
    class: the instance's own attribute, ``{}`` for none."""
    if not isinstance(parent, pulumi.Resource):
        return {}
    return vars(parent).get("_providers", {})


def _given_providers(opts: pulumi.ResourceOptions) -> list[tuple[Loc, object]]:
    """Each provider ``opts`` names, with where it is named (``opts.provider``, ``opts.providers[...]``), read from a
    plain list, tuple or dict only."""
    given: list[tuple[Loc, object]] = []
    if opts.provider is not None:
        given.append(((Key("opts"), Key("provider")), opts.provider))
    providers: object = opts.providers
    if type(providers) is dict:
        items = dict.items(cast(dict[object, object], providers))
        given += [((Key("opts"), Key("providers"), Key(str(k))), p) for k, p in items]
    elif type(providers) in _PLAIN_LISTS:
        given += [((Key("opts"), Key("providers"), i), p) for i, p in enumerate(cast(Sequence[object], providers))]
    return given


def _map_problems(providers: object, where: Loc, what: str, fix: str) -> list[Problem]:
    """What makes a provider map one Pulumi could read otherwise than the guard: not a plain ``dict``, a key that is
    not a plain string, or a provider keyed under another package than its own (Pulumi looks a provider up by the
    key, so a provider under the wrong key is never used, and another one is)."""
    if type(providers) is not dict:
        return [
            Problem(
                where,
                f"{what} is a {type(providers).__name__}, not a plain dict, which Pulumi copies with its own methods "
                f"while the guard could read it through the class's; {fix}",
            )
        ]
    problems: list[Problem] = []
    for key, provider in dict.items(cast(dict[object, object], providers)):
        if type(key) is not str:
            problems.append(
                Problem(where, f"{what} has the key {_python_value(key)}, not a plain string naming a package")
            )
        elif isinstance(provider, pulumi.ProviderResource) and provider.package != key:
            problems.append(
                Problem(
                    (*where, Key(key)),
                    f"is a provider for {provider.package!r} under the key {key!r}: Pulumi hands it only to "
                    f"resources of the package {key!r} and never to {provider.package!r} ones; key it "
                    f"{provider.package!r}, or pass a list of providers",
                )
            )
    return problems


def _parent_problems(parent: pulumi.Resource) -> list[Problem]:
    """What makes the parent's provider map one Pulumi could read otherwise than the guard (see :func:`_map_problems`),
    or a map defined by its class rather than kept by Pulumi on the parent itself."""
    where = (Key("opts"), Key("parent"))
    if any("_providers" in vars(c) for c in type(parent).__mro__):
        return [
            Problem(
                where,
                f"is a {type(parent).__name__}, whose class defines `_providers`, the provider map Pulumi hands its "
                "children, so the guard cannot read which provider they get; let Pulumi keep it",
            )
        ]
    inherited = _inherited_providers(parent)
    problems = _map_problems(
        inherited, where, "its provider map (`_providers`)", "leave the plain dict Pulumi keeps there as it is"
    )
    if type(inherited) is dict:
        problems += [
            Problem(where, f"its provider map holds {_python_value(p)} for {k!r}, not a provider resource")
            for k, p in dict.items(cast(dict[object, object], inherited))
            if not isinstance(p, pulumi.ProviderResource)
        ]
    return problems


def _python_value(value: object) -> str:
    """``value`` as a Python caller would recognise it in a message: its type, and a short repr of a plain value."""
    shown = repr(value) if isinstance(value, str | int | float | bool) else ""
    return f"{type(value).__name__} {shown}".rstrip() if len(shown) <= 60 else f"{type(value).__name__} {shown[:57]}..."


def opts_problems(opts: object) -> list[Problem]:
    """What is malformed in a component's ``opts``: not a :class:`pulumi.ResourceOptions`, a ``parent`` that is not a
    resource, a provider that is not a provider resource, or an ``id``, ``urn`` or ``import_`` (a component is never
    read or imported: the guard decides what it registers). Checked first, so that the guard's other checks read only
    well-formed options."""
    if opts is None:
        return []
    if not isinstance(opts, pulumi.ResourceOptions):
        return [
            Problem(
                (Key("opts"),),
                f"must be a pulumi.ResourceOptions, not {_python_value(opts)}; write "
                "pulumi.ResourceOptions(...) with the same options",
            )
        ]
    if type(opts) is not pulumi.ResourceOptions:
        return [
            Problem(
                (Key("opts"),),
                f"must be a pulumi.ResourceOptions itself, not a {type(opts).__name__}, whose options Pulumi could "
                "read otherwise than the guard; write pulumi.ResourceOptions(...) with the same options",
            )
        ]
    problems: list[Problem] = []
    if opts.parent is not None and not isinstance(opts.parent, pulumi.Resource):
        problems.append(
            Problem(
                (Key("opts"), Key("parent")),
                f"must be a resource (the component's parent), not {_python_value(opts.parent)}",
            )
        )
    elif isinstance(opts.parent, pulumi.Resource):
        problems += _parent_problems(opts.parent)
    for loc, provider in _given_providers(opts):
        if not isinstance(provider, pulumi.ProviderResource):
            problems.append(Problem(loc, f"must be a provider resource, not {_python_value(provider)}"))
    providers: object = opts.providers
    if type(providers) is dict:
        problems += _map_problems(
            providers, (Key("opts"), Key("providers")), "the map", "pass a plain list of providers or a plain dict"
        )
    elif providers is not None and type(providers) not in _PLAIN_LISTS:
        problems.append(
            Problem(
                (Key("opts"), Key("providers")),
                "must be a list of providers or a mapping of package name to provider, as a plain list, tuple or "
                f"dict (which Pulumi and the guard read alike), not {_python_value(providers)}",
            )
        )
    if opts.id is not None:
        problems.append(
            Problem(
                (Key("opts"), Key("id")),
                "is refused: a component cannot be read from the cloud by its id; the guard decides what it provisions",
            )
        )
    for option in ("urn", "import_"):
        if getattr(opts, option) is not None:
            problems.append(
                Problem(
                    (Key("opts"), Key(option)),
                    "is refused: Pulumi would read or import an existing component, whose registered declaration is "
                    "not the one the guard decided, instead of registering this one; the guard decides what it "
                    "provisions",
                )
            )
    return problems


def provider_cloud(provider: pulumi.ProviderResource) -> CloudFacts | None:
    """The cloud ``provider`` sends resources to, as its constructor registered it (a ``CommercialProvider`` or a
    ``GovernmentProvider`` itself, given no transformations); ``None`` for any other provider, whose
    ``environment`` or ``metadata_host`` may name any cloud, or one known only at deployment."""
    recorded = recorded_cloud(provider)
    return recorded.cloud if recorded is not None and not recorded.transformed else None


def _unestablished(provider: pulumi.ProviderResource) -> str:
    """Why the guard cannot establish where ``provider`` sends resources, in terms of what the caller did."""
    recorded = recorded_cloud(provider)
    if recorded is not None and recorded.transformed:
        return (
            f"the provider {provider._name!r} was given transformations or transforms (its own, its parent's or the "
            "stack's), which may change the environment it registers after the guard has decided; create it "
            "without them"
        )
    if type(provider) in (CommercialProvider, GovernmentProvider):
        return (
            f"the provider {provider._name!r} is a {type(provider).__name__} its constructor did not register (built "
            "around it, or reading an existing provider by its urn, id or import_, whose environment may be any "
            "cloud's); create it with its constructor and without those options"
        )
    if isinstance(provider, CloudProvider):
        return (
            f"the provider {provider._name!r} is a {type(provider).__name__}, a subclass of "
            f"{', '.join(c.__name__ for c in type(provider).__mro__ if c in (CommercialProvider, GovernmentProvider))}"
            ", which may register another environment; the guard trusts only a CommercialProvider or a "
            "GovernmentProvider itself"
        )
    return UNKNOWN_PROVIDER


UNKNOWN_PROVIDER = (
    "an azure-native provider was given (in `opts` or inherited from the parent) that does not record its cloud, "
    "so the guard cannot establish where the resources go; in Python pass a CommercialProvider or a "
    "GovernmentProvider instead (both fix their environment), or no provider and the stack's default provider "
    "(whose `azure-native:environment` is checked) is used; from another language pass no azure-native provider"
)


METADATA_HOST_VARIABLE: Final = "ARM_METADATA_HOSTNAME"
"""Where pulumi-azure-native reads a metadata host when its ``metadataHost`` is unset: for every provider."""

ENVIRONMENT_VARIABLES: Final = ("ARM_ENVIRONMENT", "AZURE_ENVIRONMENT")
"""Where pulumi-azure-native reads its environment when its ``environment`` is unset: the default provider's."""


TRANSFORMS_REFUSED = (
    "is refused: a transformation runs after the guard has decided, and can move the component's resources to "
    "another provider (so another cloud) or change what was checked, which the component cannot see; pass "
    "arguments and a provider instead. A stack transform a program in another language registers is not seen "
    "here: the policy pack's mandatory `guard-cloud-matches-provider` check is the backstop that fails a resource "
    "whose provider deploys elsewhere than the cloud it was decided for"
)

STACK_TRANSFORMATION: Final = "pulumi.runtime.register_stack_transformation"
STACK_TRANSFORM: Final = "pulumi.runtime.register_resource_transform"


def _root_transformations() -> list[Any]:
    """The stack transformations: Pulumi keeps them on the root stack resource, and every resource inherits them."""
    root = pulumi.runtime.get_root_resource()
    return list(getattr(root, "_transformations", None) or [])


def _engine_transforms() -> bool:
    """Whether the program has registered transforms with the engine: stack transforms
    (``register_resource_transform``, ``register_stack_transform``), invoke transforms, or a resource's
    ``transforms`` option. Pulumi keeps no record of which resource a transform belongs to, only its callback
    server's (the mock monitor's, under mocks), so any of them counts."""
    from pulumi.runtime._callbacks import _CallbackServicer

    monitor = pulumi.runtime.settings.SETTINGS.monitor
    if getattr(monitor, "_stack_transforms", None):
        return True
    try:
        loop: object = asyncio.get_running_loop()
    except RuntimeError:
        loop = None
    servicers = getattr(_CallbackServicer, "_servicers", [])
    return any(getattr(s, "_transforms", None) for s in servicers if loop is None or s._loop is loop)


def transform_problems(opts: pulumi.ResourceOptions | None) -> list[Problem]:
    """A problem for each of ``transformations`` and ``transforms`` given in ``opts``, for transformations the parent
    passes on to its children, for a stack transformation (on the root stack resource) and for transforms the
    program registered with the engine, as Pulumi applies each of them to the component's resources (fail closed:
    what a transformation does to the resources cannot be known before it runs, after the verdict). Each is named
    as the user gave it: a stack transformation is not blamed on the parent that inherits it."""
    problems: list[Problem] = []
    if isinstance(opts, pulumi.ResourceOptions):
        given = {"transformations": opts.transformations, "transforms": opts.transforms}
        problems += [Problem((Key("opts"), Key(name)), TRANSFORMS_REFUSED) for name, value in given.items() if value]
    stack = _root_transformations()
    if stack:
        problems.append(
            Problem(
                (Key(STACK_TRANSFORMATION),),
                "a stack transformation applies to every resource the stack registers after it, the component's "
                f"included, so it {TRANSFORMS_REFUSED}",
            )
        )
    parent = opts.parent if isinstance(opts, pulumi.ResourceOptions) else None
    inherited = (getattr(parent, "_transformations", None) or []) if isinstance(parent, pulumi.Resource) else []
    if any(t not in stack for t in inherited):
        problems.append(
            Problem(
                (Key("opts"), Key("parent")),
                f"passes its transformations on to the component's resources, so it {TRANSFORMS_REFUSED}",
            )
        )
    if isinstance(parent, pulumi.Resource) and not isinstance(parent, DependencyResource | Stack):
        # Pulumi registers a parent's `transforms` with the engine while it registers the parent, asynchronously
        # and keeping no copy: wait until it is registered, so that they are among the engine's transforms below.
        _sync_await(parent.urn.future())
    if _engine_transforms():
        problems.append(
            Problem(
                (Key(STACK_TRANSFORM),),
                "the program registered transforms with the engine (a stack transform with "
                f"`{STACK_TRANSFORM}` or `register_stack_transform`, an invoke transform, or a resource's `transforms` "
                "option, such as this component's parent's), and the component cannot tell which reach its "
                f"resources, so they are refused: {TRANSFORMS_REFUSED.removeprefix('is refused: ')}",
            )
        )
    return problems


def provider_problems(opts: pulumi.ResourceOptions | None, cloud: CloudFacts) -> list[Problem]:
    """A problem for each azure-native provider under ``opts`` that deploys elsewhere than ``cloud``, or whose
    cloud cannot be established (fail closed).

    Jurisdiction follows where the resources really go: a component for commercial Azure given a provider
    for Azure Government would be judged for the wrong cloud. A transformation may re-point them too, so any given
    to the component is refused (see :func:`transform_problems`).
    """
    shape = opts_problems(opts)
    if shape:
        return shape
    problems = transform_problems(opts)
    host = os.environ.get(METADATA_HOST_VARIABLE)
    if host:
        problems.append(
            Problem(
                (Key(METADATA_HOST_VARIABLE),),
                f"the environment variable `{METADATA_HOST_VARIABLE}={host}` makes every azure-native provider (the "
                "default one, a CommercialProvider and a GovernmentProvider alike) take its cloud from whatever that "
                "metadata endpoint describes instead of its environment, which the guard cannot establish, so it "
                f"cannot judge the resources for {cloud.display_name}; unset it where `pulumi` runs",
            )
        )
    disabled = default_providers_problems(
        provider_setting(DISABLE_DEFAULT_PROVIDERS), cloud, provider_given=bool(azure_native_providers(opts))
    )
    problems += [_by_whole_key(p) for p in disabled]
    for provider in azure_native_providers(opts):
        elsewhere = provider_cloud(provider)
        if elsewhere is None:
            problems.append(Problem((Key("opts"),), _unestablished(provider)))
        elif elsewhere.cloud != cloud.cloud:
            problems.append(
                Problem(
                    (Key("opts"),),
                    f"the provider deploys to {elsewhere.display_name}, and this component provisions "
                    f"{cloud.display_name}; use the component for {elsewhere.display_name}, which the guard then "
                    "judges for where the resources really go",
                )
            )
    return problems


GOVERNMENT_TOKEN: Final = "azure-openai-guarded:index:AzureGovernmentOpenAIService"
"""The Government component's type token: the policy pack judges whatever descends from a resource of this type for
Azure Government."""

_COMPOSING: Final[weakref.WeakKeyDictionary[pulumi.Resource, object]] = weakref.WeakKeyDictionary()
"""Each Government component while it builds its own inner component, with the declaration it hands it."""


@contextmanager
def composing(component: pulumi.Resource, declaration: object) -> Iterator[None]:
    """While ``component`` (an ``AzureGovernmentOpenAIService``) builds its inner component with ``declaration``:
    the one commercial component allowed beneath it."""
    _COMPOSING[component] = declaration
    try:
        yield
    finally:
        _COMPOSING.pop(component, None)


def ancestor_types(parent: pulumi.Resource) -> list[str]:
    """The type tokens of ``parent`` and its ancestors, outermost first, from its URN (as the policy pack reads a
    resource's ancestry), once the engine has registered it."""
    urn = _sync_await(parent.urn.future()) if not isinstance(parent, Stack) else None
    parts = urn.split("::", 3) if isinstance(urn, str) else []
    return parts[2].split("$") if len(parts) == 4 else []


def government_parent_problems(opts: pulumi.ResourceOptions | None, declaration: object) -> list[Problem]:
    """A problem if the commercial component under ``opts`` would descend from a Government component (or any
    resource of its type token), which the policy pack judges for Azure Government, while it decides for commercial
    Azure: only the Government component's own inner component, built with its declaration, sits there."""
    parent = opts.parent if isinstance(opts, pulumi.ResourceOptions) else None
    if not isinstance(parent, pulumi.Resource) or GOVERNMENT_TOKEN not in ancestor_types(parent):
        return []
    if declaration is not None and parent in _COMPOSING and _COMPOSING[parent] is declaration:
        return []
    return [
        Problem(
            (Key("opts"), Key("parent")),
            f"descends from an AzureGovernmentOpenAIService (a resource of type {GOVERNMENT_TOKEN}), whose resources "
            "the policy pack judges for Azure Government, while this component decides its use case for commercial "
            "Azure; only the Government component's own inner component sits there. Give this component a parent "
            "outside the Government component, or provision it with AzureGovernmentOpenAIService",
        )
    ]


def name_problems(name: object, account_name: object) -> list[Problem]:
    """What is wrong with a component's ``name``: Pulumi takes a non-empty string only, and where ``account_name`` is
    left out (``None``) the name is also the account's name and custom subdomain, so Azure's rule for
    ``account_name`` applies to it (checked here, since the readers never see the name)."""
    if not isinstance(name, str) or not name:
        shown = "an empty string" if name == "" else _python_value(name)
        return [Problem((Key("name"),), f"must be a non-empty string (the component's resource name), not {shown}")]
    if account_name is not None:
        return []
    try:
        account_name_check(name)
    except ValueError as error:
        return [
            Problem(
                (Key("name"),),
                f"is also the account name and its custom subdomain, since {{account_name}} is left out: {error}; "
                "set {account_name} to a valid one, or rename the component",
            )
        ]
    return []


def given_account_name(args: object, spelling: Spelling) -> object:
    """The ``account_name`` ``args`` give (``accountName`` from another language), ``None`` if they leave it out;
    arguments that are no mapping give none, and the reader refuses them."""
    key = "accountName" if spelling == "config" else "account_name"
    return args.get(key) if isinstance(args, Mapping) else None


NOT_ISSUED = (
    "the declaration {reason}, so nothing decided its cloud or its verdict; pass the Declaration a reader returned, "
    "as it is, or pass the arguments"
)


def refuse_unissued(where: str, declaration: object) -> None:
    """Raise :class:`InvalidArgsError` unless ``declaration`` is one the readers issued, unchanged (see
    ``unissued_reason``)."""
    reason = unissued_reason(declaration)
    if reason is not None:
        problems = [Problem((Key("declaration"),), NOT_ISSUED.format(reason=reason))]
        raise InvalidArgsError(where, problems, [p.line(PYTHON_NAMING) for p in problems], "the arguments are invalid")


def refuse_elsewhere(
    where: str, declaration: Declaration, opts: pulumi.ResourceOptions | None, *, through: CloudFacts | None = None
) -> None:
    """Raise :class:`InvalidArgsError` unless ``declaration`` is one the readers issued and ``opts`` send the
    resources to the cloud it was decided for: a provider for another cloud, or of unknown cloud, is refused, a
    cloud other than commercial Azure needs its own provider, and without one the stack's default provider
    (its ``azure-native:environment``) must deploy to that cloud, checked here whoever read the declaration.

    ``through`` is the cloud of a provider the caller will create for the resources (the Government component's
    own), so that it runs, before it registers anything, every check its inner component will run."""
    refuse_unissued(where, declaration)
    refuse_invalid_stack_file()
    refusal = consumer_config_refusal(declaration.cloud, project_profile()[0], declaration.use_case)
    problems = [*provider_problems(opts, declaration.cloud), *profile_problems(declaration), *refusal.problems]
    passed = [provider_cloud(p) for p in azure_native_providers(opts)] + ([through] if through else [])
    if declaration.cloud.cloud != COMMERCIAL.cloud and declaration.cloud not in passed:
        problems.append(
            Problem(
                (Key("opts"),),
                f"the declaration was decided for {declaration.cloud.display_name}, and no provider for it is "
                "passed, so the resources would go through the default provider; use the component for that cloud",
            )
        )
    if not passed:
        problems += environment_problems(default_environment(), declaration.cloud, ())
    if problems:
        naming = declaration.naming
        lines = [p.line(naming) if p.loc else f"args: {p.message_in(naming)}" for p in problems]
        raise InvalidArgsError(where, problems, lines, "the arguments are invalid")
    refusal.raise_for(where, declaration.naming)


def refuse_invalid_stack_file() -> None:
    """Raise :class:`InvalidArgsError`, naming the file and each problem's line, when the checker's reader refuses
    the file the Pulumi CLI read the running stack's config from, or its project file (see
    :func:`~azure_openai_guarded.guards.projectfile.running_stack_file`).

    The engine resolves some problems the checker refuses and hands the program one value for each: a key written
    twice or in two spellings, merge keys that overlap, a custom tag (``!Ref``), a second YAML document, a namespace
    in other letter case, a YAML 1.1 ``NO``. Reading only what the engine hands it, the program and its components
    decided stacks that the checker and the plan call invalid (review R19). Read where the language host says where
    the project is (an absolute root directory); the mock runtime and the component provider's host do not say."""
    root = pulumi.get_root_directory()
    if isinstance(root, str) and os.path.isabs(root):
        _refuse_stack_file(Path(root), pulumi.get_stack())


def _refuse_stack_file(folder: Path, stack: str) -> None:
    # Read again by each component, not cached: an Automation API process runs the program many times, and the
    # file may change between runs.
    path: Path | None = None
    try:
        found = running_stack_file(folder, stack)
        if found is not None:
            path, project = found
            # Its own keys in the project's namespace, the project file's config applied, as the checker reads it.
            apply_project(read_stack_file(path, project.name), project)
    except StackFileError as error:
        # Named from the project's folder, as the program names its stack file (stackConfigDir/Pulumi.<stack>.yaml).
        where = os.path.relpath(path, folder) if path is not None else "Pulumi.yaml"
        lines = (*error.problem_lines, *(0,) * len(error.problems))
        shown_lines = [f"line {line}: {p}" if line else str(p) for line, p in zip(lines, error.problems, strict=False)]
        raise InvalidArgsError(where, error.problems, shown_lines, "the stack file is invalid") from None


def engine_config(key: str) -> Any:
    """The stack's config value of ``key`` (full, ``namespace:name``) as the engine gave it to the program and to
    the providers; ``None`` when unset. Not ``pulumi.Config``, which prefers a ``PULUMI_CONFIG_<KEY>`` variable of
    the program's environment that no provider, no stack file and so no check sees (review R17 F2)."""
    given = CONFIG.get()
    if key in given:
        return given[key]
    return get_config_env().get(key)


def provider_setting(key: str) -> Any:
    """:func:`engine_config`, a secret as the stack file writes it (``{secure: ...}``), as the checker reads it."""
    return secret_as_written() if is_config_secret(key) else engine_config(key)


def provider_settings() -> dict[str, Any]:
    """The stack's other provider settings the declaration's cloud must agree with, as the engine passes them."""
    return {key: provider_setting(key) for key in PROVIDER_SETTINGS}


def reading_this_deployment() -> AbstractContextManager[None]:
    """Decide, in the block, for the running stack and project, whose names and config the tripwire reads with
    the purpose (see ``guards/deployment.py``): a component provider's construct call sets them from the engine's
    request."""
    return reading_for(pulumi.get_stack(), pulumi.get_project(), *_given_config())


def configured_default_provider() -> Any:
    """What the stack's config says of where its default provider sends resources: its ``azure-native:environment``
    or ``azure-native:metadataHost`` (see ``declaration.default_provider``); ``None`` when it says nothing."""
    return default_provider(
        {f"{AZURE_NATIVE}:{key}": provider_setting(f"{AZURE_NATIVE}:{key}") for key in ("environment", "metadataHost")}
    )


def default_environment() -> Any:
    """What decides where the stack's default provider sends resources: its ``azure-native:environment``
    (unset: the ``ARM_ENVIRONMENT`` or ``AZURE_ENVIRONMENT`` variable, or public), or an ``azure-native:metadataHost``,
    which overrides it (see :func:`configured_default_provider`)."""
    chosen = configured_default_provider()
    if chosen is None:
        # As pulumi-azure-native reads its environment: the config key, then these variables, then public.
        for name in ENVIRONMENT_VARIABLES:
            if os.environ.get(name):
                return EnvironmentVariable(name, os.environ[name])
    return chosen


PROFILE_KEY: Final = "guardProfile"


def project_profile() -> tuple[GuardProfile | None, list[Problem]]:
    """The running project's own ``guardProfile`` (``pulumi.Config()``, the project's namespace), which the checker
    applies to a consumer's stack: ``None`` when unset; a problem when it is no profile, or a secret."""
    config = pulumi.Config()
    full = f"{config.name}:{PROFILE_KEY}"
    if config.name != PROJECT and engine_config(f"{PROJECT}:{PROFILE_KEY}") is not None:
        # As the checker says of a consumer's stack: this library's namespace is one its program never reads.
        return None, [
            Problem(
                (Key(f"{PROJECT}:{PROFILE_KEY}"),),
                f"is a key of this library's namespace, which project `{config.name}` does not read; write it as "
                f"`{full}`",
            )
        ]
    if is_config_secret(full):
        return None, [Problem((Key(full),), ENCRYPTED)]
    value = engine_config(full)
    if value is None:
        return None, []
    try:
        return as_profile(value), []
    except ValueError as why:
        return None, [Problem((Key(full),), str(why))]


USE_CASE_KEY: Final = "useCase"


def _config_keys() -> set[str]:
    """Every config key the program was given: set by the language host, or in ``PULUMI_CONFIG``."""
    return {*get_config_env(), *CONFIG.get()}


@dataclass(frozen=True)
class ConfigDenial:
    """A use case the stack's config declares, beside the one a component decides, that the guard denies."""

    path: str
    """Its key in the config (``team-ai:useCase``, ``teamconfig:apps[0].useCase``)."""
    verdict: Verdict
    why: str
    """Why the component decides it: what the checker and the pack read it as."""


@dataclass(frozen=True)
class ConfigRefusal:
    """Why the stack's config refuses a component: problems that make it invalid, and use cases it denies."""

    problems: tuple[Problem, ...] = ()
    denials: tuple[ConfigDenial, ...] = ()

    def raise_for(self, where: str, naming: Any) -> None:
        """Raise :class:`InvalidArgsError` for the problems, else :class:`GuardDeniedError` for the first denial."""
        if self.problems:
            lines = [p.line(naming) if p.loc else f"config: {p.message_in(naming)}" for p in self.problems]
            raise InvalidArgsError(where, self.problems, lines, "the stack's config refuses it")
        if self.denials:
            first = self.denials[0]
            raise GuardDeniedError(where, first.verdict, f"the use case `{first.path}`, {first.why}")


def consumer_config_refusal(cloud: CloudFacts, least: GuardProfile | None, deciding: UseCase | None) -> ConfigRefusal:
    """What the running consumer project's own config says against the stack, as the checker and the pack read it:
    a key in a near miss of its namespace (``Azure-OpenAI-Guarded:useCase``) or a near miss of a declaring key
    (``guardprofile``, ``guard_profile``), which they call invalid and which would otherwise leave a ``strict``
    profile unread; and its ``useCase``, read with the strict reader (a TypeScript or Go program decodes it with a
    lax one, the last of a repeated key winning, before handing the component one clean object) and, when it is not
    the use case the component decides (``deciding``), decided in ``cloud`` under ``least``, as the checker and the
    pack decide it whether or not the program hands it to a component. For this library's own project, whose
    program reads its config strictly and hands it to the component, the first, and what ``read_stack_config`` says
    of the rest of its namespace and of its provider settings."""
    config = pulumi.Config()
    # A key in a near miss of the project's namespace reaches the program as it is written (review R19).
    problems = misplaced_problems(_config_keys(), config.name)
    if config.name == PROJECT:
        # This library's own stack is read as the checker, its program and the pack read it (read_stack_config),
        # whoever builds the component there: a key its namespace does not hold ("guardprofile", which would leave
        # a strict profile unread) and a provider setting that makes it another cloud's stack are errors (review
        # R28: the component and the component provider allowed what the other three called invalid).
        prefix = f"{PROJECT}:"
        own = sorted(key.removeprefix(prefix) for key in _config_keys() if key.startswith(prefix))
        problems += [unknown_config_key(key) for key in own if key not in CONFIG_KEYS]
        problems += provider_settings_problems(provider_settings(), cloud, ())
        return ConfigRefusal(tuple(problems))
    context = _config_context(config.name)
    beside = beside_refusal(context)
    problems += beside.problems
    denials = list(beside.denials)
    prefix = f"{config.name}:"
    for key in sorted(_config_keys()):
        near = next((k for k in (USE_CASE_KEY, PROFILE_KEY) if is_near_word(key.removeprefix(prefix), k)), None)
        if key.startswith(prefix) and near is not None:
            problems.append(Problem((Key(key),), f"unknown key; did you mean `{prefix}{near}`?"))
    full = f"{prefix}{USE_CASE_KEY}"
    if is_config_secret(full):
        return ConfigRefusal((*problems, Problem((Key(full),), ENCRYPTED)), tuple(denials))
    written = engine_config(full)
    if written is None:
        return ConfigRefusal(tuple(problems), tuple(denials))
    try:
        use_case = validate(UseCase, config_mapping(written, (Key(full),)), (Key(full),), spelling="config")
    except DeclarationError as error:
        return ConfigRefusal((*problems, *error.problems), tuple(denials))
    # With the default provider's cloud unset in config the checker and the pack decide the declaration for every
    # cloud (an environment variable, or another component, may send resources elsewhere), and so does the
    # component (review R23): one reading of the stack.
    decided_in = tuple(CLOUDS.values()) if configured_default_provider() is None else (cloud,)
    profile = least or GuardProfile.TERMS
    clouds = decided_in
    if use_case == deciding:
        if not evaluate_use_case(use_case, cloud.cloud, profile).allowed:
            # The component denies it itself, with the guard's verdict.
            return ConfigRefusal(tuple(problems), tuple(denials))
        clouds = tuple(each for each in clouds if each.cloud != cloud.cloud)
    for each in clouds:
        verdict = evaluate_use_case(use_case, each.cloud, profile)
        if verdict.allowed:
            continue
        if use_case == deciding:
            said = (
                f"this stack's declared use case, in {each.display_name}, as the checker and the pack decide it "
                f"with `{AZURE_NATIVE}:environment` unset, for every cloud (set `{AZURE_NATIVE}:environment` to the "
                "cloud the stack deploys to)"
            )
        else:
            said = (
                "this stack's declared use case, which the program does not hand to this component, as the checker "
                "and the pack decide it"
            )
        denials.append(ConfigDenial(full, verdict, said))
    if not any(denial.path == full for denial in denials):
        denials += _denied_with_pieces(context, full, decided_in)
    return ConfigRefusal(tuple(problems), tuple(denials))


def _given_config() -> tuple[dict[str, Any], frozenset[str]]:
    """The config the program was given (see :func:`engine_config`), keys in full and sorted, with the keys the
    engine marked secret."""
    config = {key: engine_config(key) for key in sorted(_config_keys())}
    return config, frozenset(key for key in config if is_config_secret(key))


def _config_context(project: str) -> StackContext:
    """The running program's config read as the pack reads it."""
    config, secret_keys = _given_config()
    return stack_context(config, project, secret_keys)


def _denied_with_pieces(context: StackContext, full: str, clouds: tuple[CloudFacts, ...]) -> list[ConfigDenial]:
    """The project's own ``useCase`` denied in one of ``clouds`` once the pieces of a declaration written elsewhere
    in the config are put in at their worst (``desk:country: US``, ``desk:extraCapabilities``), as the checker and
    the pack decide it (review R25 F: only the checker did)."""
    own = next((c for c in context.consumers if c.path == full and not c.only_denies), None)
    if own is None:
        return []
    denied = next((v for c in clouds if (v := own.verdict_in(c.cloud)) is not None and not v.allowed), None)
    return [ConfigDenial(full, denied, _WITH_PIECES)] if denied is not None else []


def beside_refusal(context: StackContext) -> ConfigRefusal:
    """What the running consumer project's config declares beside its own ``useCase``, read and decided as the
    pack reads the config (:func:`~azure_openai_guarded.guards.stack_config.stack_context`): another namespace's
    use case, one written inside another key, and this library's namespace, each invalid or denied. The program
    may read any of them; the pack refuses every resource of a stack whose config declares one, so the component
    refuses it first, before it registers anything, with the reasons (review R23: a component that allowed it
    while the pack refused its resources is two readings of one stack)."""
    problems = [_by_whole_key(p) for p in context.problems]
    denied = [(f"{PROJECT}:{USE_CASE_KEY}", context.verdict)] if context.verdict is not None else []
    denied += [(f"{PROJECT}:{each.path}", each.verdict) for each in context.project_decisions]
    for beside in context.consumers:
        if not beside.only_denies:
            continue  # The project's own namespace, which consumer_config_refusal decides with its own messages.
        problems += [_by_whole_key(p) for p in beside.problems]
        if beside.use_case is not None and beside.verdict is not None:
            denied.append((beside.path, beside.verdict))
    denials = tuple(ConfigDenial(path, verdict, _BESIDE) for path, verdict in denied if not verdict.allowed)
    return ConfigRefusal(tuple(problems), denials)


def _by_whole_key(problem: Problem) -> Problem:
    """``problem`` of a stack config's key, named by the whole key (``other-team:useCase.servedPartys``,
    ``pulumi:disable-default-providers``), as a caller's arguments are not."""
    return Problem((Key(problem.key),), problem.message) if problem.loc else problem


_WITH_PIECES: Final = (
    "with the pieces of a declaration written elsewhere in this stack's config put in at their worst, as the program "
    "may build its declaration from them, as the checker and the pack decide it"
)

_BESIDE: Final = (
    "declared in this stack's config beside the use case this component decides, which the program may read, as "
    "the checker and the pack decide it"
)


def profile_problems(declaration: Declaration) -> list[Problem]:
    """Why ``declaration`` was decided under a weaker profile than the running project's own ``guardProfile``."""
    least, problems = project_profile()
    if least is not None and stricter(declaration.profile, least) is not declaration.profile:
        full = f"{pulumi.Config().name}:{PROFILE_KEY}"
        problems.append(
            Problem(
                (Key("declaration"),),
                f"was decided under the `{declaration.profile.value}` profile, and this project's `{full}` is "
                f"`{least.value}`; read it again with `{least.value}`, which the checker applies to this stack too",
            )
        )
    return problems


UNKNOWN_AT_PREVIEW: Final = (
    "is computed from another resource, unknown at preview, so the guard cannot decide on it before anything is "
    "registered; write the value itself"
)

AN_OUTPUT: Final = (
    "is an output (computed from another resource, or a secret), which the guard cannot read before anything is "
    "registered: the declaration must be plain; write the value itself"
)

SECRET_VALUE: Final = (
    "is a secret, which cannot be judged offline or reviewed: the declaration must be plain; pass the value "
    "itself, not a secret (it says what the service is for, not a secret)"
)


def _opaque(value: object) -> str | None:
    """Why ``value`` cannot be read now: a secret output, or an output (or another language's unknown) whose value
    comes from another resource; ``None`` for a plain value."""
    if isinstance(value, Unknown):
        return UNKNOWN_AT_PREVIEW
    if isinstance(value, pulumi.Output):
        # Only an output already resolved says whether it is a secret; any other is another resource's value.
        data = getattr(value, "_data", None)
        if not isinstance(data, asyncio.Future) or not data.done() or data.cancelled() or data.exception():
            return AN_OUTPUT
        state = data.result()
        if getattr(state, "is_secret", False):
            return SECRET_VALUE
        return AN_OUTPUT if getattr(state, "is_known", False) else UNKNOWN_AT_PREVIEW
    return None


def opaque_values(value: object, loc: Loc = ()) -> dict[Loc, str]:
    """Every output, unknown or secret in ``value`` (a component's arguments), by where it is, with why it cannot be
    read; the fields that may be outputs (resource ids) accept them, and are never reported by their path."""
    found: dict[Loc, str] = {}
    pending: list[tuple[object, Loc]] = [(value, loc)]
    while pending:
        item, at = pending.pop()
        why = _opaque(item)
        if why is not None:
            found[at] = why
        elif len(at) > MAX_JSON_DEPTH:
            # Deeper than the reader reads (it says so, by the path): a value that holds itself would never end
            # (review R13).
            continue
        elif isinstance(item, Mapping):
            pending += [(v, (*at, Key(str(k)))) for k, v in item.items()]
        elif isinstance(item, list | tuple):
            pending += [(v, (*at, i)) for i, v in enumerate(item)]
    return found


def explained(problems: Sequence[Problem], opaque: Mapping[Loc, str], naming: Any) -> list[Problem]:
    """``problems`` with each one about a value in ``opaque`` (at its path or below it) said once, as what that value
    is (a secret, unknown at preview, an output) instead of how it failed validation (``must be a string, not
    Output <pulumi.output.Output object at 0x...>``)."""
    paths = {Problem(loc, "").path_in(naming): loc for loc in opaque}
    kept: list[Problem] = []
    said: set[str] = set()
    for problem in problems:
        path = problem.path_in(naming)
        hit = next((p for p in paths if path == p or path.startswith((f"{p}.", f"{p}["))), None)
        # Only where validation printed the Python object: a message of the component's own (a resource group
        # to create needs a plain name) says more than what the value is.
        if hit is None or not any(word in problem.message for word in ("Output", "Unknown")):
            kept.append(problem)
        elif hit not in said:
            said.add(hit)
            kept.append(Problem(paths[hit], opaque[paths[hit]]))
    return kept


def read_args(
    where: str,
    args: Any,
    cloud: CloudFacts,
    opts: pulumi.ResourceOptions | None,
    found: Sequence[Problem] = (),
    environment: Any = None,
    *,
    name: object,
) -> Declaration:
    """Read and decide a component's ``args`` for ``cloud``; raise :class:`InvalidArgsError` listing every problem
    (``found`` first), named as the caller writes them. Without an explicit azure-native provider in ``opts``, the
    resources go through the default provider, so the stack's ``azure-native:environment`` must agree with
    ``cloud``; ``environment`` overrides it where the caller knows the provider's. ``name`` is the component's,
    checked with :func:`name_problems`."""
    refuse_invalid_stack_file()
    spelling: Spelling = "config" if isinstance(args, SchemaInputs) else "python"
    # The consuming project's own guardProfile holds the component to it, as the checker holds the stack.
    least, profile_found = project_profile()
    named = name_problems(name, given_account_name(args, spelling))
    found = [*named, *found, *provider_problems(opts, cloud), *profile_found]
    naming = CONFIG_NAMING if spelling == "config" else PYTHON_NAMING
    if environment is None and not azure_native_providers(opts):
        environment = default_environment()
    with reading_this_deployment():
        try:
            declared = read_component_args(
                args,
                cloud,
                spelling=spelling,
                environment=environment,
                found=found,
                least_profile=least,
                resource_name=name if isinstance(name, str) else None,
            )
        except DeclarationError as error:
            problems = explained(error.problems, opaque_values(args), naming)
            lines = [p.line(naming) if p.loc else f"args: {p.message_in(naming)}" for p in problems]
            raise InvalidArgsError(where, problems, lines, "the arguments are invalid") from None
        refusal = consumer_config_refusal(cloud, least, declared.use_case)
    refusal.raise_for(where, naming)
    return declared


def config_object(key: str, config: pulumi.Config | None = None) -> Any:
    """A structured config value (``useCase``), read as strictly as the program reads its own declaration.

    ``pulumi.Config.require_object`` decodes the engine's JSON text with Python's ``json``, which keeps the last
    of a repeated key silently; here a repeated key, like any other problem, raises :class:`InvalidArgsError`
    naming the key, before anything is registered.
    """
    config = config or pulumi.Config()
    where = f"{config.name}:{key}"
    if is_config_secret(where):
        # Pulumi decrypts it for the program; the checker sees its `secure:` text, and refuses it.
        problems = [Problem((), ENCRYPTED)]
        raise InvalidArgsError(where, problems, [ENCRYPTED], "the config value is invalid")
    written = engine_config(where)
    if written is None:
        raise pulumi.ConfigMissingError(where, False)
    try:
        return config_mapping(written, ())
    except DeclarationError as error:
        lines = [p.line(CONFIG_NAMING) if p.loc else p.message for p in error.problems]
        raise InvalidArgsError(where, error.problems, lines, "the config value is invalid") from None


class ProjectDeniedError(GuardDeniedError):
    """The guard denied the declaration governing one or more Foundry projects; nothing was registered."""

    def __init__(self, where: str, decisions: Sequence[ProjectDecision]) -> None:
        self.decisions = tuple(decisions)
        names = ", ".join(repr(d.name) for d in self.decisions)
        super().__init__(where, self.decisions[0].verdict, f"Foundry project(s) {names}")
        details = "\n".join(d.summary() for d in self.decisions)
        # One denied project stops the whole account, so the message gives every one, each with its verdict.
        self.args = (
            f"{where}: the guard denied Foundry project(s) {names}; nothing was created. One denied project stops "
            f"the whole account: change its declaration, or move it out of this stack.\n{details}",
        )

    def __str__(self) -> str:
        return str(self.args[0])


def refuse_denied_projects(where: str, declaration: Declaration) -> tuple[ProjectDecision, ...]:
    """The declaration's project decisions; raises :class:`ProjectDeniedError` naming every denied project."""
    if declaration.denied_projects:
        raise ProjectDeniedError(where, declaration.denied_projects)
    return declaration.project_decisions
