"""The pack: every policy, in the order the engine reports them."""

from __future__ import annotations

from typing import Final

from pulumi_policy import Policy

from .cloud_tag import cloud_tag_policy
from .government import government_policy
from .security import security_policies
from .stack_context import ContextSource, engine_stack_context
from .use_case import use_case_policies

PACK_NAME: Final = "azure-openai-guarded"

PACK_DESCRIPTION: Final = (
    "Microsoft's facial-recognition terms for Azure OpenAI (the guard's verdict on the stack's declared use case), "
    "secure defaults for Cognitive Services accounts mirroring Azure Policy and Checkov, and Azure Government "
    "providers."
)


def all_policies(context_source: ContextSource = engine_stack_context) -> list[Policy]:
    """Every policy of the pack; ``context_source`` gives the stack's declaration (the engine's config by default)."""
    return [
        *use_case_policies(context_source),
        *security_policies(),
        government_policy(context_source),
        cloud_tag_policy(context_source),
    ]
