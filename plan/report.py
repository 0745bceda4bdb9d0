"""Render plans: a readable table per stack for a terminal, or Markdown for a pull-request comment."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from azure_openai_guarded.guards.report.common import code_span, display_path, printable
from mockengine.analyzer import Violation
from mockengine.program import Registered

from .describe import describe
from .planner import AZURE_NATIVE, StackPlan, Status

SETTINGS_WIDTH = 88
MESSAGE_WIDTH = 100
FOOTNOTE = "Offline plan: Pulumi's mock engine ran the real program; nothing was deployed."


class Format(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"


def short_type(r: Registered) -> str:
    if r.type.startswith("pulumi:providers:"):
        return f"provider {r.type.removeprefix('pulumi:providers:')}"
    if not r.custom:
        return f"{r.type.rsplit(':', 1)[-1]} (component)"
    return r.type.removeprefix(f"{AZURE_NATIVE}:")


def azure_name(r: Registered) -> str:
    """The name the resource gets in Azure; the Pulumi name for components and providers."""
    if not r.custom or r.type.startswith("pulumi:"):
        return r.name
    if r.type == f"{AZURE_NATIVE}:authorization:RoleAssignment" and "roleAssignmentName" not in r.inputs:
        return "(GUID chosen at deploy)"
    return str(r.inputs.get("name") or r.name)


def provider_label(plan: StackPlan, r: Registered) -> str:
    if not r.custom or r.type.startswith("pulumi:providers:"):
        return "-"
    provider = plan.provider_of(r)
    if provider is not None:
        return f"{provider.inputs.get('environment', 'public')} (explicit)"
    if AZURE_NATIVE in plan.disabled_default_providers or "*" in plan.disabled_default_providers:
        return "DISABLED default"
    return f"{plan.default_environment} (default)"


def _header(plan: StackPlan) -> str:
    head = f"{printable(display_path(plan.file))}  (stack {printable(plan.stack) or '-'})  {plan.status.upper()}"
    if plan.verdict is not None:
        v = plan.verdict
        head += f"  verdict {v.label}, profile {v.profile}, rule set {v.ruleset_version}, terms {v.terms_version}"
    return head


def _output_value(value: Any) -> str:
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        # A list of objects (the Foundry projects): one `key=value` group per object.
        return "; ".join(", ".join(f"{k}={v}" for k, v in item.items()) for item in value)
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "(none)"
    return str(value)


def _rows(plan: StackPlan) -> list[tuple[str, str, str, str, list[str]]]:
    return [
        (str(i), short_type(r), azure_name(r), provider_label(plan, r), describe(r))
        for i, r in enumerate(plan.resources, 1)
    ]


def _messages(plan: StackPlan) -> list[str]:
    lines: list[str] = []
    rules: list[str] = []
    if plan.verdict is not None:
        lines += [f"[{f.severity.value}] {f.rule}: {f.message}" for f in plan.verdict.findings]
        rules = [f"[{f.rule}]" for f in plan.verdict.findings]
    if plan.run is not None:
        # The components log the guard's warnings too; they are listed above already.
        lines += [f"[advisory] {w}" for w in plan.run.warnings if not any(rule in w for rule in rules)]
    lines += [f"[invalid] {p}" for p in plan.problems]
    if plan.run is not None and plan.run.error:
        lines += plan.run.error.splitlines()
    return lines


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def _violation_counts(violations: Sequence[Violation]) -> str:
    mandatory = sum(1 for v in violations if v.mandatory)
    return f"{mandatory} mandatory, {_count(len(violations) - mandatory, 'advisory violation')}"


def _policy_status(plan: StackPlan) -> str:
    status = _violations_status(plan)
    if plan.disabled_policies:
        status += f"; disabled by --policy-pack-config: {', '.join(plan.disabled_policies)}"
    return status


def _violations_status(plan: StackPlan) -> str:
    if plan.violations is None:
        return "not run, the program did not complete"
    if not plan.violations:
        return "no violations"
    return _violation_counts(plan.violations)


def _violation_resource(plan: StackPlan, violation: Violation) -> str:
    """The resource a violation names, as the engine prints it (type and Pulumi name), or the stack."""
    if not violation.urn:
        return "(stack)"
    resource = next((r for r in plan.resources if r.urn == violation.urn), None)
    if resource is None:
        return violation.urn
    return f"{short_type(resource)} {resource.name}"


def render_text_policies(plan: StackPlan) -> list[str]:
    lines = [f"policy pack: {_policy_status(plan)}"]
    for v in plan.violations or []:
        lines.append(f"  [{v.enforcement.value}] {v.policy}  {_violation_resource(plan, v)}")
        for paragraph in v.message.splitlines():
            lines += [f"      {line}" for line in textwrap.wrap(paragraph, MESSAGE_WIDTH, break_on_hyphens=False)]
    return lines


def _summary(plan: StackPlan) -> str:
    resources = plan.resources
    azure = sum(1 for r in resources if r.custom and not r.type.startswith("pulumi:"))
    if plan.status is Status.BLOCKED:
        blocked = len(plan.mandatory_violations)
        return (
            f"{len(resources)} resources would be registered, {azure} of them in Azure, but "
            f"{_count(blocked, 'mandatory policy violation')} would stop `pulumi preview` and `pulumi up`."
        )
    if plan.status is Status.ALLOWED:
        return f"{len(resources)} resources would be registered, {azure} of them in Azure."
    if not resources:
        return "Nothing would be created: no resource was registered."
    return f"{len(resources)} resources were registered before the error."


def render_text_stack(plan: StackPlan) -> str:
    lines = [_header(plan)]
    lines += [f"  {line}" for line in _messages(plan)]
    if plan.run is not None:
        lines += [f"  {line}" for line in render_text_policies(plan)]
    rows = _rows(plan)
    if rows:
        head = ("#", "RESOURCE", "NAME", "PROVIDER")
        widths = [max(len(h), *(len(row[k]) for row in rows)) for k, h in enumerate(head)]
        indent = "  " + "  ".join(" " * w for w in widths) + "  "

        def cells(values: Sequence[str]) -> str:
            return "  " + "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + "  "

        lines.append(cells(head) + "KEY SETTINGS")
        for *columns, settings in rows:
            wrapped = textwrap.wrap(", ".join(settings), SETTINGS_WIDTH, break_on_hyphens=False) or [""]
            lines.append((cells(columns) + wrapped[0]).rstrip())
            lines += [(indent + more).rstrip() for more in wrapped[1:]]
    outputs = {k: v for k, v in (plan.run.outputs if plan.run else {}).items() if k != "verdict"}
    if outputs and plan.status in (Status.ALLOWED, Status.BLOCKED):
        lines.append("  outputs:")
        width = max(len(k) for k in outputs)
        lines += [f"    {k.ljust(width)}  {_output_value(v)}" for k, v in outputs.items()]
    lines.append(f"  {_summary(plan)}")
    return "\n".join(lines)


def _tally(plans: Sequence[StackPlan]) -> str:
    counts = {status: sum(1 for p in plans if p.status is status) for status in Status}
    violations = [v for p in plans for v in p.violations or []]
    return (
        f"{len(plans)} stack{'s' if len(plans) != 1 else ''}: {counts[Status.ALLOWED]} allowed, "
        + (f"{counts[Status.BLOCKED]} blocked by policy, " if counts[Status.BLOCKED] else "")
        + f"{counts[Status.DENIED]} denied, {counts[Status.INVALID]} invalid; "
        f"policy pack: {_violation_counts(violations)}."
    )


def render_text(plans: Sequence[StackPlan]) -> str:
    blocks = [render_text_stack(p) for p in plans]
    return "\n\n".join([*blocks, f"{_tally(plans)} {FOOTNOTE}"]) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def render_markdown(plans: Sequence[StackPlan]) -> str:
    out = ["## Azure OpenAI offline plan", "", f"{_tally(plans)} {FOOTNOTE}", ""]
    for plan in plans:
        out += [
            f"### {code_span(display_path(plan.file))} (stack {code_span(plan.stack)}): **{plan.status.upper()}**",
            "",
        ]
        if plan.verdict is not None:
            v = plan.verdict
            out += [
                f"Verdict **{v.label}**, profile `{v.profile}`, rule set {v.ruleset_version}, terms {v.terms_version}.",
                "",
            ]
        messages = _messages(plan)
        if messages:
            out += ["```text", *messages, "```", ""]
        if plan.run is not None:
            out += [f"Policy pack: **{_policy_status(plan)}**.", ""]
        if plan.violations:
            out += ["| Level | Policy | Resource | Message |", "| --- | --- | --- | --- |"]
            out += [
                f"| {v.enforcement.value} | `{v.policy}` | {_md(_violation_resource(plan, v))} | {_md(v.message)} |"
                for v in plan.violations
            ]
            out.append("")
        rows = _rows(plan)
        if rows:
            out += ["| # | Resource | Name | Provider | Key settings |", "| --- | --- | --- | --- | --- |"]
            out += [
                f"| {n} | `{_md(t)}` | {_md(name)} | {_md(prov)} | {'<br>'.join(_md(s) for s in settings)} |"
                for n, t, name, prov, settings in rows
            ]
            out.append("")
        out += [_summary(plan), ""]
    return "\n".join(out)


RENDERERS = {Format.TEXT: render_text, Format.MARKDOWN: render_markdown}
