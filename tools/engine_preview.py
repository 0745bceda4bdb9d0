"""`make engine-preview STACK=<name>`: one stack's `pulumi preview --policy-pack guards/policy_pack`, for a person.

It runs the real Pulumi CLI and engine (`make engine`), with only Azure stood in for (the azure-native stand-in
of tests/engine/standin), in a temporary copy of the project, exactly as the engine tier does; the repository's
own stack files are never written. STACK names `stacks/Pulumi.<name>.yaml`, or a stack file elsewhere, in the
repository (`examples/law-enforcement/Pulumi.us-sheriff-booking.yaml`, or just `us-sheriff-booking`) or outside it.
The exit status is pulumi's: a denied stack fails.
"""

from __future__ import annotations

import codecs
import subprocess
import sys
import tempfile
from pathlib import Path

from azure_openai_guarded.guards import PROJECT
from tests.engine.harness import REPO, Engine, copy_project, link_environments, pulumi_cli


def stack_file(name: str) -> Path:
    given = (REPO / name).resolve()
    if given.is_file():
        return given
    candidates = [REPO / "stacks" / f"Pulumi.{name}.yaml", *sorted(REPO.glob(f"examples/*/Pulumi.{name}.yaml"))]
    for candidate in candidates:
        # A stack of this project's program, not of an example consumer with a project of its own.
        if candidate.is_file() and f"{PROJECT}:" in candidate.read_text():
            return candidate
    raise SystemExit(f"engine-preview: no stack file stacks/Pulumi.{name}.yaml (nor under examples/)")


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0]:
        raise SystemExit("usage: make engine-preview STACK=<name or stack file>")
    source = stack_file(argv[0])
    if pulumi_cli() is None:
        raise SystemExit("engine-preview: no Pulumi CLI; run `make engine` first")
    stack = source.name.removeprefix("Pulumi.").removesuffix(".yaml")
    with tempfile.TemporaryDirectory(prefix="engine-preview-") as tmp:
        root = Path(tmp)
        project = copy_project(root / "project")
        link_environments(project)
        engine = Engine(root, project)
        # The stack is made first and the file put in after, as a person edits a stack file after `pulumi stack
        # init`: init rewrites an existing file as the engine reads it, which would hide what the program refuses
        # in it (a second document, two spellings of a key). The file keeps the salt init wrote, unless it has one.
        target = project / "stacks" / f"Pulumi.{stack}.yaml"
        target.unlink(missing_ok=True)
        created = engine.run("stack", "init", stack, "--secrets-provider", "passphrase")
        if created.code != 0:
            sys.stderr.write(f"engine-preview: pulumi stack init {stack} failed:\n{created.text}")
            return created.code
        written = source.read_bytes()
        salt = [line for line in target.read_bytes().splitlines(keepends=True) if line.startswith(b"encryptionsalt:")]
        kept = b"encryptionsalt:" in written or written.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        # A UTF-8 byte-order mark stays first: after the salt it would be a character inside the YAML.
        bom = codecs.BOM_UTF8 if written.startswith(codecs.BOM_UTF8) else b""
        target.write_bytes(written if kept else bom + b"".join(salt) + written.removeprefix(bom))
        shown = source.relative_to(REPO) if source.is_relative_to(REPO) else source
        print(f"engine-preview: {shown} through the real Pulumi engine; Azure is stood in for", flush=True)
        command = [engine.cli, "preview", "--stack", stack, "--policy-pack", "guards/policy_pack", "--non-interactive"]
        return subprocess.run(command, cwd=project, env=engine.env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
