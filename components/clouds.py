"""What differs between commercial Azure and Azure Government, as data.

Regions, deployment SKUs, DNS domains and the azure-native provider's
``environment`` per cloud. The model catalogue is in :mod:`.catalogue`.
"""

from dataclasses import dataclass
from typing import Final

from azure_openai_guarded.guards import Cloud

from .vocabulary import AccountKind, DeploymentSku

_FOUNDRY_ENDPOINTS = (
    "Microsoft Learn, 'Microsoft Foundry SDKs and Endpoints' (learn.microsoft.com/azure/foundry/how-to/develop/"
    "sdk-overview): https://<resource-name>.services.ai.azure.com/api/projects/<project-name>"
)
_PRIVATE_DNS_ZONES = (
    "Microsoft Learn, 'Azure Private Endpoint DNS configuration' (learn.microsoft.com/azure/private-link/"
    "private-endpoint-dns), Government table, Azure AI services (Microsoft.CognitiveServices/accounts), account"
)


@dataclass(frozen=True, slots=True)
class CloudFacts:
    """One Azure cloud, as the components need to know it."""

    cloud: Cloud
    display_name: str
    """How messages name the cloud."""
    provider_environment: str
    """The azure-native provider's ``environment`` input for this cloud."""
    classic_environments: tuple[str, ...]
    """The classic pulumi-azure provider's ``environment`` values that deploy to this cloud (lower case), as its
    Azure SDK's ``environments.FromName`` reads them: Azure Government has four names (review R14)."""
    regions: tuple[str, ...]
    """The regions that offer Azure OpenAI."""
    skus: tuple[DeploymentSku, ...]
    """The deployment SKUs the cloud offers."""
    openai_domain: str
    """The data-plane endpoint domain: an account's endpoint is ``https://<subdomain>.<domain>/``."""
    cognitive_services_domain: str
    """The Cognitive Services domain, whose private-link zone an account's endpoint also registers in."""
    key_vault_domain: str
    """The Key Vault data-plane domain, for the customer-managed key's vault URI."""
    foundry_domain: str
    """The Foundry endpoint domain: a Foundry resource's endpoint is ``https://<subdomain>.<domain>/``."""
    foundry_domain_source: str
    """The primary Microsoft source that names :attr:`foundry_domain` for this cloud."""
    foundry_private_dns_zone: str | None
    """The private-link DNS zone of the Foundry endpoint, the third zone of a Foundry account's private endpoint;
    ``None`` where no primary Microsoft source names it, and the components then refuse the endpoint."""
    foundry_private_dns_zone_source: str
    """The primary Microsoft source that names :attr:`foundry_private_dns_zone`, or what was searched and why
    it is ``None``."""

    @property
    def private_dns_zones(self) -> tuple[str, str]:
        """The private-link DNS zones an account's private endpoint registers in: OpenAI, then Cognitive Services."""
        return (f"privatelink.{self.openai_domain}", f"privatelink.{self.cognitive_services_domain}")

    def private_dns_zones_for(self, kind: AccountKind) -> tuple[str, ...] | None:
        """The zones a private endpoint to an account of ``kind`` registers in; ``None`` when one is unknown here."""
        if kind is AccountKind.OPENAI:
            return self.private_dns_zones
        if self.foundry_private_dns_zone is None:
            return None
        return (*self.private_dns_zones, self.foundry_private_dns_zone)

    def endpoint(self, subdomain: str) -> str:
        """The account's data-plane endpoint."""
        return f"https://{subdomain}.{self.openai_domain}/"

    def foundry_endpoint(self, subdomain: str) -> str:
        """A Foundry resource's endpoint, under which its projects' endpoints are."""
        return f"https://{subdomain}.{self.foundry_domain}/"

    def project_endpoint(self, subdomain: str, project: str) -> str:
        """A Foundry project's endpoint, for the Foundry SDK."""
        return f"{self.foundry_endpoint(subdomain)}api/projects/{project}"


