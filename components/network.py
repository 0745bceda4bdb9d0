"""Private link for an account: the private endpoint, the cloud's private DNS zones, their records.

An OpenAI account's endpoint registers in two zones (OpenAI, Cognitive
Services); a Foundry resource's also in a third, its ``services.ai`` zone.

The endpoint waits for the account and every deployment and policy on it:
an endpoint created while the account is still settling fails with
``AccountProvisioningStateInvalid``.

Its arguments, settings and checks live here too. Nothing here imports
Pulumi until the resources are built: the checker validates and checks a
stack with this module. No ``from __future__ import annotations``: Pulumi's
component analyzer reads the arguments' annotations at run time.
"""

import ipaddress
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, NotRequired, TypedDict

from pydantic import AfterValidator, PlainValidator, StrictStr

from azure_openai_guarded.guards.declaration import Problem

from .clouds import CloudFacts
from .fields import (
    Input,
    Location,
    Settings,
    StrInput,
    input_check,
    is_output,
    n,
    resource_id_check,
)
from .vocabulary import AccountKind

if TYPE_CHECKING:
    import pulumi
    from pulumi_azure_native import cognitiveservices, network, privatedns

    from .account import ServiceSettings


_PRIVATE_NETS = tuple(
    ipaddress.IPv4Network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10")
)


def _ip_range(value: str) -> str:
    try:
        network = ipaddress.ip_network(value, strict=True)
    except ValueError as error:
        raise ValueError(f"must be a public IPv4 address or CIDR range such as 203.0.113.0/24 ({error})") from None
    if not isinstance(network, ipaddress.IPv4Network):
        raise ValueError(f"the account firewall takes IPv4 only (got {value!r})")
    if network.prefixlen == 0:
        raise ValueError("0.0.0.0/0 opens the account to the whole internet; list the ranges that need access")
    if any(network.subnet_of(private) for private in _PRIVATE_NETS) or network.is_loopback or network.is_link_local:
        raise ValueError(
            f"{value} is a private range, which the account firewall ignores; reach the account from "
            "private networks through `private_endpoint`"
        )
    if "/" in value and network.prefixlen in (31, 32):
        raise ValueError(f"the account firewall does not take /31 or /32 ranges; list the addresses (got {value!r})")
    return str(network) if "/" in value else str(network.network_address)


IpRange = Annotated[StrictStr, AfterValidator(_ip_range)]

