"""The azure-openai-guarded program: decide the stack's declaration, then provision.

The guard runs before any resource is registered: a denied or invalid stack
fails `pulumi preview` with the reasons and creates nothing. `service.cloud`
picks the component: `public` for commercial Azure, `usgovernment` for Azure
Government. The declaration is read and decided once; the component provisions
it as it is.
"""

from pathlib import Path

import pulumi

from azure_openai_guarded.components import AzureGovernmentOpenAIService, AzureOpenAIService
from azure_openai_guarded.guards import Cloud
from program.stack import read_stack, stack_outputs

declared = read_stack(Path(__file__).resolve().parent)
component = AzureGovernmentOpenAIService if declared.cloud.cloud == Cloud.USGOVERNMENT else AzureOpenAIService
service = component.from_declaration(declared.allowed_use_case.name, declared)

for key, value in stack_outputs(service, declared).items():
    pulumi.export(key, value)
