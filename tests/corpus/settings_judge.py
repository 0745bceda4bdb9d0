"""Judge the guard on the labelled settings corpus (``settings/settings.yaml``): each setting beside the
declarations its class describes, read as every entry point reads the stack's config (``guards/config_texts.py``).

Shared by the corpus test (tests/guard/test_settings_corpus.py) and the benchmark (bench/bench_settings.py).
See tests/corpus/README.md for how the corpus was written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import yaml

from azure_openai_guarded.components.declaration import read_stack_config
from azure_openai_guarded.guards.config_texts import declaring
from azure_openai_guarded.guards.consumer_config import names_a_use_case
from azure_openai_guarded.guards.deployment import reading_for

CORPUS: Final = Path(__file__).resolve().parent / "settings" / "settings.yaml"
"""Its own folder: the purpose corpus is every YAML file beside this module."""

_SERVICE: Final = {"cloud": "public", "location": "eastus2", "resourceGroupName": "rg-app"}
_BASE: Final = {"owner": "team@example.com", "operator": {"sector": "commercial", "country": "US"}}
_FIXED: Final = {"realtime": False, "cameras": ["fixed"], "environment": "controlled"}

ALLOWED: Final[dict[str, dict[str, Any]]] = {
    "a support chatbot": {
        **_BASE,
        "name": "support-bot",
        "purpose": "Answer billing questions in the customer support portal.",
        "capabilities": ["text_generation"],
    },
    "a redaction tool": {
        **_BASE,
        "name": "redaction",
        "purpose": "Blur every face in uploaded marketing photos before they are published.",
        "capabilities": ["face_detection"],
        "servedParties": [],
    },
    "a product catalogue": {
        **_BASE,
        "name": "catalogue",
        "purpose": "Describe product photos for the online catalogue.",
        "capabilities": ["image_analysis", "text_generation"],
        "servedParties": [],
    },
    "a vendor's face matching": {
        **_BASE,
        "name": "visitor-match",
        "purpose": "Compare stills from the lobby camera with employees' badge photos and open the door.",
        "capabilities": ["facial_recognition"],
        "servedParties": [],
        "facialRecognition": _FIXED,
        "humanReview": True,
    },
    "British police in custody": {
        **_BASE,
        "name": "custody-match",
        "purpose": "Compare custody-suite photos with the force's custody records, reviewed by an officer.",
        "operator": {"sector": "law_enforcement", "country": "GB"},
        "capabilities": ["facial_recognition"],
        "servedParties": [],
        "facialRecognition": _FIXED,
        "humanReview": True,
    },
}
"""Declarations the terms allow, each on its own: an ordinary setting beside any of them must leave it allowed."""

DENYING: Final = {
    "police": ("a vendor's face matching", "British police in custody"),
    "field": ("British police in custody",),
}
"""The allowed declarations a violating setting must deny: a US police customer beside recognition by a vendor
or by a force abroad; live, mobile or in-the-wild recognition beside a force's fixed, controlled one."""


@dataclass(frozen=True)
class Setting:
    kind: str
    key: str
    value: Any


@dataclass
class Score:
    caught: int = 0
    violating: int = 0
    false_positives: int = 0
    ordinary: int = 0
    declarations: int = 0
    missed: list[Setting] = field(default_factory=list)
    flagged: list[tuple[Setting, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.violating if self.violating else 1.0


def load() -> list[Setting]:
    entries = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    return [Setting(e["class"], e["key"], e["value"]) for e in entries]


def _a_declaration(setting: Setting) -> bool:
    inside = setting.value if isinstance(setting.value, dict) else {}
    return declaring(setting.key.partition(":")[2]) or any(names_a_use_case(str(key)) for key in inside)


def allowed_beside(setting: Setting, declaration: str) -> bool:
    """Whether the declaration named ``declaration`` stays allowed with ``setting`` in the stack's config."""
    with reading_for("dev", "contoso-app", {setting.key: setting.value}):
        config = {"service": _SERVICE, "useCase": ALLOWED[declaration]}
        return read_stack_config(config).verdict.allowed


def score(settings: list[Setting]) -> Score:
    """Each violating setting is caught when every declaration it must deny is denied; each ordinary one is a
    false positive when any allowed declaration beside it is denied."""
    scored = Score()
    for setting in settings:
        if _a_declaration(setting):
            # Decided as a declaration of its own (and refused, as none of these is one), not read as a setting.
            scored.declarations += 1
        elif setting.kind == "ordinary":
            scored.ordinary += 1
            denied = [name for name in ALLOWED if not allowed_beside(setting, name)]
            if denied:
                scored.false_positives += 1
                scored.flagged.append((setting, ", ".join(denied)))
        else:
            scored.violating += 1
            if all(not allowed_beside(setting, name) for name in DENYING[setting.kind]):
                scored.caught += 1
            else:
                scored.missed.append(setting)
    return scored
