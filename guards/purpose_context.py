"""Signs of law enforcement that the tripwire reads only where the declared facts already describe its use.

The purpose tripwire reads a police customer from words that name one (the NYPD, a sheriff, la policía). Other
words say law enforcement only in context: "suspects", "mugshots" and "outstanding warrants" beside facial
recognition, and "officers on patrol", "agents" or "traffic stops" beside live recognition on mobile cameras in
the wild, which is clause 2's own example ("police officers on patrol using body-worn or dash-mounted cameras
... to identify individuals present in a database of suspects or prior inmates"). Read everywhere, they would
deny a hotel's "guest relations agents" or a shop's "suspected shoplifters"; read only where the declaration
says facial recognition (and, for the wider list, live on mobile cameras in the wild) with no law-enforcement
party, they catch the declaration whose sector alone is misstated.
"""

from __future__ import annotations

import re
from typing import Final

from .languages import is_read
from .purpose_text import US_PLACE, disclaimers_blanked
from .purpose_words import US_AGENCY_ADDRESSES


def _words(*words: str) -> re.Pattern[str]:
    return re.compile(r"(?<= )(?:" + "|".join(words) + r")(?= )")


_A_FORCE: Final = r"(?:police|polizei|policia|sheriff\w*|law enforcement|pd|cops?)"

