"""The Azure tags that tie a resource to its use-case declaration and verdict.

The components set them on every Azure resource; the policy pack reads them
to recognise an account that went through the guard. Azure tag names may not
contain ``< > % & \\ ? /``.
"""

from __future__ import annotations

from typing import Final

from .engine import Verdict
from .models import UseCase
from .resource_texts import GUARD_TAG_PREFIX, OWNER_TAG

USE_CASE: Final = f"{GUARD_TAG_PREFIX}use-case"
VERDICT: Final = f"{GUARD_TAG_PREFIX}verdict"
RULESET: Final = f"{GUARD_TAG_PREFIX}ruleset"
TERMS: Final = f"{GUARD_TAG_PREFIX}terms"
OWNER: Final = OWNER_TAG
CLOUD: Final = f"{GUARD_TAG_PREFIX}cloud"
"""The cloud the verdict was decided for, as an azure-native provider's ``environment`` names it (``public``,
``usgovernment``): the pack fails a resource whose provider sends it elsewhere."""

REQUIRED: Final = frozenset({USE_CASE, VERDICT, RULESET})
"""The tags whose presence shows an account was provisioned through the guard."""


def verdict_tags(use_case: UseCase, verdict: Verdict) -> dict[str, str]:
    """The tags for every resource provisioned under ``use_case``."""
    return {
        USE_CASE: use_case.name,
        VERDICT: verdict.label,
        RULESET: verdict.ruleset_version,
        TERMS: verdict.terms_version,
        OWNER: use_case.owner[:256],
    }


def cloud_tag(environment: str) -> dict[str, str]:
    """The tag recording the cloud (a provider ``environment``) the verdict was decided for."""
    return {CLOUD: environment}
