"""The components as a Pulumi package for every language: ``pulumi package add <this repo>/provider``.

``provider/__main__.py`` (next to ``provider/PulumiPlugin.yaml``) runs :func:`main`,
which serves :data:`COMPONENTS` through Pulumi's component provider host; the
schema that TypeScript, Go, C#, Java and YAML SDKs are generated from is
inferred from the components' typed arguments and docstrings
(each Azure concept's module in :mod:`azure_openai_guarded.components`). A component built through the
provider runs the same validation and the same guard as one built in Python:
a denied declaration fails and nothing is registered.

:class:`GuardedComponentProvider` is Pulumi's ``ComponentProvider`` with two
changes to how it hands the engine's inputs to the components (Pulumi 3.272):

* the inputs reach the component as the engine sent them, keyed by the
  schema's camelCase names (:class:`~azure_openai_guarded.components.guard.SchemaInputs`),
  and the component reads them with the stack files' reader. Pulumi's own
  mapping renamed them to Python names, dropped every key the schema lacks at
  any depth (a misspelt ``useCase.servedPartys`` vanished) and mapped each item
  of a list of enums as an object; now an unknown key is an error with its
  path, and enum values are checked by the component, naming the field and the
  allowed values;
* integers (``capacity``) arrive from the engine as floats, which the strict
  validation refuses; whole numbers in integer fields are made ints at every
  depth.

and its analyzer also reads the docstrings of inherited fields: Pulumi reads a
field's description from the source of the class it analyses, so every input of
``AzureGovernmentOpenAIService`` (whose arguments extend the commercial ones)
would otherwise be undocumented in every language. A ``construct`` for a type token the package does not
publish, a method call and a function invocation each fail with a clean message naming the token (and the
components' tokens), where Pulumi's provider sent a ``KeyError`` or an exception with its Python traceback.
"""

import ast
import inspect
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from pulumi import ComponentResource, ResourceOptions, RunError
from pulumi.errors import InputPropertiesError
from pulumi.output import Inputs
from pulumi.provider import main as serve
from pulumi.provider.experimental import component as pulumi_component
from pulumi.provider.experimental.analyzer import (
    Analyzer,
    ComponentDefinition,
    PropertyDefinition,
    PropertyType,
    TypeDefinition,
)
from pulumi.provider.experimental.component import ComponentProvider
from pulumi.provider.provider import CallResult, CheckFailure, ConstructResult, InvokeResult
from pulumi.provider.server import ComponentInitError

from . import __version__
from .components.government import AzureGovernmentOpenAIService
from .components.guard import SchemaInputs
from .components.openai_service import AzureOpenAIService

PACKAGE_NAME = "azure-openai-guarded"
"""The Pulumi package name: the first part of every type token (``azure-openai-guarded:index:...``)."""

COMPONENTS: tuple[type[ComponentResource], ...] = (AzureOpenAIService, AzureGovernmentOpenAIService)
"""The components the package publishes."""


_PACKAGE = __name__.rpartition(".")[0]


def _declared_bases(typ: type) -> list[type]:
    """The package's classes that ``typ``'s class statement names as bases; a TypedDict keeps no other record of
    them. A base may come from another of the package's modules (the components' outputs do)."""
    module = sys.modules.get(typ.__module__)
    try:
        tree = ast.parse(inspect.getsource(module)) if module is not None else None
    except (OSError, TypeError):
        return []
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, ast.ClassDef) and node.name == typ.__name__:
            named = (getattr(module, base.id, None) for base in node.bases if isinstance(base, ast.Name))
            return [base for base in named if isinstance(base, type) and base.__module__.startswith(_PACKAGE)]
    return []


class InheritedDocstringAnalyzer(Analyzer):
    """Pulumi's analyzer, reading a field's description from the class that declares it, inherited or not."""

    def get_docstring(self, typ: type, name: str) -> str | None:
        own = super().get_docstring(typ, name)
        if own is not None:
            return own
        return next((doc for base in _declared_bases(typ) if (doc := self.get_docstring(base, name))), None)


@contextmanager
def _analysed_with(analyzer: type[Analyzer]) -> Iterator[None]:
    """ComponentProvider builds its own Analyzer while it is constructed; have it build ``analyzer``."""
    namespace = vars(pulumi_component)
    original = namespace["Analyzer"]
    namespace["Analyzer"] = analyzer
    try:
        yield
    finally:
        namespace["Analyzer"] = original


class ComponentRefusedError(InputPropertiesError):
    """A component refused its inputs (invalid, or a denied declaration): the engine gets the component's message
    alone, as a clean ``INVALID_ARGUMENT``; ``refusal`` is the component's own error."""

    def __init__(self, refusal: RunError) -> None:
        # An empty list, not None: without property errors Pulumi's host (3.272) builds a status without the
        # trailing metadata its abort needs, and fails with AttributeError instead of sending the message.
        super().__init__(str(refusal), [])
        self.refusal = refusal


class UnknownTokenError(InputPropertiesError):
    """A request for a type token the package does not publish (a component misspelt, another package's token):
    the engine gets a clean ``INVALID_ARGUMENT`` naming the token and what the package publishes, as it gets a
    component's refusal (see :class:`ComponentRefusedError`), not a ``KeyError``'s traceback."""

    def __init__(self, message: str) -> None:
        # An empty list, not None, for the reason ComponentRefusedError gives.
        super().__init__(message, [])