BESIDE_RECOGNITION: Final = _words(
    # The police worked with, or whose cases the pictures are of: a party, not a topic, beside recognition
    # ("cooperating with the Phoenix police", "regarding open cases of the Dallas police", "sobre casos de la
    # policía de Miami"; review R15).
    rf"(?:work\w*|cooperat\w*|collaborat\w*|partner\w*|liais\w*|zusammen\w*|colabor\w*|coopera\w*) "
    rf"(?:with|con|avec|mit|com) (?:\w+ ){{0,3}}?{_A_FORCE}",
    # Euphemisms for officers: "the men and women who wear the badge", "first responders who make arrests",
    # "crime fighters" (review R15).
    r"(?:who |that )(?:wear|wears|wore) the badge(?! (?:issued|given|provided|printed|they|we|at))",
    r"(?:make|makes|making|made) (?:the |an |any |all )?arrests?",
    # What only the police handle and answer, and their badges, beside recognition (review R18): handcuffs in the
    # five languages ("esposas" only as the verb: the noun is also wives), "911 calls", "people with badges",
    # "badge-carrying", and the customers of Clearview, which sells recognition to the police.
    *(r"handcuff\w*", r"espos(?:ar\w*|ad[oa]s?|an|en|aron)", r"menott\w*", r"handschellen?", r"algem\w*"),
    r"(?:911|999) (?:calls?|callers?|dispatch\w*|operators?|cent(?:er|re)s?|responders?)",
    r"(?:people|men|women|folks|those|ones|guys) (?:with|carrying|who carry) (?:a |the |their )?badges?",
    r"badge (?:carrying|wielding|toting)",
    r"clearview(?: ai)?(?: s)? (?:customers?|clients?|users?|subscribers?)",
    r"(?:customers?|clients?|users?|subscribers?) of clearview",
    # The products sold to the police, whose customers a vendor serves through them (review R22): digital evidence
    # management, computer-aided dispatch, a police records management system.
    r"(?:digital )?evidence (?:management|platforms?|systems?|software|suites?|lockers?)",
    r"computer aided dispatch",
    r"(?:cad|rms|dems) (?:systems?|suites?|platforms?|software|vendors?|customers?)",
    # Those whose work is to arrest, the police by what they do: "the people who arrest burglars in Tucson", "the
    # ones that detain shoplifters" (review R16). Not what a shop's staff do ("who stop shoplifters").
    r"(?:who|that|which|whose job is to|quienes|qui|die|que) (?:\w+ )?(?:arrest|arrests|arrested|apprehend|apprehends|"
    r"detain|detains|handcuff|handcuffs|lock up|locks up|book suspects|books suspects|detienen|arretent|verhaften|"
    r"festnehmen|prendem|detem)(?= )",
    # A place's "finest", standing alone, is its police: "for Tucson's finest", "New York's finest" (review R16);
    # not its finest restaurants.
    r"\w+ s finest(?= (?:in|at|on|who|and|to|with|from|of|for|when|while|as|via|by|is|are|was|were|use|uses|get|"
    r"gets|receive|receives|can|will|see|sees)| $)",
    # British slang for the police (review R16).
    *(r"bobbies", r"rozzers?", r"(?:the )?old bill", r"(?:the )?plod", r"coppers"),
    # Slang for the police in the five languages the lists lacked (review R26): "five-oh in Tulsa", "die Bullen in
    # Ohio", "the men in blue", "narcs", "G-men", "perps"; not "les flics", also a topic ("un article sur les flics").
    *(r"(?:the )?five oh", r"(?:the )?(?:men|boys|guys) in blue", r"narcs?", r"g men", r"perps?"),
    *(r"bullen", r"bullerei", r"polente", r"(?:die )?schmiere"),
    # The rangers of a federal service, who enforce its parks' and forests' laws as the wardens of their game do
    # (review R26): "National Park Service rangers"; not the park rangers who photograph birds.
    r"(?:park service|forest service|law enforcement) rangers?",
    # The police by what they do, and the other languages' generic names for them, beside recognition (review
    # R21): "those who investigate crimes in Chicago", "the state's criminal investigations division", "the agency
    # that enforces immigration law", "the warrant service team", "court bailiffs", "sworn campus safety officers",
    # "fuerzas del orden", "corporaciones policiacas", "forças da lei", "segurança pública", "la maréchaussée".
    r"(?:who|that|which|whose job is to) (?:\w+ )?investigat\w* (?:\w+ )?(?:crimes?|offen[cs]es|homicides?|"
    r"robber\w*|burglar\w*|fraud\w*)",
    r"(?:criminal |crime )?investigat(?:ions?|ive) (?:division|unit|bureau|office|section|department|squad)s?",
    r"investigat\w* (?:\w+ )?(?:for|of) (?:crimes?|offen[cs]es|felon\w*)",
    r"office of (?:\w+ )?investigations?",
    r"enforc\w* (?:\w+ ){0,2}?(?:laws?|ordinances?|immigration)",
    r"warrant (?:service|squads?|teams?|units?|officers?)",
    r"crime suppression",
    r"inspector general s?(?: \w+)? (?:agents?|investigators?)",
    r"enforcement (?:units?|divisions?|teams?|agents?|officers?|bureaus?|sections?|squads?)",
    r"bailiffs?",
    r"sworn (?:\w+ ){1,3}(?:officers?|deputies|personnel|agents?|investigators?)",
    r"county mounties",
    *(r"fuerzas? (?:del orden|publicas?|de seguridad)", r"corporacion(?:es)? policiac\w*", r"policiac[oa]s?"),
    *(r"forcas? (?:da lei|de seguranca|policia\w*)", r"orgaos? de seguranca(?: publica)?", r"seguranca publica"),
    *(r"guardas? municipa\w*", r"os canas", r"services? d enquetes?", r"marechaussee", r"services? de l immigration"),
    # Law enforcement's abbreviation before its customers, and the analysts of its crimes.
    r"le (?:customers?|agenc(?:y|ies)|partners?|users?|clients)",
    r"crime analysts?",
    r"crime ?fighters?",
    r"(?:the )?thin blue line",
    rf"(?:cases?|investigations?|files?|casos?|falle|affaires?|enquetes?|dossiers?|ermittlungen|inquerito\w*) "
    rf"(?:\w+ ){{0,4}}?(?:of|by|from|de|da|do|der|des|von|du|della|dela) (?:\w+ ){{0,3}}?{_A_FORCE}",
    # English.
    r"mug ?shots?",
    # A hotel's or a flight's booking photo is a guest's; any other booking photo is an arrest's.
    r"(?<!hotel )(?<!room )(?<!flight )(?<!travel )(?<!guest )booking (?:photos?|pictures?|images?|stills?)",
    r"(?:prior |former )?inmates?",
    r"prisoners?",
    r"detainees?",
    r"arrestees?",
    # The noun, not the verb ("if the situation warrants"): a warrant someone has, or is searched against.
    r"(?:outstanding|open|active|arrest|bench|search) warrants?",
    r"warrants? (?:database|list|checks?|search(?:es)?|records?)",
    r"(?:a |the )?database of suspects",
    r"suspects? (?:database|list|gallery)",
    r"wanted (?:persons?|people|suspects?|fugitives?|list)",
    r"most wanted",
    r"fugitives?",
    r"criminal records?",
    r"rap sheets?",
    r"parolees?",
    r"probationers?",
    r"sex offender regist(?:er|ry)",
    r"gang (?:database|list)",
    "ncic",
    # Law enforcement's people and powers, said of the operator's own ("our deputies", "a state-certified agency
    # with arrest powers", "which includes sworn investigators", "our officers at the port of entry").
    r"(?:our|the|its|county|county s|sheriff s) deputies",
    r"(?:state )?troopers?",
    r"constables?",
    r"sworn (?:officers?|investigators?|deputies|personnel|members|staff|agents?|peace officers?)",
    r"peace officers?",
    r"(?:arrest|police) powers?",
    r"powers? (?:of|to) arrest",
    r"(?:state )?certified (?:law enforcement )?(?:agency|officers?|police)",
    r"law enforcement (?:agency|officers?|powers?|authority)",
    r"(?:officers?|agents?|inspectors?) at (?:the |a |our |each )?(?:\w+ )?(?:ports? of entry|border\w*)",
    r"ports? of entry",
    # The police's own people and their slang, as the ones who use it (review R11): "our users are detectives in
    # Houston", "officers in Denver receive the hits", "for the bluecoats in Dallas", "pour la flicaille".
    # Not a genre's: "a detective novel", "cop characters".
    r"(?<!novelas de )(?<!novela de )(?<!series de )(?<!serie de )(?<!peliculas de )(?<!juegos de )"
    r"(?:detectives?|investigators?|cops?)(?! (?:fiction|novels?|stor(?:y|ies)|shows?|series|games?|board games?|"
    r"films?|movies?|books?|characters?|dramas?|genre|tv|podcasts?))",
    r"(?<!security )(?<!compliance )(?<!privacy )(?<!protection )(?<!chief )(?<!executive )(?<!loan )(?<!medical )"
    r"(?<!health )(?<!safety )(?<!fire )(?<!welfare )(?<!admissions )(?<!desk )(?<!reception )(?<!information )"
    r"(?<!technical )(?<!financial )(?<!finance )(?<!marketing )(?<!operating )(?<!customer )(?<!service )(?<!hr )"
    r"(?<!data )(?<!ship s )(?<!flight )(?<!cabin )(?<!army )(?<!naval )(?<!military )(?<!commanding )"
    r"(?<!program )(?<!project )(?<!duty )(?<!press )(?<!liaison )officers?",
    r"deputies",
    r"sheriffs?",
    r"marshals?",
    r"squad rooms?",
    r"precincts?",
    r"bluecoats?",
    r"thin blue line",
    r"black and whites?",
    r"smokeys?",
    r"(?:the )?pigs",
    r"(?:the )?5 0",
    r"(?:the )?five o",
    r"1 pp",
    r"polis",
    # Spanish, French, German and Portuguese.
    # Law enforcement said by what it does (review R11): "for those who enforce the law in Dallas", "the ones who
    # serve warrants", "the people who hand out speeding tickets", "quienes hacen cumplir la ley".
    r"enforc\w* (?:the |our |its )?laws?",
    r"law enforcers?",
    r"enforcers? of the law",
    r"(?:serve|serves|serving|served) (?:\w+ )?warrants?",
    r"speeding tickets?",
    r"investigat\w* (?:\w+ )?(?:homicides?|murders?|robber\w*|burglar\w*|shootings?)",
    r"miranda (?:rights|warnings?)",
    r"(?:hacen|hace|hacer|haciendo) cumplir la ley",
    r"(?:font|fait|faire|faisant) respecter la loi",
    r"(?:faz|fazem|fazer|fazendo) cumprir a lei",
    r"recht und ordnung",
    # Spanish, French, German and Portuguese (their words for the police themselves are read everywhere).
    *(r"investigadores?", r"uniformados", r"maderos", r"pasma", r"chota", r"tiras", r"placa"),
    *(r"enqueteurs?", r"inspecteurs?", r"flicaille", r"keufs?", r"poulets", r"condes"),
    *(r"ermittler\w*", r"kommissar\w*"),
    *(r"detetives?", r"delegados?", r"bofias?", r"gambes", r"samangos", r"homens da lei", r"meganhas?"),
    r"detained (?:persons?|people|individuals?|suspects?|m[ae]n|wom[ae]n|drivers?)",
    # People in custody said without a police word (review R26): "people taken into custody in Tulsa", "held by
    # the client pending charges", "the custodian agency's files".
    r"taken into custody",
    r"(?:held|holds|holding|detained|jailed|locked up)(?: \w+){0,6}? pending (?:charges?|trial|arraignment|bail)",
    r"custodian (?:agenc\w*|authorit\w*)",
    # The people arrested, whoever the text says arrested them, however it spells them (review R26): "people
    # arrested by the Tulsa pollice", "by the shreiff", "les personnes arrêtées", "Festgenommene".
    r"(?:people|persons?|individuals?|those|suspects?|m[ae]n|wom[ae]n|drivers?|anyone|everyone) (?:\w+ )?arrested",
    r"arrested (?:people|persons?|individuals?|suspects?|m[ae]n|wom[ae]n)",
    *(r"personnes? (?:\w+ )?arretee?s?", r"personas? (?:\w+ )?(?:arrestad|detenid)[ao]s?"),
    *(r"pessoas? (?:\w+ )?(?:pres|detid)[ao]s?", r"festgenommen\w*"),
    r"(?:county s|jail|prior|custody|detention|booking) (?:\w+ )?intake (?:photos?|pictures?|images?)",
    # The operator's own police work, said without a police word (review R27): "the people we take into custody",
    # "the drivers we pull over", "motorists we ticket", "people we book into jail", "those who were apprehended",
    # "held on suspicion", "persons on warrants", "brought in for processing", "personas que detenemos", "personnes
    # que nous arrêtons", "pessoas que prendemos".
    r"(?:take|takes|taking|took) (?:\w+ ){0,2}?into custody",
    r"(?:we|they|officers|deputies) (?:\w+ )?(?:arrest|detain|apprehend|book|cite|ticket|charge|jail|"
    r"pull over|pulled over|stop and frisk|interrogate|fingerprint)\w*",
    r"(?:pull|pulls|pulled|pulling) (?:\w+ )?over (?:for|on|after)",
    r"(?:drivers?|motorists?) (?:\w+ ){0,2}?(?:pulled over|ticketed|cited|stopped by)",
    r"apprehended",
    r"apprehensions?",
    r"(?:held|detained|arrested|booked|jailed) on suspicion",
    r"on suspicion of",
    r"(?:persons?|people|those|individuals?|anyone|suspects?) (?:\w+ )?(?:on|with) (?:a |an )?(?:\w+ )?warrants?",
    r"brought in for (?:processing|booking|questioning|interrogation|fingerprinting)",
    r"book\w* (?:\w+ )?into (?:jail|custody|the jail|county)",
    r"felon(?:y|ies|s)?",
    r"misdemeanou?rs?",
    r"(?:penal|criminal) code",
    r"que (?:\w+ )?(?:detenemos|arrestamos|detienen|arrestan|fichamos)",
    r"que (?:nous |ils )?(?:\w+ )?(?:arretons|arretent|interpellons|interpellent)",
    r"que (?:\w+ )?(?:prendemos|prendem|detemos|detem)",
    # The police by their systems and their papers (review R27): an ORI number, crimes reported to NIBRS or the
    # UCR's Part I, the CJIS security policy, use-of-force reports, internal affairs, traffic citations, staff who
    # carry sidearms, a sworn agency.
    r"ori (?:numbers?|codes?|ids?)",
    r"nibrs",
    r"cjis",
    r"ucr",
    r"part (?:i|1|one) (?:crimes?|offen[cs]es)",
    r"use of force",
    r"internal affairs",
    r"traffic (?:citations?|tickets?|violations?|enforcement)",
    r"(?:issue|issues|issued|issuing|write|writes|writing) (?:\w+ )?citations?",
    r"sidearms?",
    r"sworn (?:agenc\w*|force|department|personnel)",
    # Jails by name, and the slang the lists lacked (review R27): "the agency that runs Rikers Island", "la migra",
    # "los federales", "la poli"; English slang only as a customer ("for the heat in Texas"), since "the heat" and
    # "the badge" are ordinary words.
    *(r"rikers(?: island)?", r"san quentin", r"sing sing", r"attica", r"leavenworth", r"folsom prison"),
    *(r"la migra", r"(?:los )?federales", r"la poli", r"la pasma", r"los gansos", r"os gansos"),
    r"(?:for|to|by|with) the (?:heat|bacon|badge|law|man|feds)(?= (?:in|at|of|on|and|who|which|that|across)(?= ))",
    # Law enforcement the lists lacked, beside recognition (review R28): tribal police and rangers, inspectors
    # general, airport public safety and the no-fly list, a vice unit, a watch commander; the police as a vendor's
    # market ("our public-safety vertical", "justice and public safety customers"); whoever holds the warrant;
    # deportation cases (US officers abroad and the agencies' addresses are in ``US_LAW_ENFORCEMENT``).
    r"tribal (?:police|rangers?|officers?|law enforcement|patrol\w*|marshals?|game wardens?|sheriffs?)",
    *(r"inspectors? general", r"office of (?:the )?inspectors? general", r"oig"),
    r"airport (?:public safety|police)",
    r"no ?fly (?:lists?|photos?|watch ?lists?|databases?)",
    r"vice (?:units?|squads?|details?|divisions?|officers?|cops?|detectives?)",
    r"watch commanders?",
    r"public safety (?:verticals?|customers?|clients?|agencies|markets?|segments?)",
    # A US place's public safety, its police under the name of the department that runs them (review R27: a tag
    # `client: Dallas Public Safety`).
    rf"(?:{US_PLACE}) public safety",
    r"justice and public safety",
    r"(?:holds?|holding|held) (?:the |a |an )?(?:\w+ )?warrants?",
    *(r"deportations?", r"removal operations", r"removal (?:cases?|proceedings?)"),
    # ICE's own: its Enforcement and Removal Operations by their initials, and its contracts by their numbers, which
    # its procurement office begins with 70CM (review R28 j03: tags `contract: 70CMSD25C00000042`, `program: ERO`).
    *("ero", r"70cm[a-z]{2}\d{2}[a-z]\d+"),
    # The systems and agreements only US police run on (review R30: an agency declared as public sector, "on Mark43
    # RMS", "in our 287(g) programme", "CODIS hits", "the sally port"; CALEA, Byrne JAG grants and the Miranda
    # warning name a US force anywhere, so they are in ``US_LAW_ENFORCEMENT``).
    *(r"new world (?:cad|rms)", "mark43", r"n ?dex", "coplink"),
    *(r"commandcentral", "flock safety", r"flock (?:cameras?|alpr|lpr)", "lexipol", r"287 ?g", "compstat", "codis"),
    *(r"sally ports?", r"booking desks?", r"cad ?rms"),
    # The agencies' addresses name them to a commercial operator as much as to a force.
    *US_AGENCY_ADDRESSES,
    # Spanish.
    r"fichas? policiales?",
    r"reclusos?",
    r"detenidos?",
    r"ordene?s? de (?:busca y captura|detencion|arresto)",
    r"antecedentes penales",
    r"profugos?",
    # French.
    r"detenus?",
    r"mandats? d arret",
    r"casier judiciaire",
    r"fichier des personnes recherchees",
    r"personnes recherchees",
    # German.
    r"haftlinge?n?",
    r"haftbefehle?n?",
    r"vorstrafen",
    r"gesuchte personen",
    r"fahndungs(?:liste|foto|fotos|datenbank)",
    # Portuguese.
    r"detentos?",
    r"mandados? de prisao",
    r"ficha criminal",
    r"foragidos?",
)
"""Who and what law enforcement looks for with faces: read beside declared facial recognition with no
law-enforcement party."""

