"""Pulumi components for Azure OpenAI, guarded by the use-case declaration.

``AzureOpenAIService`` provisions commercial Azure; ``AzureGovernmentOpenAIService``
composes it for Azure Government. Both decide the use case with the guard
before registering anything.

The names below are imported when first used (PEP 562), so that the Pulumi-free
modules (``vocabulary``, ``clouds``, ``catalogue``, ``settings``, ``checks`` and
``declaration``, which the checker and the policy pack use to validate a stack's
whole ``service``) import without Pulumi; the components and their arguments
need the ``pulumi`` extra.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "AccountKind": ".vocabulary",
    "AzureGovernmentOpenAIService": ".government",
    "AzureGovernmentOpenAIServiceArgs": ".args",
    "AzureOpenAIService": ".openai_service",
    "AzureOpenAIServiceArgs": ".args",
    "BaseRaiPolicy": ".vocabulary",
    "ContentFilterArgs": ".content_filters",
    "CustomerManagedKeyArgs": ".args",
    "config_object": ".guard",
    "Declaration": ".declaration",
    "DeploymentArgs": ".deployments",
    "DeploymentSku": ".vocabulary",
    "FilterSource": ".vocabulary",
    "FilterThreshold": ".vocabulary",
    "GovernmentProvider": ".government",
    "CommercialProvider": ".providers",
    "GuardDeniedError": ".guard",
    "HarmCategory": ".vocabulary",
    "InvalidArgsError": ".guard",
    "LockLevel": ".vocabulary",
    "ModelOfferArgs": ".deployments",
    "OpenAIRole": ".vocabulary",
    "PrincipalType": ".vocabulary",
    "PrivateDnsZoneIdsArgs": ".args",
    "PrivateEndpointArgs": ".args",
    "ProjectArgs": ".args",
    "ProjectDeniedError": ".guard",
    "ProjectOutput": ".outputs",
    "RaiBlocklistArgs": ".content_filters",
    "RaiBlocklistItemArgs": ".content_filters",
    "RaiMode": ".vocabulary",
    "RaiPolicyArgs": ".content_filters",
    "RoleAssignmentArgs": ".args",
    "SecretsExportArgs": ".args",
    "UseCaseArgs": ".args",
    "VersionUpgradeOption": ".vocabulary",
}

__all__ = [
    "AccountKind",
    "AzureGovernmentOpenAIService",
    "AzureGovernmentOpenAIServiceArgs",
    "AzureOpenAIService",
    "AzureOpenAIServiceArgs",
    "BaseRaiPolicy",
    "CommercialProvider",
    "ContentFilterArgs",
    "CustomerManagedKeyArgs",
    "Declaration",
    "DeploymentArgs",
    "DeploymentSku",
    "FilterSource",
    "FilterThreshold",
    "GovernmentProvider",
    "GuardDeniedError",
    "HarmCategory",
    "InvalidArgsError",
    "LockLevel",
    "ModelOfferArgs",
    "OpenAIRole",
    "PrincipalType",
    "PrivateDnsZoneIdsArgs",
    "PrivateEndpointArgs",
    "ProjectArgs",
    "ProjectDeniedError",
    "ProjectOutput",
    "RaiBlocklistArgs",
    "RaiBlocklistItemArgs",
    "RaiMode",
    "RaiPolicyArgs",
    "RoleAssignmentArgs",
    "SecretsExportArgs",
    "UseCaseArgs",
    "VersionUpgradeOption",
    "config_object",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from .args import (
        AzureGovernmentOpenAIServiceArgs,
        AzureOpenAIServiceArgs,
        CustomerManagedKeyArgs,
        PrivateDnsZoneIdsArgs,
        PrivateEndpointArgs,
        ProjectArgs,
        RoleAssignmentArgs,
        SecretsExportArgs,
        UseCaseArgs,
    )
    from .content_filters import ContentFilterArgs, RaiBlocklistArgs, RaiBlocklistItemArgs, RaiPolicyArgs
    from .declaration import Declaration
    from .deployments import DeploymentArgs, ModelOfferArgs
    from .government import AzureGovernmentOpenAIService, GovernmentProvider
    from .guard import GuardDeniedError, InvalidArgsError, ProjectDeniedError, config_object
    from .openai_service import AzureOpenAIService
    from .outputs import ProjectOutput
    from .providers import CommercialProvider
    from .vocabulary import (
        AccountKind,
        BaseRaiPolicy,
        DeploymentSku,
        FilterSource,
        FilterThreshold,
        HarmCategory,
        LockLevel,
        OpenAIRole,
        PrincipalType,
        RaiMode,
        VersionUpgradeOption,
    )
