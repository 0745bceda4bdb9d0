"""The azure-openai-guarded program: decide the stack's declaration, then provision.

The guard runs before any resource is registered: a denied or invalid stack
fails `pulumi preview` with the reasons and creates nothing. `service.cloud`
picks the component: `public` for commercial Azure, `usgovernment` for Azure
Government.
"""

import pulumi

from azure_openai_guarded.components import AzureGovernmentOpenAIService, AzureOpenAIService
from azure_openai_guarded.components.stack_config import guarded_stack
from azure_openai_guarded.guards import Cloud

stack = guarded_stack()
component = AzureGovernmentOpenAIService if stack.cloud is Cloud.USGOVERNMENT else AzureOpenAIService
service = component(stack.use_case.name, stack.component_args())

pulumi.export("endpoint", service.endpoint)
pulumi.export("accountId", service.account_id)
pulumi.export("accountName", service.account_name)
pulumi.export("resourceGroupName", service.resource_group_name)
pulumi.export("deploymentNames", service.deployment_names)
pulumi.export("principalId", service.principal_id)
pulumi.export("verdict", stack.verdict.to_dict())
if service.primary_key is not None and service.secondary_key is not None:
    pulumi.export("primaryKey", service.primary_key)
    pulumi.export("secondaryKey", service.secondary_key)