class GuardedComponentProvider(ComponentProvider):
    """Pulumi's component provider for :data:`COMPONENTS`, with enum lists and integers passed on intact
    and inherited arguments documented."""

    def __init__(self, version: str = __version__) -> None:
        with _analysed_with(InheritedDocstringAnalyzer):
            super().__init__(list(COMPONENTS), PACKAGE_NAME, None, version)
        # Go's SDK generator makes no input type for an object that only a plain list holds (additionalModels'
        # ModelOfferArgs), yet the component's Go args name one, so the generated Go SDK did not compile.
        schema = self.schema_json()
        schema.setdefault("language", {}).setdefault("go", {})["generateExtraInputTypes"] = True
        self.schema = json.dumps(schema)

    def schema_json(self) -> dict[str, Any]:
        """The package schema the provider serves to ``pulumi package add`` / ``get-schema``."""
        if self.schema is None:
            raise RuntimeError("the component provider built no schema")
        schema: dict[str, Any] = json.loads(self.schema)
        return schema

    def get_type_definition(self, prop: PropertyDefinition) -> TypeDefinition | None:
        """Object types only: enums are left as the engine's strings for the component to validate."""
        type_def = super().get_type_definition(prop)
        return None if type_def is not None and type_def.enum else type_def

    def construct(
        self, name: str, resource_type: str, inputs: Inputs, options: ResourceOptions | None = None
    ) -> ConstructResult:
        """Build the component; its own errors (a denied or an invalid declaration, each a
        :class:`pulumi.RunError`) reach the engine with the component's message alone.

        Pulumi's host wraps whatever a component raises in ``ComponentInitError`` and sends it with the Python
        traceback, which every consumer's ``pulumi preview`` then printed under the guard's verdict; a
        :class:`pulumi.RunError` re-raised escaped the host's handler, and gRPC sent it as
        ``Unexpected <class '...GuardDeniedError'>: ...``. An :class:`InputPropertiesError` is what the host
        answers with a clean ``INVALID_ARGUMENT`` status, whose message the engine prints as it is.
        """
        # Pulumi's provider looks the component up by the token's last part and raises a bare KeyError (or, for
        # another package's token, a ValueError), which the host sends with the Python traceback. It also accepts
        # the token with an empty module (`azure-openai-guarded::AzureOpenAIService`), as the engine may write it.
        package, module, component = resource_type.split(":") if resource_type.count(":") == 2 else ("", "", "")
        if f"{package}:{module or 'index'}:{component}" not in self.published():
            raise UnknownTokenError(
                f"`{resource_type}` is no component of package {PACKAGE_NAME}, which publishes "
                f"{_listed(self.published())}"
            )
        try:
            return super().construct(name, resource_type, inputs, options)
        except ComponentInitError as error:
            if isinstance(error.inner, RunError):
                raise ComponentRefusedError(error.inner) from None
            raise

    def published(self) -> tuple[str, ...]:
        """The type tokens of the components the package publishes, as its schema names them."""
        return tuple(self.schema_json().get("resources", {}))

    def call(self, token: str, args: Inputs) -> CallResult:
        """Refuse every method call with a clean error: the components publish no methods, and Pulumi's default
        raises a bare Exception, which the host sends with the Python traceback."""
        raise UnknownTokenError(
            f"`{token}` is no method of package {PACKAGE_NAME}: its components ({_listed(self.published())}) have none"
        )

    def invoke(self, token: str, args: Mapping[str, Any]) -> InvokeResult:
        """Answer every function invocation with a failure naming the token: the package publishes no functions,
        and the host sends any exception an invoke raises with the Python traceback, so the failure is what
        reaches the engine as the message alone."""
        said = f"`{token}` is no function of package {PACKAGE_NAME}, which publishes only components"
        return InvokeResult({}, [CheckFailure("", said)])

    def map_inputs(self, inputs: Inputs, component_def: ComponentDefinition) -> Inputs:
        """The engine's inputs as they are, keyed by the schema's names, for the component to read.

        Pulumi's own mapping renames them to Python names and drops any key the schema lacks, at any depth
        (``useCase.servedPartys`` would vanish); the components instead read :class:`SchemaInputs` with the
        stack files' reader, which refuses an unknown key with its path, as every other entry point does.
        """
        return SchemaInputs(self._integers(inputs, component_def.inputs))

    def _integers(self, value: Any, properties: Mapping[str, PropertyDefinition]) -> Any:
        """``value`` (schema names) with whole-number floats in integer properties made ints, at any depth."""
        if not isinstance(value, Mapping):
            return value
        return {key: self._integer(item, properties[key]) if key in properties else item for key, item in value.items()}

    def _integer(self, value: Any, prop: PropertyDefinition) -> Any:
        if prop.type == PropertyType.INTEGER:
            return int(value) if isinstance(value, float) and value.is_integer() else value
        if prop.ref:
            type_def = self.get_type_definition(prop)
            return self._integers(value, type_def.properties) if type_def is not None else value
        if isinstance(value, Sequence) and not isinstance(value, str) and prop.items is not None:
            items = prop.items
            return [self._integer(item, items) for item in value]
        if isinstance(value, Mapping) and prop.additional_properties is not None:
            values = prop.additional_properties
            return {key: self._integer(item, values) for key, item in value.items()}
        return value


def _listed(tokens: Sequence[str]) -> str:
    """``tokens`` each in backticks, joined for a message: `a`, `b` and `c`."""
    quoted = [f"`{token}`" for token in tokens]
    return " and ".join(filter(None, (", ".join(quoted[:-1]), *quoted[-1:])))


def main() -> None:
    """Serve the package to the Pulumi engine, which passes the plugin its address and flags as arguments."""
    serve(GuardedComponentProvider(), sys.argv[1:])
