"""An organisation a text says the integration is built for, where the declaration says it serves no one.

``servedParties: []`` declares that the integration serves no one but its operator. Beside facial recognition
that is what keeps the terms' clauses from applying: no police department is served. A purpose that says the
recognition is done "for the Carabinieri", "for the bureau headquartered in the J. Edgar Hoover Building" or
"on behalf of Contoso" names a party the declaration leaves out, whatever the words for it are: the guard need
not know the force's name to see that an organisation is served. It reads, in the five languages:

* a word that gives the work to someone (for, on behalf of, commissioned by, para, pour, für, ...) followed by a
  capitalised name (``for the Mounties``, ``para la Guardia Civil``), or by an organisation's common noun within
  a few words (``for the agency that guards the border``, ``for tribal officers``);
* a client or customer named as such (``the client is ...``, ``our customer, ...``).

What the operator does for itself is not a served party: "for our own officers", "for the team", "for
customers" (people, not organisations). Read only where facial recognition is declared and ``servedParties`` is
``[]`` (see :func:`guards.facts.read_facts`), so an ordinary text with "for Teams" costs nothing elsewhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Final

_GIVEN_TO: Final = (
    r"(?:for|on behalf of|commissioned by|contracted by|built for|provided to|delivered to|sold to|licensed to|"
    r"para|pour|f[uü]r|im auftrag (?:der|des|von)|au profit d[eu']|en nombre de|em nome de|a pedido de)"
)
"""The words that give the work to someone, in the five languages (lower case)."""

_ORGANISATION: Final = (
    # Plurals only of the nouns that name organisations in the plural too ("for the authorities"), not places
    # ("for offices in London") or things ("for units sold").
    r"(?:departments?|dept|agenc(?:y|ies)|bureaus?|bureaux|office|forces?|service|authorit(?:y|ies)|unit|"
    r"division|ministr(?:y|ies)|directorates?|"
    r"constabulary|police|gendarmerie|rangers|guard|corps|precinct|sheriffs?|marshals?|troopers?|officers|agents|"
    r"officials|deputies|investigators|detectives|patrol|commissions?|administrations?|command|"
    r"feds|federals|"
    # What an agency does, standing for it: "for the immigration of the United States", "para la aduana".
    r"immigration|customs|borders?|narcotics|corrections|"
    r"departamentos?|agencias?|oficinas?|cuerpos?|guardias?|polic[ií]as?|ministerios?|servicios?|unidad(?:es)?|"
    r"autoridad(?:es)?|agentes|oficiales|federales|inspectores|investigadores|migra|"
    r"(?:in)?migraci[oó]n|aduanas?|fronteras?|"
    r"agences?|minist[eè]res?|brigades?|autorit[ée]s?|f[ée]d[ée]raux|enqu[eê]teurs|inspecteurs|policiers|gendarmes|"
    r"douanes?|fronti[eè]res?|"
    r"\w*beh[oö]rden?|amt|[äa]mter|dienste?|\w*polizei|ministerium|einheit(?:en)?|beamten?|polizisten|ermittlern?|"
    r"grenzbeamten?|\w*einwanderung\w*|zoll\w*|grenz\w*|"
    r"ag[eê]ncias?|servi[cç]os?|unidades?|minist[eé]rios?|autoridades|federais|policiais|"
    r"(?:i)?migra[cç][aã]o|alf[aâ]ndegas?|fronteiras?)"
)
"""Common nouns of an organisation that may be served, or of the people who act for one (officers, agents)."""

_THE: Final = r"(?:(?:the|a|an|el|la|los|las|le|les|der|die|das|den|dem|o|os|as)\s+|l['’]\s*)"
_OWN: Final = frozenset(
    """
    our its their my nuestro nuestra nuestros nuestras su sus notre nos leur leurs unser unsere unseren unserer ihr
    ihre ihren nosso nossa nossos nossas seu sua seus suas
    """.split()  # noqa: SIM905 - a block of words keeps the list readable
)
"""A possessive that makes what follows the operator's own ("for our officers")."""

_GIVEN: Final = re.compile(
    rf"(?<![\w-]){_GIVEN_TO}\s+(?:{_THE})?(?P<served>[^\s.,;:!?()]+(?:\s+[^\s.,;:!?()]+){{0,5}})", re.IGNORECASE
)
_CLIENT: Final = re.compile(
    r"(?<![\w-])(?:client|customer|cliente|kunde|auftraggeber)(?:\s+is|\s+es|\s+est|\s+ist|\s*[:,])\s+(?:the\s+)?"
    r"(?P<served>[^\s.,;:!?()]+(?:\s+[^\s.,;:!?()]+){0,5})",
    re.IGNORECASE,
)
_ORGANISATION_WORD: Final = re.compile(rf"^{_ORGANISATION}$", re.IGNORECASE)
_ORGANISATION_WITHIN: Final = 5
"""How many words after "for the" an organisation's noun may stand: "for the agency that guards the border"."""

_WHERE_READ: Final = 100
"""How many characters after "for" a ``where`` test of :func:`served_parties_named` reads: the name and what
places it ("for the customs service of EE. UU.", which the name's own words stop short of)."""

_NOT_SERVED: Final = frozenset(
    """
    english spanish french german portuguese monday tuesday wednesday thursday friday saturday sunday teams outlook
    excel word windows azure microsoft gdpr hipaa iso soc pci i it hr each every all any this that
    """.split()  # noqa: SIM905 - a block of words keeps the list readable
)
"""Capitalised words after "for" that name a language, a day, a product or a standard, not a served party."""

_JOINERS: Final = frozenset(
    {"of", "de", "di", "du", "der", "des", "del", "da", "do", "van", "von", "y", "e", "et", "und", "and", "&"}
)
"""The words that join the words of a name ("Polizia di Stato", "Guardia Civil y ...")."""

_TITLE_CASE: Final = 0.6
"""The share of capitalised words above which a text is in title case, and a capital says nothing of a name."""


def served_parties_named(text: str, where: Callable[[str], bool] | None = None) -> tuple[str, ...]:
    """The organisations ``text`` says the integration is built for, as written ("for the Carabinieri"); with
    ``where``, only those whose words after "for" it holds of ("for the immigration authorities of the United
    States")."""
    read = unicodedata.normalize("NFKC", text)
    found: dict[str, None] = {}
    title_case = _in_title_case(read)
    for match in (*_GIVEN.finditer(read), *_CLIENT.finditer(read)):
        if where is not None and not where(read[match.start("served") :][:_WHERE_READ]):
            continue
        served = match.group("served").split()
        first = served[0].strip("'’").casefold()
        if first in _OWN or first in _NOT_SERVED:
            continue
        if served[0][:1].isupper() and not title_case:
            # A name runs on while its words are capitalised or join two that are ("Polizia di Stato").
            end = 1
            while end < len(served) and (served[end][:1].isupper() or served[end] in _JOINERS):
                end += 1
            while served[end - 1] in _JOINERS:
                end -= 1
        else:
            noun = next((i for i, w in enumerate(served[:_ORGANISATION_WITHIN]) if _ORGANISATION_WORD.match(w)), None)
            if noun is None:
                continue
            end = noun + 1
        found[f"{read[match.start() : match.start('served')]}{' '.join(served[:end])}"] = None
    return tuple(found)


def _in_title_case(text: str) -> bool:
    """Whether ``text`` capitalises most words but the first of each sentence ("Face Matching For The Lobby")."""
    words = [w for sentence in re.split(r"[.!?;:]\s+", text) for w in re.findall(r"[^\W\d_][\w'’-]*", sentence)[1:]]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) > _TITLE_CASE * len(words)
