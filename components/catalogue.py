"""The model catalogue: which model versions each cloud offers, per deployment SKU and region.

Availability changes often, so the catalogue is data: a tuple of
:class:`ModelOffer` per cloud, which users extend (``additional_models`` in
the components' arguments, or :meth:`Catalogue.extended` from Python) when
Azure adds a model before this package lists it. The components refuse a
deployment the catalogue does not list, before anything is registered,
rather than letting Azure fail half-way through ``pulumi up``.

Snapshot: commercial Azure from Azure's model-availability tables, Azure
Government as listed in April 2026.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Self

from azure_openai_guarded.guards import Cloud

from .clouds import COMMERCIAL, GOVERNMENT
from .vocabulary import AccountKind, DeploymentSku


@dataclass(frozen=True, slots=True)
class CapacityRange:
    """The capacities a deployment may have: ``minimum`` to ``maximum``, in multiples of ``step``."""

    minimum: int
    maximum: int
    step: int = 1

    def allows(self, capacity: int) -> bool:
        return self.minimum <= capacity <= self.maximum and capacity % self.step == 0

    def describe(self) -> str:
        multiples = f", in multiples of {self.step}" if self.step > 1 else ""
        return f"{self.minimum} to {self.maximum}{multiples}"


SKU_CAPACITY: dict[DeploymentSku, CapacityRange] = {
    # Thousands of tokens per minute; the ceiling catches a capacity given in tokens rather than thousands.
    DeploymentSku.STANDARD: CapacityRange(1, 10_000),
    DeploymentSku.DATA_ZONE_STANDARD: CapacityRange(1, 50_000),
    DeploymentSku.GLOBAL_STANDARD: CapacityRange(1, 100_000),
    DeploymentSku.DATA_ZONE_BATCH: CapacityRange(1, 100_000),
    DeploymentSku.GLOBAL_BATCH: CapacityRange(1, 100_000),
    # Provisioned throughput units (PTU): a minimum deployment and a scale increment.
    DeploymentSku.PROVISIONED_MANAGED: CapacityRange(50, 10_000, 50),
    DeploymentSku.DATA_ZONE_PROVISIONED_MANAGED: CapacityRange(15, 10_000, 5),
    DeploymentSku.GLOBAL_PROVISIONED_MANAGED: CapacityRange(15, 10_000, 5),
}
"""The capacity range of each SKU, unless a model's offer says otherwise."""


@dataclass(frozen=True, slots=True)
class ModelOffer:
    """One model version offered with one SKU in some regions."""

    model: str
    version: str
    sku: DeploymentSku
    regions: frozenset[str]
    capacity: CapacityRange | None = None
    """The capacity range, when it differs from the SKU's."""

    @property
    def capacity_range(self) -> CapacityRange:
        return self.capacity or SKU_CAPACITY[self.sku]


class Catalogue:
    """The offers of one cloud, with the lookups the checks need."""

    def __init__(self, cloud: Cloud, offers: Iterable[ModelOffer]) -> None:
        self.cloud = cloud
        self.offers: tuple[ModelOffer, ...] = tuple(offers)

    def extended(self, offers: Iterable[ModelOffer]) -> Self:
        """This catalogue plus ``offers``; an added offer takes precedence over a listed one."""
        return type(self)(self.cloud, (*offers, *self.offers))

    def offer(self, model: str, version: str, sku: DeploymentSku, region: str) -> ModelOffer | None:
        for offer in self.offers:
            if (offer.model, offer.version, offer.sku) == (model, version, sku) and region in offer.regions:
                return offer
        return None

    def models(self) -> list[str]:
        return sorted({o.model for o in self.offers})

    def versions(self, model: str) -> list[str]:
        return sorted({o.version for o in self.offers if o.model == model})

    def skus(self, model: str, version: str) -> list[DeploymentSku]:
        found = {o.sku for o in self.offers if (o.model, o.version) == (model, version)}
        return [sku for sku in DeploymentSku if sku in found]

    def regions(self, model: str, version: str, sku: DeploymentSku) -> list[str]:
        found: set[str] = set()
        for o in self.offers:
            if (o.model, o.version, o.sku) == (model, version, sku):
                found |= o.regions
        return sorted(found)


