"""The guard: Microsoft's facial-recognition terms for Azure OpenAI as a fail-closed policy.

This package imports no Pulumi (its policy pack aside), so the checker runs in
any CI job with only pydantic and PyYAML.
"""

from .declaration import CONFIG_NAMING, PYTHON_NAMING, DeclarationError, Key, Naming, Problem
from .engine import Finding, Verdict, evaluate, evaluate_use_case
from .models import (
    PROJECT,
    Camera,
    Capability,
    Cloud,
    Environment,
    FacialRecognitionFacts,
    GuardProfile,
    Party,
    Sector,
    StackDeclaration,
    UseCase,
)
from .rules import RULES, RULES_BY_ID, Rule, Severity
from .terms import RULESET_VERSION, TERMS_VERSION

__all__ = [
    "CONFIG_NAMING",
    "PROJECT",
    "PYTHON_NAMING",
    "RULES",
    "RULESET_VERSION",
    "RULES_BY_ID",
    "TERMS_VERSION",
    "Camera",
    "Capability",
    "Cloud",
    "DeclarationError",
    "Environment",
    "FacialRecognitionFacts",
    "Finding",
    "GuardProfile",
    "Key",
    "Naming",
    "Party",
    "Problem",
    "Rule",
    "Sector",
    "Severity",
    "StackDeclaration",
    "UseCase",
    "Verdict",
    "evaluate",
    "evaluate_use_case",
]
