"""Dependabot watches every manifest this repository pins versions in: uv.lock, the GitHub Actions the
workflows and action.yml use, and the TypeScript and Go consumers' packages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG: dict[str, Any] = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
MANIFESTS = {
    "uv": ("uv.lock", "pyproject.toml"),
    "npm": ("package.json", "package-lock.json"),
    "gomod": ("go.mod", "go.sum"),
    "github-actions": ("action.yml",),
}


def test_each_ecosystem_is_watched_once() -> None:
    assert CONFIG["version"] == 2
    ecosystems = [u["package-ecosystem"] for u in CONFIG["updates"]]
    assert sorted(ecosystems) == sorted(set(ecosystems)) == sorted(MANIFESTS)


def test_each_watched_folder_holds_its_ecosystems_manifest() -> None:
    for update in CONFIG["updates"]:
        folder = ROOT / update["directory"].lstrip("/")
        missing = [m for m in MANIFESTS[update["package-ecosystem"]] if not (folder / m).is_file()]
        assert missing == [], f"{update['package-ecosystem']} in {update['directory']}"
        assert update["schedule"]["interval"] in {"daily", "weekly", "monthly"}


def test_the_workflows_are_watched_with_the_action() -> None:
    (actions,) = (u for u in CONFIG["updates"] if u["package-ecosystem"] == "github-actions")
    # Dependabot reads .github/workflows and the folder's action.yml from the root.
    assert actions["directory"] == "/"
    assert list((ROOT / ".github" / "workflows").glob("*.yml"))


def test_every_consumer_with_a_package_manifest_is_watched() -> None:
    watched = {u["directory"] for u in CONFIG["updates"]}
    consumers = {
        f"/{p.parent.relative_to(ROOT).as_posix()}"
        for manifest in ("package.json", "go.mod")
        for p in (ROOT / "examples").glob(f"*/{manifest}")
    }
    assert consumers
    assert consumers <= watched