def _offers(
    model: str, version: str, by_sku: Mapping[DeploymentSku, Iterable[str]], capacity: CapacityRange | None = None
) -> list[ModelOffer]:
    return [ModelOffer(model, version, sku, frozenset(regions), capacity) for sku, regions in by_sku.items()]


_S = DeploymentSku
_ALL = COMMERCIAL.regions
_US_ZONE = ("eastus", "eastus2", "northcentralus", "southcentralus", "westus", "westus3")
_EU_ZONE = (
    "francecentral",
    "germanywestcentral",
    "italynorth",
    "polandcentral",
    "spaincentral",
    "swedencentral",
    "westeurope",
)
_DATA_ZONES = _US_ZONE + _EU_ZONE
_REGIONAL_GPT4O = ("eastus", "eastus2", "northcentralus", "southcentralus", "swedencentral", "westus", "westus3")
_EMBEDDING_REGIONS = (
    "australiaeast",
    "canadaeast",
    "eastus",
    "eastus2",
    "francecentral",
    "japaneast",
    "norwayeast",
    "polandcentral",
    "southindia",
    "swedencentral",
    "switzerlandnorth",
    "uksouth",
    "westeurope",
    "westus",
    "westus3",
)
_ADA_REGIONS = (*_EMBEDDING_REGIONS, "canadacentral", "koreacentral", "northcentralus", "southcentralus", "uaenorth")

_FULL = {
    _S.GLOBAL_STANDARD: _ALL,
    _S.DATA_ZONE_STANDARD: _DATA_ZONES,
    _S.STANDARD: _REGIONAL_GPT4O,
    _S.GLOBAL_BATCH: _ALL,
    _S.DATA_ZONE_BATCH: _DATA_ZONES,
    _S.GLOBAL_PROVISIONED_MANAGED: _ALL,
    _S.DATA_ZONE_PROVISIONED_MANAGED: _DATA_ZONES,
    _S.PROVISIONED_MANAGED: _REGIONAL_GPT4O,
}
_GLOBAL_AND_ZONES = {_S.GLOBAL_STANDARD: _ALL, _S.DATA_ZONE_STANDARD: _DATA_ZONES}
_GPT41 = {
    _S.GLOBAL_STANDARD: _ALL,
    _S.DATA_ZONE_STANDARD: _DATA_ZONES,
    _S.GLOBAL_BATCH: _ALL,
    _S.DATA_ZONE_BATCH: _DATA_ZONES,
    _S.GLOBAL_PROVISIONED_MANAGED: _ALL,
    _S.DATA_ZONE_PROVISIONED_MANAGED: _DATA_ZONES,
}
_EMBEDDING = {_S.STANDARD: _EMBEDDING_REGIONS, _S.GLOBAL_STANDARD: _ALL}

COMMERCIAL_CATALOGUE = Catalogue(
    Cloud.PUBLIC,
    [
        *_offers("gpt-4o", "2024-11-20", _FULL),
        *_offers("gpt-4o", "2024-08-06", _FULL),
        *_offers("gpt-4o-mini", "2024-07-18", {k: v for k, v in _FULL.items() if k is not _S.PROVISIONED_MANAGED}),
        *_offers("gpt-4o-mini", "2024-07-18", {_S.PROVISIONED_MANAGED: _REGIONAL_GPT4O}, CapacityRange(25, 10_000, 25)),
        *_offers("gpt-4.1", "2025-04-14", _GPT41),
        *_offers("gpt-4.1-mini", "2025-04-14", _GPT41),
        *_offers("gpt-4.1-nano", "2025-04-14", _GPT41),
        *_offers("o3-mini", "2025-01-31", _GPT41),
        *_offers("o4-mini", "2025-04-16", _GLOBAL_AND_ZONES),
        *_offers("gpt-5", "2025-08-07", _GLOBAL_AND_ZONES),
        *_offers("gpt-5-mini", "2025-08-07", _GLOBAL_AND_ZONES),
        *_offers("gpt-5-nano", "2025-08-07", _GLOBAL_AND_ZONES),
        *_offers("text-embedding-3-large", "1", _EMBEDDING),
        *_offers("text-embedding-3-small", "1", _EMBEDDING),
        *_offers("text-embedding-ada-002", "2", {_S.STANDARD: _ADA_REGIONS, _S.GLOBAL_STANDARD: _ALL}),
    ],
)
"""Commercial Azure's Azure OpenAI models, a representative snapshot; extend it for newer models."""

