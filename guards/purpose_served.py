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
from collections.abc import Callable, Iterator
from typing import Final

from .languages import is_read
from .purpose_text import normalise

_GIVEN_TO: Final = (
    r"(?:for|on behalf of|commissioned by|contracted by|built for|provided to|delivered to|sold to|licensed to|"
    r"(?:requests?|queries|enquiries|inquiries) (?:from|by)|requested by|at the request of|"
    r"para|pour|f[uü]r|im auftrag (?:der|des|von)|au profit d[eu']|en nombre de|em nome de|a pedido de)"
)
"""The words that give the work to someone, in the five languages (lower case), a request from them too
("requests from our partner agencies")."""

_SHARED_WITH: Final = re.compile(
    r"(?<![\w-])(?:return(?:s|ed|ing)?|shar(?:e|es|ed|ing)|pass(?:es|ed|ing)?|disclos(?:e|es|ed|ing)|"
    r"sen(?:d|ds|t|ding)|forward(?:s|ed|ing)?)(?![\w-])(?:\s+\w+){0,2}?\s+(?:back\s+)?(?:to|with)\s+"
    r"(?P<served>[^.;:!?()]{1,80})",
    re.IGNORECASE,
)
"""Results returned or shared with others ("return matches to the requesting member country"): a party served,
read only where its words name parties of other or any countries (:func:`may_be_abroad`), since the operator
shares results with its own departments too."""

_ANY_COUNTRY: Final = re.compile(
    r"\b(?:foreign|overseas|international|partner\w*|allied|allies|neighbou?r(?:s|ing)|five eyes|interpol|"
    r"counterparts?|member "
    r"(?:countries|country|states|nations)|other (?:countries|nations)|any country|requesting (?:country|countries|"
    r"state|states|nation|force|forces|agenc\w*)|extranjer\w*|internacional\w*|socios?|etrangers?|etrangeres?|"
    r"partenaires?|auslandisch\w*|internationale\w*|estrangeir\w*|parceir\w*)\b",
    re.IGNORECASE,
)
"""Words for parties of any country, which may be in the United States: "foreign police forces", "our Five Eyes
partner agencies", "all member countries' police" (Interpol's), "the requesting member country" (review R22)."""


def may_be_abroad(text: str) -> bool:
    """Whether ``text`` (the words after "for") names parties of other or any countries without saying which
    (see :data:`_ANY_COUNTRY`): the worst case is the United States."""
    return _ANY_COUNTRY.search(unicodedata.normalize("NFKC", text)) is not None


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

_PEOPLE_OF: Final = (
    r"(?:(?:the|los|las|les|die|os|as)\s+)?(?:users?|customers?|clients?|subscribers?|members?|staff|employees|"
    r"usuari[oa]s|clientes|suscriptores|miembros|utilisateurs|abonn[ée]s|membres|nutzer(?:innen)?|kunden|mitglieder|"
    r"usu[aá]ri[oa]s|assinantes|membros)\s+(?:of|de|del|du|des|d['’]|von|vom|der|da|do|dos|das)\s*"
)
"""The people of an organisation the work is for, before its name: "for users of Clearview", "for customers of the
Springfield PD", "para los clientes de Contoso", "pour les utilisateurs de Contoso", "para os usuários da
Contoso". Their organisation is served through them, as "for <Name>" serves it (review R18)."""

