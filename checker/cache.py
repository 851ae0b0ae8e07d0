"""A content-hash cache of results, like ruff's: a file whose bytes, checker, rule packs
and options are unchanged is not checked again, so a hook over a repository of case
files costs almost nothing for the files a commit did not touch.

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

CACHE_DIR_NAME = ".checker-cache"
FORMAT = "1"


@cache
def code_fingerprint() -> str:
    """A hash of the checker's source and data files (about 1 ms, once per process)."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    for p in sorted(root.rglob("*")):
        if p.suffix in (".py", ".toml", ".json") and "__pycache__" not in p.parts:
            h.update(p.relative_to(root).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def _finding(d: dict[str, Any]) -> Finding:
    return Finding(
        rule=d["rule"], severity=Severity(d["severity"]), kind=Kind(d["kind"]),
        message=d["message"], pointer=d["pointer"],
        position=Position(**d["position"]) if d["position"] else None,
        rule_version=d["rule_version"],
        cites=tuple(Citation(**{**c, "confidence": Confidence(c["confidence"])})
                    for c in d["cites"]),
        layer=d["layer"],
        waived=Waived(**d["waived"]) if d["waived"] else None,
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
        applied=tuple(Applied(**a) for a in d["applied"]),
        procedure=d["procedure"],
        rules_run=tuple(d["rules_run"]),
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
        except (OSError, ValueError, KeyError, TypeError):
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
        "select": sorted(options.select),
        "ignore": sorted(options.ignore),
    }, sort_keys=True))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()