BESIDE_PATROL: Final = _words(
    # English.
    r"(?:patrol |police |duty |field |sworn )?officers?",
    r"deputies",
    r"deputy",
    r"troopers?",
    r"(?:federal |field |border |immigration )?agents?",
    r"on (?:the )?(?:beat|patrol)",
    r"patrols?",
    r"patrolling",
    r"suspects?",
    r"(?:traffic |vehicle |pedestrian )stops?",
    r"arrests?",
    r"raids?",
    r"deport(?:able|ation|ations|ees?)",
    r"undocumented (?:immigrants?|migrants?|people)",
    r"squad cars?",
    r"cruisers?",
    # Spanish.
    r"agentes?",
    r"patrull(?:a|as|aje|ando)",
    r"sospechosos?",
    r"detenciones",
    r"redadas?",
    # French.
    r"patrouilles?",
    r"en patrouille",
    r"suspects?",
    r"interpellations?",
    # German.
    r"beamte[nr]?",
    r"streifen?",
    r"auf streife",
    r"verdachtige[nr]?",
    r"festnahmen?",
    r"razzien",
    # Portuguese.
    r"patrulhas?",
    r"em patrulha",
    r"suspeitos?",
    r"prisoes",
    r"batidas?",
)
"""The people and work of law enforcement on the street: read only beside declared live recognition on mobile
cameras in uncontrolled environments (clause 2's pattern) with no law-enforcement party."""


