"""``AzureOpenAIService``: a guarded, secure-by-default Azure OpenAI account with its deployments.

The arguments are validated and the use case decided before anything is
registered, the component itself included: an invalid or denied call raises a
:class:`pulumi.RunError` and leaves nothing behind.

Its outputs are declared once, on :class:`~.outputs.ServiceOutputs`. No
``from __future__ import annotations`` here: Pulumi's component provider host
reads ``__init__``'s annotations at run time.
"""

from collections.abc import Sequence
from typing import Any, cast

import pulumi
from pulumi_azure_native import cognitiveservices, monitor, resources

from azure_openai_guarded.guards import CONFIG_NAMING, PYTHON_NAMING, UseCase, Verdict
from azure_openai_guarded.guards.declaration import renamed, render
from azure_openai_guarded.guards.projects import (
    ProjectDecision,
    us_law_enforcement_evidence,
    us_law_enforcement_undeclared,
)
from azure_openai_guarded.guards.tags import cloud_tag, verdict_tags

from .access import role_assignments
from .account import AzureOpenAIServiceArgs, advisories, openai_account
from .clouds import COMMERCIAL, CloudFacts
from .content_filters import rai_blocklists, rai_policies
from .declaration import Declaration
from .deployments import model_deployments
from .encryption import CustomerManagedKey, customer_managed_key
from .guard import (
    GuardDeniedError,
    InvalidArgsError,
    government_parent_problems,
    name_problems,
    read_args,
    refuse_denied_projects,
    refuse_elsewhere,
)
from .lock import management_lock
from .network import PrivateLink, private_link
from .outputs import ServiceOutputs, VerdictOutput, registered_outputs
from .projects import foundry_projects, project_outputs
from .secrets import ExportedKeys, export_keys_to_key_vault
from .vocabulary import AccountKind

TYPE_TOKEN = "azure-openai-guarded:index:AzureOpenAIService"
_INVALID = "the arguments are invalid"


