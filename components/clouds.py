"""What differs between commercial Azure and Azure Government, as data.

Regions, deployment SKUs, DNS domains and the azure-native provider's
``environment`` per cloud. The model catalogue is in :mod:`.catalogue`.
"""

from dataclasses import dataclass

from azure_openai_guarded.guards import Cloud

from .args import DeploymentSku


@dataclass(frozen=True, slots=True)
class CloudFacts:
    """One Azure cloud, as the components need to know it."""

    cloud: Cloud
    display_name: str
    """How messages name the cloud."""
    provider_environment: str
    """The azure-native provider's ``environment`` input for this cloud."""
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

    @property
    def private_dns_zones(self) -> tuple[str, str]:
        """The private-link DNS zones an account's private endpoint registers in: OpenAI, then Cognitive Services."""
        return (f"privatelink.{self.openai_domain}", f"privatelink.{self.cognitive_services_domain}")

    def endpoint(self, subdomain: str) -> str:
        """The account's data-plane endpoint."""
        return f"https://{subdomain}.{self.openai_domain}/"


COMMERCIAL = CloudFacts(
    cloud=Cloud.PUBLIC,
    display_name="commercial Azure",
    provider_environment="public",
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
)

GOVERNMENT = CloudFacts(
    cloud=Cloud.USGOVERNMENT,
    display_name="Azure Government",
    provider_environment="usgovernment",
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
)

CLOUDS: dict[Cloud, CloudFacts] = {COMMERCIAL.cloud: COMMERCIAL, GOVERNMENT.cloud: GOVERNMENT}
