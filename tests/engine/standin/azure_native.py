"""A stand-in for the azure-native provider plugin, for the engine test tier.

The real Pulumi engine loads this as ``pulumi-resource-azure-native`` (the launcher beside this file, put on
``PATH``). It is the one part of a deployment the tier cannot run for real: the azure-native provider's
``main.go`` embeds generated schema files that are not in its Go module, and Azure itself is out of reach.
A stand-in provider is how Pulumi tests its own engine.

What it does, and nothing more:

* **Check** refuses any input property the real resource does not have. The names come from the installed
  ``pulumi_azure_native`` SDK's own input types (``AccountArgs``, ``AccountPropertiesArgs``, ...), recursively,
  so a misspelt property fails here as it would against Azure's schema.
* **Create / Update** echo the inputs as outputs, with an Azure-shaped resource id, the resource's name, and
  the outputs the components read: an account's endpoint and its identity's principal id.
* **Diff / Delete / Read** answer from the inputs and state the engine holds.
* **Invoke** answers ``listAccountKeys``, the one function the components call, with fixed stand-in keys.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import sys
import typing
import uuid
from collections import abc
from concurrent import futures
from typing import Any

import grpc
import pulumi._types as pulumi_types
import pulumi_azure_native
from google.protobuf import empty_pb2, json_format, struct_pb2
from pulumi.runtime.proto import plugin_pb2, provider_pb2, provider_pb2_grpc

VERSION = pulumi_azure_native._utilities.get_version()
SUBSCRIPTION = "00000000-0000-4000-8000-000000000000"
TENANT = "11111111-1111-4111-8111-111111111111"
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"
SIG_KEY = "4dabf18193072939515e22adb298388d"

# Azure resource ids of the types this project registers: the parent path, Azure's collection, and the input
# that names the resource. Other types get an id under their resource group.
GROUP = "/subscriptions/{sub}/resourceGroups/{resourceGroupName}"
IDS: dict[str, tuple[str, str]] = {
    "resources:ResourceGroup": ("/subscriptions/{sub}/resourceGroups", "resourceGroupName"),
    "cognitiveservices:Account": (GROUP + "/providers/Microsoft.CognitiveServices/accounts", "accountName"),
    "cognitiveservices:Deployment": (
        GROUP + "/providers/Microsoft.CognitiveServices/accounts/{accountName}/deployments",
        "deploymentName",
    ),
    "cognitiveservices:RaiPolicy": (
        GROUP + "/providers/Microsoft.CognitiveServices/accounts/{accountName}/raiPolicies",
        "raiPolicyName",
    ),
    "network:PrivateEndpoint": (GROUP + "/providers/Microsoft.Network/privateEndpoints", "privateEndpointName"),
    "network:PrivateDnsZoneGroup": (
        GROUP + "/providers/Microsoft.Network/privateEndpoints/{privateEndpointName}/privateDnsZoneGroups",
        "privateDnsZoneGroupName",
    ),
    "privatedns:PrivateZone": (GROUP + "/providers/Microsoft.Network/privateDnsZones", "privateZoneName"),
    "privatedns:VirtualNetworkLink": (
        GROUP + "/providers/Microsoft.Network/privateDnsZones/{privateZoneName}/virtualNetworkLinks",
        "virtualNetworkLinkName",
    ),
    "monitor:DiagnosticSetting": ("{resourceUri}/providers/Microsoft.Insights/diagnosticSettings", "name"),
    "authorization:RoleAssignment": ("{scope}/providers/Microsoft.Authorization/roleAssignments", "roleAssignmentName"),
    "keyvault:Key": (GROUP + "/providers/Microsoft.KeyVault/vaults/{vaultName}/keys", "keyName"),
    "keyvault:Secret": (GROUP + "/providers/Microsoft.KeyVault/vaults/{vaultName}/secrets", "secretName"),
    "cognitiveservices:Project": (
        GROUP + "/providers/Microsoft.CognitiveServices/accounts/{accountName}/projects",
        "projectName",
    ),
    "cognitiveservices:RaiBlocklist": (
        GROUP + "/providers/Microsoft.CognitiveServices/accounts/{accountName}/raiBlocklists",
        "raiBlocklistName",
    ),
    "cognitiveservices:RaiBlocklistItem": (
        GROUP + "/providers/Microsoft.CognitiveServices/accounts/{accountName}/raiBlocklists/{raiBlocklistName}"
        "/raiBlocklistItems",
        "raiBlocklistItemName",
    ),
    "authorization:ManagementLockByScope": ("{scope}/providers/Microsoft.Authorization/locks", "lockName"),
    "managedidentity:UserAssignedIdentity": (
        GROUP + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities",
        "resourceName",
    ),
}
# The inputs whose change makes Azure replace the resource rather than update it.
REPLACE_ON = frozenset({"location", "resourceGroupName", "kind", "scope"}) | {name for _, name in IDS.values()}
OPENAI_DOMAINS = {"public": "openai.azure.com", "usgovernment": "openai.azure.us"}


def split_urn(urn: str) -> tuple[str, str]:
    """The resource's type token and name from its URN."""
    _, _, qualified_type, name = urn.rsplit("::", 3)
    return qualified_type.rsplit("$", 1)[-1], name


