"""What a consumer project's stack may hand a component beside its ``useCase``, read before the program runs.

Another project's program reads its declaration from its config and hands it to a component, which decides it
when the program runs. The program may read it from any key, build it from pieces, or choose Azure Government in
code; the checker (and the pack, from the config the engine sends) cannot run the program, so it reads what the
config and the program's text say, failing closed where they may say more:

* a use case written anywhere else in the config: under a key that names one (``teamconfig:projects[0].useCase``),
  any mapping shaped like one whatever its key (``visitor-desk:aiUseCase``), and the same written as JSON or YAML
  text (:func:`nested_use_cases`), so a harmless ``useCase`` is no decoy;
* the pieces of one written outside any (a ``{sector, country}`` party, a list of capabilities, capture facts:
  :func:`declaration_pieces`), which the checker puts in at their worst;
* Azure Government, and raw accounts, named in the program's source files (:func:`program_names`).

What the program computes beyond its config and its text, the component decides when it runs.
"""

from __future__ import annotations

import base64
import binascii
import bz2
import codecs
import lzma
import os
import re
import urllib.parse
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from azure_openai_guarded.components.declaration import is_encrypted

from .declaration import DeclarationError, Key, Loc, Problem, decode_json
from .models import Capability, Sector
from .projectfile import shown
from .stackfile import StackFileError, parse_yaml

_USE_CASE_NAMED: Final = re.compile(r"use[_-]?case", re.IGNORECASE)
"""A key that names a use case in any spelling (``useCase``, ``use_case``, ``UseCase``)."""

_USE_CASE_FACTS: Final = frozenset(
    {"purpose", "operator", "capabilities", "servedparties", "facialrecognition", "humanreview"}
)
"""The fields that say what a use case does and for whom, folded (``served_parties`` is ``servedparties``)."""

_FIELD_WRITTEN: Final = re.compile(
    r"\b(purpose|operator|capabilities|served_?parties|facial_?recognition|human_?review)[\"']?\s*:", re.IGNORECASE
)
"""A use case's own field written as a key in text (``operator:``), as YAML or JSON text writes it."""


def shaped_like_a_use_case(value: Mapping[Any, Any]) -> bool:
    """Whether ``value`` has two or more of a use case's own fields, in either spelling: a declaration, whatever
    the key it is written under; a team's ``{name, owner}`` is not one."""
    folded = {str(key).replace("_", "").replace("-", "").casefold() for key in value}
    return len(folded & _USE_CASE_FACTS) >= 2


def names_a_use_case(key: str) -> bool:
    """Whether ``key`` names a use case, in any spelling (``useCase``, ``use_case``): its value is one."""
    return _USE_CASE_NAMED.fullmatch(key) is not None


def writes_a_use_case(text: str) -> bool:
    """Whether ``text`` writes two or more of a use case's own fields as keys, as YAML or JSON text does: a
    declaration a program may read from it, read as one (see :func:`nested_use_cases`)."""
    return len({m.casefold().replace("_", "") for m in _FIELD_WRITTEN.findall(text)}) >= 2


def nested_use_cases(
    config: Mapping[str, Any], namespaces: Iterable[str], skipped: Iterable[str] = ()
) -> Iterator[tuple[str, Loc, Any]]:
    """Each use case written elsewhere than ``<namespace>:useCase`` in ``namespaces`` (every key but ``skipped``,
    the namespace's own declaring keys), as ``(namespace, where, declaration)``: under a key that names one inside
    another key's value, or any mapping shaped like one, whatever its key (see :func:`shaped_like_a_use_case`). A
    value that is JSON text (as the engine hands a structured value to the pack) is read as JSON, and text that
    writes a use case's fields as keys is read as YAML, by the stack file's strict reader; text that is not JSON is
    no declaration unless it names one (``useCase``), and then the strict reader's error stands. Raises
    :class:`DeclarationError` with the problems of one that cannot be read, each in its namespace."""
    wanted = set(namespaces)
    left_out = set(skipped)
    for key, value in config.items():
        namespace, _, name = key.partition(":")
        if namespace in wanted and name not in left_out:
            try:
                nested = list(_nested(value, (Key(name),)))
            except DeclarationError as error:
                raise DeclarationError([p.in_namespace(namespace) for p in error.problems]) from None
            yield from ((namespace, where, found) for where, found in nested)


