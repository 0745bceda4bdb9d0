"""The stack files of a git repository, as ``aoai-guard check --repository`` (and so the pre-commit hook) checks them.

pre-commit matches the names of the files a commit changes, so a hook given only those misses a commit whose change
decides a stack under another name: the target of a stack file that is a symbolic link (``stacks/Pulumi.prod.yaml``
pointing at ``shared/base-config.yaml``), or a deleted project file. The hook therefore decides the whole repository
on every commit, each stack as its project applies to it:

* every ``Pulumi.<stack>.yaml`` (or ``.yml``, any letter case) git's index holds, which is what the commit records
  (a file the checker may read that differs in the work tree from the index is an error: the check would decide
  what the commit does not record),
  a link among them (read through it, named by it); the checker finds each one's project file (beside it, above it,
  or naming its folder from afar) and, for a YAML project, reads its program;
* every project file git's index holds whose project reaches stack files that are not there, through its
  stackConfigDir (a folder link, or a folder git leaves out), as when the hook was given a changed project file;
  and every one whose project has no stack file at all while its program is YAML, or is code whose sources name the
  components or provision what the guard governs (a raw account, a use case written in code), decided with an
  empty stack config.

A ``Main.yaml`` or ``Main.json`` adds nothing to that: its project's stacks are checked with the program applied. A
``main.yaml`` no Pulumi YAML project runs (an Ansible role's tasks) is never read.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Final

from .checker import stack_files
from .consumer_config import PROGRAM_SUFFIXES, program_names
from .projectfile import READABLE, ProjectFiles
from .stackfile import is_stack_file_name
from .yaml_program import is_yaml_program

GIT_TIMEOUT_S: Final = 60
"""How long listing the index may take; a repository of a million files takes about a second."""

_PROJECT_NAMES: Final = frozenset(name.casefold() for name in READABLE)

_JSON_PULUMI: Final = re.compile(r"(?i)pulumi(?:\.[^/]+)?\.json")
"""A JSON project file (``Pulumi.json``) or stack file (``Pulumi.dev.json``), which Pulumi reads and the checker
does not."""


class RepositoryError(Exception):
    """The repository's files cannot be listed (no git, not a work tree)."""


def repository_paths(folder: Path) -> list[Path]:
    """What ``--repository`` checks under ``folder`` (``Path()``, the working folder, names every path relative to
    it, as the hook's report shows them): the stack files git's index holds, then each project file there whose
    project reaches other stack files; raises :class:`RepositoryError` when git cannot list the index."""
    names = _index(folder)
    changed = sorted(name for name in _git(folder, "diff", "--name-only", "--relative", "-z") if _read_by_check(name))
    if changed:
        shown = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
        raise RepositoryError(
            f"{shown} differ from what git's index holds, which is what a commit records and what --repository "
            "decides: stage the change (git add) or stash it, then check again"
        )
    stacks = sorted(folder / name for name in names if is_stack_file_name(_base(name)))
    tracked = {os.path.abspath(path) for path in stacks}
    projects = ProjectFiles()
    reaching = [
        folder / name
        for name in sorted(names)
        if _base(name).casefold() in _PROJECT_NAMES
        and _reaches_others((folder / name).parent, projects, tracked) is not False
    ]
    # A JSON project or stack file the checker cannot read is checked too, so that it is reported, not skipped.
    unread = sorted(folder / name for name in names if _JSON_PULUMI.fullmatch(_base(name)))
    return stacks + reaching + unread


def _base(name: str) -> str:
    return name.rsplit("/", 1)[-1]


def _reaches_others(folder: Path, projects: ProjectFiles, tracked: set[str]) -> bool | None:
    """Whether the project in ``folder`` has stack files (beside it, or in its stackConfigDir) that git's index does
    not hold; a folder that cannot be listed counts, so the checker reports it. ``None`` for a project with no
    stack file at all: its stacks are made where it runs (``pulumi stack init`` in CI), so the checker decides its
    program with an empty stack config (a YAML program read whole, one in code if it names the components or its
    sources give other evidence of provisioning what the guard governs, as :func:`.checker.check_program` reads it:
    see :attr:`.consumer_config.ProgramNames.decided_without_stack`)."""
    stacks = projects.stack_folder(folder)
    folders = [folder] if stacks is None or not stacks.is_dir() else [folder, stacks]
    try:
        found = [os.path.abspath(path) for path in stack_files(folders)]
    except OSError:
        return True
    if not found:
        document = projects.document_in(folder)
        if document is None or document[1] is None:
            return False
        if is_yaml_program(document[1]):
            return None
        return None if program_names(document[0], document[1].get("main")).decided_without_stack else False
    return any(path not in tracked for path in found)


_READ_SUFFIXES: Final = PROGRAM_SUFFIXES | {".yaml", ".yml", ".json"}
"""What the checker may read of a repository: stack and project files, YAML programs and the JSON they include, and
a consumer program's source files (which it reads for the cloud the program names)."""


def _read_by_check(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in _READ_SUFFIXES


def _index(folder: Path) -> set[str]:
    """The paths git's index holds under ``folder``, relative to it (each once: a conflicted file has three
    entries)."""
    return set(_git(folder, "ls-files", "-z", "--cached"))


def _git(folder: Path, *command: str) -> list[str]:
    """What ``git <command>`` (given ``-z``) lists in ``folder``, one path an entry."""
    try:
        listed = subprocess.run(
            ["git", *command],
            cwd=folder,
            capture_output=True,
            check=False,
            timeout=GIT_TIMEOUT_S,
        )
    except FileNotFoundError:
        raise RepositoryError("cannot list the repository's files: git is not installed (or not on PATH)") from None
    except (OSError, subprocess.TimeoutExpired) as error:
        raise RepositoryError(f"cannot list the repository's files with git: {error}") from None
    if listed.returncode != 0:
        said = listed.stderr.decode(errors="replace").strip() or f"exit status {listed.returncode}"
        raise RepositoryError(f"cannot list the repository's files: `git {command[0]}` says: {said}")
    return [os.fsdecode(entry) for entry in listed.stdout.split(b"\0") if entry]
