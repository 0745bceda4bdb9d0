"""Pulumi components for Azure OpenAI, guarded by the use-case declaration.

``AzureOpenAIService`` provisions commercial Azure; ``AzureGovernmentOpenAIService``
composes it for Azure Government. Both decide the use case with the guard
before registering anything.

The names below are imported when first used (PEP 562), so that the Pulumi-free
modules (``vocabulary``, ``clouds``, ``catalogue``, ``account``, each concept's
module and ``declaration``, which the checker and the policy pack use to
validate a stack's whole ``service``) import without Pulumi; only the components
and their outputs need the ``pulumi`` extra.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "AccountKind": ".vocabulary",
    "AzureGovernmentOpenAIService": ".government",
    "AzureGovernmentOpenAIServiceArgs": ".account",
    "AzureOpenAIService": ".openai_service",
    "AzureOpenAIServiceArgs": ".account",
    "BaseRaiPolicy": ".vocabulary",
    "ContentFilterArgs": ".content_filters",
    "CustomerManagedKeyArgs": ".encryption",
    "config_object": ".guard",
    "Declaration": ".declaration",
    "DeploymentArgs": ".deployments",
    "DeploymentSku": ".vocabulary",
    "FilterSource": ".vocabulary",
    "FilterThreshold": ".vocabulary",
    "GovernmentProvider": ".providers",
    "CommercialProvider": ".providers",
    "GuardDeniedError": ".guard",
    "HarmCategory": ".vocabulary",
    "InvalidArgsError": ".guard",
    "LockLevel": ".vocabulary",
    "ModelOfferArgs": ".deployments",
    "OpenAIRole": ".vocabulary",
    "PrincipalType": ".vocabulary",
    "PrivateDnsZoneIdsArgs": ".network",
    "PrivateEndpointArgs": ".network",
    "ProjectArgs": ".projects",
    "ProjectDeniedError": ".guard",
    "ProjectOutput": ".outputs",
    "RaiBlocklistArgs": ".content_filters",
    "RaiBlocklistItemArgs": ".content_filters",
    "RaiMode": ".vocabulary",
    "RaiPolicyArgs": ".content_filters",
    "RoleAssignmentArgs": ".access",
    "SecretsExportArgs": ".secrets",
    "UseCaseArgs": ".use_case",
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
    from .access import RoleAssignmentArgs
    from .account import AzureGovernmentOpenAIServiceArgs, AzureOpenAIServiceArgs
    from .content_filters import ContentFilterArgs, RaiBlocklistArgs, RaiBlocklistItemArgs, RaiPolicyArgs
    from .declaration import Declaration
    from .deployments import DeploymentArgs, ModelOfferArgs
    from .encryption import CustomerManagedKeyArgs
    from .government import AzureGovernmentOpenAIService
    from .guard import GuardDeniedError, InvalidArgsError, ProjectDeniedError, config_object
    from .network import PrivateDnsZoneIdsArgs, PrivateEndpointArgs
    from .openai_service import AzureOpenAIService
    from .outputs import ProjectOutput
    from .projects import ProjectArgs
    from .providers import CommercialProvider, GovernmentProvider
    from .secrets import SecretsExportArgs
    from .use_case import UseCaseArgs
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
