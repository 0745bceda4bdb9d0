"""The service's names the tripwire reads are one table (guards/resource_texts.py's ``SERVICE_NAMES``), read from
validated settings by the components and from a YAML program's properties by the checker: each of its fields
must be one the settings have, or the table would silently read nothing."""

from __future__ import annotations

import typing

import pytest
from pydantic import BaseModel

from azure_openai_guarded.components.account import ServiceSettings
from azure_openai_guarded.guards.resource_texts import SERVICE_NAMES


def _model_of(annotation: object) -> type[BaseModel]:
    """The settings model an entry field holds: one (``X | None``) or a list of them (``tuple[X, ...]``)."""
    [model] = [arg for arg in typing.get_args(annotation) if isinstance(arg, type) and issubclass(arg, BaseModel)]
    return model


@pytest.mark.parametrize(("field", "named_by"), SERVICE_NAMES, ids=[field for field, _ in SERVICE_NAMES])
def test_each_name_the_tripwire_reads_is_a_field_of_the_service_settings(field: str, named_by: str | None) -> None:
    assert field in ServiceSettings.model_fields
    model: type[BaseModel] = ServiceSettings
    *entries, name = [field, *(named_by.split(".") if named_by else ())]
    for step in entries:
        assert step in model.model_fields, (model.__name__, step)
        model = _model_of(model.model_fields[step].annotation)
    assert name in model.model_fields, (model.__name__, name)
