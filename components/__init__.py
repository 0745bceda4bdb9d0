"""Pulumi components for Azure OpenAI, guarded by the use-case declaration.

``AzureOpenAIService`` provisions commercial Azure; ``AzureGovernmentOpenAIService``
composes it for Azure Government. Both decide the use case with the guard
before registering anything.
"""

from .args import (
    AzureGovernmentOpenAIServiceArgs,
    AzureOpenAIServiceArgs,
    BaseRaiPolicy,
    ContentFilterArgs,
    CustomerManagedKeyArgs,
    DeploymentArgs,
    DeploymentSku,
    FilterSource,
    FilterThreshold,
    HarmCategory,
    ModelOfferArgs,
    OpenAIRole,
    PrincipalType,
    PrivateDnsZoneIdsArgs,
    PrivateEndpointArgs,
    RaiMode,
    RaiPolicyArgs,
    RoleAssignmentArgs,
    UseCaseArgs,
    VersionUpgradeOption,
)
from .government import AzureGovernmentOpenAIService, GovernmentProvider
from .guard import GuardDeniedError
from .openai_service import AzureOpenAIService
from .validation import InvalidArgsError

__all__ = [
    "AzureGovernmentOpenAIService",
    "AzureGovernmentOpenAIServiceArgs",
    "AzureOpenAIService",
    "AzureOpenAIServiceArgs",
    "BaseRaiPolicy",
    "ContentFilterArgs",
    "CustomerManagedKeyArgs",
    "DeploymentArgs",
    "DeploymentSku",
    "FilterSource",
    "FilterThreshold",
    "GovernmentProvider",
    "GuardDeniedError",
    "HarmCategory",
    "InvalidArgsError",
    "ModelOfferArgs",
    "OpenAIRole",
    "PrincipalType",
    "PrivateDnsZoneIdsArgs",
    "PrivateEndpointArgs",
    "RaiMode",
    "RaiPolicyArgs",
    "RoleAssignmentArgs",
    "UseCaseArgs",
    "VersionUpgradeOption",
]
