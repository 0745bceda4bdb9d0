"""Pulumi components for Azure OpenAI, guarded by the use-case declaration."""
