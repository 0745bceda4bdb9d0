"""Read a Pulumi YAML program's components of this package as pulumi-language-yaml runs it, or refuse to.

The checker decides a YAML program from the use case written in its components' properties, so it must read the
program Pulumi runs, and find every component in it, the way pulumi-yaml does:

* The program is ``Pulumi.yaml``'s own template only when nothing else supplies it: pulumi-yaml runs
  ``Main.json`` or ``Main.yaml`` beside ``Pulumi.yaml`` instead, the folder ``main:`` names, or whatever
  ``runtime.options.compiler`` prints. The checker reads none of those, so each is a problem, never a reason to
  decide the stack file's own config instead.
* pulumi-yaml matches the template's keys (``resources``, ``outputs``, ...) and a resource's keys (``type``,
  ``properties``, ...) ignoring letter case, and the later of two spellings wins with only a warning: a key read
  here in any case, and two that differ only in case a problem.
* A type token names a component as pulumi-yaml resolves it (``packages.go``, ``ResolveResource``): the exact
  token, or ``pkg:Type`` for ``pkg:index:Type``. Any other token of this package (``pkg:index/x:Type``, an unknown
  type, a package name in another letter case or nearly spelt, the package's provider) names no component the
  checker can decide, so it is a problem naming the resource, as is a component declared anywhere but in the
  template's ``resources`` (inside a YAML ``components:`` block).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

from .declaration import Problem
from .models import PROJECT
from .projectfile import ProjectFile, runtime_name, shown
from .raw_resources import is_account_type
from .resource_texts import text_inputs
from .stackfile import is_near_miss

YAML_COMPONENTS: Final = {
    f"{PROJECT}:index:AzureOpenAIService": "public",
    f"{PROJECT}:index:AzureGovernmentOpenAIService": "usgovernment",
}
"""The package's component types a Pulumi YAML program can declare, each with the ``azure-native:environment`` of
the only cloud it deploys to (the commercial component refuses any other; the Government one brings its own
provider)."""

MAIN_FILES: Final = ("main.json", "main.yaml")
"""The files pulumi-yaml runs instead of ``Pulumi.yaml``'s template, in the order it tries them (any letter case,
as a disk that ignores case finds them)."""


Located = tuple[Problem, str | int]
"""A problem with the YAML path in ``Pulumi.yaml`` it is about (empty for the file as a whole), or its line when no
path names the place (an alias, whose path is the value it repeats)."""


@dataclass(frozen=True)
class Component:
    """One of the package's components declared in a YAML program."""

    name: str
    """The resource's key in ``resources``."""
    token: str
    """Its canonical type token (a key of :data:`YAML_COMPONENTS`)."""
    properties: Any
    """Its ``properties`` as written (``None`` when it has none)."""
    at: str
    """The YAML path of its properties in ``Pulumi.yaml`` (``resources.chat.properties``), for lines."""
    routes: tuple[Located, ...] = ()
    """Each azure-native provider its options may hand it (``options.provider``, ``options.providers``, or
    inherited from ``options.parent``), or that the checker cannot rule out, as a problem: the component refuses
    every such provider (see :func:`provider_routes`)."""

    @property
    def environment(self) -> str:
        return YAML_COMPONENTS[self.token]

    @property
    def resource(self) -> str:
        """The YAML path of the resource (``resources.chat``)."""
        return self.at.rsplit(".", 1)[0]


AZURE_NATIVE: Final = "azure-native"

_REFERENCE: Final = re.compile(r"\$\{([^.\[\]{}]+)\}")
"""A pulumi-yaml expression that is one resource or variable itself (``${gov}``), not one of its properties."""

REFUSED_PROVIDER: Final = (
    "the component refuses any azure-native provider it is given (in its options or its parent's), since it cannot "
    "establish where such a provider sends the resources: a provider declared in a YAML program is a plain "
    "`pulumi:providers:azure-native`, which records no cloud, whatever its `environment`. Pass no azure-native "
    "provider: the commercial component uses the stack's default provider (whose `azure-native:environment` is "
    "checked), and the Government component brings its own"
)