_GIVEN: Final = re.compile(
    rf"(?<![\w-]){_GIVEN_TO}\s+(?:{_PEOPLE_OF})?(?:{_THE})?(?P<served>[^\s.,;:!?()]+(?:\s+[^\s.,;:!?()]+){{0,5}})",
    re.IGNORECASE,
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
    android ios iphone iphones ipad ipads mac macos linux chrome safari firefox whatsapp
    """.split()  # noqa: SIM905 - a block of words keeps the list readable
)
"""Capitalised words after "for" (or "for users of") that name a language, a day, a product, a platform or a
standard, not a served party."""

_JOINERS: Final = frozenset(
    {"of", "de", "di", "du", "der", "des", "del", "da", "do", "van", "von", "y", "e", "et", "und", "and", "&"}
)
"""The words that join the words of a name ("Polizia di Stato", "Guardia Civil y ...")."""

_TITLE_CASE: Final = 0.6
"""The share of capitalised words above which a text is in title case, and a capital says nothing of a name."""


_DENIED_BEFORE: Final = re.compile(
    r"(?<![\w-])(?:never|not|nor|nunca|jamas|jamás|jamais|niemals|nicht|não|nao)(?:\s+(?:be|been|being|sold|used|"
    r"built|made|meant|intended|designed|provided|offered|licensed|available|to|or|se|ni|vende|usa|usada|usado|"
    r"vendido|vendida|vendu|utilisé|utilise|verkauft|genutzt))*\s*$",
    re.IGNORECASE,
)
_DENIAL_READ: Final = 40
"""How many characters before "for" or "sold to" a denial of them is read in: the denial and the verbs it
governs ("never sold to or used for"), not a noun between ("with no delay for")."""


_ALSO: Final = r"(?:too|also|as well|tambi[eé]n|aussi|[eé]galement|auch|ebenfalls|tamb[eé]m)"
_SUBMIT: Final = (
    # Verbs of sending work in, not of using the system: "the Leeds office also uses it" may be the operator's own.
    r"(?:submit|submits|send|sends|upload|uploads|forward|forwards|"
    r"(?:is|are) (?:piloting|trialling|trialing)|pilot|pilots|"
    r"env[ií]an?|envoient|envoie|soumet(?:tent)?|schick(?:t|en)|send(?:et|en)|[uü]bermittel(?:t|n)|enviam?)"
)
_ALSO_SUBMITTED: Final = re.compile(
    rf"(?<![\w-])(?:(?:can|may|will|could|often|sometimes|regularly)\s+)*(?P<also>{_ALSO}\s+)?"
    rf"(?:(?:can|may|will|could)\s+)?{_SUBMIT}(?![\w-])(?P<rest>(?:\s+[^\s.;:!?()]+){{0,4}}?\s+{_ALSO}(?![\w-]))?",
    re.IGNORECASE,
)
"""Someone else who sends the operator work too: "Syracuse detectives may submit photos too", "the Savannah
department sends photos too", "partner forces also submit images", "el departamento de Juárez también envía fotos"
(review R24). The word for "too" says the work is not the operator's alone."""

_ALSO_FROM: Final = re.compile(
    rf"(?<![\w-])(?:requests?|queries|enquiries|inquiries|photos|images|pictures|searches|cases)\s+{_ALSO}\s+"
    r"(?:arrive|arrives|come|comes|reach us|get sent)\s+(?:in\s+)?from\s+(?P<served>[^.;:!?()]{1,80})",
    re.IGNORECASE,
)
"""Work that also comes from someone else: "requests also arrive from the Bellingham department" (review R24)."""

_PEOPLE_WORD: Final = re.compile(
    r"^(?:officers|agents|officials|deputies|investigators|detectives|agentes|oficiales|inspectores|investigadores|"
    r"enqu[eê]teurs|inspecteurs|policiers|beamten?|polizisten|ermittlern?|policiais)$",
    re.IGNORECASE,
)
"""The people who act for an organisation: the operator's own as often as another's, so alone they name no one
else ("investigators submit stills too")."""

_CLAUSE_START: Final = re.compile(r"[.;:!?()]|,|\b(?:and|y|et|und|e)\s", re.IGNORECASE)
_SUBJECT_WORDS: Final = 8


def _also_submitted(read: str) -> Iterator[str]:
    """The subject of each clause that says it sends the work too (see :data:`_ALSO_SUBMITTED`), where it names an
    organisation (a capitalised name, an organisation's noun) that is not the operator's own."""
    for match in _ALSO_SUBMITTED.finditer(read):
        if not (match.group("also") or match.group("rest")):
            continue
        before = read[: match.start()]
        starts = [m.end() for m in _CLAUSE_START.finditer(before)]
        start = starts[-1] if starts else 0
        words = before[start:].split()[-_SUBJECT_WORDS:]
        if not words or _DENIED_BEFORE.search(before[max(0, match.start() - _DENIAL_READ) :]):
            continue
        if words[0].strip("'’").casefold() in _OWN and not may_be_abroad(" ".join(words[1:])):
            continue
        # A capital after a sentence's start is a name; one that starts the text or a sentence may be sentence case.
        sentence_start = start == 0 or before[:start].rstrip().endswith((".", "!", "?"))
        named = any(w[:1].isupper() for w in words[1 if sentence_start else 0 :])
        if named or _names_an_organisation(words):
            yield f"for {' '.join(words)}, who send work too"
    for match in _ALSO_FROM.finditer(read):
        words = match.group("served").split()[:_SUBJECT_WORDS]
        if any(w[:1].isupper() for w in words) or _names_an_organisation(words):
            yield f"for {' '.join(words)}, who send work too"


def _names_an_organisation(words: list[str]) -> bool:
    """Whether ``words`` hold an organisation's noun other than its people's, or name parties of any country."""
    nouns = [w for w in (w.strip("'’,") for w in words) if _ORGANISATION_WORD.match(w)]
    return any(not _PEOPLE_WORD.match(n) for n in nouns) or may_be_abroad(" ".join(words))


def served_parties_named(text: str, where: Callable[[str], bool] | None = None) -> tuple[str, ...]:
    """The organisations ``text`` says the integration is built for, as written ("for the Carabinieri"); with
    ``where``, only those whose words after "for" it holds of ("for the immigration authorities of the United
    States")."""
    read = unicodedata.normalize("NFKC", text)
    found: dict[str, None] = {}
    for given, name in _given_to(read, where):
        found[f"{given}{name}"] = None
    # Another party that sends work too serves itself through the operator, wherever it is: its country is not
    # declared, so ``where`` does not hold it back.
    for name in _also_submitted(read):
        found[name] = None
    return tuple(found)


def _given_to(read: str, where: Callable[[str], bool] | None = None) -> Iterator[tuple[str, str]]:
    """Each organisation ``read`` gives the work to, as the words that give it and its name."""
    title_case = _in_title_case(read)
    for match in (*_GIVEN.finditer(read), *_CLIENT.finditer(read)):
        if where is not None and not where(read[match.start("served") :][:_WHERE_READ]):
            continue
        if _DENIED_BEFORE.search(read[max(0, match.start() - _DENIAL_READ) : match.start()]):
            # "never sold to or used for police" gives the work to no one (review R15).
            continue
        served = match.group("served").split()
        first = served[0].strip("'’").casefold()
        if first in _OWN or first in _NOT_SERVED:
            # "for our officers" is the operator's own; "requests from our Five Eyes partners" and "for any foreign
            # police force" are other forces'.
            if not may_be_abroad(" ".join(served[1:])):
                continue
            served = served[1:]
        if served[0][:1].isupper() and not title_case:
            # A name runs on while its words are capitalised or join two that are ("Polizia di Stato").
            end = 1
            while end < len(served) and (served[end][:1].isupper() or served[end] in _JOINERS):
                end += 1
            while served[end - 1] in _JOINERS:
                end -= 1
        else:
            noun = next((i for i, w in enumerate(served[:_ORGANISATION_WITHIN]) if _ORGANISATION_WORD.match(w)), None)
            if noun is not None:
                end = noun + 1
            elif _unread_word(served[0]):
                # A word no read language has may name whoever it is for as well as an organisation's noun does:
                # "for the sbirri", "for the flikken", slang of other languages for the police (review R16).
                end = 1
            else:
                continue
        yield read[match.start() : match.start("served")], " ".join(served[:end])
    for match in _SHARED_WITH.finditer(read):
        words = match.group("served")
        if may_be_abroad(words) and not _DENIED_BEFORE.search(
            read[max(0, match.start() - _DENIAL_READ) : match.start()]
        ):
            yield read[match.start() : match.start("served")], " ".join(words.split()[:_ORGANISATION_WITHIN])


def _unread_word(word: str) -> bool:
    """Whether ``word``, written in lower case after "for the", is none of the five languages' words and no English
    made from one (see :func:`guards.languages.is_read`)."""
    folded = normalise(word).split()
    return len(folded) == 1 and folded[0].isalpha() and len(folded[0]) > _SHORTEST_UNREAD and not is_read(folded[0])


_SHORTEST_UNREAD: Final = 3
"""The longest lower-case word after "for the" that is not read as a party for being no word of the five: shorter
ones are abbreviations and codes ("for the ui", "for the qa")."""


def _in_title_case(text: str) -> bool:
    """Whether ``text`` capitalises most words but the first of each sentence ("Face Matching For The Lobby")."""
    words = [w for sentence in re.split(r"[.!?;:]\s+", text) for w in re.findall(r"[^\W\d_][\w'’-]*", sentence)[1:]]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) > _TITLE_CASE * len(words)