_GOV_BOTH = GOVERNMENT.regions
_GOV_ARIZONA = ("usgovarizona",)

GOVERNMENT_CATALOGUE = Catalogue(
    Cloud.USGOVERNMENT,
    [
        *_offers("gpt-5.1", "2025-11-13", {_S.DATA_ZONE_STANDARD: _GOV_BOTH}),
        *_offers("gpt-4.1", "2025-04-14", {_S.DATA_ZONE_STANDARD: _GOV_BOTH, _S.STANDARD: _GOV_BOTH}),
        *_offers("gpt-4.1-mini", "2025-04-14", {_S.DATA_ZONE_STANDARD: _GOV_BOTH, _S.STANDARD: _GOV_BOTH}),
        *_offers("o3-mini", "2025-01-31", {_S.DATA_ZONE_STANDARD: _GOV_BOTH}),
        *_offers(
            "gpt-4o",
            "2024-11-20",
            {_S.DATA_ZONE_STANDARD: _GOV_BOTH, _S.STANDARD: _GOV_BOTH, _S.PROVISIONED_MANAGED: _GOV_BOTH},
        ),
        *_offers("text-embedding-ada-002", "2", {_S.STANDARD: _GOV_ARIZONA}),
        *_offers("text-embedding-3-large", "1", {_S.STANDARD: _GOV_ARIZONA}),
        *_offers("text-embedding-3-small", "1", {_S.STANDARD: _GOV_ARIZONA}),
    ],
)
"""Azure Government's Azure OpenAI models as listed in April 2026."""

CATALOGUES: dict[Cloud, Catalogue] = {Cloud.PUBLIC: COMMERCIAL_CATALOGUE, Cloud.USGOVERNMENT: GOVERNMENT_CATALOGUE}


@dataclass(frozen=True, slots=True)
class KindOffer:
    """Where one cloud offers accounts of one kind, and who says so."""

    kind: AccountKind
    regions: frozenset[str]
    source: str


_FOUNDRY_REGIONS_SOURCE = (
    "Microsoft Learn, 'Microsoft Foundry feature availability across cloud regions' "
    "(learn.microsoft.com/azure/foundry/reference/region-support), Foundry projects"
)

KIND_OFFERS: dict[Cloud, dict[AccountKind, KindOffer]] = {
    Cloud.PUBLIC: {
        AccountKind.OPENAI: KindOffer(
            AccountKind.OPENAI, frozenset(COMMERCIAL.regions), "the regions of the Azure OpenAI model catalogue"
        ),
        AccountKind.AI_SERVICES: KindOffer(
            AccountKind.AI_SERVICES,
            frozenset(
                {
                    "australiaeast",
                    "brazilsouth",
                    "canadacentral",
                    "canadaeast",
                    "centralindia",
                    "centralus",
                    "eastasia",
                    "eastus",
                    "eastus2",
                    "francecentral",
                    "germanywestcentral",
                    "italynorth",
                    "japaneast",
                    "koreacentral",
                    "northcentralus",
                    "northeurope",
                    "norwayeast",
                    "qatarcentral",
                    "southafricanorth",
                    "southcentralus",
                    "southindia",
                    "southeastasia",
                    "spaincentral",
                    "swedencentral",
                    "switzerlandnorth",
                    "uaenorth",
                    "uksouth",
                    "westeurope",
                    "westus",
                    "westus3",
                }
            ),
            _FOUNDRY_REGIONS_SOURCE,
        ),
    },
    Cloud.USGOVERNMENT: {
        AccountKind.OPENAI: KindOffer(
            AccountKind.OPENAI, frozenset(GOVERNMENT.regions), "the regions of the Azure OpenAI model catalogue"
        ),
        # Earlier editions of the page said Foundry was not in Azure Government; the current one lists both regions.
        AccountKind.AI_SERVICES: KindOffer(
            AccountKind.AI_SERVICES, frozenset({"usgovvirginia", "usgovarizona"}), _FOUNDRY_REGIONS_SOURCE
        ),
    },
}
"""The account kinds each cloud offers, and in which regions (a Foundry resource's region must host projects)."""
