"""Arguments nested deeper than the JSON and YAML readers allow are refused with the readers' limit, never a
RecursionError, however deep."""

from __future__ import annotations

from typing import Any

import pytest

from azure_openai_guarded.components import AzureOpenAIService, InvalidArgsError
from azure_openai_guarded.components.clouds import COMMERCIAL
from azure_openai_guarded.components.declaration import read_component_args, read_stack_config
from azure_openai_guarded.guards import DeclarationError
from azure_openai_guarded.guards.declaration import MAX_JSON_DEPTH
from tests.samples import service_args, support_bot

TOO_DEEP = f"is a value that exceeded maximum nesting depth ({MAX_JSON_DEPTH} levels of objects or arrays)"


def nested(levels: int) -> Any:
    value: Any = []
    for _ in range(levels - 1):
        value = [value]
    return value


def deep_capabilities(levels: int) -> Any:
    return service_args(use_case=support_bot() | {"capabilities": nested(levels)})


@pytest.mark.parametrize(
    ("args", "path"),
    [
        (deep_capabilities(3000), "use_case.capabilities[0]"),
        (service_args(tags={"a": nested(3000)}), "tags.a[0]"),
        (
            service_args(use_case=support_bot() | {"operator": {"sector": tuple(nested(3000))}}),
            "use_case.operator.sector",
        ),
    ],
)
def test_arguments_nested_thousands_deep_are_invalid_with_the_readers_limit(args: Any, path: str) -> None:
    with pytest.raises(InvalidArgsError) as raised:
        AzureOpenAIService("svc", args)
    assert f"{path}: {TOO_DEEP}" in str(raised.value)


def test_the_limit_counts_the_arguments_themselves_as_the_first_level() -> None:
    # args (1), use_case (2), capabilities (3): a list nested to the limit from there is validated as usual.
    within = MAX_JSON_DEPTH - 2
    with pytest.raises(DeclarationError) as raised:
        read_component_args(deep_capabilities(within), COMMERCIAL, spelling="python")
    assert TOO_DEEP not in str(raised.value)
    with pytest.raises(DeclarationError) as deeper:
        read_component_args(deep_capabilities(within + 1), COMMERCIAL, spelling="python")
    assert TOO_DEEP in str(deeper.value)


def test_a_stack_config_given_as_deeply_nested_values_is_invalid_alike() -> None:
    with pytest.raises(DeclarationError) as raised:
        read_stack_config({"useCase": {"capabilities": nested(3000)}, "service": {}})
    assert f"useCase.capabilities[0]: {TOO_DEEP}" in str(raised.value)