_FORCE_WORD: Final = (
    r"(?:police|polic[eií]a|pol[ií]cia|polizei|cops|constabulary|sheriff(?:['’]s)?|law enforcement|troopers|"
    r"marshals|gendarmerie|carabinieri|p\.?d\.?)"
)
"""The words that name a police force beside the words that say which one ("Kent Police", "the police of
Ohio"), in the five languages (matched without regard to case)."""

_NAME_WORD: Final = r"(?:[A-Z][\w'’.-]*|[A-Z]{2,})"
_NAMED_BEFORE: Final = re.compile(
    rf"(?<![\w-])(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|de|del|du|da|di)){{0,3}})\s+"
    rf"(?:Transit\s+|Transport\s+|City\s+|County\s+|State\s+)?(?i:{_FORCE_WORD})(?![\w-])"
)
_NAMED_AFTER: Final = re.compile(
    rf"(?<![\w-])(?i:{_FORCE_WORD})\s+(?i:of|in|from|on|for|de|da|do|du|del|des|der|in|aus|von|im|em|en|na|no)"
    rf"\s+(?:(?i:the|la|le|l['’]|el|los|las|die|der|den|dem|a|o|os|as)\s*)?"
    rf"(?P<name>{_NAME_WORD}(?:[\s-]+{_NAME_WORD}){{0,3}})"
)
_ABBREVIATED: Final = re.compile(r"(?<![\w-])@?(?P<name>[A-Z]{2,}(?:\s)?PD)(?:[a-z]*)(?![\w-])")
"""A force named by its letters and "PD" ("NYCPD", "@NYPDnews", "the NY PD")."""

