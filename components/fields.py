"""What every concept's arguments and checks share: the validated scalars, the settings' base, and the
helpers that write problems.

The components' arguments are TypedDicts (:data:`Input` where a value may come from another resource);
their settings are frozen pydantic models on :class:`Settings`; their checks return
:class:`~azure_openai_guarded.guards.declaration.Problem` lists whose field names are references
(:data:`n`), chosen when a problem is printed. Nothing here imports Pulumi.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Annotated, Any, Final, TypeVar, Union

from pydantic import AfterValidator, Field, PlainValidator, StrictStr
from typing_extensions import TypeIs

from azure_openai_guarded.guards.declaration import Problem, field_reference
from azure_openai_guarded.guards.models import DeclarationModel

T = TypeVar("T")

if TYPE_CHECKING:
    from pulumi import Output

    StrInput = str | Output[str]
    """A string known now, or an Output resolved at deployment."""
else:
    # Validated by hand (see _input): pydantic needs no schema of Output, and this module imports without Pulumi.
    StrInput = Any


_GUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_GROUP = rf"/subscriptions/{_GUID}/resourceGroups/[^/]+"


def input_check(check: Callable[[str], str]) -> Callable[[Any], StrInput]:
    def validate(value: Any) -> StrInput:
        if is_output(value):
            return value
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"must be a non-empty string or a pulumi Output (got {value!r})")
        return check(value.strip())

    return validate


def resource_id_check(kind: str, pattern: str) -> Callable[[str], str]:
    compiled = re.compile(rf"^{_GROUP}/providers/{pattern}$", re.IGNORECASE)
    example = f"/subscriptions/<subscription id>/resourceGroups/<group>/providers/{pattern.replace('[^/]+', '<name>')}"
    example = example.replace("\\.", ".")

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise ValueError(f"must be the resource id of a {kind}, {example} (got {value!r})")
        return value

    return check


def guid_check(value: str) -> str:
    if not re.fullmatch(_GUID, value):
        raise ValueError(f"must be an Entra ID object id (a GUID) (got {value!r})")
    return value.lower()


_RESOURCE_GROUP = re.compile(r"^[-\w.()]{0,89}[-\w()]$")


def _resource_group(value: str) -> str:
    if not _RESOURCE_GROUP.fullmatch(value):
        raise ValueError(
            f"a resource group name is 1 to 90 letters, digits, '-', '_', '.', '(' or ')', "
            f"not ending in '.' (got {value!r})"
        )
    return value


WorkspaceId = Annotated[
    StrInput,
    PlainValidator(
        input_check(resource_id_check("Log Analytics workspace", r"Microsoft\.OperationalInsights/workspaces/[^/]+"))
    ),
]
ResourceGroupName = Annotated[StrInput, PlainValidator(input_check(_resource_group))]
KeyVaultId = Annotated[StrictStr, AfterValidator(resource_id_check("Key Vault", r"Microsoft\.KeyVault/vaults/[^/]+"))]


def matches(regex: str, rule: str) -> Callable[[str], str]:
    compiled = re.compile(regex)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise ValueError(f"{rule} (got {value!r})")
        return value

    return check


def vault_object_name(kind: str) -> AfterValidator:
    """Key Vault's rule for the name of one of its objects (a ``key``, a ``secret``): 1 to 127 letters, digits or
    '-'; the message names the kind."""
    return AfterValidator(
        matches(r"[a-zA-Z0-9-]{1,127}", f"a Key Vault {kind} name is 1 to 127 letters, digits or '-'")
    )


KeyName = Annotated[StrictStr, vault_object_name("key")]
"""The name of a key in Key Vault (a customer-managed key)."""
SecretName = Annotated[StrictStr, vault_object_name("secret")]
"""The name of a secret in Key Vault (an exported API key)."""


account_name_check: Final = matches(
    r"[a-zA-Z0-9][a-zA-Z0-9-]{0,62}[a-zA-Z0-9]",
    "an account name is 2 to 64 letters, digits or hyphens, starting and ending with a letter or digit; "
    "it is also the account's DNS subdomain, so it must be unique in the cloud",
)
"""Azure's rule for a Cognitive Services account name, which is also its custom subdomain: for ``account_name``, and
for the component's name where ``account_name`` is left out and the name stands for it."""

AccountName = Annotated[StrictStr, AfterValidator(account_name_check)]


def _location(value: str) -> str:
    # Azure accepts display names ("East US 2"); resources and the catalogue use the short form.
    return value.replace(" ", "").lower()


Location = Annotated[StrictStr, Field(min_length=1), AfterValidator(_location)]


def is_output(value: object) -> TypeIs[Output[Any]]:
    """Whether ``value`` is a :class:`pulumi.Output`: none can exist unless Pulumi is imported."""
    pulumi = sys.modules.get("pulumi")
    return pulumi is not None and isinstance(value, pulumi.Output)


if TYPE_CHECKING:
    from pulumi import Input as Input
else:
    # pulumi.Input's own shape, so that the concepts' arguments import without Pulumi and Pulumi's component
    # analyzer still reads an input that may come from another resource (tests/test_component_schema.py compares).
    Input = Union[T, Awaitable[T], "Output[T]"]


class Settings(DeclarationModel):
    """Base for the validated arguments, configured as the declaration's models are (frozen, unknown keys rejected,
    strict scalars, a nested instance validated again); the spelling of the keys is chosen where an input is
    read."""


n = field_reference
"""Writes a field reference into a path or message: ``n("rai_policies")`` is ``{rai_policies}``."""


def listing(items: list[str] | tuple[str, ...], limit: int = 12) -> str:
    shown = list(items[:limit])
    more = f" and {len(items) - limit} more" if len(items) > limit else ""
    return ", ".join(shown) + more


def duplicate_names(field: str, names: list[str], kind: str) -> list[Problem]:
    # Azure resource names are case-insensitive: `chat` and `Chat` would be two Pulumi resources writing
    # one Azure resource, and the second create fails half-way through `pulumi up`.
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        key = name.lower()
        if key in seen:
            problems.append(
                Problem(
                    f"{field}[{i}].name",
                    f"{name!r} is already the name of {field}[{seen[key]}]; {kind} names must be unique in an "
                    "account (Azure ignores case)",
                )
            )
        seen.setdefault(key, i)
    return problems
