"""Settings from, in rising order of precedence: defaults, a configuration file,
environment variables, command-line flags. Each value remembers where it came from, so
`checker config` can say why the checker behaves as it does.

The file is the nearest `.checker.toml` (top-level keys) or `pyproject.toml` with a
`[tool.checker]` table, searched from the working directory upwards (`.checker.toml`
wins within one directory), or the one named by --config. Paths in it (extra rule
packs) are relative to the file. A bad file, a bad `CHECKER_*` variable or a bad flag is
a CheckerError: one message naming the file and key, the variable or the flag, and what
was expected, in the run's language; exit 2.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast, get_args, get_origin, get_type_hints

from checker.errors import CheckerError
from checker.files import DEFAULT_MAX_SIZE, os_reason
from checker.i18n import TOML_TYPE_NAMES, Lang, t
from checker.text import printable

if TYPE_CHECKING:
    import pathspec

FILE_NAMES = (".checker.toml", "pyproject.toml")
DEFAULT_CACHE_MAX_SIZE = 256 * 1024 * 1024  # an entry is 1-20 KB: ten thousands of files
MAX_CONFIG_SIZE = 1024 * 1024  # a large pyproject.toml is tens of KB


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with. Field names are the file's keys.

    Plain code reads it (`_validate`), not pydantic: the settings are read on every run,
    and `checker check` on one file must not pay for importing pydantic (issue 15). It
    reads values as pydantic's lax mode did (tests/test_config.py keeps that model as the
    reference): a count from "8", a flag from "true", "on" or 1."""

    lang: Literal["vi", "en"] = "vi"
    format: Literal["text", "json", "sarif", "github", "junit", "html"] = "text"
    fail_on: Literal["error", "warning", "never"] = "error"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: tuple[Path, ...] = ()  # extra rule packs
    include: tuple[str, ...] = ("*.json",)  # which files may be case files (gitignore-style)
    # (config._DEFAULT_INCLUDE, which is_case_file answers without pathspec)
    exclude: tuple[str, ...] = ()  # files never checked (gitignore-style)
    max_size: int = DEFAULT_MAX_SIZE
    jobs: int = 0  # parallel workers; 0 = number of cores
    cache: bool = True
    cache_max_size: int = DEFAULT_CACHE_MAX_SIZE  # bytes the result cache may hold; 0 = no cap

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in FIELDS}


# The bounds of the counts: (lowest, highest or None).
BOUNDS: dict[str, tuple[int, int | None]] = {
    "max_size": (1, None), "jobs": (0, 512), "cache_max_size": (0, None)}
TYPES: dict[str, Any] = get_type_hints(Settings)


class _Bad(ValueError):
    """A value the setting cannot take."""


_TRUE = frozenset({"1", "on", "t", "true", "y", "yes"})
_FALSE = frozenset({"0", "off", "f", "false", "n", "no"})
_INT_TEXT = re.compile(r"[+-]?[0-9]+(?:_[0-9]+)*(?:\.0*)?")


def _rule_ids(value: Any) -> Any:
    """Rule ids as ruff takes them: an item may hold several, comma-separated
    (`--select A,B`, `select = ["A,B"]`), and case does not matter."""
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return tuple(part.strip().upper() for v in value for part in v.split(",")
                     if part.strip())
    return value


def _integer(value: Any) -> int:
    if isinstance(value, bool | int):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _INT_TEXT.fullmatch(value.strip()):
        return int(value.strip().partition(".")[0])
    raise _Bad


def _read_value(name: str, value: Any) -> Any:
    """The value of one setting, as its type in Settings reads it; _Bad if it cannot."""
    kind = TYPES[name]
    if get_origin(kind) is Literal:
        if isinstance(value, str) and value in get_args(kind):
            return value
        raise _Bad
    if kind is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float) and value in (0, 1):
            return bool(value)
        if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
            return value.lower() in _TRUE
        raise _Bad
    if kind is int:
        number = _integer(value)
        low, high = BOUNDS[name]
        if number < low or (high is not None and number > high):
            raise _Bad
        return number
    # a tuple of str, or of Path
    if name in ("select", "ignore"):
        value = _rule_ids(value)
    if not isinstance(value, list | tuple):
        raise _Bad
    if get_args(kind)[0] is Path:
        if not all(isinstance(v, str | Path) for v in value):
            raise _Bad
        return tuple(Path(v) for v in value)
    if not all(isinstance(v, str) for v in value):
        raise _Bad
    return tuple(value)


def _settings(values: Mapping[str, Any]) -> Settings | str:
    """Settings from values, or the key of the first that is bad: the settings in their
    order, then a key that is none of them."""
    read: dict[str, Any] = {}
    for name in FIELDS:
        if name in values:
            try:
                read[name] = _read_value(name, values[name])
            except _Bad:
                return name
    unknown = [k for k in values if k not in TYPES]
    if unknown:
        return str(unknown[0])
    return Settings(**read)