_BASE64: Final = re.compile(r"[A-Za-z0-9+/_-]{16,}={0,2}")
"""Text that may be base64, which a program may decode into its declaration (``base64.b64decode(cfg.get(...))``)."""
_HEX: Final = re.compile(r"(?:[0-9a-fA-F]{2}){8,}")
"""Text that may be hexadecimal bytes (``bytes.fromhex``)."""
_BASE32: Final = re.compile(r"(?:[A-Z2-7]{8}){2,}[A-Z2-7]*={0,6}")
"""Text that may be base32 (``base64.b32decode``): upper-case letters and the digits 2 to 7."""
_BASE85: Final = re.compile(r"<~[!-u\s]{16,}~>|[0-9A-Za-z!#$%&()*+\-;<=>?@^_`{|}~]{20,}")
"""Text that may be base85 or Ascii85 (``base64.b85decode``, ``a85decode``)."""
_PERCENT: Final = re.compile(r"%[0-9A-Fa-f]{2}.*%[0-9A-Fa-f]{2}")
"""Text with percent-encoded characters (``urllib.parse.unquote``)."""
_DECLARING_KEY: Final = re.compile(r"useCase|use_case|capabilities|operator|servedParties|facialRecognition")
"""A key of a declaration, which rot13 hides and shows again."""
_LAYERS: Final = 4
"""How many encodings deep a value is decoded (base64 of base64, base64 of gzip): a program may nest them."""


def _decoded(value: Any) -> Any:
    """``value``, or the UTF-8 text it encodes, up to ``_LAYERS`` deep: base64 (either alphabet, padded or not),
    base32, base85, hexadecimal, and gzip, zlib, bzip2 or xz under any of them; percent-encoded, reversed or rot13
    text: a program may decode its declaration from any of them as much as it may read the value itself (reviews
    R10 and R14). No list of encodings is complete; these are the standard libraries' own."""
    for _ in range(_LAYERS):
        if not isinstance(value, str) or (text := _one_layer(value.strip())) is None:
            return value
        value = text
    return value


def _one_layer(text: str) -> str | None:
    """The UTF-8 text ``text`` encodes once, or None when it encodes none."""
    if (plain := _as_text(text)) is not None:
        return plain
    raw = _raw_bytes(text)
    if raw is None:
        return None
    for magic, decompress in _COMPRESSED:
        if raw.startswith(magic):
            try:
                raw = decompress(raw)
            except (zlib.error, OSError, EOFError, ValueError):
                return None
            break
    try:
        read = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return read if all(c.isprintable() or c in "\n\r\t" for c in read) else None


def _as_text(text: str) -> str | None:
    """What ``text`` says when it is written in a way that keeps it text: percent-encoded (``%7B%22name...``),
    reversed (``}...{``), or in rot13 with a declaration's keys showing through (review R14 F3)."""
    if not text:
        return None
    if _PERCENT.search(text):
        return urllib.parse.unquote(text)
    if text[0] in "}]" and text[-1] in "{[":
        return text[::-1]
    if text[:1] in "{[" and _DECLARING_KEY.search(codecs.decode(text, "rot13")) and not _DECLARING_KEY.search(text):
        return codecs.decode(text, "rot13")
    return None


def _raw_bytes(text: str) -> bytes | None:
    """The bytes ``text`` writes in hexadecimal, base64 (either alphabet, padded or not), base32 or base85."""
    try:
        if _HEX.fullmatch(text):
            return bytes.fromhex(text)
        if _BASE32.fullmatch(text):
            return base64.b32decode(text + "=" * (-len(text) % 8))
        if _BASE64.fullmatch(text):
            alphabet = b"-_" if "-" in text or "_" in text else None
            return base64.b64decode(text + "=" * (-len(text) % 4), altchars=alphabet)
        if _BASE85.fullmatch(text):
            return base64.b85decode(text) if not text.startswith("<~") else base64.a85decode(text, adobe=True)
    except (binascii.Error, ValueError):
        return None
    return None


