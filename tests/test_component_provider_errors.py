"""The component package reports a component's refusal to the engine as the component's own message.

Pulumi's provider host re-raises a :class:`pulumi.RunError` out of its ``Construct`` handler, and gRPC then
sends it as ``Unexpected <class '...GuardDeniedError'>: ...``, which every other language's ``pulumi preview``
printed. An :class:`InputPropertiesError` is what the host answers with a clean ``INVALID_ARGUMENT`` status
holding the message alone.
"""

from __future__ import annotations

from typing import Any

import grpc
import pulumi
import pytest
from pulumi.errors import InputPropertiesError
from pulumi.provider.server import ProviderServicer

from azure_openai_guarded.components import GuardDeniedError, InvalidArgsError
from azure_openai_guarded.provider import ComponentRefusedError, GuardedComponentProvider
from mockengine.program import run_callable

TOKEN = "azure-openai-guarded:index:AzureOpenAIService"
ALLOWED = {
    "name": "support-bot",
    "purpose": "Answer billing questions in the support portal.",
    "owner": "support@example.com",
    "operator": {"sector": "commercial", "country": "US"},
    "servedParties": [],
    "capabilities": ["text_generation"],
}
DENIED = ALLOWED | {
    "operator": {"sector": "law_enforcement", "country": "US"},
    "capabilities": ["facial_recognition"],
    "facialRecognition": {"realtime": False, "cameras": ["fixed"], "environment": "controlled"},
}


@pytest.mark.parametrize(
    ("inputs", "refusal", "starts"),
    [
        (
            {"useCase": DENIED, "location": "eastus2", "resourceGroupName": "rg-x"},
            GuardDeniedError,
            "AzureOpenAIService 'svc': the guard denied this use case; nothing was created.",
        ),
        (
            {"useCase": ALLOWED, "location": "mars", "resourceGroupName": "rg-x"},
            InvalidArgsError,
            "AzureOpenAIService 'svc': the arguments are invalid; nothing was created.",
        ),
    ],
    ids=["denied", "invalid"],
)
def test_a_refusal_reaches_the_engine_as_the_components_message_without_a_python_class(
    inputs: dict[str, Any], refusal: type[Exception], starts: str
) -> None:
    raised: list[BaseException] = []

    def body() -> None:
        try:
            GuardedComponentProvider().construct("svc", TOKEN, inputs, pulumi.ResourceOptions())
        except BaseException as error:  # what the host's handler receives, whatever it is
            raised.append(error)

    run = run_callable(body)
    [error] = raised
    # The host answers InputPropertiesError with abort_with_status(INVALID_ARGUMENT, message); a RunError it
    # re-raises, which gRPC reports with the exception's class.
    assert isinstance(error, InputPropertiesError)
    assert not isinstance(error, pulumi.RunError)
    assert isinstance(error, ComponentRefusedError)
    assert isinstance(error.refusal, refusal)
    assert error.message.startswith(starts)
    assert "<class" not in error.message
    assert "Traceback" not in error.message
    assert run.resources == []
    # The status Pulumi's host builds from it carries what grpc's abort_with_status reads (without property
    # errors it had no trailing metadata, and the abort itself failed with AttributeError under the real engine).
    status = ProviderServicer.create_grpc_invalid_properties_status(None, error.message, error.errors)  # type: ignore[arg-type]
    assert status.code == grpc.StatusCode.INVALID_ARGUMENT
    assert status.details == error.message
    assert status.trailing_metadata


PUBLISHED = (
    "`azure-openai-guarded:index:AzureOpenAIService` and `azure-openai-guarded:index:AzureGovernmentOpenAIService`"
)


@pytest.mark.parametrize(
    "token",
    [
        "azure-openai-guarded:index:NoSuchService",
        "azure-openai-guarded:index:azureopenaiservice",
        "azure-openai-guarded:other:AzureOpenAIService",
        "aws:s3:Bucket",
        "AzureOpenAIService",
        "azure-openai-guarded:index:",
    ],
    ids=["unknown-component", "wrong-case", "other-module", "other-package", "no-package", "no-component"],
)
def test_an_unknown_type_token_reaches_the_engine_as_a_clean_error_naming_it_and_the_published_ones(
    token: str,
) -> None:
    raised: list[BaseException] = []

    def body() -> None:
        try:
            GuardedComponentProvider().construct("svc", token, {"useCase": ALLOWED}, pulumi.ResourceOptions())
        except BaseException as error:  # what the host's handler receives, whatever it is
            raised.append(error)

    run = run_callable(body)
    [error] = raised
    # Pulumi's own lookup raised a bare KeyError (a ValueError for another package), sent with its traceback.
    assert isinstance(error, InputPropertiesError)
    assert not isinstance(error, KeyError | ValueError)
    assert error.message == f"`{token}` is no component of package azure-openai-guarded, which publishes {PUBLISHED}"
    assert run.resources == []
    status = ProviderServicer.create_grpc_invalid_properties_status(None, error.message, error.errors)  # type: ignore[arg-type]
    assert status.code == grpc.StatusCode.INVALID_ARGUMENT
    assert status.trailing_metadata


def test_a_token_with_an_empty_module_still_builds_the_component_as_pulumi_accepts_it() -> None:
    raised: list[BaseException] = []

    def body() -> None:
        inputs = {"useCase": DENIED, "location": "eastus2", "resourceGroupName": "rg-x"}
        try:
            GuardedComponentProvider().construct("svc", "azure-openai-guarded::AzureOpenAIService", inputs)
        except BaseException as error:
            raised.append(error)

    run_callable(body)
    [error] = raised
    # The component itself decided (and denied) the declaration: the token was found.
    assert isinstance(error, ComponentRefusedError)
    assert isinstance(error.refusal, GuardDeniedError)


def test_a_method_call_is_refused_cleanly_as_the_components_publish_none() -> None:
    token = "azure-openai-guarded:index:AzureOpenAIService/getKeys"
    with pytest.raises(InputPropertiesError) as raised:
        GuardedComponentProvider().call(token, {})
    # Pulumi's default raised a bare Exception, which the host sent with the Python traceback.
    assert raised.value.message == (
        f"`{token}` is no method of package azure-openai-guarded: its components ({PUBLISHED}) have none"
    )


def test_a_function_invocation_fails_with_a_message_naming_the_token_not_an_exception() -> None:
    # The host sends whatever an invoke raises with the Python traceback; a failure reaches the engine as its text.
    result = GuardedComponentProvider().invoke("azure-openai-guarded:index:getVerdict", {})
    assert result.outputs == {}
    [failure] = result.failures or []
    assert failure.reason == (
        "`azure-openai-guarded:index:getVerdict` is no function of package azure-openai-guarded, which publishes only "
        "components"
    )
