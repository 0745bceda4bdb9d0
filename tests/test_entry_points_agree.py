"""Every entry point reads a declaration alike: the same verdict, or the same error at the same path.

Hypothesis generates declarations, valid and broken (a key repeated in a JSON value, two spellings of
one field, an unknown key at any depth, a scalar of the wrong type, a service Azure would refuse, a
provider environment that contradicts the declared cloud), and each one goes through all five:

* the checker, on a stack file;
* the program, under Pulumi's mock engine, with the config as the engine passes it;
* the component, with the declaration as a Python dict (Python names);
* the component provider's construct, with the inputs as another language sends them;
* the policy pack, with the config in ``PULUMI_CONFIG``'s form.

Paths are printed camelCase for stack files and other languages and with Python names for Python
arguments; they are compared after mapping both to Python names, with a stack file's ``service.``
prefix dropped (a component's arguments are the service's fields) and a stack's ``service.cloud``
matched to the component as a whole (its class is its cloud). A use case written as JSON text (the only
way to repeat a key) is given so to every entry point: a string holding one JSON object is read alike in
each, in every position a declaration takes (the stack's, a component's, a Foundry project's).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import pulumi
import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pulumi.provider.experimental.component import ComponentInitError

from azure_openai_guarded.components import AzureGovernmentOpenAIService, AzureOpenAIService
from azure_openai_guarded.components.guard import GuardDeniedError, InvalidArgsError
from azure_openai_guarded.guards import PROJECT, PYTHON_NAMING, Verdict
from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.policies.stack_context import stack_context
from azure_openai_guarded.guards.rules import FR_US_LAW_ENFORCEMENT
from azure_openai_guarded.provider import ComponentRefusedError, GuardedComponentProvider
from mockengine.config import engine_config
from mockengine.program import run_callable, run_program
from tests.declarations import use_case
from tests.strategies import declarations

ENVIRONMENT = "azure-native:environment"


@pytest.fixture(autouse=True)
def no_config_left_behind() -> Iterator[None]:
    # The mock engine keeps the last run's config; a component built outside a run would read it.
    yield
    pulumi.runtime.set_all_config({})


TOKENS = {
    "public": "azure-openai-guarded:index:AzureOpenAIService",
    "usgovernment": "azure-openai-guarded:index:AzureGovernmentOpenAIService",
}

Outcome = tuple[str, frozenset[str]]
"""``("allowed" | "denied", rule ids)`` or ``("invalid", paths with Python names)``."""


# --- generated cases --------------------------------------------------------------------------------------------


def _deployment(cloud: str) -> dict[str, Any]:
    sku = "DataZoneStandard" if cloud == "usgovernment" else "GlobalStandard"
    return {"name": "chat", "model": "gpt-4o", "version": "2024-11-20", "sku": sku, "capacity": 10}


BREAKS: dict[str, Any] = {
    "two spellings of servedParties": ("useCase", "served_parties", []),
    "two spellings of humanReview": ("useCase", "human_review", True),
    "unknown key in the use case": ("useCase", "servedPartys", []),
    "unknown key in the operator": ("useCase.operator", "city", "Austin"),
    "unknown key in a deployment": ("service.deployments.0", "modelVersion", "1"),
    "unknown key in the service": ("service", "resourceGroup", "rg"),
    "text for a boolean": ("useCase", "humanReview", "yes"),
    "a number for a boolean": ("service", "createResourceGroup", 0),
    "text for a whole number": ("service.deployments.0", "capacity", "10"),
    "a number for a string": ("service.deployments.0", "version", 1),
    "a boolean for a string": ("useCase", "owner", True),
    "a region of the other cloud": ("service", "location", "westus3|usgovarizona"),
    "a model not in the catalogue": ("service.deployments.0", "model", "gpt-9"),
    "a capacity out of range": ("service.deployments.0", "capacity", 1_000_000),
    "a use case name too short to name the account": ("useCase", "name", "g"),
}
"""Each break: where (a dotted path into the stack-file config), the key, and the value put there."""

SETTINGS: dict[str, tuple[dict[str, str], str | None]] = {
    "the classic provider in Azure Government": ({"azure:environment": "usgovernment"}, "public"),
    "a Government region as the default location": ({"azure-native:location": "usgovvirginia"}, "public"),
    "a misspelt key of the project's namespace": ({f"{PROJECT}:guardprofile": "strict"}, None),
}
"""Each break outside the declaration: the stack's config keys (in full) set beside it, and the cloud it breaks a
declaration for (``None``: any); the component and the component provider read them from the stack as the checker,
the program and the pack do (review R28)."""


def broken(config: dict[str, Any], kind: str) -> None:
    """Break ``config`` (a stack's, without namespaces) in place as ``BREAKS[kind]`` says."""
    where, key, value = BREAKS[kind]
    target: Any = config
    for step in where.split("."):
        target = target[int(step)] if step.isdigit() else target[step]
    if isinstance(value, str) and "|" in value:
        value = value.split("|")[config["service"]["cloud"] == "public"]
    if kind.startswith("two spellings of "):
        target.setdefault(kind.removeprefix("two spellings of "), value)
    target[key] = value


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    config = draw(declarations())
    assume("useCase" in config)  # a component's use case is a required argument; a stack may leave it out
    cloud = config["service"]["cloud"]
    config["service"]["deployments"] = [_deployment(cloud)]
    kind = draw(
        st.sampled_from(["valid", "json", "repeated", "environment", "agreeing environment", *BREAKS, *SETTINGS])
    )
    environment: str | None = None
    if kind in BREAKS:
        broken(config, kind)
    elif kind == "environment":
        environment = draw(st.sampled_from(["public", "usgovernment"]).filter(lambda e: e != cloud))
    elif kind == "agreeing environment":
        environment = draw(st.sampled_from([cloud, cloud.upper()]))
    return {"config": config, "kind": kind, "environment": environment}


def _settings(case: dict[str, Any]) -> dict[str, Any]:
    """The case's config beside the declaration, keys in full: its default provider's environment, and the
    settings of its kind."""
    settings = dict(SETTINGS[case["kind"]][0]) if case["kind"] in SETTINGS else {}
    return settings | ({ENVIRONMENT: case["environment"]} if case["environment"] is not None else {})


def _use_case_text(case: dict[str, Any]) -> str | None:
    """The use case as a JSON string, when the case writes it so; a repeated key can only be written so."""
    use_case = case["config"]["useCase"]
    if case["kind"] == "json":
        return json.dumps(use_case)
    if case["kind"] == "repeated":
        other = {"sector": "commercial", "country": "GB"}
        return json.dumps(use_case)[:-1] + f', "operator": {json.dumps(other)}}}'
    return None


def stack_config(case: dict[str, Any]) -> dict[str, Any]:
    """The whole stack's config, keys in full, as a stack file declares it."""
    project = dict(case["config"])
    text = _use_case_text(case)
    if text is not None:
        project["useCase"] = text
    full = {f"{PROJECT}:{key}": value for key, value in project.items()}
    return full | _settings(case)


# --- the five entry points --------------------------------------------------------------------------------------

_SNAKE = re.compile(r"(?<=[a-z0-9])([A-Z])")


def _python_path(path: str) -> str:
    return _SNAKE.sub(lambda m: "_" + m[1].lower(), path)


def _from_stack(path: str) -> str:
    path = _python_path(path)
    if path == "service.cloud":
        return ""
    return path.removeprefix("service.")


def _verdict(verdict: Verdict) -> Outcome:
    return ("allowed" if verdict.allowed else "denied"), frozenset(f.rule for f in verdict.findings)


def checker(case: dict[str, Any], folder: Path) -> Outcome:
    path = folder / "Pulumi.case.yaml"
    path.write_text(yaml.safe_dump({"config": stack_config(case)}, allow_unicode=True), encoding="utf-8")
    result = check_file(path)
    if result.verdict is None:
        return "invalid", frozenset(_from_stack(p.path) for p in result.problems)
    return _verdict(result.verdict)


_KEY_LINE = re.compile(rf"^  {re.escape(PROJECT)}:(\S*): ", re.MULTILINE)
_FINDING_LINE = re.compile(r"^ +\[(?:deny|warn)\] ([A-Z-]+):", re.MULTILINE)


def program(case: dict[str, Any]) -> Outcome:
    run = run_program(stack_config(case), stack="case")
    if run.error is None:
        verdict = run.outputs["verdict"]
        return "allowed", frozenset(f["rule"] for f in verdict["findings"])
    assert run.resources == [], "a refused stack registers nothing"
    if "the guard denied" in run.error:
        return "denied", frozenset(_FINDING_LINE.findall(run.error))
    assert "the declaration is invalid" in run.error, run.error
    return "invalid", frozenset(_from_stack(path) for path in _KEY_LINE.findall(run.error))


def _python_names(value: Any) -> Any:
    if isinstance(value, dict):
        return {_python_path(key): _python_names(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_python_names(item) for item in value]
    return value


def _resource_name(case: dict[str, Any]) -> str:
    """The component's name: the use case's, as the program names it (its account's, with no ``accountName``)."""
    name = case["config"]["useCase"].get("name")
    return name if isinstance(name, str) else "case"


def _as_the_use_case_name(path: str) -> str:
    # The component is named after the use case, so what is wrong with its name is wrong with the use case's.
    return "use_case.name" if path == "name" else path


def _component_outcome(error: BaseException | None, verdict: Verdict | None, naming: Any) -> Outcome:
    if isinstance(error, InvalidArgsError):
        # The component's cloud is its class: a problem with the cloud is one with the arguments as a whole.
        return "invalid", frozenset(_as_the_use_case_name(_python_path(p.path_in(naming))) for p in error.problems)
    if isinstance(error, GuardDeniedError):
        return _verdict(error.verdict)
    assert error is None, error
    assert verdict is not None
    return _verdict(verdict)


def component(case: dict[str, Any]) -> Outcome:
    config = copy.deepcopy(case["config"])
    service = config.pop("service")
    cloud = service.pop("cloud")
    text = _use_case_text(case)
    args = _python_names(service) | {"use_case": text if text is not None else _python_names(config["useCase"])}
    if "guardProfile" in config:
        args["guard_profile"] = config["guardProfile"]
    # The cases' second spellings are written as the stack file writes them; in Python the second one is
    # the stack file's name next to the Python one.
    for key in ("servedParties", "humanReview"):
        if text is None and key in config["useCase"] and _python_path(key) in config["useCase"]:
            args["use_case"][key] = config["useCase"][key]
    kind = AzureGovernmentOpenAIService if cloud == "usgovernment" else AzureOpenAIService
    found: dict[str, Any] = {}

    def body() -> None:
        try:
            built = kind(_resource_name(case), args)  # type: ignore[arg-type]
        except (InvalidArgsError, GuardDeniedError) as error:
            found["error"] = error
            return
        inner = built.service if isinstance(built, AzureGovernmentOpenAIService) else built
        found["verdict"] = inner.guard_verdict

    run_callable(body, _settings(case), stack="case")
    return _component_outcome(found.get("error"), found.get("verdict"), PYTHON_NAMING)


def _as_the_engine_sends(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _as_the_engine_sends(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_the_engine_sends(item) for item in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def provider(case: dict[str, Any]) -> Outcome:
    config = copy.deepcopy(case["config"])
    service = config.pop("service")
    cloud = service.pop("cloud")
    text = _use_case_text(case)
    inputs = service | {"useCase": text if text is not None else config["useCase"]}
    if "guardProfile" in config:
        inputs["guardProfile"] = config["guardProfile"]
    found: dict[str, Any] = {}

    def body() -> None:
        try:
            result = GuardedComponentProvider().construct(
                _resource_name(case), TOKENS[cloud], _as_the_engine_sends(inputs), pulumi.ResourceOptions()
            )
        except ComponentRefusedError as error:
            found["error"] = error.refusal
            return
        except ComponentInitError as error:
            found["error"] = error.inner
            return
        pulumi.export("verdict", result.state["verdict"])

    run = run_callable(body, _settings(case), stack="case")
    error = found.get("error")
    if isinstance(error, InvalidArgsError):
        return "invalid", frozenset(_as_the_use_case_name(_from_stack(p.path)) for p in error.problems)
    if isinstance(error, GuardDeniedError):
        return _verdict(error.verdict)
    assert error is None, error
    assert run.error is None, run.error
    verdict = run.outputs["verdict"]
    return ("allowed" if verdict["allowed"] else "denied"), frozenset(f["rule"] for f in verdict["findings"])


def pack(case: dict[str, Any]) -> Outcome:
    context = stack_context(engine_config(stack_config(case)))
    if context.problems:
        return "invalid", frozenset(_from_stack(p.path) for p in context.problems)
    assert context.verdict is not None
    # The pack holds each Foundry project to its own verdict, as well as the stack to its own.
    decided = context.decided
    allowed = all(verdict.allowed for verdict in decided)
    return ("allowed" if allowed else "denied"), frozenset(f.rule for verdict in decided for f in verdict.findings)


def the_outcome(case: dict[str, Any], folder: Path) -> Outcome:
    """The one outcome all five entry points reach on ``case``; fails, naming each one's, where they differ."""
    outcomes = {"checker": checker(case, folder), "program": program(case), "pack": pack(case)}
    outcomes |= {"component": component(case), "provider": provider(case)}
    assert len(set(outcomes.values())) == 1, (case["kind"], outcomes)
    [outcome] = set(outcomes.values())
    return outcome


@settings(max_examples=40)
@given(case=cases())
def test_the_five_entry_points_reach_the_same_outcome(case: dict[str, Any], tmp_path_factory: Any) -> None:
    outcome, details = the_outcome(case, tmp_path_factory.mktemp("stack"))
    expected = _expected_path(case)
    if expected is None:
        assert outcome != "invalid", details
    else:
        assert outcome == "invalid"
        assert expected in details, (expected, details)


REGIONS: Final = {"public": "eastus2", "usgovernment": "usgovvirginia"}

REVIEW_R28 = [*SETTINGS, "a use case name too short to name the account"]
"""The breaks review R28 found read differently by the component and the component provider, for every cloud."""


@pytest.mark.parametrize("cloud", REGIONS)
@pytest.mark.parametrize("kind", REVIEW_R28)
def test_what_the_stack_says_beside_the_declaration_is_read_alike_by_every_entry_point(
    kind: str, cloud: str, tmp_path: Path
) -> None:
    service = {
        "cloud": cloud,
        "location": REGIONS[cloud],
        "resourceGroupName": "rg",
        "deployments": [_deployment(cloud)],
    }
    config = {"service": service, "useCase": use_case()}
    if kind in BREAKS:
        broken(config, kind)
    case = {"config": config, "kind": kind, "environment": None}
    outcome, details = the_outcome(case, tmp_path)
    expected = _expected_path(case)
    if expected is None:
        assert outcome == "allowed", details
    else:
        assert outcome == "invalid"
        assert expected in details, (expected, details)


def _expected_path(case: dict[str, Any]) -> str | None:
    """Where a broken case's problem is, with Python names; ``None`` for a valid case."""
    kind = case["kind"]
    if kind in ("valid", "json", "agreeing environment"):
        return None
    if kind in SETTINGS:
        settings, breaks = SETTINGS[kind]
        if breaks is not None and case["config"]["service"]["cloud"] != breaks:
            return None
        [key] = settings
        return key.removeprefix(f"{PROJECT}:") if key.startswith(f"{PROJECT}:") else ""
    if kind == "environment":
        return ""
    if kind == "repeated":
        return "use_case.operator"
    where, key, _ = BREAKS[kind]
    parts = [f"[{p}]" if p.isdigit() else _python_path(p) for p in where.split(".")][1:]
    if where.startswith("useCase"):
        parts.insert(0, "use_case")
    return ".".join([*parts, _python_path(key)]).replace(".[", "[")


FOUNDRY_STACK = Path(__file__).resolve().parent.parent / "stacks" / "Pulumi.foundry.yaml"


def foundry_case(project_use_case: str) -> dict[str, Any]:
    """The Foundry stack, its second project's own use case written as ``project_use_case`` (JSON text)."""
    document = yaml.safe_load(FOUNDRY_STACK.read_text(encoding="utf-8"))
    config = {key.split(":", 1)[1]: value for key, value in document["config"].items() if key.startswith(PROJECT)}
    config["service"]["projects"][1]["useCase"] = project_use_case
    return {"config": config, "kind": "valid", "environment": None}


def _project_use_case() -> dict[str, Any]:
    """The Foundry stack's second project's own use case, as its stack file writes it."""
    document = yaml.safe_load(FOUNDRY_STACK.read_text(encoding="utf-8"))
    use_case: dict[str, Any] = document["config"][f"{PROJECT}:service"]["projects"][1]["useCase"]
    return use_case


def _project_json(repeated: bool) -> str:
    text = json.dumps(_project_use_case())
    return text[:-1] + ', "operator": {"sector": "law_enforcement", "country": "US"}}' if repeated else text


@pytest.mark.parametrize("repeated", [False, True], ids=["as JSON text", "as JSON text with a repeated key"])
def test_a_foundry_projects_use_case_as_json_text_is_read_alike_by_every_entry_point(
    repeated: bool, tmp_path: Path
) -> None:
    case = foundry_case(_project_json(repeated))
    outcome, details = the_outcome(case, tmp_path)
    if repeated:
        assert outcome == "invalid"
        assert "projects[1].use_case.operator" in details
    else:
        assert outcome == "allowed", details


def test_a_foundry_project_whose_own_use_case_is_denied_is_denied_by_every_entry_point(tmp_path: Path) -> None:
    # Review R28: the harness's pack read the stack's own verdict only, so a denied project looked allowed there.
    police_recognition = _project_use_case() | {
        "operator": {"sector": "law_enforcement", "country": "US"},
        "servedParties": [],
        "capabilities": ["facial_recognition"],
    }
    case = foundry_case(json.dumps(police_recognition))
    outcome, rules = the_outcome(case, tmp_path)
    assert outcome == "denied"
    assert FR_US_LAW_ENFORCEMENT.id in rules