def _option_values(options: Mapping[str, Any], at: str) -> Iterator[tuple[str, str, Any]]:
    """Each provider an ``options`` block names and the parent it names, as (kind, YAML path, value)."""
    provider = _field(options, "provider")
    if provider is not None:
        yield "provider", f"{at}.{provider[0]}", provider[1]
    providers = _field(options, "providers")
    if providers is not None:
        key, value = providers
        if isinstance(value, list):
            for i, item in enumerate(value):
                yield "provider", f"{at}.{key}[{i}]", item
        elif isinstance(value, Mapping):
            for name, item in value.items():
                yield "provider", f"{at}.{key}.{name}", item
        else:
            yield "provider", f"{at}.{key}", value
    parent = _field(options, "parent")
    if parent is not None:
        yield "parent", f"{at}.{parent[0]}", parent[1]


def _is_azure_native_provider(token: Any) -> bool:
    return _is_provider_of(token, AZURE_NATIVE)


def _is_provider_of(token: Any, package: str) -> bool:
    """Whether ``token`` is the provider resource of ``package`` (``pulumi:providers:azure``), letter case aside."""
    parts = token.split(":") if isinstance(token, str) else []
    return (
        len(parts) == 3
        and parts[0].casefold() == "pulumi"
        and parts[1].casefold() == "providers"
        and (parts[2].casefold() == package.casefold())
    )


def provider_routes(resource: Mapping[str, Any], at: str, resources: Mapping[str, Any], where: str) -> list[Located]:
    """Why an azure-native provider may reach the resource at ``at`` through its options, as the component would
    receive it: named in ``options.provider`` or ``options.providers`` as a ``pulumi:providers:azure-native``
    resource, or inherited from ``options.parent`` (whose own options, up the chain, count the same way). A
    reference the checker cannot follow to a resource of the program (a variable, a property, a resource that is
    not there) may be such a provider, so it counts too (fail closed); a provider of another package does not."""
    problems: list[Located] = []
    seen: set[str] = set()
    pending: list[tuple[Mapping[str, Any], str]] = [(resource, at)]
    while pending:
        current, current_at = pending.pop(0)
        found = _field(current, "options")
        if found is None or not isinstance(found[1], Mapping):
            continue
        # A provider on a parent reaches the component as its own, as Pulumi resolves a child's providers.
        via = "" if current_at == at else f" (`{at}` inherits it through its parent)"
        for kind, path, value in _option_values(found[1], f"{current_at}.{found[0]}"):
            reference = _REFERENCE.fullmatch(value.strip()) if isinstance(value, str) else None
            target = resources.get(reference.group(1)) if reference is not None else None
            if not isinstance(target, Mapping):
                # The value is not quoted: a `${...}` in it would read as a field reference in a message.
                problems.append(
                    (
                        Problem(
                            "",
                            f"`{where}`: `{path}`{via} names no resource of this program (a variable, a property or "
                            "an expression), so the checker cannot tell whether it is or passes on an azure-native "
                            f"provider, and {REFUSED_PROVIDER}",
                        ),
                        path,
                    )
                )
                continue
            name = reference.group(1) if reference is not None else ""
            kind_of = _field(target, "type")
            token = kind_of[1] if kind_of is not None else None
            if _is_azure_native_provider(token):
                problems.append(
                    (
                        Problem(
                            "",
                            f"`{where}`: `{path}`{via} is the program's `{token}` resource `{name}`, and "
                            f"{REFUSED_PROVIDER}",
                        ),
                        path,
                    )
                )
            elif kind == "parent" and name not in seen:
                seen.add(name)
                pending.append((target, f"resources.{name}"))
    return problems


def is_yaml_program(document: Mapping[str, Any]) -> bool:
    """Whether the project's runtime is ``yaml``, whatever the project is named."""
    name = runtime_name(document)
    return name is not None and name.strip().casefold() == "yaml"


def _field(record: Mapping[str, Any], name: str) -> tuple[str, Any] | None:
    """The key of ``record`` pulumi-yaml reads as field ``name`` (letter case aside; the last, as it keeps the later
    of two spellings) and its value."""
    return next(((key, value) for key, value in list(record.items())[::-1] if key.casefold() == name), None)


def _case_twins(record: Mapping[str, Any], at: str, project: ProjectFile) -> list[Located]:
    where = shown(project.path)
    seen: dict[str, str] = {}
    problems: list[Located] = []
    for key in record:
        folded = key.casefold()
        if folded in seen:
            first, path = seen[folded], f"{at}.{key}" if at else key
            problems.append(
                (
                    Problem(
                        "",
                        f"`{where}`: `{first}` and `{key}` are one key to pulumi-yaml, which reads keys "
                        f"ignoring letter case and keeps the later one: give it once, spelt `{folded}`",
                    ),
                    path,
                )
            )
        else:
            seen[folded] = key
    return problems


