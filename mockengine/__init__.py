"""Pulumi's mock engine, as the offline plan, the tests and the benchmarks use it; never shipped in the wheel.

:mod:`mockengine.program` runs a Pulumi program (or one component) under ``pulumi.runtime.set_mocks`` and
records every registration; :mod:`mockengine.outputs` computes what Azure would return for them;
:mod:`mockengine.analyzer` hands the recorded registrations to the policy pack as the engine's policy
analyzer would; :mod:`mockengine.config` is the stack's config as the engine passes it. Importing this
package imports no Pulumi.
"""
