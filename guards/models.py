"""The use-case declaration a stack makes in its config, as typed models.

These models are the documentation of the ``azure-openai-guarded:*`` config
keys. They are frozen and forbid unknown fields: a typo in a safety
declaration is an error, never silently ignored, and scalars are strict. Stack
files and other languages write the camelCase keys (``servedParties``); the
fields' Python names are what Python arguments write. Every entry point reads
them through :mod:`.declaration`.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from typing import Annotated, Final

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StrictStr
from pydantic.alias_generators import to_camel

from .countries import ISO_3166_ALPHA2

PROJECT = "azure-openai-guarded"
"""The project name, which is also the namespace of the config keys."""


class Sector(StrEnum):
    """Who a party is. ``law_enforcement`` covers every police, sheriff, federal,
    border, customs and corrections agency."""

    COMMERCIAL = "commercial"
    LAW_ENFORCEMENT = "law_enforcement"
    PUBLIC_SECTOR = "public_sector"
    DEFENSE = "defense"
    HEALTHCARE = "healthcare"
    EDUCATION = "education"
    NONPROFIT = "nonprofit"
    OTHER = "other"


class Capability(StrEnum):
    """What the integration does with Azure OpenAI.

    ``face_detection`` finds, counts or blurs faces without establishing who
    anyone is; it is not facial recognition. ``facial_recognition`` identifies
    or verifies a person from their face.
    """

    TEXT_GENERATION = "text_generation"
    SUMMARIZATION = "summarization"
    TRANSLATION = "translation"
    CLASSIFICATION = "classification"
    CODE_GENERATION = "code_generation"
    EMBEDDINGS = "embeddings"
    SPEECH_TO_TEXT = "speech_to_text"
    IMAGE_ANALYSIS = "image_analysis"
    IMAGE_GENERATION = "image_generation"
    FACE_DETECTION = "face_detection"
    FACIAL_RECOGNITION = "facial_recognition"


class Camera(StrEnum):
    """A kind of camera feeding facial recognition. Every kind but ``fixed`` is
    a mobile camera: the terms' body-worn and dash cameras are examples only."""

    BODY_WORN = "body_worn"
    DASH_MOUNTED = "dash_mounted"
    VEHICLE_MOUNTED = "vehicle_mounted"
    DRONE = "drone"
    HANDHELD = "handheld"
    FIXED = "fixed"


class Environment(StrEnum):
    """Where faces are captured. ``controlled`` is a back office or booking
    station; ``uncontrolled`` is "in the wild" (streets, crowds, patrols)."""

    CONTROLLED = "controlled"
    UNCONTROLLED = "uncontrolled"


class Cloud(StrEnum):
    """The Azure cloud the stack deploys to."""

    PUBLIC = "public"
    USGOVERNMENT = "usgovernment"


class GuardProfile(StrEnum):
    """Which rule set the guard applies.

    ``terms`` enforces Microsoft's facial-recognition terms for Azure OpenAI.
    ``strict`` adds the broader Code of Conduct restriction: no facial
    recognition at all.
    """

    TERMS = "terms"
    STRICT = "strict"


def _country(value: str) -> str:
    code = value.strip().upper()
    if code not in ISO_3166_ALPHA2:
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code (for example US, GB, DE)")
    return code


CountryCode = Annotated[StrictStr, AfterValidator(_country)]
"""An ISO 3166-1 alpha-2 code. Case is ignored; ``USA`` or ``United States`` is an error."""

_SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


def _slug(value: str) -> str:
    if not _SLUG.fullmatch(value):
        raise ValueError("use lowercase letters, digits and hyphens, 1 to 63 characters, e.g. support-bot")
    return value


Slug = Annotated[StrictStr, AfterValidator(_slug)]


_MARKUP: Final = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?|<[^<>]*>")
"""An HTML character reference or tag, which a page or a pull request's markdown shows as something else or as
nothing (``&nbsp;``, ``<b></b>``)."""


def _shows_something(value: str) -> bool:
    # Stripping removes spaces only; a text of zero-width or other format characters shows as empty too (review
    # R28: a purpose of two zero-width spaces was allowed, one of spaces refused), and so does one of markup alone
    # (review R29: a purpose of "&nbsp;" was allowed).
    return any(unicodedata.category(ch)[0] in "LN" for ch in _MARKUP.sub("", value))