_SHORT_FORM: Final = re.compile(r"(?P<package>[^:/]+):(?:(?P<module>[^:/]+):)?(?P<member>[^:/]+)")
_LISTED_AS_WRITTEN: Final = ("azure-native", "pulumi", PROJECT)
"""Packages whose schema lists the tokens in the form written, ``module:Type`` (azure-native's
``cognitiveservices:Account``), or that the checker resolves itself (this package's, :func:`resolve`)."""


def registered(token: str) -> str:
    """The type token the engine registers for ``token`` as a YAML program writes it: pulumi-yaml resolves
    ``pkg:Type`` as ``pkg:index:Type``, and a ``pkg:module:Type`` its package's schema does not list as
    ``pkg:module/type:Type`` (lower camel case), so ``azure:cognitive:Account`` is the classic provider's
    ``azure:cognitive/account:Account``. The packages that list the form written keep it."""
    short = _SHORT_FORM.fullmatch(token)
    if short is None or short["package"].casefold() in _LISTED_AS_WRITTEN:
        return token
    member = short["member"]
    return f"{short['package']}:{short['module'] or 'index'}/{member[:1].lower()}{member[1:]}:{member}"


def _package_of(token: str) -> str | None:
    """The package a type token loads, as pulumi-yaml's ``resolvePkgName`` takes it."""
    parts = token.split(":")
    if len(parts) == 3 and parts[0].casefold() == "pulumi" and parts[1].casefold() == "providers":
        return parts[2]
    return parts[0]


def is_this_package(token: str) -> bool:
    """Whether ``token`` is in this package, or a near miss of its name (which no reader here would decide)."""
    package = _package_of(token)
    return package is not None and (package.casefold() == PROJECT or is_near_miss(package))


def resolve(token: str) -> str | None:
    """The component ``token`` names as pulumi-yaml resolves it, or ``None`` when it names none."""
    parts = token.split(":")
    if parts[0] != PROJECT:
        return None
    if len(parts) == 2:
        token = f"{parts[0]}:index:{parts[1]}"
    return token if token in YAML_COMPONENTS else None


def _elsewhere(project: ProjectFile) -> list[Located]:
    """Why the program pulumi-yaml runs is not ``Pulumi.yaml``'s template, if it is not."""
    where, document = shown(project.path), project.document
    cannot = "which the checker does not read, so it cannot decide the use case the program declares"
    problems: list[Located] = []
    runtime = document.get("runtime")
    options = runtime.get("options") if isinstance(runtime, Mapping) else None
    compiler = _field(options, "compiler") if isinstance(options, Mapping) else None
    if compiler is not None:
        at = f"runtime.options.{compiler[0]}"
        problems.append(
            (
                Problem(
                    "",
                    f"`{where}`: `runtime.options.compiler` makes the program whatever `{compiler[1]}` "
                    f"prints, {cannot}: write the program in Pulumi.yaml and remove `compiler`",
                ),
                at,
            )
        )
    main = document.get("main")
    if main is not None and not (isinstance(main, str) and os.path.normpath(main or ".") == "."):
        problems.append(
            (
                Problem(
                    "",
                    f"`{where}`: `main: {main}` makes Pulumi run the YAML program in that folder, "
                    f"{cannot}: write the program in Pulumi.yaml and remove `main`",
                ),
                "main",
            )
        )
    try:
        names = sorted(n for n in os.listdir(project.path.parent) if n.casefold() in MAIN_FILES)
    except OSError:
        names = []
    for name in names:
        problems.append(
            (
                Problem(
                    "",
                    f"`{where}`: pulumi-yaml runs `{name}` beside it instead of Pulumi.yaml's own resources, "
                    f"{cannot}: move the program into Pulumi.yaml and delete `{name}`",
                ),
                "",
            )
        )
    return problems


