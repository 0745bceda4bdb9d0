"""The names Azure resources are given, and their tags: text that says what an account is for.

The components read the service's names and tags with the purpose (``service_texts``); the policy pack reads the
same names on the resources a program registers, and the checker on the raw resources a YAML program declares,
both from this one table of each resource kind's inputs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Final

PROJECT_TEXT: Final = ("displayName", "description")
"""A Foundry project's free text besides its name, as a stack file, another language and the resource spell it."""

_NATIVE: Final = r"^azure-native:{module}(?:/v[0-9a-z]+)?:{kind}$"

PROJECT_TOKEN: Final = re.compile(_NATIVE.format(module="cognitiveservices", kind="Project"))

PROJECT_INPUTS: Final = ("projectName", *(f"properties.{key}" for key in PROJECT_TEXT))
"""A Foundry project resource's name and free text, as its inputs spell them."""

_INPUTS: Final[tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]] = (
    (
        re.compile(_NATIVE.format(module="cognitiveservices", kind="Account")),
        ("accountName", "properties.customSubDomainName", "resourceGroupName", "properties.allowedFqdnList"),
    ),
    (re.compile(_NATIVE.format(module="cognitiveservices", kind="RaiBlocklist")), ("raiBlocklistName",)),
    (re.compile(r"^azure:cognitive/account:Account$"), ("name", "customSubdomainName", "resourceGroupName")),
    (re.compile(r"^azure:cognitive/aIServices:AIServices$"), ("name", "customSubdomainName", "resourceGroupName")),
    (re.compile(_NATIVE.format(module="cognitiveservices", kind="Deployment")), ("deploymentName",)),
    (re.compile(r"^azure:cognitive/deployment:Deployment$"), ("name", "raiPolicyName")),
    (re.compile(_NATIVE.format(module="cognitiveservices", kind="RaiPolicy")), ("raiPolicyName",)),
    (re.compile(_NATIVE.format(module="resources", kind="ResourceGroup")), ("resourceGroupName",)),
    (re.compile(r"^azure:core/resourceGroup:ResourceGroup$"), ("name",)),
    (PROJECT_TOKEN, PROJECT_INPUTS),
    (
        re.compile(_NATIVE.format(module="machinelearningservices", kind="Workspace")),
        ("workspaceName", "friendlyName", "description", "resourceGroupName"),
    ),
    (
        re.compile(r"^azure:(?:machinelearning/workspace:Workspace|aifoundry/hub:Hub)$"),
        ("name", "friendlyName", "description", "resourceGroupName"),
    ),
    (re.compile(r"^azure:aifoundry/project:Project$"), ("name", "friendlyName", "description")),
)
"""Each kind of resource that can name or describe what an account is for, with the inputs that name it in Azure
(dotted, camelCase): what the components create, and the other providers' and Foundry's spellings of the same (the
classic provider's AI Services, deployment and resource group; a Machine Learning workspace, a Foundry hub or
hub-based project, of either provider)."""