_NOT_A_NAME: Final = frozenset(
    """
    the a an our their its his her your my this that these those local city county state federal national
    military secret border traffic transit transport railway tribal municipal regional metropolitan
    any every each other some all no foreign overseas partner partners and or but also later then
    el la los las le les der die das den dem o os as un une ein eine uma um
    nuestra nuestro su sus notre nos leur leurs unsere unser ihre nossa nosso sua
    """.split()  # noqa: SIM905 - a block of words keeps the list readable
)
"""Words before "police" that say what kind of force, or whose, rather than which ("the local police",
"Transport Police" beside its name): on their own they name none."""


def police_forces_named(text: str) -> dict[str, str]:
    """The police forces ``text`` names, each as written under which force it is: "Kent Police", "Kent Constabulary"
    and "the police of Kent" are one force ("kent"); "the police" and "our local police" name none, since they may
    be the declared party. A name is the capitalised words before the force's word, or after "police of" and the
    like, or a force's letters ending in "PD"; what places a force named before it ("the Hellenic Police in Athens")
    is the same force."""
    read = unicodedata.normalize("NFKC", text)
    found: dict[str, str] = {}
    # "The Hellenic Police in Athens" is one force: what follows a force already named places it.
    named_before = [match.end() for match in _NAMED_BEFORE.finditer(read)]
    for pattern in (_NAMED_BEFORE, _NAMED_AFTER, _ABBREVIATED):
        for match in pattern.finditer(read):
            if pattern is _NAMED_AFTER and any(match.start() < end <= match.start("name") for end in named_before):
                continue
            words = [w.strip("'’.-") for w in match.group("name").split()]
            while words and words[0].casefold() in _NOT_A_NAME:
                words = words[1:]
            while words and words[-1].casefold() in _NOT_A_NAME | _JOINERS:
                words = words[:-1]
            if not words or (len(words) == 1 and words[0].casefold() in _NOT_SERVED):
                continue
            key = "".join(words).casefold()
            found.setdefault(key.removesuffix("pd") or key, match.group().strip(" .,;:"))
    return found


_ABROAD: Final = frozenset(
    """
    royal crown majesty's majestys canadian canada british britain uk u.k english scotland scottish wales welsh
    irish ireland ulster garda hellenic greek greece french france german germany bavaria bavarian bayern spanish
    spain portuguese portugal italian italy dutch netherlands belgian belgium swiss austrian australian australia
    zealand mexican brazilian brazil argentine argentina chilean japanese japan korean korea european europe nordic
    swedish norwegian danish finnish polish philippine landeskriminalamt bundespolizei bundeskriminalamt
    gendarmerie carabinieri guardia nacional nationale
    """.split()  # noqa: SIM905 - a block of words keeps the list readable
)
"""Words in a force's name that put it outside the United States ("the Royal Canadian Mounted Police", "the
police in the U.K."): such a force is no US customer left out, so it is not counted against the parties
declared. Not "England", "Mexico" or "Indian", which US names hold too (New England, New Mexico, the Bureau of
Indian Affairs police)."""


def organisations_named(text: str) -> dict[str, str]:
    """The police forces (see :func:`police_forces_named`) and the other organisations (see
    :func:`served_parties_named`) ``text`` names, each once, keyed by which it is and with its words as written:
    "for Kent Police; also for the CHP" names two. Those whose names put them abroad (see ``_ABROAD``) are left
    out."""
    read = unicodedata.normalize("NFKC", text)
    found = police_forces_named(read)
    for given, name in _given_to(read):
        forces = police_forces_named(name)
        # A common noun ("for the police", "for tribal officers") names no organisation of its own.
        if not forces and name[:1].isupper():
            found.setdefault("".join(name.split()).casefold(), f"{given}{name}")
        for key, shown in forces.items():
            found.setdefault(key, shown)
    return {key: shown for key, shown in found.items() if _ABROAD.isdisjoint(_words_folded(shown))}


def _words_folded(text: str) -> set[str]:
    return {w.strip("'’.,").casefold() for w in text.split()}
