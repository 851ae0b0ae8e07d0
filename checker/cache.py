"""A content-hash cache of results, like ruff's but kept in the user's cache folder: a
file whose bytes, checker, rule packs and options are unchanged is not checked again,
so a hook over a repository of case files costs almost nothing for the files a commit
did not touch.

The key covers everything a result depends on: the file's bytes; the checker's own code
and data (hashed, so a development change invalidates too); every rule pack in use; and
the options that change findings (language, --as-of, --select, --ignore). Entries are
JSON, never pickle, so a tampered cache can lie but cannot run code; an unreadable or
malformed entry is a miss. Failing to write (a read-only folder) is silently a no-op:
the cache never changes what a run reports, only how fast.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

from checker import __version__
from checker.report import (
    Amendment,
    Applied,
    Citation,
    Confidence,
    FileReport,
    Finding,
    Kind,
    Position,
    Severity,
    Waived,
)

FORMAT = "2"
APP = "checker"


def default_folder() -> Path | None:
    """The cache's folder: CHECKER_CACHE_DIR, else the user's cache folder as platformdirs
    finds it (`$XDG_CACHE_HOME/checker` or `~/.cache/checker` on Linux). Only an absolute
    path counts: a relative one would resolve against the working directory, i.e. into
    the repository being checked, where a committed entry could make a bad case pass.
    None (no cache) when no absolute folder can be found."""
    override = os.environ.get("CHECKER_CACHE_DIR", "")
    if os.path.isabs(override):
        return Path(override)
    try:
        import platformdirs

        # platformdirs ignores a relative XDG_CACHE_HOME or HOME (>= 4.11.8), and raises
        # when no home can be found; checked again here whatever its version does.
        found = platformdirs.user_cache_dir(APP, appauthor=False)
    except Exception:  # no home folder at all: run without a cache
        return None
    return Path(found) if os.path.isabs(found) else None


@cache
def code_fingerprint() -> str:
    """A hash of the checker's source and data files (about 1 ms, once per process)."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    # Working days come from the holidays package's data: a new release can move one.
    with contextlib.suppress(Exception):
        from importlib.metadata import version

        h.update(version("holidays").encode())
    for p in sorted(root.rglob("*")):
        if p.suffix in (".py", ".toml", ".json") and "__pycache__" not in p.parts:
            h.update(p.relative_to(root).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def _s(v: Any) -> str:
    if not isinstance(v, str):
        raise TypeError("not a string")
    return v


def _opt(v: Any, kind: type) -> Any:
    if v is not None and (not isinstance(v, kind) or isinstance(v, bool)):
        raise TypeError(f"not {kind.__name__}")
    return v


def _position(d: Any) -> Position | None:
    if d is None:
        return None
    return Position(_opt(d["line"], int), _opt(d["column"], int))


def _amendment(a: Any) -> Amendment | None:
    if a is None:
        return None
    return Amendment(source=_s(a["source"]), number=_s(a["number"]),
                     article=_opt(a["article"], int), clause=_opt(a["clause"], int),
                     point=_opt(a["point"], str))


def _citation(c: dict[str, Any]) -> Citation:
    return Citation(
        source=_s(c["source"]), number=_s(c["number"]), article=_opt(c["article"], int),
        clause=_opt(c["clause"], int), point=_opt(c["point"], str),
        confidence=Confidence(c["confidence"]), url=_opt(c["url"], str),
        quote=_opt(c["quote"], str), section=_opt(c["section"], str),
        amended_by=_amendment(c["amended_by"]),
    )


def _waived(w: Any) -> Waived | None:
    if w is None:
        return None
    return Waived(
        waiver=_opt(w["waiver"], int), authority=_s(w["authority"]),
        authority_date=_opt(w["authority_date"], str), approved_by=_s(w["approved_by"]),
        reason=_s(w["reason"]), expires=_opt(w["expires"], str), note=_s(w["note"]),
    )


def _finding(d: dict[str, Any]) -> Finding:
    """Rebuild a finding, checking every type: an entry that is not exactly what this
    module wrote is a miss, never a crash further on."""
    return Finding(
        rule=_s(d["rule"]), severity=Severity(d["severity"]), kind=Kind(d["kind"]),
        message=_s(d["message"]), pointer=_s(d["pointer"]),
        position=_position(d["position"]),
        rule_version=_opt(d["rule_version"], int),
        cites=tuple(_citation(c) for c in d["cites"]),
        layer=_opt(d["layer"], str),
        waived=_waived(d["waived"]),
    )


def encode(report: FileReport) -> bytes:
    body = asdict(report)
    body.pop("path")
    return json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")


def decode(path: str, data: bytes) -> FileReport:
    d = json.loads(data)
    return FileReport(
        path=path,
        findings=tuple(_finding(f) for f in d["findings"]),
        applied=tuple(Applied(layer=_s(a["layer"]), source=_s(a["source"]),
                              number=_s(a["number"]), selected_by=_s(a["selected_by"]),
                              date=_s(a["date"]), amends=_opt(a["amends"], str))
                      for a in d["applied"]),
        procedure=_opt(d["procedure"], str),
        rules_run=tuple(_s(r) for r in d["rules_run"]),
    )


class ResultCache:
    def __init__(self, folder: Path, context: str) -> None:
        self.folder = folder
        self.context = hashlib.sha256(f"{FORMAT}\0{code_fingerprint()}\0{context}".encode())
        self._ready = False

    def key(self, raw: bytes) -> str:
        h = self.context.copy()
        h.update(raw)
        return h.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.json"

    def get(self, path: str, key: str) -> FileReport | None:
        try:
            return decode(path, self._entry(key).read_bytes())
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, report: FileReport) -> None:
        entry = self._entry(key)
        tmp = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
        try:
            if not self._ready:
                self.folder.mkdir(parents=True, exist_ok=True)
                ignore = self.folder / ".gitignore"
                if not ignore.exists():
                    ignore.write_text("# created by checker\n*\n", "utf-8")
                self._ready = True
            entry.parent.mkdir(exist_ok=True)
            tmp.write_bytes(encode(report))
            os.replace(tmp, entry)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)


def context_of(packs: Any, options: Any) -> str:
    """What besides the bytes decides a file's result: the packs and the options."""
    parts = [p.model_dump_json() for p in packs]
    parts.append(json.dumps({
        "lang": options.lang,
        "as_of": options.as_of.isoformat() if options.as_of else None,
        "today": options.today.isoformat() if options.today else None,
        "select": sorted(options.select),
        "ignore": sorted(options.ignore),
    }, sort_keys=True))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()