COMMERCIAL = CloudFacts(
    cloud=Cloud.PUBLIC,
    display_name="commercial Azure",
    provider_environment="public",
    classic_environments=("public",),
    regions=(
        "australiaeast",
        "brazilsouth",
        "canadacentral",
        "canadaeast",
        "eastus",
        "eastus2",
        "francecentral",
        "germanywestcentral",
        "italynorth",
        "japaneast",
        "koreacentral",
        "northcentralus",
        "norwayeast",
        "polandcentral",
        "southafricanorth",
        "southcentralus",
        "southindia",
        "spaincentral",
        "swedencentral",
        "switzerlandnorth",
        "switzerlandwest",
        "uaenorth",
        "uksouth",
        "westeurope",
        "westus",
        "westus3",
    ),
    skus=tuple(DeploymentSku),
    openai_domain="openai.azure.com",
    cognitive_services_domain="cognitiveservices.azure.com",
    key_vault_domain="vault.azure.net",
    foundry_domain="services.ai.azure.com",
    foundry_domain_source=_FOUNDRY_ENDPOINTS,
    foundry_private_dns_zone="privatelink.services.ai.azure.com",
    foundry_private_dns_zone_source=(
        "Microsoft Learn, 'How to use a virtual network with the Azure AI Foundry Agent Service' "
        "(learn.microsoft.com/azure/ai-foundry/agents/how-to/virtual-networks, October 2025), DNS zone "
        "configurations summary: Azure AI Foundry, account: privatelink.cognitiveservices.azure.com, "
        "privatelink.openai.azure.com, privatelink.services.ai.azure.com"
    ),
)

GOVERNMENT = CloudFacts(
    cloud=Cloud.USGOVERNMENT,
    display_name="Azure Government",
    provider_environment="usgovernment",
    # L4 is Azure Government's own name for itself; DoD (L5) is its Department of Defense regions.
    classic_environments=("usgovernment", "usgovernmentl4", "usgovernmentl5", "dod"),
    regions=("usgovarizona", "usgovvirginia"),
    # No GlobalStandard and no batch in Azure Government.
    skus=(
        DeploymentSku.STANDARD,
        DeploymentSku.DATA_ZONE_STANDARD,
        DeploymentSku.PROVISIONED_MANAGED,
        DeploymentSku.DATA_ZONE_PROVISIONED_MANAGED,
    ),
    openai_domain="openai.azure.us",
    cognitive_services_domain="cognitiveservices.azure.us",
    key_vault_domain="vault.usgovcloudapi.net",
    foundry_domain="services.ai.azure.us",
    foundry_domain_source=(
        "Microsoft Learn, 'Microsoft Foundry in Azure Government' (learn.microsoft.com/azure/foundry/concepts/"
        "foundry-azure-government, June 2026), Endpoints: https://{resource-name}.services.ai.azure.us/api/"
        "projects/{project-name}"
    ),
    # The Government table of Microsoft's private DNS zone values lists privatelink.cognitiveservices.azure.us
    # for Azure AI services accounts, and the Foundry-in-Government page names the endpoint but no zone.
    # Third-party templates disagree (some write privatelink.services.ai.azure.us, some say there is none),
    # so no zone is guessed here.
    foundry_private_dns_zone=None,
    foundry_private_dns_zone_source=(
        f"not found: {_PRIVATE_DNS_ZONES} lists only privatelink.cognitiveservices.azure.us, and 'Microsoft "
        "Foundry in Azure Government' names no private DNS zone for the services.ai.azure.us endpoint"
    ),
)

CLOUDS: dict[Cloud, CloudFacts] = {COMMERCIAL.cloud: COMMERCIAL, GOVERNMENT.cloud: GOVERNMENT}

GOVERNMENT_REGION_PREFIXES: Final = ("usgov", "usdod")
"""Azure Government region names begin so (usgovvirginia, usgovarizona, usgovtexas, usdodeast ...), those that offer
Azure OpenAI (``GOVERNMENT.regions``) and the others a resource may name."""


def government_region(location: object) -> bool:
    """Whether ``location`` is an Azure Government region's name, as Azure compares them."""
    return isinstance(location, str) and location.strip().lower().startswith(GOVERNMENT_REGION_PREFIXES)