FIELDS = tuple(f.name for f in fields(Settings))
LISTS = {"select", "ignore", "rules", "include", "exclude"}
ENV: dict[str, str] = {name: f"CHECKER_{name.upper()}" for name in FIELDS}
LANGS: tuple[Lang, ...] = ("vi", "en")


@dataclass(frozen=True)
class Resolved:
    settings: Settings
    origins: dict[str, str]  # field → "default" | "<file>" | "env CHECKER_X" | "--flag"
    file: Path | None


def message_lang(*candidates: object) -> Lang:
    """The first candidate that is a language (a flag, a variable, a file's setting):
    the language of a message given before the settings are known."""
    for c in candidates:
        if c == "vi" or c == "en":
            return c
    return "vi"


def find_file(start: Path, lang: Lang = "vi") -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration file at or above start, with its checker table."""
    for folder in (start, *start.parents):
        for name in FILE_NAMES:
            path = folder / name
            try:
                if not path.is_file():
                    continue
            except OSError:  # a folder that cannot be searched: nothing can be found there
                continue
            data = _read(path, lang)
            if name == "pyproject.toml":
                table = checker_table(path, data, lang)
                if table is None:
                    continue
                return path, table
            return path, data
    return None


def checker_table(path: Path, data: dict[str, Any], lang: Lang) -> dict[str, Any] | None:
    """pyproject.toml's [tool.checker] table, None if there is none; a `tool` or
    `tool.checker` that is not a table is an error naming the file."""
    table: Any = data
    for name in ("tool", "tool.checker"):
        table = table.get(name.rpartition(".")[2])
        if table is None:
            return None
        if not isinstance(table, dict):
            raise CheckerError(t("config-not-table", lang, path=path, table=name,
                                 kind=_kind(table, lang)))
    return cast("dict[str, Any]", table)


def _kind(value: object, lang: Lang) -> str:
    name = type(value).__name__
    return TOML_TYPE_NAMES[name][lang] if name in TOML_TYPE_NAMES else name


_TOML_PLACE = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _read(path: Path, lang: Lang) -> dict[str, Any]:
    """The TOML in path: never more than MAX_CONFIG_SIZE bytes read, never a pipe opened
    for reading (it could block forever)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        with open(fd, "rb") as f:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise CheckerError(t("config-not-regular", lang, path=path))
            if st.st_size > MAX_CONFIG_SIZE:
                raise CheckerError(t("config-too-large", lang, path=path, size=st.st_size,
                                     limit=MAX_CONFIG_SIZE))
            raw = f.read(MAX_CONFIG_SIZE + 1)
    except OSError as e:
        raise CheckerError(t("config-unreadable", lang, path=path,
                             reason=os_reason(e, lang))) from None
    if len(raw) > MAX_CONFIG_SIZE:  # it grew while we read it
        raise CheckerError(t("config-too-large", lang, path=path, size=f">{MAX_CONFIG_SIZE}",
                             limit=MAX_CONFIG_SIZE))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise CheckerError(t("config-not-utf8", lang, path=path, offset=e.start)) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        message = str(e)
        place = _TOML_PLACE.search(message)
        if place:
            line, column = int(place[1]), int(place[2])
            reason = message[:place.start()]
        else:  # "(at end of document)"
            lines = text.split("\n")
            line, column = len(lines), len(lines[-1]) + 1
            reason = message.removesuffix(" (at end of document)")
        raise CheckerError(t("config-not-toml", lang, path=path, line=line, column=column,
                             reason=reason)) from None


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


def expected(name: str, lang: Lang) -> str:
    """What a setting takes, in words, from its type in Settings."""
    kind = TYPES[name]
    if get_origin(kind) is Literal:
        return t("expect-choice", lang, choices=", ".join(map(str, get_args(kind))))
    if kind is bool:
        return t("expect-bool", lang)
    if get_origin(kind) is tuple:
        return t("expect-list", lang)
    low, high = BOUNDS.get(name, (None, None))
    if low is not None and high is not None:
        return t("expect-int-range", lang, low=low, high=high)
    if low is not None:
        return t("expect-int-min", lang, low=low)
    return t("expect-int", lang)


