"""Import root for reuse: ``azure_openai_guarded.guards`` and ``azure_openai_guarded.components``.

The repository keeps the design card's top-level ``guards/`` and ``components/``
folders; this package links to them so that other projects import them under a
name that cannot collide with their own ``guards`` or ``components``.
"""
