"""What Azure would compute for a resource, for the mock engine: resource ids, endpoints, principal ids.

Under the mock engine a resource's state is its inputs echoed back; these
functions add the outputs Azure computes, so that the program's exports and
the plan read like a real preview. Every value is derived from the inputs,
so runs are deterministic.
"""

from __future__ import annotations

import uuid
from typing import Any

from pulumi.runtime import mocks as pulumi_mocks

from azure_openai_guarded.components.clouds import COMMERCIAL, GOVERNMENT

SUBSCRIPTION = "00000000-0000-0000-0000-000000000000"
"""The subscription the mock resources live in."""
TENANT = "11111111-1111-1111-1111-111111111111"

_ARM: dict[str, tuple[str, str]] = {
    # type token -> (resource type path under the group, the input that names the resource)
    "azure-native:cognitiveservices:Account": ("Microsoft.CognitiveServices/accounts/{}", "accountName"),
    "azure-native:cognitiveservices:Deployment": (
        "Microsoft.CognitiveServices/accounts/{accountName}/deployments/{}",
        "deploymentName",
    ),
    "azure-native:cognitiveservices:RaiPolicy": (
        "Microsoft.CognitiveServices/accounts/{accountName}/raiPolicies/{}",
        "raiPolicyName",
    ),
    "azure-native:network:PrivateEndpoint": ("Microsoft.Network/privateEndpoints/{}", "privateEndpointName"),
    "azure-native:network:PrivateDnsZoneGroup": (
        "Microsoft.Network/privateEndpoints/{privateEndpointName}/privateDnsZoneGroups/{}",
        "privateDnsZoneGroupName",
    ),
    "azure-native:privatedns:PrivateZone": ("Microsoft.Network/privateDnsZones/{}", "privateZoneName"),
    "azure-native:privatedns:VirtualNetworkLink": (
        "Microsoft.Network/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{}",
        "virtualNetworkLinkName",
    ),
    "azure-native:managedidentity:UserAssignedIdentity": (
        "Microsoft.ManagedIdentity/userAssignedIdentities/{}",
        "resourceName",
    ),
    "azure-native:keyvault:Key": ("Microsoft.KeyVault/vaults/{vaultName}/keys/{}", "keyName"),
    "azure-native:keyvault:Secret": ("Microsoft.KeyVault/vaults/{vaultName}/secrets/{}", "secretName"),
    "azure-native:cognitiveservices:Project": (
        "Microsoft.CognitiveServices/accounts/{accountName}/projects/{}",
        "projectName",
    ),
    "azure-native:cognitiveservices:RaiBlocklist": (
        "Microsoft.CognitiveServices/accounts/{accountName}/raiBlocklists/{}",
        "raiBlocklistName",
    ),
    "azure-native:cognitiveservices:RaiBlocklistItem": (
        "Microsoft.CognitiveServices/accounts/{accountName}/raiBlocklists/{raiBlocklistName}/raiBlocklistItems/{}",
        "raiBlocklistItemName",
    ),
    "azure-native:authorization:ManagementLockByScope": ("", "lockName"),
}


def _guid(*parts: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join(parts)))


def _name(args: pulumi_mocks.MockResourceArgs) -> str:
    entry = _ARM.get(args.typ)
    explicit = args.inputs.get(entry[1]) if entry else None
    if args.typ == "azure-native:resources:ResourceGroup":
        explicit = args.inputs.get("resourceGroupName")
    if args.typ == "azure-native:monitor:DiagnosticSetting":
        explicit = args.inputs.get("name")
    if args.typ == "azure-native:authorization:RoleAssignment":
        explicit = args.inputs.get("roleAssignmentName") or _guid(args.typ, args.name)
    return str(explicit or args.name)


def _id(args: pulumi_mocks.MockResourceArgs, name: str) -> str:
    group = args.inputs.get("resourceGroupName", "mock-rg")
    base = f"/subscriptions/{SUBSCRIPTION}/resourceGroups/{group}"
    if args.typ == "azure-native:resources:ResourceGroup":
        return f"/subscriptions/{SUBSCRIPTION}/resourceGroups/{name}"
    if args.typ == "azure-native:authorization:RoleAssignment":
        return f"{args.inputs.get('scope', '')}/providers/Microsoft.Authorization/roleAssignments/{name}"
    if args.typ == "azure-native:monitor:DiagnosticSetting":
        return f"{args.inputs.get('resourceUri', '')}/providers/Microsoft.Insights/diagnosticSettings/{name}"
    if args.typ == "azure-native:authorization:ManagementLockByScope":
        return f"{args.inputs.get('scope', '')}/providers/Microsoft.Authorization/locks/{name}"
    entry = _ARM.get(args.typ)
    if entry is None:
        return f"{base}/providers/Mock/{args.typ.replace(':', '/')}/{name}"
    path = entry[0].format(name, **{k: v for k, v in args.inputs.items() if isinstance(v, str)})
    return f"{base}/providers/{path}"


def _account(args: pulumi_mocks.MockResourceArgs) -> dict[str, Any]:
    properties = dict(args.inputs.get("properties") or {})
    subdomain = properties.get("customSubDomainName", args.name)
    cloud = GOVERNMENT if args.inputs.get("location") in GOVERNMENT.regions else COMMERCIAL
    properties |= {"endpoint": cloud.endpoint(subdomain), "provisioningState": "Succeeded"}
    outputs: dict[str, Any] = {"properties": properties}
    identity = dict(args.inputs.get("identity") or {})
    if "SystemAssigned" in str(identity.get("type", "")):
        identity |= {"principalId": _guid(args.typ, args.name, "principal"), "tenantId": TENANT}
    if "userAssignedIdentities" in identity:
        # The input is a list of identity ids; Azure returns a map from each id to its principal.
        identity["userAssignedIdentities"] = {
            uai: {"principalId": _guid(uai, "principal"), "clientId": _guid(uai, "client")}
            for uai in identity["userAssignedIdentities"]
        }
    outputs["identity"] = identity
    return outputs


def computed_outputs(args: pulumi_mocks.MockResourceArgs) -> dict[str, Any]:
    """The outputs Azure would compute for ``args``; ``id`` is the resource's id."""
    if not args.typ.startswith("azure-native:"):
        return {}
    name = _name(args)
    outputs: dict[str, Any] = {"id": _id(args, name), "name": name}
    if args.typ == "azure-native:cognitiveservices:Account":
        outputs |= _account(args)
    elif args.typ == "azure-native:managedidentity:UserAssignedIdentity":
        outputs |= {
            "principalId": _guid(args.typ, args.name, "principal"),
            "clientId": _guid(args.typ, args.name, "client"),
            "tenantId": TENANT,
        }
    elif args.typ == "azure-native:keyvault:Key":
        uri = f"https://{args.inputs.get('vaultName', 'vault')}.vault.azure.net/keys/{name}"
        outputs |= {"keyUri": uri, "keyUriWithVersion": f"{uri}/{_guid(args.typ, args.name).replace('-', '')}"}
    return outputs


def mock_call(args: pulumi_mocks.MockCallArgs) -> dict[str, Any]:
    """What the provider functions the components call would return."""
    if args.token == "azure-native:cognitiveservices:listAccountKeys":
        account = str(args.args.get("accountName", ""))
        return {"key1": f"mock-key1-{_guid(account, '1')}", "key2": f"mock-key2-{_guid(account, '2')}"}
    if args.token == "azure-native:authorization:getClientConfig":
        return {
            "clientId": _guid("client"),
            "objectId": _guid("object"),
            "subscriptionId": SUBSCRIPTION,
            "tenantId": TENANT,
        }
    return {}
