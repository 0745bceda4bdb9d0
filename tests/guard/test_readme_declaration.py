"""The README's declaration, copied as it is, is a stack the guard allows.

A newcomer copies the block under "The declaration" into a stack file; it must be valid and allowed, and so must
it be with the facial-recognition facts the README shows beside it once the capability is declared.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from azure_openai_guarded.guards.checker import check_file

README = Path(__file__).resolve().parents[2] / "README.md"


def declaration_blocks() -> list[str]:
    section = README.read_text(encoding="utf-8").split("## The declaration", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```yaml\n(.*?)```", section, flags=re.S)


def test_the_readmes_declaration_is_allowed_as_it_is(tmp_path: Path) -> None:
    stack = tmp_path / "Pulumi.readme.yaml"
    stack.write_text(declaration_blocks()[0], encoding="utf-8")

    checked = check_file(stack)

    assert checked.verdict is not None, checked.problems
    assert checked.verdict.allowed, checked.verdict.summary()


def test_the_readmes_facial_recognition_facts_complete_a_declaration_with_the_capability(tmp_path: Path) -> None:
    document = yaml.safe_load(declaration_blocks()[0])
    facts = yaml.safe_load(declaration_blocks()[1])
    use_case = document["config"]["azure-openai-guarded:useCase"]
    use_case |= {"capabilities": ["facial_recognition"], **facts}
    stack = tmp_path / "Pulumi.readme.yaml"
    stack.write_text(yaml.safe_dump(document), encoding="utf-8")

    checked = check_file(stack)

    assert checked.verdict is not None, checked.problems
    assert checked.verdict.allowed, checked.verdict.summary()
