"""The azure-openai-guarded CrossGuard policy pack: ``pulumi preview --policy-pack guards/policy_pack``.

This file only builds the pack. The policies live in
``azure_openai_guarded.guards.policies`` and decide with the same engine and
rules as the checker and the program; ``serve_pack`` serves them with
pulumi_policy's ``PolicyPack``, keeping the stack's config from the engine's
``ConfigureStack`` call, which is the only way it reaches a Python pack.
"""

from pulumi_policy import EnforcementLevel

from azure_openai_guarded.guards.policies import PACK_DESCRIPTION, PACK_NAME, all_policies
from azure_openai_guarded.guards.policies.analyzer import serve_pack

serve_pack(
    name=PACK_NAME,
    description=PACK_DESCRIPTION,
    # Every policy sets its own level; a policy that forgot would block rather than pass.
    enforcement_level=EnforcementLevel.MANDATORY,
    policies=all_policies(),
)