_FQDN = re.compile(r"^(\*\.)?(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def _fqdn(value: str) -> str:
    host = value.strip().lower()
    if not _FQDN.fullmatch(host):
        raise ValueError(
            f"must be a host name such as mysearch.search.windows.net, without scheme or path (got {value!r})"
        )
    return host


Fqdn = Annotated[StrictStr, AfterValidator(_fqdn)]


SubnetId = Annotated[
    StrInput,
    PlainValidator(input_check(resource_id_check("subnet", r"Microsoft\.Network/virtualNetworks/[^/]+/subnets/[^/]+"))),
]
DnsZoneId = Annotated[
    StrInput,
    PlainValidator(input_check(resource_id_check("private DNS zone", r"Microsoft\.Network/privateDnsZones/[^/]+"))),
]


class PrivateDnsZoneIdsArgs(TypedDict):
    """Existing private DNS zones to register the endpoint in, for hub-and-spoke networks."""

    openai: Input[str]
    """The resource id of ``privatelink.openai.azure.com`` (``.azure.us`` in Azure Government)."""
    cognitive_services: Input[str]
    """The resource id of ``privatelink.cognitiveservices.azure.com`` (``.azure.us`` in Azure Government)."""
    ai_services: NotRequired[Input[str]]
    """The resource id of ``privatelink.services.ai.azure.com``; needed for kind ``AIServices``, and only then."""


class PrivateEndpointArgs(TypedDict):
    """A private endpoint for the account, created after the account and all its deployments."""

    subnet_id: Input[str]
    """The resource id of the subnet the endpoint's network interface goes in."""
    location: NotRequired[str]
    """The endpoint's region, which is the virtual network's. Default: the account's location."""
    dns_zone_ids: NotRequired[PrivateDnsZoneIdsArgs]
    """Existing private DNS zones. Default: the component creates both of the cloud's zones and links
    them to the subnet's virtual network."""


class PrivateDnsZoneIdsSettings(Settings):
    openai: DnsZoneId
    cognitive_services: DnsZoneId
    ai_services: DnsZoneId | None = None


class PrivateEndpointSettings(Settings):
    subnet_id: SubnetId
    location: Location | None = None
    dns_zone_ids: PrivateDnsZoneIdsSettings | None = None


def check_outbound(settings: "ServiceSettings") -> list[Problem]:
    """The outbound allow-list applies only while outbound access is restricted."""
    problems: list[Problem] = []
    if settings.allowed_fqdns and not settings.restrict_outbound_network_access:
        problems.append(
            Problem(
                n("allowed_fqdns"),
                f"only applies while {n('restrict_outbound_network_access')} is true; "
                "with outbound access unrestricted the account may call any host",
            )
        )
    return problems


def check_dns_zones(settings: "ServiceSettings", cloud: CloudFacts) -> list[Problem]:
    """Existing private DNS zones must be the cloud's private-link zones for the account's kind."""
    problems: list[Problem] = []
    endpoint = settings.private_endpoint
    zones = cloud.private_dns_zones_for(settings.kind)
    if endpoint is not None and endpoint.dns_zone_ids is not None and zones is not None:
        ids = endpoint.dns_zone_ids
        fields = ("openai", "cognitive_services", "ai_services")[: len(zones)]
        given = (ids.openai, ids.cognitive_services, ids.ai_services)[: len(zones)]
        at = f"{n('private_endpoint')}.{n('dns_zone_ids')}"
        if settings.kind is AccountKind.AI_SERVICES and ids.ai_services is None:
            problems.append(
                Problem(
                    f"{at}.{n('ai_services')}",
                    f"required for kind AIServices: the id of the {zones[2]!r} zone, where the Foundry endpoint "
                    "resolves",
                )
            )
        if settings.kind is AccountKind.OPENAI and ids.ai_services is not None:
            problems.append(
                Problem(
                    f"{at}.{n('ai_services')}", "only for kind AIServices: an OpenAI account has no Foundry endpoint"
                )
            )
        for field, zone_id, expected in zip(fields, given, zones, strict=True):
            if zone_id is None:
                continue
            if is_output(zone_id):
                continue
            zone = zone_id.rsplit("/", 1)[-1].lower()
            if zone != expected:
                problems.append(
                    Problem(
                        f"{n('private_endpoint')}.{n('dns_zone_ids')}.{n(field)}",
                        f"names the zone {zone!r}; {cloud.display_name} private link uses {expected!r}",
                    )
                )
    return problems


def check_foundry_endpoint(settings: "ServiceSettings", cloud: CloudFacts) -> list[Problem]:
    """A Foundry private endpoint needs a private DNS zone a primary source names."""
    problems: list[Problem] = []
    if (
        settings.private_endpoint is not None
        and settings.kind is AccountKind.AI_SERVICES
        and cloud.foundry_private_dns_zone is None
    ):
        problems.append(
            Problem(
                n("private_endpoint"),
                f"a Foundry (kind AIServices) private endpoint in {cloud.display_name} needs the private DNS zone "
                f"of its {cloud.foundry_domain} endpoint, and no primary Microsoft source names that zone "
                f"({cloud.foundry_private_dns_zone_source}); this component will not guess it. Use kind OpenAI, "
                "or create the endpoint and its zones outside the component once Microsoft documents them",
            )
        )
    return problems


_SUBNET_SUFFIX = re.compile(r"/subnets/[^/]+$", re.IGNORECASE)


def virtual_network_id(subnet_id: str) -> str:
    """The virtual network a subnet belongs to."""
    return _SUBNET_SUFFIX.sub("", subnet_id)


def _zone_label(zone: str) -> str:
    # "privatelink.openai.azure.com" -> "openai": short, stable child names for both clouds.
    return zone.split(".")[1]


@dataclass(frozen=True)
class PrivateLink:
    """What :func:`private_link` registered."""

    endpoint: "network.PrivateEndpoint"
    zone_group: "network.PrivateDnsZoneGroup"
    zones: "tuple[privatedns.PrivateZone, ...]"
    """The zones the component created; empty when existing zones were passed in."""
    links: "tuple[privatedns.VirtualNetworkLink, ...]"


def private_link(
    name: str,
    account_name: str,
    settings: PrivateEndpointSettings,
    *,
    account: "cognitiveservices.Account",
    wait_for: "Sequence[pulumi.Resource]",
    location: str,
    resource_group_name: "pulumi.Input[str]",
    cloud: CloudFacts,
    tags: Mapping[str, str],
    parent: "pulumi.Resource",
    kind: AccountKind = AccountKind.OPENAI,
) -> PrivateLink:
    """Register the private endpoint for ``account`` (of ``kind``) and its DNS, as children of ``parent``."""
    import pulumi
    from pulumi_azure_native import network, privatedns

    known = cloud.private_dns_zones_for(kind)
    if known is None:  # the settings checks refuse this first; this guards them drifting apart
        raise ValueError(f"no private DNS zones are known for kind {kind} in {cloud.display_name}")
    zone_names: tuple[str, ...] = known
    endpoint = network.PrivateEndpoint(
        f"{name}-pe",
        private_endpoint_name=f"{account_name}-pe",
        resource_group_name=resource_group_name,
        location=settings.location or location,
        subnet=network.SubnetArgs(id=settings.subnet_id),
        custom_network_interface_name=f"{account_name}-pe-nic",
        private_link_service_connections=[
            network.PrivateLinkServiceConnectionArgs(
                name=f"{account_name}-pe",
                private_link_service_id=account.id,
                group_ids=["account"],
            )
        ],
        tags=dict(tags),
        opts=pulumi.ResourceOptions(parent=parent, depends_on=[account, *wait_for]),
    )

    zones: list[privatedns.PrivateZone] = []
    links: list[privatedns.VirtualNetworkLink] = []
    zone_ids: list[pulumi.Input[str]]
    if settings.dns_zone_ids is not None:
        given = settings.dns_zone_ids
        zone_ids = [given.openai, given.cognitive_services]
        if len(zone_names) > len(zone_ids):
            if given.ai_services is None:  # the settings checks require it for a Foundry resource
                raise ValueError("dns_zone_ids.ai_services is required for kind AIServices")
            zone_ids.append(given.ai_services)
    else:
        vnet_id = pulumi.Output.from_input(settings.subnet_id).apply(virtual_network_id)
        zone_ids = []
        for zone_name in zone_names:
            label = _zone_label(zone_name)
            zone = privatedns.PrivateZone(
                f"{name}-dns-{label}",
                private_zone_name=zone_name,
                resource_group_name=resource_group_name,
                location="global",
                tags=dict(tags),
                opts=pulumi.ResourceOptions(parent=parent),
            )
            link = privatedns.VirtualNetworkLink(
                f"{name}-dns-{label}-link",
                virtual_network_link_name=f"{account_name}-vnet",
                private_zone_name=zone.name,
                resource_group_name=resource_group_name,
                location="global",
                virtual_network=privatedns.SubResourceArgs(id=vnet_id),
                registration_enabled=False,
                tags=dict(tags),
                opts=pulumi.ResourceOptions(parent=parent),
            )
            zones.append(zone)
            links.append(link)
            zone_ids.append(zone.id)

    zone_group = network.PrivateDnsZoneGroup(
        f"{name}-pe-dns",
        private_dns_zone_group_name="default",
        private_endpoint_name=endpoint.name,
        resource_group_name=resource_group_name,
        private_dns_zone_configs=[
            network.PrivateDnsZoneConfigArgs(name=zone_name.replace(".", "-"), private_dns_zone_id=zone_id)
            for zone_name, zone_id in zip(zone_names, zone_ids, strict=True)
        ],
        opts=pulumi.ResourceOptions(parent=parent, depends_on=links),
    )
    return PrivateLink(endpoint=endpoint, zone_group=zone_group, zones=tuple(zones), links=tuple(links))