_COMPRESSED: Final = (
    (b"\x1f\x8b", lambda raw: zlib.decompress(raw, wbits=47)),
    (b"\x78", lambda raw: zlib.decompress(raw, wbits=47)),
    (b"BZh", bz2.decompress),
    (b"\xfd7zXZ", lzma.decompress),
)
"""The compressed formats a program's standard library reads, by their first bytes: gzip, zlib, bzip2, xz."""


def _nested(value: Any, loc: Loc) -> Iterator[tuple[Loc, Any]]:
    value = _decoded(value)
    if isinstance(value, str) and value.lstrip()[:1] in ("{", "["):
        try:
            value = decode_json(value, loc)
        except DeclarationError:
            if _USE_CASE_NAMED.search(value) is None:
                return
            raise
    elif isinstance(value, str) and writes_a_use_case(value):
        value = _yaml_text(value, loc)
    if isinstance(value, Mapping):
        if shaped_like_a_use_case(value):
            yield loc, value
            return
        for key, item in value.items():
            if names_a_use_case(str(key)):
                yield (*loc, Key(str(key))), item
            else:
                yield from _nested(item, (*loc, Key(str(key))))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nested(item, (*loc, index))


def _yaml_text(value: str, loc: Loc) -> Any:
    """YAML text a program may read as the declaration (a block scalar), read as a stack file's value is."""
    try:
        read = parse_yaml(value)
    except StackFileError as error:
        problems = [Problem(loc, f"writes a use case's fields as text that is {p.message}") for p in error.problems]
        raise DeclarationError(problems) from None
    if read.issues:
        raise DeclarationError(
            [
                Problem(loc, f"writes a use case's fields as YAML text whose `{at}` {said}")
                for at, _, said in read.issues
            ]
        )
    return read.value


_FR_FACTS: Final = frozenset({"realtime", "cameras", "environment"})
_LAST_KEY: Final = re.compile(r"[.:]")
"""What parts a piece's place into keys (``team:capture.cameras``): its last part is the key it is under."""
_SECTORS: Final = frozenset(sector.value for sector in Sector)
_CAPABILITIES: Final = frozenset(capability.value for capability in Capability)


@dataclass(frozen=True)
class Pieces:
    """The pieces of a declaration written outside any, each with the key it is under."""

    parties: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    """Each ``{sector, country}`` mapping."""
    capabilities: list[tuple[str, list[str]]] = field(default_factory=list)
    """Each list of capability names."""
    facts: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    """Each mapping of facial-recognition facts (``realtime``, ``cameras``, ``environment``)."""
    countries: list[tuple[str, str]] = field(default_factory=list)
    """Each value, as written, that names the United States (``team:country: US``, ``team:countries: GB,US``,
    ``team:who: law_enforcement@US``), which a program may write into any party's ``country``."""

    def __bool__(self) -> bool:
        return bool(self.parties or self.capabilities or self.facts or self.countries)

    @property
    def where(self) -> list[str]:
        return [at for pieces in (self.parties, self.capabilities, self.facts, self.countries) for at, _ in pieces]


_NAMES_THE_US: Final = re.compile(r"(?<![^\W_])(?:US|USA|U\.S\.A?\.?)(?![^\W_])|(?i:united states)")
"""The United States named in a config value, as a country code or its name: ``US``, ``GB,US``, ``le@US``; not the
lower-case ``us`` of a region (``us-east``) or a word."""


def declaration_pieces(values: Iterable[tuple[str, Any]]) -> Pieces:
    """The pieces of a declaration among ``values`` (each a config key and its value), outside any declaration."""
    found = Pieces()
    for key, value in values:
        _pieces(value, key, found)
    return found


def piece_kind(value: Any, name: str) -> str | None:
    """Which piece of a declaration ``value`` (under the key ``name``) is, written outside any declaration:
    ``party`` (``law_enforcement``, a ``{sector, country}`` mapping), ``capabilities`` (``facial_recognition``, a
    list of them) or ``facts`` (``realtime: true``, a mapping of capture facts); ``None`` for none."""
    if isinstance(value, str) and value in _SECTORS:
        return "party"
    if isinstance(value, str) and value in _CAPABILITIES:
        return "capabilities"
    if name in _FR_FACTS and not isinstance(value, Mapping):
        return "facts"
    if isinstance(value, Mapping):
        keys = {str(key) for key in value}
        if keys == {"sector", "country"} and value.get("sector") in _SECTORS:
            return "party"
        if keys and keys <= _FR_FACTS:
            return "facts"
    if isinstance(value, list) and value and all(isinstance(item, str) and item in _CAPABILITIES for item in value):
        return "capabilities"
    return None


