"""The azure-openai-guarded program: decide the stack's declaration, then provision.

The guard runs before any resource is registered: a denied stack fails
`pulumi preview` with the rule ids and creates nothing.
"""

import pulumi

from azure_openai_guarded.components.stack_config import guarded_declaration

declaration, verdict, _raw = guarded_declaration()

pulumi.export("verdict", verdict.to_dict())
