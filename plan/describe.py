"""The key settings of a registered resource, as short ``key=value`` notes a reviewer can scan."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from azure_openai_guarded.components.access import KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER, ROLE_IDS
from azure_openai_guarded.guards.tags import USE_CASE, VERDICT
from mockengine.program import Registered

ROLE_NAMES = {guid: role.value for role, guid in ROLE_IDS.items()} | {
    KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER: "Key Vault Crypto Service Encryption User"
}


def last_segment(resource_id: Any) -> str:
    """The name at the end of a resource id, enough to recognise it in a table."""
    return str(resource_id).rstrip("/").rsplit("/", 1)[-1] if resource_id else "-"


def _get(data: Mapping[str, Any], path: str, default: Any = None) -> Any:
    value: Any = data
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return default
        value = value[part]
    return value


def _flag(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _account(r: Registered) -> list[str]:
    p = r.inputs.get("properties") or {}
    acls = p.get("networkAcls") or {}
    fqdns = p.get("allowedFqdnList")
    notes = [
        f"kind={r.inputs.get('kind')}",
        f"sku={_get(r.inputs, 'sku.name')}",
        f"location={r.inputs.get('location')}",
        f"customSubDomainName={p.get('customSubDomainName', '-')}",
        f"disableLocalAuth={_flag(p.get('disableLocalAuth', False))}",
        f"publicNetworkAccess={p.get('publicNetworkAccess', 'Enabled (Azure default)')}",
        f"networkAcls={acls.get('defaultAction', '-')}, bypass={acls.get('bypass', '-')}",
        f"ipRules={len(acls.get('ipRules') or [])}",
        f"identity={_get(r.inputs, 'identity.type', 'None')}",
        f"restrictOutboundNetworkAccess={_flag(p.get('restrictOutboundNetworkAccess', False))}",
        f"allowedFqdnList=[{', '.join(fqdns)}]" if fqdns is not None else "allowedFqdnList=-",
    ]
    encryption = p.get("encryption")
    notes.append(f"encryption={encryption.get('keySource')}" if encryption else "encryption=Microsoft-managed")
    if p.get("restore"):
        notes.append("restore=true")
    if p.get("allowProjectManagement"):
        notes.append("allowProjectManagement=true")
    return notes


def _project(r: Registered) -> list[str]:
    p = r.inputs.get("properties") or {}
    tags = r.inputs.get("tags") or {}
    return [
        f"account={r.inputs.get('accountName')}",
        f"displayName={p.get('displayName', '-')}",
        f"identity={_get(r.inputs, 'identity.type', 'None')}",
        f"useCase={tags.get(USE_CASE, '-')}",
        f"verdict={tags.get(VERDICT, '-')}",
    ]


def _blocklist(r: Registered) -> list[str]:
    return [f"account={r.inputs.get('accountName')}", f"description={_get(r.inputs, 'properties.description', '-')}"]


def _blocklist_item(r: Registered) -> list[str]:
    p = r.inputs.get("properties") or {}
    return [
        f"blocklist={r.inputs.get('raiBlocklistName')}",
        f"{'regex' if p.get('isRegex') else 'pattern'}={p.get('pattern')}",
    ]


def _lock(r: Registered) -> list[str]:
    return [f"level={r.inputs.get('level')}", f"scope={last_segment(r.inputs.get('scope'))}"]


def _secret(r: Registered) -> list[str]:
    # The value is an account key: shown only as whether it is set, never its text.
    return [
        f"vault={r.inputs.get('vaultName')}",
        f"contentType={_get(r.inputs, 'properties.contentType', '-')}",
        "value=[secret]",
    ]


def _capacity(value: Any) -> str:
    return str(int(value)) if isinstance(value, int | float) else str(value)


def _deployment(r: Registered) -> list[str]:
    model = _get(r.inputs, "properties.model") or {}
    return [
        f"model={model.get('name')}@{model.get('version')}",
        f"sku={_get(r.inputs, 'sku.name')} x{_capacity(_get(r.inputs, 'sku.capacity'))}",
        f"versionUpgradeOption={_get(r.inputs, 'properties.versionUpgradeOption', '-')}",
        f"raiPolicy={_get(r.inputs, 'properties.raiPolicyName', 'Microsoft default')}",
    ]


def _rai_policy(r: Registered) -> list[str]:
    p = r.inputs.get("properties") or {}
    filters = p.get("contentFilters") or []
    harms = sorted(
        {
            f"{f['name']} {f.get('severityThreshold')}"
            for f in filters
            if f.get("severityThreshold") and f.get("blocking")
        }
    )
    others = [
        f"{f['name']}{'' if f.get('blocking') else ' (annotate)'}" for f in filters if not f.get("severityThreshold")
    ]
    off = [f["name"] for f in filters if not f.get("enabled")]
    notes = [f"base={p.get('basePolicyName')}", f"mode={p.get('mode')}", f"blocking: {', '.join(harms)}"]
    notes.append(f"on: {', '.join(others)}")
    blocklists = sorted({b.get("blocklistName") for b in p.get("customBlocklists") or [] if b.get("blocking")})
    if blocklists:
        notes.append(f"blocklists: {', '.join(map(str, blocklists))}")
    if off:
        notes.append(f"DISABLED: {', '.join(off)}")
    return notes


def _private_endpoint(r: Registered) -> list[str]:
    connections = r.inputs.get("privateLinkServiceConnections") or [{}]
    return [
        f"location={r.inputs.get('location')}",
        f"subnet={last_segment(_get(r.inputs, 'subnet.id'))}",
        f"target={last_segment(connections[0].get('privateLinkServiceId'))}",
        f"groupIds={','.join(connections[0].get('groupIds') or [])}",
    ]


def _zone_group(r: Registered) -> list[str]:
    configs = r.inputs.get("privateDnsZoneConfigs") or []
    return [f"zones={', '.join(last_segment(c.get('privateDnsZoneId')) for c in configs)}"]


def _zone_link(r: Registered) -> list[str]:
    return [
        f"zone={r.inputs.get('privateZoneName')}",
        f"vnet={last_segment(_get(r.inputs, 'virtualNetwork.id'))}",
        f"registrationEnabled={_flag(r.inputs.get('registrationEnabled', False))}",
    ]


def _diagnostics(r: Registered) -> list[str]:
    logs = [entry.get("categoryGroup") or entry.get("category") for entry in r.inputs.get("logs") or []]
    metrics = [entry.get("category") for entry in r.inputs.get("metrics") or []]
    return [
        f"target={last_segment(r.inputs.get('resourceUri'))}",
        f"workspace={last_segment(r.inputs.get('workspaceId'))}",
        f"logs={','.join(map(str, logs))}",
        f"metrics={','.join(map(str, metrics))}",
    ]


def _role_assignment(r: Registered) -> list[str]:
    role_id = last_segment(r.inputs.get("roleDefinitionId"))
    return [
        f"role={ROLE_NAMES.get(role_id, role_id)}",
        f"principal={r.inputs.get('principalId')} ({r.inputs.get('principalType', 'type not set')})",
        f"scope={last_segment(r.inputs.get('scope'))}",
    ]


def _key(r: Registered) -> list[str]:
    p = r.inputs.get("properties") or {}
    return [
        f"vault={r.inputs.get('vaultName')}",
        f"kty={p.get('kty')} {p.get('keySize')}",
        f"ops={','.join(p.get('keyOps') or [])}",
    ]


def _provider(r: Registered) -> list[str]:
    return [f"environment={r.inputs.get('environment', 'public')}", f"location={r.inputs.get('location', '-')}"]


def _location(r: Registered) -> list[str]:
    return [f"location={r.inputs.get('location', '-')}"]


DESCRIBERS: dict[str, Callable[[Registered], list[str]]] = {
    "azure-native:cognitiveservices:Account": _account,
    "azure-native:cognitiveservices:Deployment": _deployment,
    "azure-native:cognitiveservices:RaiPolicy": _rai_policy,
    "azure-native:network:PrivateEndpoint": _private_endpoint,
    "azure-native:network:PrivateDnsZoneGroup": _zone_group,
    "azure-native:privatedns:PrivateZone": _location,
    "azure-native:privatedns:VirtualNetworkLink": _zone_link,
    "azure-native:monitor:DiagnosticSetting": _diagnostics,
    "azure-native:authorization:RoleAssignment": _role_assignment,
    "azure-native:keyvault:Key": _key,
    "azure-native:keyvault:Secret": _secret,
    "azure-native:cognitiveservices:Project": _project,
    "azure-native:cognitiveservices:RaiBlocklist": _blocklist,
    "azure-native:cognitiveservices:RaiBlocklistItem": _blocklist_item,
    "azure-native:authorization:ManagementLockByScope": _lock,
    "azure-native:resources:ResourceGroup": _location,
    "azure-native:managedidentity:UserAssignedIdentity": _location,
    "pulumi:providers:azure-native": _provider,
}


def describe(r: Registered) -> list[str]:
    """The resource's key settings; a type without a describer shows its location, if any."""
    describer = DESCRIBERS.get(r.type)
    if describer is not None:
        return describer(r)
    return _location(r) if "location" in r.inputs else []