def _says_something(value: str) -> str:
    if not _shows_something(value):
        raise ValueError("must say what the integration does, in words: it holds no letter or digit")
    return value


def _names_someone(value: str) -> str:
    if not _shows_something(value):
        raise ValueError(
            "must name who answers for the use case (a team mailbox or a person): it holds no letter or digit"
        )
    return value


Words = Annotated[StrictStr, Field(min_length=1), AfterValidator(_says_something)]
"""Text a reviewer reads: at least one letter or digit, once spaces are stripped."""


class DeclarationModel(BaseModel):
    """Base for every declaration model: frozen, unknown keys rejected, scalars of their own type only.

    Stack files and other languages write the camelCase keys; Python arguments may also write the Python
    names. Which spellings an input may use is chosen where it is read (:func:`.declaration.validate`),
    never both spellings of one field. Scalars are strict (``"no"``, ``0`` or ``'yes'`` is not a boolean,
    a number is not a string); enums take their string values.
    """

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        alias_generator=to_camel,
        validate_by_alias=True,
        validate_by_name=True,
        loc_by_alias=False,
        use_attribute_docstrings=True,
        str_strip_whitespace=True,
        # A nested instance (a Party built with model_construct or model_copy) is validated again, not trusted.
        revalidate_instances="always",
    )


class Party(DeclarationModel):
    """An organisation that runs the integration or for whom it is built."""

    sector: Sector
    """The party's sector. Any police, sheriff, federal, border, customs or
    corrections agency is ``law_enforcement``."""

    country: CountryCode
    """The country whose jurisdiction the party is under, as ISO 3166-1 alpha-2.
    US territories (PR, GU, VI, AS, MP, UM) count as the United States."""


class FacialRecognitionFacts(DeclarationModel):
    """The facts the verdict needs when the capabilities include facial recognition.

    Every field may be left out; the guard then treats it as unknown, which
    counts as the worst case.
    """

    realtime: StrictBool | None = None
    """Whether faces are identified as they are captured (live), rather than afterwards."""

    cameras: Annotated[tuple[Camera, ...], Field(min_length=1)] | None = None
    """Every kind of camera that feeds the integration."""

    environment: Environment | None = None
    """Where faces are captured: a controlled setting or in the wild."""


class UseCase(DeclarationModel):
    """What the stack's Azure OpenAI is used for, by whom and for whom."""

    name: Slug
    """A short slug naming the use case; it tags every Azure resource."""

    purpose: Words
    """What the integration does, in plain words. The guard reads it for
    facial recognition that the capabilities do not declare."""

    owner: Annotated[StrictStr, Field(min_length=1), AfterValidator(_names_someone)]
    """Who answers for the use case: a team mailbox or a person."""

    operator: Party
    """The organisation that runs the integration."""

    served_parties: tuple[Party, ...] | None = None
    """The organisations the integration is built for. The terms reach use
    "by or for" police, so a vendor building for a police department lists it here.
    Left out, it is unknown (the worst case: it may be a police department);
    ``[]`` says the integration serves no one but the operator."""

    capabilities: Annotated[tuple[Capability, ...], Field(min_length=1)]
    """Everything the integration does with Azure OpenAI."""

    facial_recognition: FacialRecognitionFacts | None = None
    """How facial recognition is used; needed when ``capabilities`` include ``facial_recognition``."""

    human_review: StrictBool | None = None
    """An attestation that a person reviews outputs before they are used."""

    @property
    def parties(self) -> tuple[tuple[str, Party], ...]:
        """The operator and every served party, each with its config path."""
        served = tuple((f"useCase.servedParties[{i}]", p) for i, p in enumerate(self.served_parties or ()))
        return (("useCase.operator", self.operator), *served)


class StackDeclaration(DeclarationModel):
    """What the guard decides for one stack: the use case, the cloud it deploys to and the rule set.

    Built by the reader of a stack's whole declaration (``azure_openai_guarded.components.declaration``),
    which validates the service too and establishes the cloud from both the declaration and the provider.
    """

    guard_profile: GuardProfile = GuardProfile.TERMS
    """The rule set to apply: ``terms`` (default) or ``strict``."""

    cloud: Cloud
    """Where the resources go: ``public`` (commercial Azure) or ``usgovernment`` (Azure Government)."""

    use_case: UseCase | None = None
    """The use-case declaration. A stack without one is denied."""
