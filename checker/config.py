"""Settings from, in rising order of precedence: defaults, a configuration file,
environment variables, command-line flags. Each value remembers where it came from, so
`checker config` can say why the checker behaves as it does.

The file is the nearest `.checker.toml` (top-level keys) or `pyproject.toml` with a
`[tool.checker]` table, searched from the working directory upwards (`.checker.toml`
wins within one directory), or the one named by --config. Paths in it (extra rule
packs) are relative to the file. A bad file is a CheckerError: one message, exit 2.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.errors import CheckerError
from checker.files import DEFAULT_MAX_SIZE

FILE_NAMES = (".checker.toml", "pyproject.toml")


class Settings(BaseModel):
    """Everything a run can be configured with. Field names are the file's keys."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    lang: Literal["vi", "en"] = "vi"
    format: Literal["text", "json", "sarif", "github", "junit"] = "text"
    fail_on: Literal["error", "warning"] = "error"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: tuple[Path, ...] = Field((), description="Extra rule packs")
    include: tuple[str, ...] = Field(("*.json",), description="Which files are case files")
    exclude: tuple[str, ...] = ()
    max_size: int = Field(DEFAULT_MAX_SIZE, ge=1)
    jobs: int = Field(0, ge=0, le=512, description="Parallel workers; 0 = number of cores")
    cache: bool = True


FIELDS = tuple(Settings.model_fields)
LISTS = {"select", "ignore", "rules", "include", "exclude"}
ENV: dict[str, str] = {name: f"CHECKER_{name.upper()}" for name in FIELDS}


@dataclass(frozen=True)
class Resolved:
    settings: Settings
    origins: dict[str, str]  # field → "default" | "<file>" | "env CHECKER_X" | "--flag"
    file: Path | None


def find_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration file at or above start, with its checker table."""
    for folder in (start, *start.parents):
        for name in FILE_NAMES:
            path = folder / name
            if not path.is_file():
                continue
            data = _read(path)
            if name == "pyproject.toml":
                table = data.get("tool", {}).get("checker")
                if table is None:
                    continue
                if not isinstance(table, dict):
                    raise CheckerError(f"{path}: [tool.checker] must be a table")
                return path, table
            return path, data
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except OSError as e:
        raise CheckerError(f"{path}: cannot read: {e.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise CheckerError(f"{path}: not valid TOML: {e}") from None


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, var in ENV.items():
        raw = env.get(var)
        if raw is None or raw == "":
            continue
        if name in LISTS:
            sep = os.pathsep if name == "rules" else ","
            out[name] = tuple(x.strip() for x in raw.split(sep) if x.strip())
        else:
            out[name] = raw
    return out


def _validate(values: dict[str, Any], where: str) -> Settings:
    try:
        return Settings.model_validate(values)
    except ValidationError as e:
        err = e.errors()[0]
        key = ".".join(str(p) for p in err["loc"]) or "?"
        if err["type"] == "extra_forbidden":
            raise CheckerError(f"{where}: unknown setting {key!r}; known settings: "
                               f"{', '.join(FIELDS)}") from None
        raise CheckerError(f"{where}: setting {key!r}: {err['msg']}") from None


def resolve(flags: Mapping[str, Any], *, cwd: Path, env: Mapping[str, str],
            config: Path | None = None) -> Resolved:
    """Merge defaults < file < environment < flags (flags given as None are unset)."""
    values: dict[str, Any] = {}
    origins = dict.fromkeys(FIELDS, "default")
    found: tuple[Path, dict[str, Any]] | None
    if config is not None:
        data = _read(config)
        if config.name == "pyproject.toml":
            data = data.get("tool", {}).get("checker", {})
        found = (config, data)
    else:
        found = find_file(cwd)
    file = None
    if found is not None:
        file, table = found
        _validate(table, str(file))  # names the file in any error
        for k, v in table.items():
            values[k] = v
            origins[k] = str(file)
        if "rules" in table:
            values["rules"] = tuple(str(file.parent / p) for p in table["rules"])
    for k, v in _from_env(env).items():
        values[k] = v
        origins[k] = f"env {ENV[k]}"
    _validate(values, "environment")
    for k, v in flags.items():
        if v is None or (k in LISTS and not v):
            continue
        values[k] = v
        origins[k] = "--" + k.replace("_", "-")
    return Resolved(_validate(values, "command line"), origins, file)


def is_case_file(path: Path, settings: Settings, base: Path) -> bool:
    """Does path match `include` and not `exclude`? Patterns are fnmatch-style (`*`
    also crosses folders), matched against the path relative to base (the folder of the
    configuration file, or the working directory) and against the bare file name."""
    from fnmatch import fnmatchcase

    try:
        rel = path.resolve().relative_to(base.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (3.11)
        rel = path.as_posix()
    names = (rel, path.name)
    included = any(fnmatchcase(n, p) for p in settings.include for n in names)
    excluded = any(fnmatchcase(n, p) for p in settings.exclude for n in names)
    return included and not excluded
