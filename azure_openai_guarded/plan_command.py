"""``aoai-plan``: the offline plan (``python -m plan``) as a command.

The plan runs this repository's own Pulumi program over its stack files, so it
lives beside them in ``plan/``, outside the distribution. In the editable
install that ``make`` sets up, this package is the checkout's own folder, and
the command runs that checkout's ``plan``; an installed wheel has no program
to plan and says so.
"""

from __future__ import annotations

import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
"""The repository root, when this package is imported from a checkout."""


def main() -> int:
    if not (CHECKOUT / "plan" / "__main__.py").is_file() or not (CHECKOUT / "Pulumi.yaml").is_file():
        sys.stderr.write(
            "aoai-plan plans the azure-openai-guarded repository's own program: run it in a clone set up with "
            "`make plan` (an editable install). To check stack files anywhere, use `aoai-guard check`.\n"
        )
        return 2
    # The checkout's root on the path, as `python -m plan` run from it has it.
    sys.path.insert(0, str(CHECKOUT))
    from plan.__main__ import main as plan_main

    return plan_main(prog="aoai-plan")