class AzureOpenAIService(ServiceOutputs):
    """An Azure OpenAI account with model deployments, content filters, private link, diagnostics and
    role assignments; secure by default and guarded by its use-case declaration.

    Local (key) auth is off, public network access is off, the account has a
    system-assigned identity and may call only the listed hosts. The guard
    decides the use case before any resource is registered.
    """

    def __init__(
        self,
        name: str,
        args: AzureOpenAIServiceArgs,
        opts: pulumi.ResourceOptions | None = None,
        *,
        declaration: Declaration | None = None,
    ) -> None:
        """Validate and decide ``args``, then register the account and its children.

        ``declaration`` is a stack's declaration already validated and decided, which this component then
        provisions as it is (``args`` is not read): how the program and :class:`AzureGovernmentOpenAIService`
        hand it the one reading of their declaration.
        """
        where = f"{type(self).__name__} {name!r}"
        if declaration is not None:
            refuse_elsewhere(where, declaration, opts)
        # Beneath a Government component the pack judges for Azure Government: only that component's own inner one.
        nested = government_parent_problems(opts, declaration)
        if declaration is not None:
            problems = [*name_problems(name, declaration.settings.account_name), *nested]
            if problems:
                raise InvalidArgsError(where, problems, [p.line(declaration.naming) for p in problems], _INVALID)
        declared = declaration or read_args(where, args, COMMERCIAL, opts, nested, name=name)
        if not declared.verdict.allowed:
            raise GuardDeniedError(where, declared.verdict)
        decisions = refuse_denied_projects(where, declared)
        # Registered with what the guard decided, so that the policy pack decides it again from the inputs the
        # engine shows it, whichever language built the component (a YAML program writes its use case only here).
        super().__init__(TYPE_TOKEN, name, decided_inputs(declared), opts)
        self._build(name, declared, declared.verdict, decisions, declared.cloud)

    @classmethod
    def from_declaration(
        cls, name: str, declaration: Declaration, opts: pulumi.ResourceOptions | None = None
    ) -> "AzureOpenAIService":
        """Provision ``declaration``, already validated and decided, without reading any arguments."""
        return cls(name, cast(AzureOpenAIServiceArgs, {}), opts, declaration=declaration)

    def _build(
        self, name: str, valid: Declaration, verdict: Verdict, decisions: Sequence[ProjectDecision], cloud: CloudFacts
    ) -> None:
        settings = valid.settings
        account_name = settings.account_name or name
        tags = {
            **settings.tags,
            **verdict_tags(valid.allowed_use_case, verdict),
            **cloud_tag(cloud.provider_environment),
        }
        for warning in _warnings(valid, verdict, decisions, cloud):
            pulumi.log.warn(f"{TYPE_TOKEN} {name!r}: {warning}", resource=self)

        group_name: pulumi.Input[str] = settings.resource_group_name
        if settings.create_resource_group:
            group = resources.ResourceGroup(
                f"{name}-rg",
                resource_group_name=settings.resource_group_name,
                location=settings.location,
                tags=tags,
                opts=pulumi.ResourceOptions(parent=self),
            )
            group_name = group.name

        key: CustomerManagedKey | None = None
        if settings.customer_managed_key is not None:
            key = customer_managed_key(
                name,
                account_name,
                settings.customer_managed_key,
                location=settings.location,
                resource_group_name=group_name,
                cloud=cloud,
                tags=tags,
                parent=self,
            )

        # After the key, its identity and the identity's grant on the vault: the account unwraps with them.
        account = openai_account(
            name,
            account_name,
            settings,
            key,
            resource_group_name=group_name,
            tags=tags,
            parent=self,
        )

        # Every write below is a child of the account; Azure refuses concurrent ones with
        # 409 RequestConflict, so each waits for the previous one: projects, then blocklists and
        # their items, then the policies that name the blocklists, then the deployments that use the policies.
        projects = foundry_projects(
            name,
            account_name,
            settings.projects,
            decisions,
            account=account,
            location=settings.location,
            resource_group_name=group_name,
            tags={**settings.tags, **cloud_tag(cloud.provider_environment)},
            parent=self,
        )
        previous: list[pulumi.Resource] = list(projects[-1:])
        blocklists, blocklist_items, previous = rai_blocklists(
            name,
            settings.rai_blocklists,
            account=account,
            resource_group_name=group_name,
            after=previous,
            tags=tags,
            parent=self,
        )
        # After the blocklists they name, one after another.
        policies = rai_policies(
            name,
            settings.rai_policies,
            account=account,
            resource_group_name=group_name,
            after=previous,
            tags=tags,
            parent=self,
        )
        previous = list(policies[-1:]) or previous

        # After the policies they name, one after another (409 RequestConflict otherwise).
        deployments = model_deployments(
            name,
            settings.deployments,
            valid.catalogue,
            account=account,
            location=settings.location,
            resource_group_name=group_name,
            after=previous,
            tags=tags,
            parent=self,
        )

        link: PrivateLink | None = None
        if settings.private_endpoint is not None:
            link = private_link(
                name,
                account_name,
                settings.private_endpoint,
                account=account,
                wait_for=[*projects, *blocklists, *blocklist_items, *policies, *deployments],
                location=settings.location,
                resource_group_name=group_name,
                cloud=cloud,
                tags=tags,
                parent=self,
                kind=settings.kind,
            )

        diagnostics: monitor.DiagnosticSetting | None = None
        if settings.log_analytics_workspace_id is not None:
            diagnostics = monitor.DiagnosticSetting(
                f"{name}-diagnostics",
                name=f"{account_name}-diagnostics",
                resource_uri=account.id,
                workspace_id=settings.log_analytics_workspace_id,
                logs=[monitor.DiagnosticsLogSettingsArgs(category_group="allLogs", enabled=True)],
                metrics=[monitor.DiagnosticsMetricSettingsArgs(category="AllMetrics", enabled=True)],
                opts=pulumi.ResourceOptions(parent=self),
            )

        grants = role_assignments(
            name,
            account_name,
            settings.role_assignments,
            account=account,
            use_case=valid.allowed_use_case.name,
            parent=self,
        )

        exported: ExportedKeys | None = None
        if settings.secrets_export is not None:
            exported = export_keys_to_key_vault(
                name,
                account_name,
                settings.secrets_export,
                account=account,
                resource_group_name=group_name,
                tags=tags,
                parent=self,
            )

        lock = None
        if settings.lock is not None:
            # Last: a ReadOnly lock refuses every later write under the account, and listing its keys.
            written: list[pulumi.Resource] = [*projects, *blocklists, *blocklist_items, *policies, *deployments]
            if link is not None:
                written += [link.endpoint, link.zone_group]
            written += [r for r in (diagnostics, *grants) if r is not None]
            if exported is not None:
                written += [exported.primary, exported.secondary]
            lock = management_lock(name, account_name, settings.lock, account=account, wait_for=written, parent=self)

        self.account = account
        self.projects_created = projects
        self.rai_blocklists = blocklists
        self.rai_blocklist_items = blocklist_items
        self.lock = lock
        self.exported_keys = exported
        self.rai_policies = policies
        self.deployments = deployments
        self.private_link = link
        self.role_assignments = grants
        self.guard_verdict = verdict

        endpoint = cloud.endpoint(account_name.lower())
        self.endpoint = account.id.apply(lambda _: endpoint)
        self.foundry_endpoint = None
        self.projects = None
        if settings.kind is AccountKind.AI_SERVICES:
            foundry = cloud.foundry_endpoint(account_name.lower())
            self.foundry_endpoint = account.id.apply(lambda _: foundry)
            described = project_outputs(account_name, decisions, cloud)
            self.projects = pulumi.Output.all(account.id, *(p.id for p in projects)).apply(lambda _: described)
        self.account_id = account.id
        self.account_name = account.name
        self.resource_group_name = pulumi.Output.from_input(group_name)
        self.deployment_names = pulumi.Output.all(*(d.name for d in deployments))
        self.principal_id = account.identity.apply(lambda identity: (identity.principal_id if identity else None) or "")
        self.verdict = pulumi.Output.from_input(cast(VerdictOutput, verdict.to_dict(PYTHON_NAMING, valid.naming)))
        self.primary_key = None
        self.secondary_key = None
        if settings.export_keys:
            keys = cognitiveservices.list_account_keys_output(
                account_name=account.name,
                resource_group_name=group_name,
                opts=pulumi.InvokeOutputOptions(parent=self, depends_on=[account]),
            )
            self.primary_key = pulumi.Output.secret(keys.key1)
            self.secondary_key = pulumi.Output.secret(keys.key2)

        self.register_outputs(registered_outputs(self))


