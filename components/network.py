"""Private link for an account: the private endpoint, the cloud's private DNS zones, their records.

An OpenAI account's endpoint registers in two zones (OpenAI, Cognitive
Services); a Foundry resource's also in a third, its ``services.ai`` zone.

The endpoint waits for the account and every deployment and policy on it:
an endpoint created while the account is still settling fails with
``AccountProvisioningStateInvalid``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pulumi
from pulumi_azure_native import cognitiveservices, network, privatedns

from .clouds import CloudFacts
from .settings import PrivateEndpointSettings
from .vocabulary import AccountKind

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

    endpoint: network.PrivateEndpoint
    zone_group: network.PrivateDnsZoneGroup
    zones: tuple[privatedns.PrivateZone, ...]
    """The zones the component created; empty when existing zones were passed in."""
    links: tuple[privatedns.VirtualNetworkLink, ...]


def private_link(
    name: str,
    account_name: str,
    settings: PrivateEndpointSettings,
    *,
    account: cognitiveservices.Account,
    wait_for: Sequence[pulumi.Resource],
    location: str,
    resource_group_name: pulumi.Input[str],
    cloud: CloudFacts,
    tags: Mapping[str, str],
    parent: pulumi.Resource,
    kind: AccountKind = AccountKind.OPENAI,
) -> PrivateLink:
    """Register the private endpoint for ``account`` (of ``kind``) and its DNS, as children of ``parent``."""
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