SERVICE_NAMES: Final[tuple[tuple[str, str | None], ...]] = (
    ("account_name", None),
    ("resource_group_name", None),
    ("deployments", "name"),
    ("rai_policies", "name"),
    ("rai_blocklists", "name"),
    ("allowed_fqdns", ""),
    ("log_analytics_workspace_id", None),
    ("private_endpoint", "subnet_id"),
    ("customer_managed_key", "key_vault_id"),
    ("customer_managed_key", "key_name"),
    ("secrets_export", "key_vault_id"),
    # The Key Vault secrets' names, which Azure shows, and the models', a fine-tuned one's named by its owner
    # (``gpt-4o-ft-nypd-suspect-faceid``, review R22).
    ("secrets_export", "primary_key_secret_name"),
    ("secrets_export", "secondary_key_secret_name"),
    ("deployments", "model"),
    ("additional_models", "model"),
    # Each blocklist item's name, which Azure shows, and the private DNS zones' ids, which name their groups
    # (``.../rg-nypd-facial-id/...``, review R24): a path of fields, each a list or one entry.
    ("rai_blocklists", "items.name"),
    ("private_endpoint", "dns_zone_ids.openai"),
    ("private_endpoint", "dns_zone_ids.cognitive_services"),
    ("private_endpoint", "dns_zone_ids.ai_services"),
)
"""The service fields whose values Azure gets as names (and the hosts the account may call, and the resources of
the customer's it uses, whose ids name their groups and themselves: ``.../rg-lapd-monitoring/.../log-lapd-faceid``),
which the tripwire reads with the purpose: a field that is a name (``None``), a list of entries (or one entry)
each named by a field of its own (a dotted path of fields, each a list or one entry), or a list of names
(``""``). In the settings' Python names; a stack file or a YAML program writes their camelCase. A blocklist's
description and its items' patterns say what is blocked, so they are not read. Read from validated settings by
the components (``service_texts``) and from a YAML program's raw properties by the checker, through
:func:`service_names`."""


def service_names(
    value_of: Callable[[str], Any], entry_field: Callable[[Any, str], Any]
) -> list[tuple[tuple[str | int, ...], Any]]:
    """Each of the service's names (see ``SERVICE_NAMES``) with its path as steps (``("deployments", 0, "name")``);
    ``value_of`` gives a field's value by its Python name, ``entry_field`` an entry's field. A list that is not one
    (a value the program computes) has no names to read."""
    found: list[tuple[tuple[str | int, ...], Any]] = []
    for field, named_by in SERVICE_NAMES:
        value = value_of(field)
        if named_by is None:
            found.append(((field,), value))
        elif not named_by:
            found += [((field, i), entry) for i, entry in enumerate(value if isinstance(value, list | tuple) else ())]
        else:
            found += _named(value, (field,), named_by.split("."), entry_field)
    return found


def _named(
    value: Any, at: tuple[str | int, ...], steps: list[str], entry_field: Callable[[Any, str], Any]
) -> list[tuple[tuple[str | int, ...], Any]]:
    """The names at ``steps`` below ``value`` (one entry, or a list of them), each with its path."""
    if isinstance(value, list | tuple):
        return [found for i, entry in enumerate(value) for found in _named(entry, (*at, i), steps, entry_field)]
    if value is None or isinstance(value, str):
        return []
    named = entry_field(value, steps[0])
    if len(steps) == 1:
        return [((*at, steps[0]), named)]
    return _named(named, (*at, steps[0]), steps[1:], entry_field)


def as_text(value: Any) -> Any:
    """A list of names (an account's allowed hosts) as one text of them; any other value as it is."""
    if isinstance(value, list | tuple) and value and all(isinstance(v, str) for v in value):
        return " ".join(value)
    return value


def text_inputs(resource_type: str) -> tuple[str, ...] | None:
    """The inputs that name a resource of ``resource_type`` in Azure; ``None`` for a kind the components do not
    create. Its ``tags`` are read besides."""
    return next((keys for token, keys in _INPUTS if token.fullmatch(resource_type)), None)


GUARD_TAG_PREFIX: Final = "aoai-guard-"
"""The start of every tag the guard sets itself (``guards/tags.py``), from the declaration and its verdict."""

OWNER_TAG: Final = f"{GUARD_TAG_PREFIX}owner"
"""The guard's own tag that repeats a use case's ``owner`` on every resource (``guards/tags.py``): read as the
owner is."""

TAG_KEY: Final = " (a tag's key)"
"""Put after a tag's path to read its key: ``service.tags.customer-nypd (a tag's key)``."""


CONFIG_AT: Final = "config"
"""The start of each of the stack config's texts' paths (``config.myapp:customer``, see ``guards/config_texts.py``),
as the stack file writes the key."""

CONFIG_KEY: Final = " (a config key)"
"""Put after a config text's path to read its key: ``config.myapp:nypd-contract (a config key)``."""