def short_token(token: str) -> str:
    """``azure-native:cognitiveservices:Account`` -> ``cognitiveservices:Account``."""
    return token.split(":", 1)[1]


def sdk_args_class(token: str) -> type | None:
    """The SDK's input type for a resource token (``azure-native:network:PrivateEndpoint``: ``PrivateEndpointArgs``)."""
    _, module, name = token.split(":")
    try:
        sdk_module = importlib.import_module(f"pulumi_azure_native.{module.replace('/', '.')}")
    except ImportError:
        return None
    return getattr(sdk_module, f"{name}Args", None)


def _element_types(annotation: Any) -> list[Any]:
    """The input types an annotation may hold, with ``Input``, ``Optional`` and unions unwrapped."""
    annotation = pulumi_types.unwrap_type(annotation)
    if typing.get_origin(annotation) is typing.Union:
        return [t for arg in typing.get_args(annotation) for t in _element_types(arg)]
    return [annotation]


def unknown_properties(annotation: Any, value: Any, path: str) -> list[tuple[str, str]]:
    """Every property path under ``value`` that the SDK's input type ``annotation`` does not declare, each with
    the qualified name of the input type that lacks it."""
    if isinstance(value, dict) and value.get(SIG_KEY) == SECRET_SIG:
        return unknown_properties(annotation, value.get("value"), path)
    candidates = _element_types(annotation)
    best: list[tuple[str, str]] | None = None
    for candidate in candidates:
        problems = _unknown_in(candidate, value, path)
        if not problems:
            return []
        best = problems if best is None or len(problems) < len(best) else best
    return best or []


def _unknown_in(annotation: Any, value: Any, path: str) -> list[tuple[str, str]]:
    if isinstance(annotation, type) and pulumi_types.is_input_type(annotation) and isinstance(value, dict):
        types = pulumi_types.input_type_types(annotation)
        problems: list[tuple[str, str]] = []
        for key, item in value.items():
            where = f"{path}.{key}" if path else key
            if key not in types:
                problems.append((where, f"{annotation.__module__}.{annotation.__name__}"))
            else:
                problems.extend(unknown_properties(types[key], item, where))
        return problems
    origin = typing.get_origin(annotation)
    if origin in (abc.Sequence, list) and isinstance(value, list):
        (element,) = typing.get_args(annotation)
        return [p for i, item in enumerate(value) for p in unknown_properties(element, item, f"{path}[{i}]")]
    return []


def to_dict(struct: struct_pb2.Struct) -> dict[str, Any]:
    return json_format.MessageToDict(struct)


