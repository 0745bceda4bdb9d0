"""An app team's stack built on the azure-openai-guarded library.

The use case is declared in this project's own stack config
(``support-chat:useCase``). The component decides it with the library's guard
before it registers anything: a denied declaration fails ``pulumi preview``
with the guard's reasons, exactly as in the azure-openai-guarded project, and
nothing is created.
"""

import pulumi

from azure_openai_guarded.components import (
    AzureOpenAIService,
    AzureOpenAIServiceArgs,
    DeploymentSku,
    UseCaseArgs,
    config_object,
)

config = pulumi.Config()
# config_object, not require_object: a key repeated in the value is an error, not the last one winning.
use_case: UseCaseArgs = config_object("useCase")
location = config.get("location") or "eastus2"

args: AzureOpenAIServiceArgs = {
    "use_case": use_case,
    "location": location,
    # The account name is its endpoint's subdomain, unique across Azure: one per stack.
    "account_name": f"contoso-support-chat-{pulumi.get_stack()}",
    "resource_group_name": f"rg-support-chat-{pulumi.get_stack()}",
    "create_resource_group": True,
    "deployments": [
        {
            "name": "chat",
            "model": "gpt-4o-mini",
            "version": "2024-07-18",
            "sku": DeploymentSku.GLOBAL_STANDARD,
            "capacity": 20,
        },
    ],
}
service = AzureOpenAIService("support-chat", args)

pulumi.export("endpoint", service.endpoint)
pulumi.export("accountName", service.account_name)
pulumi.export("verdict", service.verdict)
