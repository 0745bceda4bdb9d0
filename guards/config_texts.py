"""The stack's other settings as texts: what its config says of what it is for, beside the declaration.

A stack's config holds more than the declaration: the program's own settings (``myapp:customer: NYPD Facial
Identification Section``, ``myapp:watchlist: nypd-gang-database``), the stack's tags (``pulumi:tags``), other
providers' settings. Each says what the stack is for as much as a tag on the account does (review R28 c11), and
every entry point is given it: the checker reads it in the stack file (and the project file's defaults), the
program and the components in the config the engine hands them, a component provider in its construct request,
the policy pack in ``ConfigureStack`` (or ``PULUMI_CONFIG``). Each hands it to :func:`~.deployment.reading_for` at
its edge, which reads it with :func:`config_texts`, so the engine reads the same texts wherever it decides a use
case, and no entry point reads them its own way. What each text is read for is the facts' to say
(``guards/facts.py``'s ``_as_settings``): less than a purpose, as an app's settings are its words for everything.

The texts are the same whichever way a value arrives: the stack file writes a structured value as YAML and a
secret as ``{secure: ...}``; the engine hands the first as JSON text and the second decrypted, with its key among
the secret ones.

* Text that is a JSON object or array is read as its JSON, so a mapping reads the same either way; each string in
  it is a text, under its path (``config.myapp:contacts[0].name``), and each key a name (``config.myapp:nypd``
  is read as ``nypd``). Numbers, booleans and nulls say nothing.
* A secret is not read (the checker cannot read it), nor a value with one inside it (the engine marks the whole
  key secret).
* This project's namespace, every namespace's declaring keys (``useCase``, ``guardProfile``, a near miss of one),
  a use case written inside another key, and the pieces of one written outside any (``team:feature:
  facial_recognition``, ``team:cameras: [body_worn]``) are declarations, each read and decided as one
  (:mod:`.stack_config`, :mod:`.consumer_config`), not texts of the others.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from typing import Any

from azure_openai_guarded.components.declaration import CONSUMER_KEYS, is_encrypted

from .consumer_config import names_a_use_case, piece_kind, shaped_like_a_use_case, writes_a_use_case
from .declaration import DeclarationError, decode_json
from .models import PROJECT
from .resource_texts import CONFIG_AT, CONFIG_KEY
from .stackfile import is_near_word

Text = tuple[str, str]


def declaring(name: str) -> bool:
    """Whether a namespace's key ``name`` declares (``useCase``, ``guardProfile``), or is a near miss of one."""
    return name in CONSUMER_KEYS or any(is_near_word(name, known) for known in CONSUMER_KEYS)


def declaring_key(key: str) -> bool:
    """Whether the config key ``key`` (in full, ``namespace:name``) is a declaration's: any of this project's
    namespace, or a declaring key of any other."""
    namespace, _, name = key.partition(":")
    return namespace == PROJECT or declaring(name)


def config_texts(config: Mapping[str, Any], secret_keys: frozenset[str] = frozenset()) -> tuple[Text, ...]:
    """Each text the stack's ``config`` (keys in full, ``namespace:name``) says beside its declarations, with its
    path, in the order of the keys: every value and key outside this project's namespace that declares nothing
    and is no secret (a key among ``secret_keys``, or a ``secure:`` value anywhere in it)."""
    texts: list[Text] = []
    for key in sorted(config):
        value = config[key]
        if declaring_key(key) or key in secret_keys or _holds_a_secret(value):
            continue
        name = key.partition(":")[2]
        path = f"{CONFIG_AT}.{key}"
        texts.append((f"{path}{CONFIG_KEY}", key))
        texts.extend(_texts_in(value, path, name))
    return tuple(text for text in texts if text[1].strip())


def _texts_in(value: Any, path: str, name: str) -> Iterator[Text]:
    if isinstance(value, str) and value.lstrip()[:1] in ("{", "["):
        # Text that is not JSON stays the text it is, as the engine hands it and the stack file writes it.
        with contextlib.suppress(DeclarationError):
            value = decode_json(value)
    if piece_kind(value, name) is not None:
        # A piece of a declaration (``team:feature: facial_recognition``) is put in one at its worst.
        return
    if isinstance(value, str):
        # Text that writes a use case's fields is read as one (see consumer_config.nested_use_cases).
        if not writes_a_use_case(value):
            yield path, value
    elif isinstance(value, Mapping):
        if shaped_like_a_use_case(value):
            return
        for key, item in value.items():
            if names_a_use_case(str(key)):
                continue
            yield f"{path}.{key}{CONFIG_KEY}", str(key)
            yield from _texts_in(item, f"{path}.{key}", str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts_in(item, f"{path}[{index}]", name)


def _holds_a_secret(value: Any) -> bool:
    if is_encrypted(value):
        return True
    if isinstance(value, Mapping):
        return any(_holds_a_secret(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_a_secret(item) for item in value)
    return False
