"""The clauses the guard enforces, quoted from the project's reference page.

Quote clause wording only from the reference (``terms.md``). Where a reading
rests on press reports rather than Microsoft's text, the source says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

TERMS_VERSION: Final = "2024-05-01"
"""The edition of the Azure OpenAI Service Code of Conduct the rules encode."""

RULESET_VERSION: Final = "2.0.0"
"""Bumped whenever a rule changes which stacks pass; reported in every verdict."""


@dataclass(frozen=True, slots=True)
class Clause:
    """A restriction as worded in its source."""

    wording: str
    """The clause's words, quoted from the reference page."""
    source: str
    """Where the wording is published, and how sure the reading is."""


CODE_OF_CONDUCT: Final = "Azure OpenAI Service Code of Conduct (amended 1 May 2024)"

US_POLICE = Clause(
    wording=(
        "Integrations with Azure OpenAI Service must not be used for facial recognition purposes "
        "by or for a police department in the United States"
    ),
    source=(
        f"{CODE_OF_CONDUCT}; quoted by TechCrunch and Mashable, 2 May 2024. Read, as in the project's "
        "seed, to cover every US law-enforcement agency, in any environment."
    ),
)

MOBILE_REALTIME = Clause(
    wording=(
        "Integrations with Azure OpenAI Service must not be used for any real-time facial recognition "
        "technology on mobile cameras used by any law enforcement globally to attempt to identify "
        "individuals in uncontrolled, 'in the wild' environments, which includes (without limitation) "
        "police officers on patrol using body-worn or dash-mounted cameras using facial recognition "
        "technology to attempt to identify individuals present in a database of suspects or prior inmates"
    ),
    source=(
        f"{CODE_OF_CONDUCT}; verbatim in GitHub's Copilot Extension Developer Policy; quoted by "
        "AI Business and ReadWrite."
    ),
)

FACE_LIMITED_ACCESS = Clause(
    wording="Azure AI Face recognition services are strictly prohibited for use by or for U.S. police departments",
    source=(
        "Azure AI Face Limited Access policy (since June 2020); MicrosoftDocs/azure-ai-docs, limited-access-identity.md"
    ),
)

BROADER_CONDUCT = Clause(
    wording=(
        "to identify or verify individual identities based on people's faces, voices, or other physical, "
        "physiological, or behavioral characteristics"
    ),
    source=(
        "Microsoft Enterprise AI Services Code of Conduct (later edition); only secondary quotes of this "
        "wording exist, so it is enforced by the opt-in strict profile only."
    ),
)

OPEN_READINGS: Final = (
    "The allowances for police outside the US and for stationary cameras in controlled environments "
    "come from TechCrunch and The Register, not from Microsoft's text; Microsoft publishes no "
    "definition of 'controlled environment'."
)

SEED_CONCERNS: Final = (
    "Press coverage of the 2024 amendment raised hallucinations and racial bias in generative summaries "
    "for police (e.g. reports drafted from body-camera audio). Nothing in the terms forbids this use."
)
