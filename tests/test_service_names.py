"""The service's names the tripwire reads are one table (guards/resource_texts.py's ``SERVICE_NAMES``), read from
validated settings by the components and from a YAML program's properties by the checker: each of its fields
must be one the settings have, or the table would silently read nothing."""

from __future__ import annotations

import typing

import pytest

from azure_openai_guarded.components.account import ServiceSettings
from azure_openai_guarded.guards.resource_texts import SERVICE_NAMES


@pytest.mark.parametrize(("field", "named_by"), SERVICE_NAMES, ids=[field for field, _ in SERVICE_NAMES])
def test_each_name_the_tripwire_reads_is_a_field_of_the_service_settings(field: str, named_by: str | None) -> None:
    assert field in ServiceSettings.model_fields
    if named_by:
        annotation = ServiceSettings.model_fields[field].annotation
        [entry, _] = typing.get_args(annotation)
        assert named_by in entry.model_fields
