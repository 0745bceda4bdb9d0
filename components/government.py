"""``AzureGovernmentOpenAIService``: the commercial component, composed for Azure Government.

Every Azure resource goes through an explicit azure-native provider whose
``environment`` is ``usgovernment``: one the component creates, or a
:class:`GovernmentProvider` passed in. Nothing may fall back to the default
(public cloud) provider; Government stacks should also set
``pulumi:disable-default-providers: ["azure-native"]`` so that any other
resource that forgets its provider fails instead of deploying to public Azure.

Regions, SKUs and models are checked against Government's, and the guard
decides with Government context (every party is under US jurisdiction),
before anything is registered.

Its outputs are the commercial component's, declared once on
:class:`~.outputs.ServiceOutputs`. No ``from __future__ import annotations``
here: Pulumi's component provider host reads ``__init__``'s annotations at run
time.
"""

from typing import cast

import pulumi

from azure_openai_guarded.guards import Problem

from .account import AzureGovernmentOpenAIServiceArgs
from .clouds import GOVERNMENT
from .declaration import Declaration
from .guard import (
    AZURE_NATIVE,
    GuardDeniedError,
    InvalidArgsError,
    azure_native_providers,
    composing,
    name_problems,
    provider_cloud,
    provider_problems,
    read_args,
    refuse_denied_projects,
    refuse_elsewhere,
    refuse_unissued,
)
from .openai_service import AzureOpenAIService, decided_inputs
from .outputs import OUTPUTS, ServiceOutputs, registered_outputs
from .providers import GovernmentProvider as GovernmentProvider  # still importable from here, where it was

TYPE_TOKEN = "azure-openai-guarded:index:AzureGovernmentOpenAIService"
_INVALID = "the arguments are invalid"
_NOT_GOVERNMENT = "the declaration was read for commercial Azure; pass it to AzureOpenAIService"


def _government_provider(opts: pulumi.ResourceOptions | None) -> tuple[GovernmentProvider | None, list[Problem]]:
    """The Government provider under ``opts`` (passed, or inherited from the parent), if any, and the problems
    with any other azure-native provider there (the same reading as the commercial component's)."""
    passed = next(
        (
            p
            for p in azure_native_providers(opts)
            if isinstance(p, GovernmentProvider) and provider_cloud(p) is GOVERNMENT
        ),
        None,
    )
    return passed, provider_problems(opts, GOVERNMENT)


class AzureGovernmentOpenAIService(ServiceOutputs):
    """Azure OpenAI in Azure Government: :class:`AzureOpenAIService` with Government's regions, SKUs,
    models, private DNS zones and endpoint domain, every resource on a Government provider.
    """

    def __init__(
        self,
        name: str,
        args: AzureGovernmentOpenAIServiceArgs,
        opts: pulumi.ResourceOptions | None = None,
        *,
        declaration: Declaration | None = None,
    ) -> None:
        """Validate and decide ``args`` against Azure Government, then register the provider (unless one
        is passed in ``opts``) and the account and its children on it.

        ``declaration`` is a declaration already validated and decided for Azure Government (the program's
        stack), provisioned as it is: ``args`` is then not read.
        """
        where = f"{type(self).__name__} {name!r}"
        passed, refused = _government_provider(opts)
        if declaration is not None:
            refuse_unissued(where, declaration)
        if declaration is None:
            declared = read_args(where, args, GOVERNMENT, opts, name=name)
        else:
            wrong_cloud = [] if declaration.cloud.cloud == GOVERNMENT.cloud else [Problem((), _NOT_GOVERNMENT)]
            problems = [*name_problems(name, declaration.settings.account_name), *refused, *wrong_cloud]
            if problems:
                raise InvalidArgsError(where, problems, [p.line(declaration.naming) for p in problems], _INVALID)
            declared = declaration
        if not declared.verdict.allowed:
            raise GuardDeniedError(where, declared.verdict)
        refuse_denied_projects(where, declared)
        # Every check the inner component runs, run here on the options it will inherit, before anything is
        # registered: the inner one refusing after this component and its provider exist would leave them behind.
        refuse_elsewhere(where, declared, opts, through=None if passed else GOVERNMENT)
        # What the guard decided, for the policy pack to decide again (see AzureOpenAIService).
        super().__init__(TYPE_TOKEN, name, decided_inputs(declared), opts)

        provider = passed or GovernmentProvider(
            f"{name}-usgovernment", location=declared.settings.location, opts=pulumi.ResourceOptions(parent=self)
        )
        self.provider = provider
        # The commercial component's validated core, composed: it provisions this declaration as it is.
        with composing(self, declared):
            self.service = AzureOpenAIService.from_declaration(
                name, declared, pulumi.ResourceOptions(parent=self, providers={AZURE_NATIVE: provider})
            )
        for output in OUTPUTS:
            setattr(self, output, getattr(self.service, output))

        self.register_outputs(registered_outputs(self))

    @classmethod
    def from_declaration(
        cls, name: str, declaration: Declaration, opts: pulumi.ResourceOptions | None = None
    ) -> "AzureGovernmentOpenAIService":
        """Provision ``declaration``, already validated and decided for Azure Government, without reading any
        arguments."""
        return cls(name, cast(AzureGovernmentOpenAIServiceArgs, {}), opts, declaration=declaration)