def _tokens(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """Each ``type`` key (any letter case) holding text in ``value``, with its path."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            child = f"{path}.{key}"
            if str(key).casefold() == "type" and isinstance(item, str):
                yield child, item
            else:
                yield from _tokens(item, child)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _tokens(item, f"{path}[{index}]")


def components(project: ProjectFile) -> tuple[tuple[Component, ...], tuple[Located, ...]]:
    """The package's components in ``project``'s YAML program, and every reason the program cannot be read as
    pulumi-yaml runs it (see the module), each with the YAML path it is about. Nothing is returned for a project
    whose runtime is not YAML."""
    document = project.document
    if not is_yaml_program(document):
        return (), ()
    where = shown(project.path)
    problems = [*_elsewhere(project), *_case_twins(document, "", project), *_aliases_and_merges(project)]
    found = _field(document, "resources")
    resources = found[1] if found is not None else None
    if resources is None:
        resources = {}
    root = found[0] if found is not None else "resources"
    if not isinstance(resources, Mapping):
        problems.append((Problem("", f"`{where}`: `{root}` must be a mapping of resources"), root))
        resources = {}
    declared: list[Component] = []
    for name, resource in resources.items():
        at = f"{root}.{name}"
        if not isinstance(resource, Mapping):
            problems.append((Problem("", f"`{where}`: `{at}` must be a mapping with the resource's `type`"), at))
            continue
        problems += _case_twins(resource, at, project)
        kind = _field(resource, "type")
        if kind is None:
            continue
        if not isinstance(kind[1], str):
            example = next(iter(YAML_COMPONENTS))
            message = f"`{where}`: `{at}.{kind[0]}` must be text (a type token such as `{example}`)"
            problems.append((Problem("", message), f"{at}.{kind[0]}"))
            continue
        if not is_this_package(kind[1]):
            continue
        token = resolve(kind[1])
        if token is None:
            problems.append((_unknown(where, f"{at}.{kind[0]}", kind[1]), f"{at}.{kind[0]}"))
            continue
        properties = _field(resource, "properties")
        declared.append(
            Component(
                name=str(name),
                token=token,
                properties=whole_numbers(properties[1]) if properties is not None else None,
                at=f"{at}.{properties[0] if properties is not None else 'properties'}",
                routes=tuple(provider_routes(resource, at, resources, where)),
            )
        )
    problems += [
        (
            Problem(
                "",
                f"`{where}`: `{path}` declares `{token}` outside the program's `resources`, where the checker does "
                "not read it, so it cannot decide its use case: declare the component in the top-level `resources`",
            ),
            path,
        )
        for key, value in document.items()
        if key.casefold() != "resources"
        for path, token in _tokens(value, key)
        if is_this_package(token)
    ]
    return tuple(declared), tuple(problems)


def whole_numbers(value: Any) -> Any:
    """``value`` with every whole-number float made an int, at any depth. The engine hands a YAML program's numbers
    to the component provider as floats, and the provider makes a whole one an int in each integer property
    (``capacity: 10.0`` is 10); a float property takes an int as well, and any other refuses both, so reading every
    whole-number float as an int decides the properties as the component receives them."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Mapping):
        return {key: whole_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [whole_numbers(item) for item in value]
    return value


@dataclass(frozen=True, slots=True)
class NamedResource:
    """A resource of a kind the components create (an account, a Foundry project...) declared raw in a YAML
    program, beside the package's components: its names and tags say what it is for."""

    name: str
    """The resource's key in ``resources``."""
    token: str
    """Its type token, as the engine registers it (:func:`registered`)."""
    properties: Mapping[str, Any]
    """Its ``properties`` as written."""
    parent: str | None = None
    """The resource its ``options.parent`` names (``chat`` for ``${chat}``), if any."""

    @property
    def is_account(self) -> bool:
        """Whether it is an account as the pack counts them (``is_account_type``: a Cognitive Services account of
        either provider, the classic AI Services resource, a Foundry hub or project), which the pack judges by the
        declaration governing it."""
        return is_account_type(self.token)


def named_resources(project: ProjectFile) -> tuple[NamedResource, ...]:
    """The resources in ``project``'s YAML program whose kind the components create (see
    :func:`.resource_texts.text_inputs`), with their properties; what :func:`components` cannot read is its to
    report."""
    document = project.document
    found = _field(document, "resources") if is_yaml_program(document) else None
    resources = found[1] if found is not None else None
    if not isinstance(resources, Mapping):
        return ()
    named: list[NamedResource] = []
    for name, resource in resources.items():
        kind = _field(resource, "type") if isinstance(resource, Mapping) else None
        if kind is None or not isinstance(kind[1], str) or text_inputs(registered(kind[1])) is None:
            continue
        properties = _field(resource, "properties")
        options = _field(resource, "options")
        parent = options[1].get("parent") if options is not None and isinstance(options[1], Mapping) else None
        reference = _REFERENCE.fullmatch(parent) if isinstance(parent, str) else None
        written = properties[1] if properties is not None and isinstance(properties[1], Mapping) else {}
        named.append(NamedResource(str(name), registered(kind[1]), written, reference.group(1) if reference else None))
    return tuple(named)


def _aliases_and_merges(project: ProjectFile) -> list[Located]:
    """A problem at each alias and merge key in a YAML program: pulumi-yaml refuses the program at an alias ("alias
    nodes are not supported"), and passes a merge key on as a property named ``<<``, merging nothing, so the checker
    would read another program than the one that runs."""
    where = shown(project.path)
    problems: list[Located] = []
    for kind, path, line, name in project.aliases_and_merges:
        at = f"`{path}`" if path else "the document"
        if kind == "alias":
            message = (
                f'`{where}`: the alias `*{name}` in {at} is refused by pulumi-yaml, which runs the program ("alias '
                'nodes are not supported"): write the value out in full'
            )
        else:
            message = (
                f"`{where}`: the merge key `<<` in {at} is not merged by pulumi-yaml, which passes it on as a key "
                "named `<<`, so the program that runs is not the one the checker would read: write the keys out"
            )
        problems.append((Problem("", message), line))
    return problems


def _unknown(where: str, path: str, token: str) -> Problem:
    known = " or ".join(f"`{t}`" for t in YAML_COMPONENTS)
    return Problem(
        "",
        f"`{where}`: `{path}` is `{token}`, a type of the {PROJECT} package that names none of its components as "
        "pulumi-yaml resolves tokens, so the checker cannot tell what it deploys or decide its use case: "
        f"write {known}",
    )


@dataclass(frozen=True, slots=True)
class RawResource:
    """A resource of another package declared in a YAML program (not one of the package's components, nor a
    provider), with what decides where it goes and whose declaration governs it."""

    name: str
    """The resource's key in ``resources``."""
    token: str
    """Its type token, as the engine registers it (:func:`registered`)."""
    properties: Mapping[str, Any]
    """Its ``properties`` as written (empty when it has none)."""
    beneath: str | None = None
    """The package's component it descends from through ``options.parent`` (up its parents' chain), if any."""
    providers: tuple[tuple[str, Mapping[str, Any] | None], ...] = ()
    """The provider resources of its package (``pulumi:providers:azure-native`` for an azure-native resource,
    ``pulumi:providers:azure`` for a classic one) its options hand it, its own or, when it names none, the
    program's provider of its package marked ``defaultProvider: true`` and its nearest parent's (either may be the
    one used), as pulumi-yaml and Pulumi resolve a resource's provider: each name with the provider's
    ``properties``; ``None`` for a reference the checker cannot follow to a resource of the program (a variable),
    which may be any."""


Route = tuple[str, Mapping[str, Any] | None]
"""A provider a raw resource deploys with: its name and ``properties`` (``None`` for one the checker cannot follow)."""


def _is_default_provider(resource: Mapping[str, Any]) -> bool:
    """Whether a provider resource is marked ``defaultProvider`` (any letter case, as pulumi-yaml reads keys): a
    value other than ``false`` counts (an expression may be true), fail closed."""
    found = _field(resource, "defaultprovider")
    if found is None:
        return False
    value = found[1]
    return not (value is False or (isinstance(value, str) and value.strip().casefold() == "false"))


def default_providers(resources: Mapping[str, Any], package: str) -> tuple[Route, ...]:
    """The program's providers of ``package`` marked ``defaultProvider: true``: pulumi-yaml hands such a provider to
    every resource of its package that names no ``provider`` of its own, so it decides where they go, over the
    stack's default provider (and may over a parent's provider)."""
    routes: list[Route] = []
    for name, resource in resources.items():
        if not isinstance(resource, Mapping) or not _is_default_provider(resource):
            continue
        token = _field(resource, "type")
        if token is not None and _is_provider_of(token[1], package):
            written = _field(resource, "properties")
            routes.append((str(name), written[1] if written is not None and isinstance(written[1], Mapping) else {}))
    return tuple(routes)


def _lineage(
    resource: Mapping[str, Any],
    resources: Mapping[str, Any],
    component_names: frozenset[str],
    package: str,
    defaults: tuple[Route, ...] = (),
) -> tuple[str | None, tuple[Route, ...]]:
    """The component ``resource`` descends from, and the providers of its ``package`` it deploys with (see
    :class:`RawResource`): its own ``provider``; else the program's default provider of its package (``defaults``)
    together with any its own ``providers`` or its nearest parent's name (either may be the one used)."""
    beneath: str | None = None
    providers: list[Route] = []
    seen: set[str] = set()
    current: Mapping[str, Any] | None = resource
    own = _field(resource, "options")
    own_provider = own is not None and isinstance(own[1], Mapping) and _field(own[1], "provider") is not None
    while current is not None:
        found = _field(current, "options")
        options = found[1] if found is not None and isinstance(found[1], Mapping) else {}
        parent: Mapping[str, Any] | None = None
        named: list[Route] = []
        for kind, path, value in _option_values(options, "options"):
            reference = _REFERENCE.fullmatch(value.strip()) if isinstance(value, str) else None
            name = reference.group(1) if reference is not None else ""
            target = resources.get(name) if reference is not None else None
            if kind == "parent":
                if name in component_names:
                    beneath = name
                elif isinstance(target, Mapping) and name not in seen:
                    seen.add(name)
                    parent = target
            elif not isinstance(target, Mapping):
                named.append((path if reference is None else name, None))
            elif (token := _field(target, "type")) is not None and _is_provider_of(token[1], package):
                written = _field(target, "properties")
                named.append((name, written[1] if written is not None and isinstance(written[1], Mapping) else {}))
        # A child's own provider wins over its parent's: the nearest that names one counts.
        providers = providers or named
        # A component's own providers are refused where the component is read.
        current = None if beneath is not None else parent
    if defaults and not own_provider:
        # pulumi-yaml hands it the program's default provider; whether that or a parent's provider wins is not
        # read here, so both may be where it goes (fail closed).
        providers = [*defaults, *(p for p in providers if p not in defaults)]
    return beneath, tuple(providers)


def raw_resources(project: ProjectFile) -> tuple[RawResource, ...]:
    """Every resource of another package in ``project``'s YAML program (what :func:`components` cannot read is its
    to report), with the component it descends from and the azure-native providers it deploys with."""
    document = project.document
    found = _field(document, "resources") if is_yaml_program(document) else None
    resources = found[1] if found is not None else None
    if not isinstance(resources, Mapping):
        return ()
    tokens = {
        str(name): registered(kind[1])
        for name, resource in resources.items()
        if isinstance(resource, Mapping) and (kind := _field(resource, "type")) is not None and isinstance(kind[1], str)
    }
    component_names = frozenset(name for name, token in tokens.items() if resolve(token) is not None)
    raw: list[RawResource] = []
    for name, resource in resources.items():
        token = tokens.get(str(name))
        if token is None or is_this_package(token) or token.casefold().startswith("pulumi:providers:"):
            continue
        properties = _field(resource, "properties")
        written = properties[1] if properties is not None and isinstance(properties[1], Mapping) else {}
        package = token.split(":", 1)[0]
        defaults = default_providers(resources, package)
        beneath, providers = _lineage(resource, resources, component_names, package, defaults)
        raw.append(RawResource(str(name), token, written, beneath, providers))
    return tuple(raw)


@dataclass(frozen=True, slots=True)
class Program:
    """A YAML program's resources as the checker reads them, read once for each check."""

    components: tuple[Component, ...]
    """The package's components (:func:`components`)."""
    unreadable: tuple[Located, ...]
    """Every reason the program cannot be read as pulumi-yaml runs it, with the YAML path it is about."""
    named: tuple[NamedResource, ...]
    """The resources of a kind the components create (:func:`named_resources`)."""
    raw: tuple[RawResource, ...]
    """Every resource of another package (:func:`raw_resources`)."""


def read_program(project: ProjectFile) -> Program:
    """``project``'s YAML program, read once; empty for a project whose runtime is not YAML."""
    found, unreadable = components(project)
    return Program(found, unreadable, named_resources(project), raw_resources(project))
