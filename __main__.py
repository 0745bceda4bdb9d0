"""The azure-openai-guarded program: decide the stack's declaration, then provision.

The guard runs before any resource is registered: a denied or invalid stack
fails `pulumi preview` with the reasons and creates nothing. `service.cloud`
picks the component: `public` for commercial Azure, `usgovernment` for Azure
Government.
"""

import pulumi

from azure_openai_guarded.components import AzureGovernmentOpenAIService, AzureOpenAIService
from azure_openai_guarded.components.openai_service import registered_outputs
from azure_openai_guarded.components.stack_config import guarded_stack
from azure_openai_guarded.guards import Cloud

stack = guarded_stack()
component = AzureGovernmentOpenAIService if stack.cloud == Cloud.USGOVERNMENT else AzureOpenAIService
service = component(stack.use_case.name, stack.component_args())

# The stack's verdict is exported as the checker reports it (with each finding's clause and paths),
# so a stack's outputs and its checker report read the same.
for key, value in (registered_outputs(service) | {"verdict": stack.verdict.to_dict()}).items():
    pulumi.export(key, value)
