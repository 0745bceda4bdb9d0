"""What the tests that play a consumer repository share: a copy of this working tree, as a consumer's tool
checks out a release, and wheels repacked from this environment, so that pip installs without the network."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path, PurePosixPath

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def copy_working_tree(target: Path) -> None:
    """This working tree's files, those git does not ignore, copied into ``target``."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def _closure(names: Iterable[str]) -> Iterator[metadata.Distribution]:
    """The installed distributions of ``names`` and of their unconditional requirements, recursively."""
    seen: set[str] = set()
    todo = list(names)
    while todo:
        key = canonicalize_name(todo.pop())
        if key in seen:
            continue
        seen.add(key)
        dist = metadata.distribution(key)
        yield dist
        for line in dist.requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)


def _repack(dist: metadata.Distribution, folder: Path) -> Path:
    """An installed distribution as the wheel it was installed from: the files its RECORD lists, its scripts
    (outside site-packages) back in the wheel's ``.data/scripts``."""
    info = dist.read_text("WHEEL") or ""
    tag = next(line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("Tag:"))
    name = canonicalize_name(dist.metadata["Name"]).replace("-", "_")
    wheel = folder / f"{name}-{dist.version}-{tag}.whl"
    site = Path(str(dist.locate_file("")))
    scripts = site.parent.parent.parent / "bin"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in dist.files or []:
            posix = PurePosixPath(file.as_posix())
            if "__pycache__" in posix.parts or posix.suffix == ".pyc":
                continue
            source = (site / file).resolve()
            if posix.parts[0] == "..":
                if source.parent != scripts.resolve():
                    continue
                archive.write(source, f"{name}-{dist.version}.data/scripts/{source.name}")
            elif source.is_file():
                archive.write(source, str(posix))
    return wheel


def wheelhouse(folder: Path, *names: str) -> Path:
    """``folder`` filled with wheels of ``names`` and everything they need, from this environment."""
    for dist in {d.metadata["Name"]: d for d in _closure(names)}.values():
        _repack(dist, folder)
    return folder
