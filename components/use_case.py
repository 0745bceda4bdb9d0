"""The use-case declaration, as the components' arguments: the facts the guard decides on.

The guard's own models (:mod:`azure_openai_guarded.guards`) validate it; these
TypedDicts are its shape in the components' API and in the schema Pulumi
infers for other languages. No ``from __future__ import annotations``:
Pulumi's component analyzer reads the annotations at run time.
"""

from typing import TYPE_CHECKING, NotRequired, TypeAlias, TypedDict

from azure_openai_guarded.guards import Camera, Capability, Environment, Sector


class PartyArgs(TypedDict):
    """An organisation that runs the integration or for whom it is built."""

    sector: Sector
    """The party's sector. Any police, sheriff, federal, border, customs or corrections agency is
    ``law_enforcement``."""
    country: str
    """The country whose jurisdiction the party is under, as ISO 3166-1 alpha-2 (``US``, ``GB``...)."""


class FacialRecognitionArgs(TypedDict):
    """How facial recognition is used; any fact left out counts as the worst case."""

    realtime: NotRequired[bool]
    """Whether faces are identified as they are captured (live)."""
    cameras: NotRequired[list[Camera]]
    """Every kind of camera that feeds the integration."""
    environment: NotRequired[Environment]
    """Where faces are captured: ``controlled`` or ``uncontrolled`` (in the wild)."""


class UseCaseArgs(TypedDict):
    """The use-case declaration the guard decides on before anything is registered."""

    name: str
    """A short slug naming the use case (lowercase letters, digits, hyphens); it tags every Azure resource."""
    purpose: str
    """What the integration does, in plain words."""
    owner: str
    """Who answers for the use case: a team mailbox or a person."""
    operator: PartyArgs
    """The organisation that runs the integration."""
    served_parties: NotRequired[list[PartyArgs]]
    """The organisations the integration is built for (the terms reach use "by or for" police)."""
    capabilities: list[Capability]
    """Everything the integration does with Azure OpenAI."""
    facial_recognition: NotRequired[FacialRecognitionArgs]
    """How facial recognition is used; needed when ``capabilities`` include ``facial_recognition``."""
    human_review: NotRequired[bool]
    """An attestation that a person reviews outputs before they are used."""


if TYPE_CHECKING:
    UseCaseInput: TypeAlias = UseCaseArgs | str
    """A use-case declaration as every entry point takes it: the fields, or a string holding one JSON object
    (Pulumi hands a program every structured config value as JSON text, so the two cannot be told apart)."""
else:
    # Pulumi's component analyzer reads this annotation at run time and has no union types: to it, and so in the
    # schema other languages get, the declaration is the object, whose JSON text the provider accepts too.
    UseCaseInput = UseCaseArgs
