"""What the stack's config says beside its declaration is read by every entry point, and read alike.

A stack whose declaration is a vendor's face matching at fixed cameras in a controlled place, allowed, but whose
config also says ``myapp:customer: NYPD Facial Identification Section``, says who the matching is for: it is a
declaration that contradicts itself (review R28 c11), as a tag on the account saying so would be. The checker reads
the stack file; the program, the component and the component provider the config the engine hands them (each
value a string, a structured one as JSON text); the pack the config of ``ConfigureStack`` (here the mock engine's).
Each case goes through all five, in this project's stack and in a consumer project's, where the app's own settings
share its namespace with its ``useCase``. A secret is read by none, as the checker cannot read it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pulumi
import pytest
import yaml

from azure_openai_guarded.components import AzureOpenAIService
from azure_openai_guarded.components.guard import GuardDeniedError
from azure_openai_guarded.guards import PROJECT
from azure_openai_guarded.guards.checker import check_file
from mockengine.config import engine_config
from mockengine.program import run_callable, run_program
from tests.declarations import config, vendor_matching
from tests.samples import pack_verdict, provider_refusal, service_args

CONSUMER = Path(__file__).resolve().parent.parent / "examples" / "consumer" / "__main__.py"
CONSUMER_PROJECT = "support-chat"

MATCHING = vendor_matching()
"""A vendor's face matching at fixed cameras in a controlled place, for no one else: allowed on its own."""

CASES = [
    # (id, the config beside the declaration, keys without the namespace for the project's own, the path the
    # denial names; None: allowed)
    ("a customer named in a setting", {"myapp:customer": "NYPD Facial Identification Section"}, "myapp:customer"),
    ("a watchlist named in a list", {"myapp:sources": ["crm", "nypd-gang-database"]}, "myapp:sources[1]"),
    ("a structured setting", {"myapp:client": {"agency": "LAPD Robbery-Homicide"}}, "myapp:client.agency"),
    ("the stack's tags", {"pulumi:tags": {"customer": "Sheriff's Office, Maricopa County"}}, "pulumi:tags.customer"),
    ("a force named by a key", {"myapp:nypd-contract": "2026-04"}, "myapp:nypd-contract"),
    (
        "ordinary settings",
        {
            "myapp:supportEmail": "help@example.com",
            "myapp:greeting": "Welcome to the visitor desk",
            "myapp:features": {"darkMode": True, "maxFaces": 3, "locales": ["en-GB", "fr-FR"]},
            "azure-native:location": "eastus2",
        },
        None,
    ),
]


@pytest.fixture(autouse=True)
def no_config_left_behind() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({})


def _in(project: str, beside: dict[str, Any]) -> dict[str, Any]:
    """``beside`` with the app's own settings (``myapp:``) in a consumer ``project``'s namespace, as it writes them;
    this project's stack keeps them in another namespace, as its own reads nothing but the declaration."""
    if project == PROJECT:
        return dict(beside)
    return {key.replace("myapp:", f"{project}:", 1): value for key, value in beside.items()}


def stack_config(project: str, beside: dict[str, Any]) -> dict[str, Any]:
    """The stack's config, full keys: this project's whole stack, or a consumer's, each with ``beside``."""
    if project == PROJECT:
        declared = {f"{PROJECT}:{key}": value for key, value in config(MATCHING).items()}
        return declared | beside
    return {f"{project}:location": "eastus2", f"{project}:useCase": MATCHING} | _in(project, beside)


def checker(project: str, beside: dict[str, Any], folder: Path) -> str:
    (folder / "Pulumi.yaml").write_text(f"name: {project}\nruntime: python\n", encoding="utf-8")
    path = folder / "Pulumi.dev.yaml"
    path.write_text(yaml.safe_dump({"config": stack_config(project, beside)}), encoding="utf-8")
    result = check_file(path)
    assert result.verdict is not None, result.error
    return "" if result.verdict.allowed else " ".join(f.message for f in result.verdict.denials)


def program(project: str, beside: dict[str, Any]) -> str:
    """The program's error, or ``""``: this project's program, or the consumer example's."""
    chosen = {"program": CONSUMER} if project != PROJECT else {}
    run = run_program(stack_config(project, beside), stack="dev", project=project, **chosen)
    assert run.error is not None or run.resources, "an allowed stack registers its resources"
    return run.error or ""


def component(project: str, beside: dict[str, Any]) -> str:
    found: list[str] = []

    def body() -> None:
        try:
            AzureOpenAIService("svc", service_args(use_case=MATCHING))
        except GuardDeniedError as error:
            found.append(str(error))

    run_callable(body, engine_config(_in(project, beside)), stack="dev", project=project)
    return "".join(found)


def provider(project: str, beside: dict[str, Any]) -> str:
    return provider_refusal(MATCHING, engine_config(_in(project, beside)), stack="dev", project=project)


def pack(project: str, beside: dict[str, Any]) -> str:
    """The pack's mandatory verdict on a stack that registers one account, decided from its config alone."""
    return pack_verdict(stack_config(project, beside), stack="dev", project=project)


@pytest.mark.parametrize("project", [PROJECT, CONSUMER_PROJECT])
@pytest.mark.parametrize(("beside", "named"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_every_entry_point_reads_what_the_stacks_config_says_beside_its_declaration(
    project: str, beside: dict[str, Any], named: str | None, tmp_path: Path
) -> None:
    path = None if named is None else f"config.{_in(project, {named: ''}).popitem()[0]}"
    outcomes: dict[str, str] = {"checker": checker(project, beside, tmp_path)}
    for name, entry_point in {"program": program, "component": component, "provider": provider, "pack": pack}.items():
        outcomes[name] = entry_point(project, beside)
    read = {
        name: ("allowed" if not said else "denied", path is not None and path in said)
        for name, said in outcomes.items()
    }
    expected = ("allowed", False) if path is None else ("denied", True)
    assert read == dict.fromkeys(read, expected), outcomes


@pytest.mark.parametrize("project", [PROJECT, CONSUMER_PROJECT])
def test_a_secret_beside_the_declaration_is_read_by_no_entry_point(project: str, tmp_path: Path) -> None:
    # The checker sees a stack file's secret as ciphertext; the others are handed the plaintext it stands for,
    # marked secret, and read it no more than the checker can.
    assert checker(project, {"myapp:customer": {"secure": "v1:c2VjcmV0"}}, tmp_path) == ""
    plaintext = {"myapp:customer": "NYPD Facial Identification Section"}
    secret = [*_in(project, plaintext)]
    chosen = {"program": CONSUMER} if project != PROJECT else {}
    run = run_program(stack_config(project, plaintext), stack="dev", project=project, secret_keys=secret, **chosen)
    assert run.error is None

    def body() -> None:
        AzureOpenAIService("svc", service_args(use_case=MATCHING))

    assert run_callable(body, _in(project, plaintext), stack="dev", project=project, secret_keys=secret).error is None
    given = {"stack": "dev", "project": project, "secret_keys": secret}
    assert provider_refusal(MATCHING, _in(project, plaintext), **given) == ""
    assert pack_verdict(stack_config(project, plaintext), **given) == ""