def _shown(value: object, limit: int = 80) -> str:
    text = json.dumps(value, ensure_ascii=False,
                      default=lambda v: v.isoformat() if isinstance(v, dt.date | dt.time)
                      else str(v))
    text = printable(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _validate(values: Mapping[str, Any], origins: Mapping[str, str], lang: Lang) -> Settings:
    """Settings from values; a bad one is blamed on where it came from (origins): the
    file and key, the environment variable, or the flag."""
    read = _settings(values)
    if isinstance(read, Settings):
        return read
    key = read
    origin = origins.get(key, "?")
    if key not in TYPES:  # only a file can hold an unknown key
        raise CheckerError(t("config-unknown-key", lang, path=origin, setting=printable(key),
                             known=", ".join(FIELDS))) from None
    value, what = _shown(values.get(key)), expected(key, lang)
    if origin.startswith("env "):
        raise CheckerError(t("env-bad-value", lang, var=origin[4:], value=value,
                             expected=what)) from None
    if origin.startswith("--"):
        raise CheckerError(t("flag-bad-value", lang, flag=origin, value=value,
                             expected=what)) from None
    raise CheckerError(t("config-bad-value", lang, path=origin, setting=key, value=value,
                         expected=what)) from None


def env_lang(env: Mapping[str, str], lang: Lang = "vi") -> Lang:
    """CHECKER_LANG (default vi); a bad value is an error naming the variable."""
    raw = env.get(ENV["lang"]) or "vi"
    return _validate({"lang": raw}, {"lang": f"env {ENV['lang']}"}, lang).lang


def resolve(flags: Mapping[str, Any], *, cwd: Path, env: Mapping[str, str],
            config: Path | None = None) -> Resolved:
    """Merge defaults < file < environment < flags (flags given as None are unset)."""
    lang = message_lang(flags.get("lang"), env.get(ENV["lang"]))
    values: dict[str, Any] = {}
    origins = dict.fromkeys(FIELDS, "default")
    found: tuple[Path, dict[str, Any]] | None
    if config is not None:
        data = _read(config, lang)
        if config.name == "pyproject.toml":
            data = checker_table(config, data, lang) or {}
        found = (config, data)
    else:
        found = find_file(cwd, lang)
    file = None
    if found is not None:
        file, table = found
        lang = message_lang(flags.get("lang"), env.get(ENV["lang"]), table.get("lang"))
        _validate(table, dict.fromkeys(table, str(file)), lang)  # names the file
        for k, v in table.items():
            values[k] = v
            origins[k] = str(file)
        if "rules" in table:
            values["rules"] = tuple(str(file.parent / p) for p in table["rules"])
    from_env = _from_env(env)
    for k, v in from_env.items():
        _validate({k: v}, {k: f"env {ENV[k]}"}, lang)  # names the variable
        values[k] = v
        origins[k] = f"env {ENV[k]}"
    for k, v in flags.items():
        if v is None or (k in LISTS and not v):
            continue
        values[k] = v
        origins[k] = "--" + k.replace("_", "-")
    settings = _validate(values, origins, lang)
    _check_patterns(settings, origins, lang)
    return Resolved(settings, origins, file)


def is_case_file(path: Path, settings: Settings, base: Path) -> bool:
    """Does path match `include` and not `exclude`? Patterns are gitignore-style
    (pathspec): a pattern without a slash matches a name at any depth (`*.json`,
    `drafts/`), one with a slash is anchored at base (`cases/**/*.json`), `!` negates.
    Paths are taken relative to base (the folder of the configuration file, or the
    working directory); a path outside base is matched by its name alone."""
    if settings.include == _DEFAULT_INCLUDE and not settings.exclude \
            and path.name.endswith(".json") and not os.path.islink(path):
        return True  # what the default `*.json` says of a file that is not a link
    try:
        rel = _resolved(path).relative_to(_resolved_folder(base)).as_posix()
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (3.11)
        rel = path.name
    include, exclude = _specs(settings.include, settings.exclude)
    return include.match_file(rel) and not exclude.match_file(rel)


_DEFAULT_INCLUDE = ("*.json",)


def _resolved(path: Path) -> Path:
    """path.resolve(), with its folder resolved once for all the files of a walk: only a
    file that is itself a link is resolved whole (an lstat, where resolve takes one per
    part of the path)."""
    if path.name in ("", ".", "..") or os.path.islink(path):
        return path.resolve()
    return _resolved_folder(path.parent) / path.name


@lru_cache(maxsize=256)
def _resolved_folder(folder: Path) -> Path:
    return folder.resolve()


def forget_folders() -> None:
    """Forget the folders resolved (a new run: a folder may have become a link)."""
    _resolved_folder.cache_clear()


@cache
def _specs(include: tuple[str, ...],
           exclude: tuple[str, ...]) -> tuple[pathspec.GitIgnoreSpec, pathspec.GitIgnoreSpec]:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(include), pathspec.GitIgnoreSpec.from_lines(exclude)


def _check_patterns(settings: Settings, origins: Mapping[str, str], lang: Lang) -> None:
    """A pattern pathspec refuses (`!` alone, a trailing backslash) is a bad value of
    the setting it came from, named like any other. The defaults are the checker's own
    (tests/test_config.py parses them): not parsed here, so that a run that matches no
    pattern (one file named) does not import pathspec."""
    names = [n for n in ("include", "exclude") if origins.get(n, "default") != "default"]
    if not names:
        return
    import pathspec

    for name in names:
        for pattern in getattr(settings, name):
            try:
                pathspec.GitIgnoreSpec.from_lines([pattern])
            except ValueError:
                origin = origins.get(name, "?")
                what, value = t("expect-pattern", lang), _shown(pattern)
                if origin.startswith("env "):
                    raise CheckerError(t("env-bad-value", lang, var=origin[4:], value=value,
                                         expected=what)) from None
                if origin.startswith("--"):
                    raise CheckerError(t("flag-bad-value", lang, flag=origin, value=value,
                                         expected=what)) from None
                raise CheckerError(t("config-bad-value", lang, path=origin, setting=name,
                                     value=value, expected=what)) from None