def _as_written(use_case: UseCase) -> dict[str, Any]:
    """``use_case`` as a stack file writes it: camelCase keys, enum values, lists; a field left out (unknown) stays
    out, so that reading it again gives the same declaration."""
    written: dict[str, Any] = use_case.model_dump(mode="json", by_alias=True, exclude_none=True)
    return written


def decided_inputs(declared: Declaration) -> dict[str, Any]:
    """The component's registered inputs: what the guard decided (the use case, the guard profile it applied, the
    cloud, and each Foundry project with its text and its own use case, if any), as a stack file writes a
    declaration. Nothing else of the arguments: the service is the resources' own inputs, and a key or an id is
    never among these."""
    inputs: dict[str, Any] = {
        "useCase": _as_written(declared.allowed_use_case),
        "guardProfile": declared.profile.value,
        "cloud": declared.cloud.cloud.value,
    }
    if declared.projects:
        settings = {project.name: project for project in declared.settings.projects}
        inputs["projects"] = [
            {
                **settings[project.name].texts(CONFIG_NAMING),
                **({"useCase": _as_written(project.use_case)} if project.use_case is not None else {}),
            }
            for project in declared.projects
        ]
    return inputs


def _warnings(
    valid: Declaration, verdict: Verdict, decisions: Sequence[ProjectDecision], cloud: CloudFacts
) -> list[str]:
    """What the component logs as warnings: the guard's, each Foundry project's own, and its advisories."""
    warnings = [f"[{finding.rule}] {finding.message}" for finding in verdict.warnings]
    for decision in decisions:
        if decision.own:
            warnings += [
                f"Foundry project {decision.name!r}: [{f.rule}] {f.message}" for f in decision.verdict.warnings
            ]
    warnings += [render(note, valid.naming) for note in advisories(valid.settings)]
    if valid.settings.kind is AccountKind.AI_SERVICES:
        declared = [(valid.naming("use_case"), valid.use_case), *((p.path, p.use_case) for p in valid.projects)]
        evidence = us_law_enforcement_evidence(declared, cloud.cloud)
        # As the pack's face-api-exposure advisory: a Foundry resource reaches the Face API too, and a left-out
        # servedParties counts as the worst case.
        undeclared = [] if evidence else us_law_enforcement_undeclared(declared, cloud.cloud)
        undeclared = [renamed(path, valid.naming) for path in undeclared]
        if evidence:
            warnings.append(
                "kind AIServices reaches the Azure AI Face API, which is prohibited for use by or for US police "
                f"departments, in a use case declared by or for US law enforcement ({'; '.join(evidence)}); use "
                "kind OpenAI unless the integration needs the other Azure AI services"
            )
        elif undeclared:
            warnings.append(
                "kind AIServices reaches the Azure AI Face API, which is prohibited for use by or for US police "
                f"departments, and {', '.join(undeclared)} left out leaves open whether the use case is built for "
                "US law enforcement; declare every organisation it is built for (or `[]`), and use kind OpenAI "
                "unless the integration needs the other Azure AI services"
            )
    return warnings