def to_struct(value: dict[str, Any]) -> struct_pb2.Struct:
    struct = struct_pb2.Struct()
    struct.update(value)
    return struct


def known(value: Any) -> bool:
    return value is not None and value != UNKNOWN


def stable_guid(*parts: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join(parts)))


class AzureNativeStandIn(provider_pb2_grpc.ResourceProviderServicer):
    """The ResourceProvider service, as the engine calls it."""

    def __init__(self) -> None:
        self.environment = "public"

    def GetPluginInfo(self, request: Any, context: Any) -> plugin_pb2.PluginInfo:  # noqa: N802 - gRPC method names
        return plugin_pb2.PluginInfo(version=VERSION)

    def GetSchema(self, request: Any, context: Any) -> provider_pb2.GetSchemaResponse:  # noqa: N802
        return provider_pb2.GetSchemaResponse(schema=json.dumps({"name": "azure-native", "version": VERSION}))

    def CheckConfig(self, request: Any, context: Any) -> provider_pb2.CheckResponse:  # noqa: N802
        allowed = set(pulumi_types.input_type_types(pulumi_azure_native.ProviderArgs)) | {"version"}
        failures = [
            provider_pb2.CheckFailure(
                property=key, reason=f"azure-native has no provider setting {key!r} (pulumi_azure_native.ProviderArgs)"
            )
            for key in to_dict(request.news)
            if key not in allowed
        ]
        return provider_pb2.CheckResponse(inputs=request.news, failures=failures)

    def DiffConfig(self, request: Any, context: Any) -> provider_pb2.DiffResponse:  # noqa: N802
        return self._diff(to_dict(request.old_inputs or request.olds), to_dict(request.news))

    def Configure(self, request: Any, context: Any) -> provider_pb2.ConfigureResponse:  # noqa: N802
        settings = to_dict(request.args)
        environment = settings.get("environment") or request.variables.get("azure-native:config:environment")
        if isinstance(environment, str) and environment:
            self.environment = environment
        return provider_pb2.ConfigureResponse(
            acceptSecrets=True, supportsPreview=True, acceptResources=True, acceptOutputs=True
        )

    def Check(self, request: Any, context: Any) -> provider_pb2.CheckResponse:  # noqa: N802
        token, _ = split_urn(request.urn)
        args = sdk_args_class(token)
        if args is None:
            reason = f"{token} is not a resource of pulumi_azure_native {VERSION}"
            return provider_pb2.CheckResponse(failures=[provider_pb2.CheckFailure(property="", reason=reason)])
        news = to_dict(request.news)
        failures = [
            provider_pb2.CheckFailure(
                property=path,
                reason=f"{token} has no input property {path!r}: {owner} does not declare it",
            )
            for path, owner in unknown_properties(args, news, "")
        ]
        return provider_pb2.CheckResponse(inputs=request.news, failures=failures)

    def Diff(self, request: Any, context: Any) -> provider_pb2.DiffResponse:  # noqa: N802
        olds = to_dict(request.old_inputs) if request.HasField("old_inputs") else to_dict(request.olds)
        return self._diff(olds, to_dict(request.news))

    def _diff(self, olds: dict[str, Any], news: dict[str, Any]) -> provider_pb2.DiffResponse:
        changed = sorted(k for k in {*olds, *news} if olds.get(k) != news.get(k))
        if not changed:
            return provider_pb2.DiffResponse(changes=provider_pb2.DiffResponse.DIFF_NONE)
        return provider_pb2.DiffResponse(
            changes=provider_pb2.DiffResponse.DIFF_SOME,
            diffs=changed,
            replaces=[k for k in changed if k in REPLACE_ON],
        )

    def Create(self, request: Any, context: Any) -> provider_pb2.CreateResponse:  # noqa: N802
        token, name = split_urn(request.urn)
        inputs = to_dict(request.properties)
        resource_id, outputs = self._outputs(token, name, inputs, preview=request.preview)
        return provider_pb2.CreateResponse(id=resource_id, properties=to_struct(outputs))

    def Update(self, request: Any, context: Any) -> provider_pb2.UpdateResponse:  # noqa: N802
        token, name = split_urn(request.urn)
        _, outputs = self._outputs(token, name, to_dict(request.news))
        return provider_pb2.UpdateResponse(properties=to_struct(outputs))

    def Read(self, request: Any, context: Any) -> provider_pb2.ReadResponse:  # noqa: N802
        return provider_pb2.ReadResponse(id=request.id, properties=request.properties, inputs=request.inputs)

    def Delete(self, request: Any, context: Any) -> empty_pb2.Empty:  # noqa: N802
        return empty_pb2.Empty()

    def Invoke(self, request: Any, context: Any) -> provider_pb2.InvokeResponse:  # noqa: N802
        if request.tok == "azure-native:cognitiveservices:listAccountKeys":
            args = to_dict(request.args)
            seed = f"{args.get('resourceGroupName')}/{args.get('accountName')}"
            keys = {f"key{i}": hashlib.sha256(f"{seed}/{i}".encode()).hexdigest() for i in (1, 2)}
            return provider_pb2.InvokeResponse(**{"return": to_struct(keys)})
        reason = f"the azure-native stand-in does not answer {request.tok}"
        return provider_pb2.InvokeResponse(failures=[provider_pb2.CheckFailure(property="", reason=reason)])

    def Cancel(self, request: Any, context: Any) -> empty_pb2.Empty:  # noqa: N802
        return empty_pb2.Empty()

    def _outputs(
        self, token: str, name: str, inputs: dict[str, Any], *, preview: bool = False
    ) -> tuple[str, dict[str, Any]]:
        """The resource's id and its outputs: its inputs echoed, plus what Azure computes.

        In a preview, what only Azure knows (ids, generated names, principal ids, endpoints) is unknown, as the
        real provider reports it.
        """
        kind = short_token(token)
        parent, name_input = IDS.get(kind, (GROUP + f"/providers/Stand.In/{kind.replace(':', '.')}", "name"))
        azure_name = inputs.get(name_input)
        if not known(azure_name):
            # azure-native names a resource that its program left unnamed: a GUID for a role assignment,
            # the logical name with a suffix otherwise.
            guid = stable_guid(token, name)
            azure_name = guid if kind == "authorization:RoleAssignment" else f"{name}{guid[:8]}"
            if preview:
                azure_name = UNKNOWN
        values = {"sub": SUBSCRIPTION, **{k: v for k, v in inputs.items() if isinstance(v, str)}}
        try:
            resource_id = parent.format(**values) + f"/{azure_name}"
        except KeyError:
            resource_id = ""
        if preview:
            resource_id = ""
        outputs = {**inputs, name_input: azure_name, "name": azure_name, "azureApiVersion": "stand-in"}
        if kind == "cognitiveservices:Account":
            properties = dict(outputs.get("properties") or {})
            subdomain = properties.get("customSubDomainName") or azure_name
            domain = OPENAI_DOMAINS.get(self.environment, "openai.azure.com")
            properties["endpoint"] = UNKNOWN if preview else f"https://{subdomain}.{domain}/"
            properties["provisioningState"] = "Succeeded"
            outputs["properties"] = properties
        identity = outputs.get("identity")
        if isinstance(identity, dict) and "SystemAssigned" in str(identity.get("type", "")):
            principal = UNKNOWN if preview else stable_guid("principal", resource_id)
            outputs["identity"] = {**identity, "principalId": principal, "tenantId": TENANT}
        return resource_id, outputs


def main() -> None:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    provider_pb2_grpc.add_ResourceProviderServicer_to_server(AzureNativeStandIn(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    # The engine reads the port from the plugin's first line of output.
    print(port, flush=True)
    sys.stdout.flush()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