PRIVATE_SECURITY: Final = _words(
    r"(?:store |private |site |event |campus |hotel |casino |mall )?security "
    r"(?:guards?|officers?|staff|teams?|patrols?)",
    r"(?:stewards?|bouncers?|door staff|loss prevention)",
    r"(?:vigilantes?|seguridad privada|securite privee|agents? de securite|sicherheitsdienst\w*|seguranca privada)",
)
"""Who patrols without being law enforcement: a shop's or a venue's own security, whose officers and patrols are
theirs (the terms allow them clause 2's use)."""


FORCES_MISSPELT: Final = (
    *("police", "policeman", "policemen", "policia", "policias", "policial", "policiais", "policier", "policiers"),
    *("polizei", "polizist", "polizisten", "sheriff", "sheriffs", "constable", "constables", "trooper", "troopers"),
    *("sherif", "gendarme", "gendarmes", "gendarmerie", "carabinieri"),
)
"""The words for the police that a misspelling still names ("pollice", "shreiff", "polzei"): a word one edit
from one of them (a letter added, left out, changed, or two swapped) that is no word of the five languages is read
as it (review R26); "policy", "polite" and "shelf" are words, and so stay themselves."""


def one_edit(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` with one letter added, left out or changed, or two neighbours swapped."""
    if word == target or abs(len(word) - len(target)) > 1:
        return False
    start = 0
    while start < min(len(word), len(target)) and word[start] == target[start]:
        start += 1
    word_rest, target_rest = word[start:], target[start:]
    return (
        word_rest[1:] == target_rest[1:]
        or word_rest[1:] == target_rest
        or word_rest == target_rest[1:]
        or (len(word_rest) > 1 and word_rest[1] + word_rest[0] + word_rest[2:] == target_rest)
    )


def _misspelt_forces(read: str) -> tuple[str, ...]:
    """The words of ``read`` (folded) that are a misspelling of a word for the police (see :data:`FORCES_MISSPELT`)."""
    return tuple(
        word
        for word in dict.fromkeys(read.split())
        if len(word) >= 5 and not is_read(word) and any(one_edit(word, force) for force in FORCES_MISSPELT)
    )


def law_enforcement_context(text: str, *, patrol: bool) -> tuple[str, ...]:
    """The words in ``text`` that say law enforcement beside facial recognition (and, with ``patrol``, beside
    live recognition on mobile cameras in the wild, unless the text names private security as the ones on
    patrol), folded as the tripwire reads text."""
    # Sheriff Street, the town of Police, "never sold to the police.": no word of the police, as the police reading
    # blanks them.
    read = disclaimers_blanked(text)
    on_patrol = patrol and PRIVATE_SECURITY.search(read) is None
    patterns = (BESIDE_RECOGNITION, BESIDE_PATROL) if on_patrol else (BESIDE_RECOGNITION,)
    found = {m.group().strip(): None for pattern in patterns for m in pattern.finditer(read)}
    found.update(dict.fromkeys(_misspelt_forces(read)))
    return tuple(found)
