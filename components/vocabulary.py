"""The closed sets of values the components' arguments take, as enums.

Shared by every concept's module (its arguments and settings), the cloud facts and the catalogue, none of
which imports Pulumi: the checker and the policy pack validate a stack's whole ``service`` with them. The
package (:mod:`azure_openai_guarded.components`) exports every enum, which stays part of the components' API.

No ``from __future__ import annotations`` here: Pulumi's component provider host reads these classes.
"""

from enum import StrEnum


class DeploymentSku(StrEnum):
    """How a model deployment is hosted and billed.

    ``Standard`` keeps processing in the account's region; ``DataZone*`` keeps
    it within the data zone (the US or the EU); ``Global*`` may process
    anywhere. ``*ProvisionedManaged`` reserves throughput (PTU); ``*Batch``
    runs asynchronous batch jobs.
    """

    STANDARD = "Standard"
    DATA_ZONE_STANDARD = "DataZoneStandard"
    GLOBAL_STANDARD = "GlobalStandard"
    PROVISIONED_MANAGED = "ProvisionedManaged"
    DATA_ZONE_PROVISIONED_MANAGED = "DataZoneProvisionedManaged"
    GLOBAL_PROVISIONED_MANAGED = "GlobalProvisionedManaged"
    DATA_ZONE_BATCH = "DataZoneBatch"
    GLOBAL_BATCH = "GlobalBatch"


class VersionUpgradeOption(StrEnum):
    """What Azure does when a newer model version, or the pinned version's retirement, comes."""

    ONCE_CURRENT_VERSION_EXPIRED = "OnceCurrentVersionExpired"
    """Keep the pinned version until it is retired, then move to the default version."""
    NO_AUTO_UPGRADE = "NoAutoUpgrade"
    """Never change the version; the deployment stops serving when the version is retired."""
    ONCE_NEW_DEFAULT_VERSION_AVAILABLE = "OnceNewDefaultVersionAvailable"
    """Move to each new default version as soon as Azure publishes it (version drift)."""


class OpenAIRole(StrEnum):
    """The built-in roles the component can grant on the account."""

    USER = "Cognitive Services OpenAI User"
    """Call the inference APIs with Entra ID; cannot change deployments or read keys."""
    CONTRIBUTOR = "Cognitive Services OpenAI Contributor"
    """Everything the user role can do, plus manage deployments and fine-tuning."""


class PrincipalType(StrEnum):
    """The kind of Entra ID principal a role is granted to."""

    USER = "User"
    GROUP = "Group"
    SERVICE_PRINCIPAL = "ServicePrincipal"


class FilterThreshold(StrEnum):
    """The lowest harm severity a content filter blocks.

    ``Low`` blocks low, medium and high severity content (strictest);
    ``Medium`` blocks medium and high, which is Microsoft's default. Nothing
    weaker than the default is offered.
    """

    LOW = "Low"
    MEDIUM = "Medium"


class HarmCategory(StrEnum):
    """The harm categories whose severity threshold a content-filter policy sets."""

    HATE = "Hate"
    SEXUAL = "Sexual"
    VIOLENCE = "Violence"
    SELF_HARM = "Selfharm"


class FilterSource(StrEnum):
    """Which side of the conversation a content filter reads."""

    PROMPT = "Prompt"
    COMPLETION = "Completion"


class BaseRaiPolicy(StrEnum):
    """Microsoft's built-in content-filter policies; a custom policy builds on one of them."""

    DEFAULT_V2 = "Microsoft.DefaultV2"
    DEFAULT = "Microsoft.Default"


class RaiMode(StrEnum):
    """When content filtering happens relative to streaming."""

    DEFAULT = "Default"
    """Filter before content is returned (Microsoft's default)."""
    BLOCKING = "Blocking"
    """Filter before content is returned, blocking the stream until each chunk is checked."""


class AccountKind(StrEnum):
    """The kind of Cognitive Services account the component creates."""

    OPENAI = "OpenAI"
    """An Azure OpenAI account: the OpenAI models, nothing else (no Face, Vision or Speech APIs)."""
    AI_SERVICES = "AIServices"
    """A Microsoft Foundry resource: the OpenAI models and every other Azure AI service (Face included),
    with Foundry projects under it."""


class LockLevel(StrEnum):
    """A management lock on the account (Azure Resource Manager locks)."""

    CAN_NOT_DELETE = "CanNotDelete"
    """The account can be changed but not deleted."""
    READ_ONLY = "ReadOnly"
    """Nothing on the account can be changed, its keys cannot be listed and it cannot be deleted; remove the
    lock before any change."""
