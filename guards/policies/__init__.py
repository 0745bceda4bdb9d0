"""The CrossGuard policy pack's policies: the guard's engine and rules, applied to what a stack registers.

This is the only part of ``guards`` that imports Pulumi (``pulumi_policy``);
``guards`` itself does not import it, so the checker keeps running without
Pulumi. ``guards/policy_pack/__main__.py`` builds the pack from
:func:`all_policies`.
"""

from .pack import PACK_DESCRIPTION, PACK_NAME, all_policies

__all__ = ["PACK_DESCRIPTION", "PACK_NAME", "all_policies"]
