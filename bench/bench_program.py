"""Benchmark of the program under the mock engine: the component and the guard against raw declarations.

Prints figures; it is not a timed test. Run from the repository root:

    .venv/bin/python bench/bench_program.py

For 1, 10 and 30 model deployments, it times one evaluation of a program that
builds ``AzureOpenAIService`` as the dev stack uses it (a content-filter
policy, the deployments, a private endpoint with both DNS zones, diagnostics,
a role assignment) and of a program that declares the same Azure resources
raw with ``pulumi_azure_native`` (same inputs, same ordering), in the same
process, interleaved. The component's share is argument validation, the
guard, the catalogue checks, the component resource itself and its outputs.

A third program puts the raw resources in a component with no logic of its
own, to separate what being a Pulumi component costs (one more registration,
parenting) from what this component adds (validation, the guard, outputs).

Times are the process's CPU time (wall time swings with other load on the
machine). Each round runs the three programs back to back, so they see the
same machine state; an overhead is the median of the rounds' ratios to the
raw program, which drift in the machine's speed does not bias. Medians of the
times are shown. Target (issue 3): under 10%.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pulumi
from pulumi_azure_native import authorization, cognitiveservices, monitor, network, privatedns

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from host import describe_host

from azure_openai_guarded.components import AzureOpenAIService, AzureOpenAIServiceArgs
from azure_openai_guarded.components.clouds import COMMERCIAL
from azure_openai_guarded.components.declaration import read_component_args
from azure_openai_guarded.guards import Cloud, UseCase, evaluate_use_case
from azure_openai_guarded.guards.tags import verdict_tags
from mockengine.program import run_callable
from tests.samples import PRINCIPAL_ID, SUBNET_ID, WORKSPACE_ID, deployments, service_args, support_bot

TARGET_OVERHEAD = 0.10
SIZES = (1, 10, 30)
ROUNDS = 31
_USE_CASE = UseCase.model_validate(support_bot())
TAGS = verdict_tags(_USE_CASE, evaluate_use_case(_USE_CASE, Cloud.PUBLIC))
"""The tags the component sets, computed once, outside the timings."""


def component_program_args(count: int) -> AzureOpenAIServiceArgs:
    chain = deployments(count)
    for deployment in chain:
        deployment["rai_policy"] = "strict"
    return service_args(
        deployments=chain,
        rai_policies=[{"name": "strict"}],
        private_endpoint={"subnet_id": SUBNET_ID},
        log_analytics_workspace_id=WORKSPACE_ID,
        role_assignments=[{"principal_id": PRINCIPAL_ID, "principal_type": "ServicePrincipal"}],
    )


def component_program(count: int) -> Callable[[], None]:
    args = component_program_args(count)

    def body() -> None:
        AzureOpenAIService("svc", args)

    return body


class BareComponent(pulumi.ComponentResource):
    """A component with no logic of its own: what being a component costs in Pulumi itself."""

    def __init__(self, name: str) -> None:
        super().__init__("bench:index:BareComponent", name, None, None)


def raw_program(count: int, *, in_component: bool = False) -> Callable[[], None]:
    """What the component registers for ``count`` deployments, written by hand without it; with
    ``in_component``, the same resources as children of a :class:`BareComponent`."""

    def body() -> None:
        parent = BareComponent("svc") if in_component else None

        def opts(depends_on: Sequence[pulumi.Resource] = ()) -> pulumi.ResourceOptions:
            return pulumi.ResourceOptions(parent=parent, depends_on=list(depends_on))

        group = "rg-test"
        account = cognitiveservices.Account(
            "svc-account",
            account_name="svc",
            resource_group_name=group,
            location="eastus2",
            kind="OpenAI",
            sku=cognitiveservices.SkuArgs(name="S0"),
            identity=cognitiveservices.IdentityArgs(type=cognitiveservices.ResourceIdentityType.SYSTEM_ASSIGNED),
            properties=cognitiveservices.AccountPropertiesArgs(
                custom_sub_domain_name="svc",
                disable_local_auth=True,
                public_network_access=cognitiveservices.PublicNetworkAccess.DISABLED,
                network_acls=cognitiveservices.NetworkRuleSetArgs(
                    default_action=cognitiveservices.NetworkRuleAction.DENY,
                    bypass=cognitiveservices.ByPassSelection.NONE,
                    ip_rules=[],
                ),
                restrict_outbound_network_access=True,
                allowed_fqdn_list=[],
            ),
            tags=TAGS,
            opts=opts(),
        )
        policy = cognitiveservices.RaiPolicy(
            "svc-rai-strict",
            rai_policy_name="strict",
            account_name=account.name,
            resource_group_name=group,
            properties=cognitiveservices.RaiPolicyPropertiesArgs(
                base_policy_name="Microsoft.DefaultV2",
                mode="Default",
                content_filters=[
                    cognitiveservices.RaiPolicyContentFilterArgs(
                        name=name, source=source, severity_threshold="Medium", enabled=True, blocking=True
                    )
                    for name in ("Hate", "Sexual", "Violence", "Selfharm")
                    for source in ("Prompt", "Completion")
                ]
                + [
                    cognitiveservices.RaiPolicyContentFilterArgs(name=name, source=source, enabled=True, blocking=block)
                    for name, source, block in (
                        ("Jailbreak", "Prompt", True),
                        ("Indirect Attack", "Prompt", True),
                        ("Protected Material Text", "Completion", True),
                        ("Protected Material Code", "Completion", False),
                    )
                ],
            ),
            tags=TAGS,
            opts=opts(),
        )
        previous: list[pulumi.Resource] = [policy]
        chain: list[pulumi.Resource] = []
        for i in range(count):
            deployment = cognitiveservices.Deployment(
                f"svc-deployment-chat-{i}",
                deployment_name=f"chat-{i}",
                account_name=account.name,
                resource_group_name=group,
                sku=cognitiveservices.SkuArgs(name="GlobalStandard", capacity=10),
                properties=cognitiveservices.DeploymentPropertiesArgs(
                    model=cognitiveservices.DeploymentModelArgs(format="OpenAI", name="gpt-4o", version="2024-11-20"),
                    version_upgrade_option="OnceCurrentVersionExpired",
                    rai_policy_name="strict",
                ),
                tags=TAGS,
                opts=opts(previous),
            )
            previous = [deployment]
            chain.append(deployment)
        endpoint = network.PrivateEndpoint(
            "svc-pe",
            private_endpoint_name="svc-pe",
            resource_group_name=group,
            location="eastus2",
            subnet=network.SubnetArgs(id=SUBNET_ID),
            custom_network_interface_name="svc-pe-nic",
            private_link_service_connections=[
                network.PrivateLinkServiceConnectionArgs(
                    name="svc-pe", private_link_service_id=account.id, group_ids=["account"]
                )
            ],
            tags=TAGS,
            opts=opts([account, policy, *chain]),
        )
        vnet_id = SUBNET_ID.rsplit("/subnets/", 1)[0]
        zone_ids: list[pulumi.Output[str]] = []
        links: list[pulumi.Resource] = []
        for label, zone_name in (
            ("openai", "privatelink.openai.azure.com"),
            ("cognitiveservices", "privatelink.cognitiveservices.azure.com"),
        ):
            zone = privatedns.PrivateZone(
                f"svc-dns-{label}",
                private_zone_name=zone_name,
                resource_group_name=group,
                location="global",
                tags=TAGS,
                opts=opts(),
            )
            links.append(
                privatedns.VirtualNetworkLink(
                    f"svc-dns-{label}-link",
                    virtual_network_link_name="svc-vnet",
                    private_zone_name=zone.name,
                    resource_group_name=group,
                    location="global",
                    virtual_network=privatedns.SubResourceArgs(id=vnet_id),
                    registration_enabled=False,
                    tags=TAGS,
                    opts=opts(),
                )
            )
            zone_ids.append(zone.id)
        network.PrivateDnsZoneGroup(
            "svc-pe-dns",
            private_dns_zone_group_name="default",
            private_endpoint_name=endpoint.name,
            resource_group_name=group,
            private_dns_zone_configs=[
                network.PrivateDnsZoneConfigArgs(name="privatelink-openai-azure-com", private_dns_zone_id=zone_ids[0]),
                network.PrivateDnsZoneConfigArgs(
                    name="privatelink-cognitiveservices-azure-com", private_dns_zone_id=zone_ids[1]
                ),
            ],
            opts=opts(links),
        )
        monitor.DiagnosticSetting(
            "svc-diagnostics",
            name="svc-diagnostics",
            resource_uri=account.id,
            workspace_id=WORKSPACE_ID,
            logs=[monitor.DiagnosticsLogSettingsArgs(category_group="allLogs", enabled=True)],
            metrics=[monitor.DiagnosticsMetricSettingsArgs(category="AllMetrics", enabled=True)],
            opts=opts(),
        )
        authorization.RoleAssignment(
            "svc-role-0",
            scope=account.id,
            role_definition_id=account.id.apply(
                lambda i: (
                    f"/subscriptions/{i.split('/')[2]}/providers/Microsoft.Authorization/roleDefinitions/"
                    "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"
                )
            ),
            principal_id=PRINCIPAL_ID,
            principal_type="ServicePrincipal",
            opts=opts(),
        )

        if parent is not None:
            parent.register_outputs({})

    return body


def timed(body: Callable[[], None]) -> float:
    # CPU time of the whole process (all threads): what evaluating the program costs, unlike wall time,
    # which swings with whatever else the machine runs. No collection mid-run to add noise.
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        run = run_callable(body)
        elapsed = time.process_time() - start
    finally:
        gc.enable()
    if run.error:
        raise SystemExit(f"the benchmark program failed: {run.error}")
    return elapsed


def decision_cost(count: int) -> float:
    """Seconds the component spends deciding before it registers anything: validation, checks, the guard."""
    args = component_program_args(count)
    rounds = 200
    start = time.process_time()
    for _ in range(rounds):
        read_component_args(args, COMMERCIAL, spelling="python")
    return (time.process_time() - start) / rounds


def main() -> int:
    # The component must register exactly what the raw program does, plus itself.
    component_run = run_callable(component_program(3))
    raw_run = run_callable(raw_program(3))
    assert sorted(r.type for r in component_run.resources if r.custom) == sorted(r.type for r in raw_run.resources)
    assert component_run.warnings == [], component_run.warnings

    print(f"Program evaluation under Pulumi's mock engine: CPU time, {ROUNDS} runs each, interleaved")
    print(f"Machine: {describe_host()}")
    print()
    header = ("deployments", "resources", "raw", "bare component", "AzureOpenAIService", "overhead", "bare overhead")
    print("  ".join(f"{h:>{w}}" for h, w in zip(header, (11, 9, 8, 14, 18, 8, 15), strict=True)))
    worst = float("-inf")
    checks: list[str] = []
    for count in SIZES:
        programs = {
            "raw": raw_program(count),
            "bare": raw_program(count, in_component=True),
            "component": component_program(count),
        }
        resources = len(run_callable(programs["raw"]).resources)
        for body in programs.values():
            timed(body)
        samples: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(ROUNDS):
            for name, body in programs.items():
                samples[name].append(timed(body))

        def ratio(name: str, samples: dict[str, list[float]] = samples) -> float:
            return statistics.median(x / r for x, r in zip(samples[name], samples["raw"], strict=True)) - 1

        overhead, bare = ratio("component"), ratio("bare")
        worst = max(worst, overhead)
        medians = [statistics.median(samples[name]) * 1000 for name in programs]
        print(
            f"{count:>11}  {resources:>9}  {medians[0]:>6.0f}ms  {medians[1]:>12.0f}ms  {medians[2]:>16.0f}ms  "
            f"{overhead:>+8.1%}  {bare:>+15.1%}"
        )
        checks.append(f"{count}: {decision_cost(count) * 1e6:.0f} µs")
    print()
    print(f"Deciding before registering (validation, catalogue checks, the guard), per component: {', '.join(checks)}")
    verdict = "met" if worst < TARGET_OVERHEAD else "MISSED"
    print(f"Target: the component and the guard add under {TARGET_OVERHEAD:.0%}; worst {worst:+.1%}: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
