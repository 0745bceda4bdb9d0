"""With ``account_name`` left out, the component's name is the account name and custom subdomain, and is checked
by the same rule; a name Pulumi cannot take is refused cleanly too.

Only an explicit ``account_name`` was validated: ``AzureOpenAIService("my_svc!", ...)`` registered an account Azure
would refuse at deployment, and a non-string or empty name raised Pulumi's ``TypeError``. Both components, from
arguments or a ready declaration, and the component provider, now refuse it before anything is registered, naming
``name``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pulumi.provider.experimental.component import ComponentInitError

from azure_openai_guarded.components import AzureGovernmentOpenAIService, AzureOpenAIService
from azure_openai_guarded.components.clouds import COMMERCIAL, GOVERNMENT
from azure_openai_guarded.components.declaration import read_component_args
from azure_openai_guarded.guards import CONFIG_NAMING
from azure_openai_guarded.provider import ComponentRefusedError, GuardedComponentProvider
from mockengine.program import run_callable
from tests.samples import service_args, support_bot

ACCOUNT = "azure-native:cognitiveservices:Account"
RULE = "an account name is 2 to 64 letters, digits or hyphens, starting and ending with a letter or digit"


def gov_args(**overrides: Any) -> Any:
    deployment = {"name": "summarize", "model": "gpt-4o", "version": "2024-11-20", "sku": "DataZoneStandard"}
    return service_args(location="usgovvirginia", deployments=[deployment | {"capacity": 20}], **overrides)


def from_args(component: Any, name: object, **overrides: Any) -> Callable[[], object]:
    args = service_args(**overrides) if component is AzureOpenAIService else gov_args(**overrides)
    return lambda: component(name, args)


def from_declaration(component: Any, name: object, **overrides: Any) -> Callable[[], object]:
    if component is AzureOpenAIService:
        declared = read_component_args(service_args(**overrides), COMMERCIAL, spelling="python")
    else:
        declared = read_component_args(gov_args(**overrides), GOVERNMENT, spelling="python")
    return lambda: component.from_declaration(name, declared)


WAYS = [from_args, from_declaration]
COMPONENTS = [AzureOpenAIService, AzureGovernmentOpenAIService]
INVALID_ACCOUNT_NAMES = ["my_svc!", "x", "-svc", "svc-", "a" * 65, "svc.prod"]


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("component", COMPONENTS)
@pytest.mark.parametrize("name", INVALID_ACCOUNT_NAMES)
def test_a_component_name_that_is_no_account_name_is_refused_when_account_name_is_left_out(
    component: Any, way: Callable[..., Callable[[], object]], name: str
) -> None:
    run = run_callable(way(component, name))
    assert run.error is not None
    assert f"{component.__name__} {name!r}: the arguments are invalid; nothing was created." in run.error
    assert "name: is also the account name and its custom subdomain, since account_name is left out" in run.error
    assert f"{RULE}; it is also the account's DNS subdomain, so it must be unique in the cloud (got {name!r})" in (
        run.error
    )
    assert run.resources == []


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("component", COMPONENTS)
def test_any_component_name_serves_when_account_name_is_given(
    component: Any, way: Callable[..., Callable[[], object]]
) -> None:
    run = run_callable(way(component, "my_svc!", account_name="contoso-svc"))
    assert run.error is None
    assert [r.inputs["accountName"] for r in run.of_type(ACCOUNT)] == ["contoso-svc"]


@pytest.mark.parametrize("component", COMPONENTS)
def test_a_valid_component_name_is_the_account_name_and_lowercased_subdomain(component: Any) -> None:
    run = run_callable(from_args(component, "Contoso-Svc"))
    assert run.error is None
    [account] = run.of_type(ACCOUNT)
    assert (account.inputs["accountName"], account.inputs["properties"]["customSubDomainName"]) == (
        "Contoso-Svc",
        "contoso-svc",
    )


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("component", COMPONENTS)
@pytest.mark.parametrize(("name", "shown"), [("", "an empty string"), (None, "NoneType"), (7, "int 7")])
def test_a_name_pulumi_cannot_take_is_refused_naming_it_not_with_a_type_error(
    component: Any, way: Callable[..., Callable[[], object]], name: object, shown: str
) -> None:
    run = run_callable(way(component, name, account_name="contoso-svc"))
    assert run.error is not None
    assert f"name: must be a non-empty string (the component's resource name), not {shown}" in run.error
    assert "TypeError" not in run.error
    assert run.resources == []


def test_every_problem_is_listed_with_the_names() -> None:
    run = run_callable(from_args(AzureOpenAIService, "my_svc!", location="nowhere"))
    assert run.error is not None
    assert "  name: is also the account name" in run.error
    assert "  location:" in run.error


def test_another_languages_component_name_is_checked_as_its_account_name_when_account_name_is_left_out() -> None:
    inputs = {
        "useCase": {CONFIG_NAMING(key): value for key, value in support_bot().items()},
        "location": "eastus2",
        "resourceGroupName": "rg-test",
    }
    found: dict[str, Any] = {}

    def body() -> None:
        try:
            GuardedComponentProvider().construct("my_svc!", "azure-openai-guarded:index:AzureOpenAIService", inputs)
        except ComponentInitError as error:
            found["error"] = error.inner
        except ComponentRefusedError as error:
            found["error"] = error.refusal

    run = run_callable(body)
    assert "name: is also the account name and its custom subdomain, since accountName is left out" in str(
        found.get("error")
    ), (found, run.error)
    assert run.resources == []
