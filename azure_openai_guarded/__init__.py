"""Import root for reuse: ``azure_openai_guarded.guards`` and ``azure_openai_guarded.components``.

The repository keeps the design card's top-level ``guards/`` and ``components/``
folders; ``pyproject.toml``'s ``package-dir`` maps them into this package, so that
they have one import name, which cannot collide with another project's ``guards``
or ``components``.

Importing this package imports nothing else: the guard needs only pydantic and
PyYAML, the components need the ``pulumi`` extra.
"""

__version__ = "0.1.0"
"""This distribution's version (semantic versioning; see CHANGELOG.md). The rule set's own version,
which decides which stacks pass, is ``azure_openai_guarded.guards.RULESET_VERSION``."""

__all__ = ["__version__"]
