"""Whether to colour what goes to a stream: one decision for every command.

In falling precedence, as rich decides it and as https://no-color.org asks (a flag given
for one run overrides the variables):
1. `--color` / `--no-color`;
2. `NO_COLOR` set and not empty: no colour;
3. `FORCE_COLOR` set and not empty: colour, even into a pipe or a file;
4. otherwise colour only on a terminal.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TextIO


def use_color(flag: bool | None, stream: TextIO, env: Mapping[str, str] | None = None) -> bool:
    if flag is not None:
        return flag
    env = os.environ if env is None else env
    if env.get("NO_COLOR", ""):
        return False
    if env.get("FORCE_COLOR", ""):
        return True
    try:
        return stream.isatty()
    except (ValueError, OSError):  # closed
        return False