def _pieces(value: Any, where: str, found: Pieces) -> None:
    if is_encrypted(value):
        # A secret is read as the stack file writes it, in every entry point alike: opaque (review R25).
        return
    value = _decoded(value)
    if isinstance(value, str) and value.lstrip()[:1] in ("{", "["):
        try:
            value = decode_json(value)
        except DeclarationError:
            return
    # A piece written as one value of its own (``team:sector: law_enforcement``, ``team:feature:
    # facial_recognition``, ``team:realtime: true``): a party in the country that reaches furthest, a capability,
    # or a capture fact.
    name = _LAST_KEY.split(where)[-1]
    if isinstance(value, str) and _NAMES_THE_US.search(value):
        found.countries.append((where, value))
    kind = piece_kind(value, name)
    if kind == "party":
        found.parties.append((where, dict(value) if isinstance(value, Mapping) else {"sector": value, "country": "US"}))
    elif kind == "capabilities":
        found.capabilities.append((where, list(value) if isinstance(value, list) else [value]))
    elif kind == "facts":
        found.facts.append((where, dict(value) if isinstance(value, Mapping) else {name: value}))
    elif isinstance(value, Mapping):
        if shaped_like_a_use_case(value) or any(names_a_use_case(str(key)) for key in value):
            return
        for key, item in value.items():
            _pieces(item, f"{where}.{key}", found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _pieces(item, f"{where}[{index}]", found)


def at_their_worst(declared: Mapping[str, Any], pieces: Pieces) -> dict[str, Any]:
    """``declared`` with ``pieces`` put in at their worst: each party among its served parties (left out, they are
    the worst already), each of its parties in the United States too where a value names it, each capability among
    its own, and the capture facts that reach furthest (real time, every camera named, uncontrolled)."""
    worst = dict(declared)
    if pieces.parties and isinstance(worst.get("servedParties"), list):
        worst["servedParties"] = [*worst["servedParties"], *(party for _, party in pieces.parties)]
    if pieces.countries and isinstance(worst.get("servedParties"), list):
        # A country the program may write into any party (review R20 A1): each declared party, in the US too.
        declared_parties = [worst.get("operator"), *worst["servedParties"]]
        in_the_us = [
            {"sector": party["sector"], "country": "US"}
            for party in declared_parties
            if isinstance(party, Mapping) and isinstance(party.get("sector"), str)
        ]
        worst["servedParties"] = [*worst["servedParties"], *in_the_us]
    if pieces.capabilities and isinstance(worst.get("capabilities"), list):
        added = [c for _, listed in pieces.capabilities for c in listed if c not in worst["capabilities"]]
        worst["capabilities"] = [*worst["capabilities"], *dict.fromkeys(added)]
    # Capture facts say how recognition is done: beside a use case that declares none, a piece such as
    # ``app:environment: production`` is no fact of it.
    if pieces.facts and isinstance(worst.get("facialRecognition"), Mapping):
        facts = dict(worst["facialRecognition"])
        for _, piece in pieces.facts:
            if piece.get("realtime") is True:
                facts["realtime"] = True
            if isinstance(piece.get("cameras"), list):
                facts["cameras"] = [*dict.fromkeys([*facts.get("cameras", []), *piece["cameras"]])]
            if piece.get("environment") == "uncontrolled":
                facts["environment"] = "uncontrolled"
        worst["facialRecognition"] = facts
    return worst


PROGRAM_SUFFIXES: Final = frozenset(
    {".py", ".pyw", ".ts", ".mts", ".cts", ".tsx", ".js", ".mjs", ".cjs", ".jsx", ".go", ".cs", ".fs", ".vb"}
    | {".java", ".kt", ".kts", ".scala", ".sc", ".groovy"}
)
"""The source files of a program in a language Pulumi runs (a YAML program's components are read as such)."""
DATA_SUFFIXES: Final = frozenset({".json", ".jsonc", ".json5", ".yaml", ".yml", ".toml"})
"""The data files a program may read its use case from (``json.load(open("usecase.json"))``, review R20): read
only for a use case's own fields, and never a Pulumi project or stack file, which the checker reads as such."""
_GOVERNMENT_NAMED: Final = re.compile(
    r"AzureGovernmentOpenAIService|GovernmentProvider|usgovernment|usgov(?:virginia|arizona|texas|iowa)", re.IGNORECASE
)
"""What a program writes to deploy to Azure Government: the Government component or its provider, a provider's
environment, or a Government region."""
_COMMERCIAL_NAMED: Final = re.compile(r"AzureOpenAIService")
"""The commercial component, as every SDK and its type token name it."""
_COMPONENT_NAMED: Final = re.compile(r"Azure(?:Government)?OpenAIService")
"""Either component."""
PROGRAM_FILE_LIMIT: Final = 2_000
"""The most source files :func:`program_names` reads; a program with more is taken to name what it looks for."""
_PROGRAM_BYTES: Final = 1_000_000
_NOT_THE_PROGRAM: Final = frozenset({"node_modules", "__pycache__", "site-packages", "sdks", "vendor", "bin", "obj"})
"""Folders of a project that hold what the program uses, not the program: installed packages, the SDKs
``pulumi package add`` generates (``sdks/``, where the Government component is one of the package's classes), Go's
vendored modules, .NET's build output."""
_VIRTUAL_ENVIRONMENT: Final = frozenset({"pyvenv.cfg", "conda-meta"})
_TOOL_FOLDERS: Final = frozenset(
    {".git", ".hg", ".svn", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".pulumi", ".idea"}
    | {".vscode", ".cache", ".gradle", ".mvn", ".next", ".terraform", ".venv", ".direnv"}
)
"""Hidden folders that version control, editors and build tools keep: no program's source."""


@dataclass(frozen=True)
class ProgramNames:
    """What a consumer's program names in its source files, read once (see :func:`program_names`)."""

    government: str | None
    """Where it names Azure Government (its Government component or provider, a provider's ``usgovernment``, a
    Government region), or why it is taken to; None when it does not."""
    raw_account: str | None
    """Where it names a Cognitive Services or Machine Learning resource, or Face (a raw account beside the
    components, whose kind the checker cannot read from code), or why that cannot be ruled out; None when it
    names none."""
    component: bool = False
    """Whether its source files name either component."""
    use_case_written: str | None = None
    """Where its source files write a use case's own fields (``law_enforcement``, ``facial_recognition``,
    ``served_parties``...), which a declaration read from config never names: a use case written in code, or in a
    data file beside it that the program may load (:data:`DATA_SUFFIXES`), which the checker cannot read as a
    declaration; None when they write none."""
    provisions: tuple[str, ...] = ()
    """What its source files name that provisions something the guard governs, each with its file and line:
    either component, a use case written in code, a Cognitive Services or Machine Learning resource, or Face.
    Evidence that the project has a use case to declare, as what :attr:`raw_account` only may be (what the program
    reaches from elsewhere) is not; empty when they name none."""

    @property
    def decided_without_stack(self) -> bool:
        """Whether the checker decides the project when it has no stack file yet (its stacks made where it runs,
        with ``pulumi stack init``), with an empty stack config: its sources name either component (or cannot all
        be read, which counts as naming both) or give other evidence that it provisions what the guard governs
        (:attr:`provisions`: a raw account, a use case written in code). A project with a Face account and no stack
        file passed ``check --repository`` unread; one that gives no such evidence is left unchecked."""
        return self.component or bool(self.provisions)


_ACCOUNT_SOURCE: Final = (
    r"cognitiveservices|CognitiveServices|[Cc]ognitive\.(?:New)?(?:Account|AIServices|AiServices)\b|"
    r"machinelearningservices|MachineLearningServices"
)
_ACCOUNT_NAMED: Final = re.compile(_ACCOUNT_SOURCE)
"""A Cognitive Services or Machine Learning resource named in a program's source: evidence that it provisions what
the guard governs, where the word ``Face`` alone (a comment, a class of its own) is none."""

_RAW_ACCOUNT_NAMED: Final = re.compile(rf"{_ACCOUNT_SOURCE}|\bFace\b")
"""A Cognitive Services or Machine Learning resource, or Face, named in a program's source
(``azure_native.cognitiveservices.Account(..., kind="Face")``, review R13; the classic provider's
``azure.cognitive.AIServices``, Go's ``cognitive.NewAccount``, C#'s ``Azure.Cognitive.Account``): what the program
may make, read as worst."""

_FACE_NAMED: Final = re.compile(r"\bFace\b")
"""The Face kind named in a program's source (``kind="Face"``) beside the account it names."""

_USE_CASE_FIELDS: Final = re.compile(
    r"\b(?:law_enforcement|LawEnforcement|LAW_ENFORCEMENT|facial_recognition|FacialRecognition|FACIAL_RECOGNITION|"
    r"served_parties|servedParties|ServedParties|human_review|humanReview|HumanReview)\b"
)
"""A use case's own fields and values written in a program's code: the sector and capability only a declaration
writes, and the fields a declaration read from config (``pulumi.Config().require_object("useCase")``) never names."""

_USE_CASE_IN_CODE: Final = re.compile(
    r"\b(?P<name>use_case|useCase|UseCase)\s*[:=(]|\b(?P<word>law_enforcement|facial_recognition)\b"
)
"""A use case written in a program's code: the components' argument given a value (``use_case=``, ``useCase:``,
``UseCase(...)``, ``UseCase = new ...``), or the sector and capability that only a declaration writes; not a
module or a variable of an application's own named for its use cases (``use_cases``, ``useCaseId``)."""


def _account_named(found: str) -> str:
    """What a program's source names when it names ``found`` (a match of :data:`_ACCOUNT_NAMED`)."""
    if "machinelearning" in found.casefold():
        return "a Machine Learning workspace (an Azure AI Foundry hub or project)"
    return "a Cognitive Services account"


_RUNS_UNREAD_CODE: Final = re.compile(
    r"\bexec\(|\beval\(|\brunpy\b|\bimport_module\(|\b__import__\(|\bsys\.path\.(?:insert|append)\(|"
    r"\brequire\(\s*[^'\"`\s)]|\bimport\(\s*[^'\"`\s)]|\bnew Function\(|\bvm\.run\w*\(|Assembly\.Load\w*\(|"
    r"Class\.forName\(|\bplugin\.Open\("
)
"""Code a program runs that its source files do not hold: ``exec``, ``runpy``, an import by a built name, a path
added to Python's imports, a ``require`` of a variable, a class or an assembly loaded by name."""


def program_names(project_file: Path, main: Any) -> ProgramNames:
    """What the program of the project whose file is ``project_file`` (its ``main`` option as written) names, its
    source files read once as text, in the project's folder and the one ``main`` names, but for installed packages,
    virtual environments and generated SDKs, so a name built at run time escapes it; the component still decides
    the cloud it deploys to, and the pack the accounts it creates. Fail closed: a folder too large to read through,
    or a source file that cannot be read, counts as naming both; source files that name neither component (the
    program reaches one through a helper elsewhere, or by a name it builds) count as naming Azure Government and
    a raw account, and code run that the sources do not hold (``exec``, an import by a built name) as naming a
    raw account."""
    read = 0
    commercial = False
    government: str | None = None
    raw_account: str | None = None
    dynamic: str | None = None
    component = False
    in_code: str | None = None
    # Where the sources name each thing that provisions what the guard governs: the first file that names it.
    provisions: dict[str, str] = {}
    try:
        for file, text, data in _program_sources(project_file, main):
            if data:
                if in_code is None and (fields := _USE_CASE_FIELDS.search(text)) is not None:
                    in_code = f"`{fields[0]}` ({_where(file, text, fields)}), in a data file the program may load"
                continue
            read += 1
            if government is None and (found := _GOVERNMENT_NAMED.search(text)) is not None:
                government = f"the program names `{found[0]}` ({_where(file, text, found)})"
            if raw_account is None and (found := _RAW_ACCOUNT_NAMED.search(text)) is not None:
                raw_account = f"the program names `{found[0]}` ({_where(file, text, found)})"
            if "account" not in provisions and (found := _ACCOUNT_NAMED.search(text)) is not None:
                provisions["account"] = f"{_where(file, text, found)}: `{found[0]}`, {_account_named(found[0])}"
                if (face := _FACE_NAMED.search(text)) is not None:
                    provisions["account"] += f", with `Face` ({_where(file, text, face)})"
            commercial = commercial or _COMMERCIAL_NAMED.search(text) is not None
            if "component" not in provisions and (found := _COMPONENT_NAMED.search(text)) is not None:
                component = True
                provisions["component"] = f"{_where(file, text, found)}: `{found[0]}`, which provisions Azure OpenAI"
            if in_code is None and (fields := _USE_CASE_FIELDS.search(text)) is not None:
                in_code = f"`{fields[0]}` ({_where(file, text, fields)})"
            if "use case" not in provisions and (found := _USE_CASE_IN_CODE.search(text)) is not None:
                written = found["name"] or found["word"]
                provisions["use case"] = f"{_where(file, text, found)}: `{written}`, a use case written in code"
            if dynamic is None and (found := _RUNS_UNREAD_CODE.search(text)) is not None:
                dynamic = (
                    f"the program runs code it builds or loads at run time (`{found[0]}`, "
                    f"{_where(file, text, found)}), which may create a Face account"
                )
            # Every file is read until each is found: the component named in a later file still makes the project
            # one that uses it.
            if government is not None and dynamic is not None and in_code is not None and len(provisions) == 3:
                break
    except _UnreadableError as error:
        return ProgramNames(str(error), str(error), component=True)
    if government is None and read and not commercial:
        government = (
            "the program's own source files name neither component, so it reaches one from elsewhere (a helper "
            "module outside the project, a name built at run time), which may be the Government one"
        )
    if raw_account is None and read and (not component or dynamic is not None):
        # What the checker cannot read may create any account, Face too (review R14 F2).
        raw_account = dynamic or (
            "the program's own source files name neither component, so what it creates is made elsewhere (a "
            "helper module outside the project, a name built at run time), which may be a Face account"
        )
    order = ("component", "use case", "account")
    return ProgramNames(
        government, raw_account, component, in_code, tuple(provisions[k] for k in order if k in provisions)
    )


class _UnreadableError(Exception):
    """Why a program's source files cannot all be read."""


def _where(file: Path, text: str, found: re.Match[str]) -> str:
    return f"{shown(file)}, line {text.count(chr(10), 0, found.start()) + 1}"


def _program_sources(project_file: Path, main: Any) -> Iterator[tuple[Path, str, bool]]:
    """Each source file of the program (see :func:`program_names`) with its text, and each data file it may read
    (:data:`DATA_SUFFIXES`), with whether it is one; raises :class:`_UnreadableError` with the reason when a folder
    is too large to read through or a file or folder cannot be read."""
    home = project_file.parent
    folders_read = [home]
    if isinstance(main, str) and main.strip():
        named = home / main
        folder = named if named.is_dir() else named.parent
        try:
            outside = not folder.resolve().is_relative_to(home.resolve())
        except (OSError, RuntimeError):
            raise _UnreadableError(f"the folder its main names ({main!r}) cannot be read") from None
        if outside:
            folders_read.append(folder)
    read = 0
    for root, folders, files in (walked for folder in folders_read for walked in os.walk(folder)):
        if _VIRTUAL_ENVIRONMENT & {*folders, *files}:
            folders[:] = []
            continue
        # A hidden folder may hold a helper the program imports (``.lib/``, review R14 F2); only tools' own are
        # left out.
        folders[:] = [f for f in folders if f not in _TOOL_FOLDERS and f not in _NOT_THE_PROGRAM]
        for name in sorted(files):
            file = Path(root, name)
            suffix = file.suffix.casefold()
            data = suffix in DATA_SUFFIXES and not name.casefold().startswith("pulumi.")
            if (suffix not in PROGRAM_SUFFIXES and not data) or file.is_symlink() or not file.is_file():
                continue
            read += 1
            if read > PROGRAM_FILE_LIMIT:
                raise _UnreadableError(
                    f"the program has more than {PROGRAM_FILE_LIMIT:,} source and data files to read through"
                )
            try:
                with file.open("rb") as handle:
                    text = handle.read(_PROGRAM_BYTES).decode("utf-8", "replace")
            except OSError:
                raise _UnreadableError(f"the program's source file {shown(file)} cannot be read") from None
            yield file, text, data