def is_setting(path: str) -> bool:
    """Whether ``path`` is a text of the stack's config beside its declarations (``guards/config_texts.py``)."""
    return path.startswith(f"{CONFIG_AT}.")


def is_labelling(path: str) -> bool:
    """Whether ``path`` is a tag's, or a text of the stack's config (``guards/config_texts.py``): what a resource or
    a stack is labelled with beside its declaration, read alike."""
    return ".tags." in f".{path}" or is_setting(path)


def tag_texts(tags: Mapping[str, Any], at: str) -> dict[str, Any]:
    """Each tag's value under its path (``{at}.purpose``), and its key, read as a name: a key says what the
    resource is for as much as a value does (``customer-nypd: "true"``)."""
    return {f"{at}.{key}": value for key, value in tags.items()} | {f"{at}.{key}{TAG_KEY}": key for key in tags}


def is_label(path: str, text: str) -> bool:
    """Whether a tag's or a config text's text is a label (its key, or a value with no space: ``team:
    street-level-banking``), read as a name is, not a description."""
    return is_labelling(path) and (path.endswith((TAG_KEY, CONFIG_KEY)) or not any(c.isspace() for c in text))


def named_texts(
    resource_type: str, value_at: Callable[[str], Any], tags: Mapping[str, Any] | None
) -> dict[str, Any] | None:
    """A resource's naming inputs, as ``value_at`` reads them from its inputs by dotted path, and each of its
    ``tags``' values, by their paths (``accountName``, ``tags.purpose``); ``None`` for a kind the components do
    not create. The caller keeps only text."""
    inputs = text_inputs(resource_type)
    if inputs is None:
        return None
    return {key: as_text(value_at(key)) for key in inputs} | tag_texts(tags or {}, "tags")


_CAMEL: Final = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


_FORCE_IN_A_WORD: Final = re.compile(r"(?i)(?P<force>nypd|lapd|sfpd|nopd|lvmpd|dcpd|police|policia|sheriff)")
_INFLECTIONS: Final = {
    "police": frozenset({"s", "d", "man", "men", "woman", "women"}),
    "policia": frozenset({"s", "l", "les", "is", "mento", "mentos"}),
    "sheriff": frozenset({"s", "dom"}),
}
"""What ends a force's own word ("policemen", "policiais", "sheriffs"), which is no other word run on."""
_SHORTEST_PREFIX: Final = 3
"""The fewest letters before a force's word that are a word run on before it ("contosopolice"): fewer are part of
another word ("apolice", Portuguese for an insurance policy)."""
_WORD_IN_A_NAME: Final = re.compile(r"[A-Za-z0-9]+")


def _forces_apart(token: re.Match[str]) -> str:
    """``token`` with a police force's name or word set apart from the words run on with it ("contosonypdfacematch"
    is "contoso nypd facematch", "contosopolicefaces" "contoso police faces"), unless what runs on is too short to
    be a word or is the word's own ending ("apolice", "policemen")."""
    word = token.group()
    force = _FORCE_IN_A_WORD.search(word)
    if force is None or force.group() == word:
        return word
    before, found, after = word[: force.start()], force.group(), word[force.end() :]
    if before and len(before) < _SHORTEST_PREFIX:
        return word
    if after.lower() in _INFLECTIONS.get(found.lower(), frozenset()):
        after, found = "", found + after
    if not before and not after:
        return word
    return " ".join(part for part in (before, found, after) if part)


def words_of(name: str) -> str:
    """A name's words: camelCase split (``rgNypdSuspectFaceMatch``), and a police force's name or word set apart
    from the words run together with it (``contosonypdfacematch``, ``acme-sheriffsearch``; review R18); hyphens,
    dots and underscores are spaces to the tripwire already. How the tripwire and the language reading both split
    a name."""
    return _WORD_IN_A_NAME.sub(_forces_apart, _CAMEL.sub(" ", name))
