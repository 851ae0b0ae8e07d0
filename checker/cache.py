"""A content-hash cache of results, like ruff's but kept in the user's cache folder: a
file whose bytes, checker, rule packs and options are unchanged is not checked again,
so a hook over a repository of case files costs almost nothing for the files a commit
did not touch.

The key covers everything a result depends on: the file's bytes; the checker's own code
and data (hashed, so a development change invalidates too); every rule pack in use; and
the options that change findings (language, --as-of, --select, --ignore).

The cache is input like any other, and may be hostile. What this module guarantees:

- Where: an absolute folder outside the repository (`default_folder`). A relative
  CHECKER_CACHE_DIR, XDG_CACHE_HOME or HOME is ignored, as the XDG specification says,
  so no setting can make the cache resolve into the folder being checked.
- Bound to its bytes: an entry stores its own key, and a hit needs the stored key to be
  the one asked for, so an entry copied (or renamed) from a clean file's place is a miss.
- Exactly what was written: entries are JSON, never pickle, so a tampered cache can lie
  but cannot run code; an entry is rebuilt with every type checked and must encode back
  to the very same bytes, or it is a miss.
- Never a hang or a crash: only a regular file is read (a fifo, device, directory or
  symbolic link is a miss, and no symbolic link inside the cache is followed), at most
  MAX_ENTRY bytes. Whatever is wrong with an entry, it is a miss.
- Writing is atomic (a fresh temporary file, then a rename) and never follows a planted
  link; failing to write (a read-only folder, a full disk) is silently a no-op.

The cache never changes what a run reports, only how fast.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import stat
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker import __version__
from checker.report import (
    Amendment,
    Applied,
    Citation,
    Confidence,
    DocKind,
    FileReport,
    Finding,
    Kind,
    Position,
    Severity,
    Waived,
)

if TYPE_CHECKING:
    from checker.cacheindex import Index

FORMAT = "3"
_GITIGNORE = b"# created by checker\n*\n"
MAX_ENTRY = 16 << 20  # bytes; a result larger than this is not cached, an entry not read
APP = "checker"

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_READ = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) \
    | getattr(os, "O_BINARY", 0)
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0) \
    | getattr(os, "O_BINARY", 0)
# Where the platform can (POSIX), every name inside the cache is opened relative to its
# folder's descriptor, and that folder without following a link. (os.replace takes the
# same descriptors as os.rename, which is the one os.supports_dir_fd lists.)
_DIR_FD = (os.open in os.supports_dir_fd and os.rename in os.supports_dir_fd
           and os.stat in os.supports_dir_fd and hasattr(os, "O_DIRECTORY") and _NOFOLLOW != 0)


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
    # Its version is read from its version.py, found without importing it or
    # importlib.metadata (tens of milliseconds of a one-file check).
    with contextlib.suppress(Exception):
        from importlib.util import find_spec

        spec = find_spec("holidays")
        if spec is not None and spec.origin:
            h.update(Path(spec.origin).with_name("version.py").read_bytes())
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


def _list(v: Any) -> list[Any]:
    if not isinstance(v, list):
        raise TypeError("not a list")
    return v


_FIELDS: dict[type, frozenset[str]] = {
    cls: frozenset(f.name for f in fields(cls))
    for cls in (Position, Amendment, Citation, Waived, Finding, Applied, DocKind)
}
_FIELDS[FileReport] = frozenset(f.name for f in fields(FileReport)) - {"path"}


def _obj(d: Any, cls: type) -> dict[str, Any]:
    """A JSON object with exactly the fields of cls: nothing missing, nothing extra."""
    if not isinstance(d, dict) or d.keys() != _FIELDS[cls]:
        raise TypeError(f"not a {cls.__name__}")
    return d


def _position(d: Any) -> Position | None:
    if d is None:
        return None
    d = _obj(d, Position)
    return Position(_opt(d["line"], int), _opt(d["column"], int))


def _kind(k: Any) -> DocKind | None:
    if k is None:
        return None
    k = _obj(k, DocKind)
    return DocKind(vi=_s(k["vi"]), en=_s(k["en"]))


def _amendment(a: Any) -> Amendment | None:
    if a is None:
        return None
    a = _obj(a, Amendment)
    return Amendment(source=_s(a["source"]), number=_s(a["number"]),
                     article=_opt(a["article"], int), clause=_opt(a["clause"], int),
                     point=_opt(a["point"], str), kind=_kind(a["kind"]))


def _citation(c: Any) -> Citation:
    c = _obj(c, Citation)
    return Citation(
        source=_s(c["source"]), number=_s(c["number"]), article=_opt(c["article"], int),
        clause=_opt(c["clause"], int), point=_opt(c["point"], str),
        confidence=Confidence(c["confidence"]), url=_opt(c["url"], str),
        quote=_opt(c["quote"], str), section=_opt(c["section"], str),
        amended_by=_amendment(c["amended_by"]), kind=_kind(c["kind"]),
    )


def _waived(w: Any) -> Waived | None:
    if w is None:
        return None
    w = _obj(w, Waived)
    return Waived(
        waiver=_opt(w["waiver"], int), authority=_s(w["authority"]),
        authority_date=_opt(w["authority_date"], str), approved_by=_s(w["approved_by"]),
        reason=_s(w["reason"]), expires=_opt(w["expires"], str), note=_s(w["note"]),
    )


def _finding(d: Any) -> Finding:
    """Rebuild a finding, checking every field and type: an entry that is not exactly
    what this module wrote is a miss, never a crash further on."""
    d = _obj(d, Finding)
    return Finding(
        rule=_s(d["rule"]), severity=Severity(d["severity"]), kind=Kind(d["kind"]),
        message=_s(d["message"]), pointer=_s(d["pointer"]),
        position=_position(d["position"]),
        rule_version=_opt(d["rule_version"], int),
        cites=tuple(_citation(c) for c in _list(d["cites"])),
        layer=_opt(d["layer"], str),
        waived=_waived(d["waived"]),
    )


def _applied(a: Any) -> Applied:
    a = _obj(a, Applied)
    return Applied(layer=_s(a["layer"]), source=_s(a["source"]), number=_s(a["number"]),
                   selected_by=_s(a["selected_by"]), date=_s(a["date"]),
                   amends=_opt(a["amends"], str), kind=_kind(a["kind"]),
                   amends_kind=_kind(a["amends_kind"]))


def _report(path: str, d: Any) -> FileReport:
    d = _obj(d, FileReport)
    return FileReport(
        path=path,
        findings=tuple(_finding(f) for f in _list(d["findings"])),
        applied=tuple(_applied(a) for a in _list(d["applied"])),
        procedure=_opt(d["procedure"], str),
        rules_run=tuple(_s(r) for r in _list(d["rules_run"])),
    )


def _body(report: FileReport) -> dict[str, Any]:
    body = asdict(report)
    body.pop("path")
    return body


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")


def encode(report: FileReport) -> bytes:
    """A file's result as JSON, without its path (the same bytes may sit anywhere)."""
    return _dumps(_body(report))


def decode(path: str, data: bytes) -> FileReport:
    """The result `encode` wrote, for the file at `path`; raises if it is anything else."""
    return _report(path, json.loads(data))


def encode_entry(key: str, report: FileReport) -> bytes:
    """A cache entry: the result and the key it answers, so it answers no other."""
    return _dumps({"format": FORMAT, "key": key, "result": _body(report)})


def decode_entry(path: str, key: str, data: bytes) -> FileReport | None:
    """The result in an entry if the entry has exactly the fields and types
    `encode_entry` writes, for this key, else None (a miss). Never raises."""
    try:
        d = json.loads(data)
        # Exact fields and types (checked as the result is rebuilt): an entry that says
        # anything else is a miss. (Re-encoding it to compare bytes cost a warm run a
        # tenth of its time, and told nothing more: a well-formed forgery passes both.)
        if not (isinstance(d, dict) and d.keys() == {"format", "key", "result"}
                and d["format"] == FORMAT and d["key"] == key):
            return None
        return _report(path, d["result"])
    except Exception:  # whatever is wrong with an entry, it is a miss
        return None


class ResultCache:
    """The results by key. `context` (what besides the bytes decides a result, see
    context_of) may be given as a function, called on the first key asked for: a run
    that the index answers whole never loads the packs it is computed from. `index`:
    the cache's index (checker.cacheindex), if the run uses one."""

    def __init__(self, folder: Path, context: str | Callable[[], str],
                 index: Index | None = None) -> None:
        self.folder = folder
        self._context = context
        self._hash: Any = None
        self.index = index
        self._ready = False
        self.wrote = False  # this process stored a result

    @property
    def context(self) -> Any:
        if self._hash is None:
            context = self._context if isinstance(self._context, str) else self._context()
            self._hash = hashlib.sha256(
                f"{FORMAT}\0{code_fingerprint()}\0{context}".encode())
        return self._hash

    def key(self, raw: bytes) -> str:
        h = self.context.copy()
        h.update(raw)
        key: str = h.hexdigest()
        return key

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.json"

    def get(self, path: str, key: str) -> FileReport | None:
        """The stored result for this key, or None: a miss, whatever is wrong."""
        data = _read_entry(self._entry(key))
        return None if data is None else decode_entry(path, key, data)

    def put(self, key: str, report: FileReport) -> bool:
        """Store a result, atomically; never fails (a cache that cannot be written is only
        slower): True if it was stored. No fsync: an entry left short by a crash is a
        miss, not a wrong answer."""
        entry = self._entry(key)
        with contextlib.suppress(OSError, ValueError):  # ValueError: e.g. a lone surrogate
            data = encode_entry(key, report)
            if len(data) > MAX_ENTRY:
                return False
            if not self._ready:
                self._prepare()
                self._ready = True
            with contextlib.suppress(FileExistsError):
                os.mkdir(entry.parent, 0o700)
            _write_entry(entry, data)
            self.wrote = True
            return True
        return False

    def prune(self, limit: int) -> None:
        prune(self.folder, limit)

    def _prepare(self) -> None:
        """The cache's folder (private: results quote personal data), with a .gitignore
        so that git never picks it up should it ever sit inside a repository."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):  # whatever is there, even a link, stays
            fd = os.open(self.folder / ".gitignore", _CREATE, 0o644)
            with os.fdopen(fd, "wb") as f:
                f.write(_GITIGNORE)


@dataclass(frozen=True)
class Entry:
    path: Path
    size: int
    mtime_ns: int


_SHARD = re.compile(r"[0-9a-f]{2}")
_NAME = re.compile(r"[0-9a-f]{62}\.json|\.[0-9a-f]{62}\.[0-9a-f]{16}\.tmp")


def entries(folder: Path) -> list[Entry]:
    """The files this module writes in the cache's folder (entries, and temporary files
    a crash left), oldest first. Only names of its own making, in sub-folders of its own
    making, are listed, and no symbolic link is followed: whatever else is in the folder
    (CHECKER_CACHE_DIR may name a folder shared with other things) is not ours."""
    out: list[Entry] = []
    with contextlib.suppress(OSError), os.scandir(folder) as shards:
        for shard in shards:
            if not (_SHARD.fullmatch(shard.name) and shard.is_dir(follow_symlinks=False)):
                continue
            with contextlib.suppress(OSError), os.scandir(shard.path) as files:
                for f in files:
                    if _NAME.fullmatch(f.name) and f.is_file(follow_symlinks=False):
                        st = f.stat(follow_symlinks=False)
                        out.append(Entry(Path(f.path), st.st_size, st.st_mtime_ns))
    out.sort(key=lambda e: (e.mtime_ns, e.path.as_posix()))
    return out


def remove(folder: Path, doomed: list[Entry]) -> tuple[int, int]:
    """Remove entries (never following a link); (how many, bytes) were removed. An entry
    gone meanwhile (another run pruned it) is not an error."""
    count = size = 0
    for e in doomed:
        try:
            os.unlink(e.path)
        except OSError:
            continue
        count, size = count + 1, size + e.size
    for shard in {e.path.parent for e in doomed}:
        with contextlib.suppress(OSError):  # not empty: another run is writing there
            os.rmdir(shard)
    return count, size


def prune(folder: Path, limit: int) -> None:
    """Keep the cache within `limit` bytes (0: no limit): the entries written longest
    ago are removed first, down to 3/4 of the limit, so that a run just over it does not
    prune again at once. Never fails: a cache that cannot be pruned is only larger."""
    if limit <= 0:
        return
    from checker import cacheindex

    found = entries(folder)
    indexed = cacheindex.size(folder)
    total = sum(e.size for e in found) + indexed
    if total <= limit:
        return
    if indexed > limit // 4:  # the index is only an accelerator: a new one starts
        cacheindex.discard(folder)
        total -= indexed
    doomed: list[Entry] = []
    for e in found:
        if total <= limit * 3 // 4:
            break
        doomed.append(e)
        total -= e.size
    remove(folder, doomed)


def clean(folder: Path) -> tuple[int, int]:
    """Remove every entry; then the folder itself, if nothing is left in it but the
    .gitignore this module wrote. (removed, bytes)."""
    from checker import cacheindex

    count, size = remove(folder, entries(folder))
    size += cacheindex.discard(folder)  # bytes, not an entry: the index of the entries
    done = count, size
    ignore = folder / ".gitignore"
    with contextlib.suppress(OSError):
        if ([p.name for p in folder.iterdir()] == [".gitignore"] and not ignore.is_symlink()
                and ignore.read_bytes() == _GITIGNORE):
            ignore.unlink()
            os.rmdir(folder)
    return done


def _open_folder(entry: Path) -> tuple[int | None, Path | str]:
    """A descriptor of the entry's folder and the entry's name in it. The folder must be
    a real folder, never a symbolic link (it could lead out of the cache): opened without
    following one where the platform can (POSIX), else checked first (no descriptor)."""
    if _DIR_FD:
        return os.open(entry.parent, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW), entry.name
    if not stat.S_ISDIR(os.lstat(entry.parent).st_mode):
        raise NotADirectoryError(entry.parent)
    return None, entry


def _read_entry(entry: Path) -> bytes | None:
    """The entry's bytes if it is a regular file (never following a link) of at most
    MAX_ENTRY bytes, else None. A fifo or device is not even opened: it could block or
    act."""
    fd, folder = -1, None
    try:
        folder, name = _open_folder(entry)
        if not stat.S_ISREG(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode):
            return None
        fd = os.open(name, _READ, dir_fd=folder)
        st = os.fstat(fd)  # what was opened: the name may have been swapped meanwhile
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_ENTRY:
            return None
        with os.fdopen(fd, "rb") as f:
            fd = -1  # closed with f
            data = f.read(st.st_size + 1)  # not a buffer of MAX_ENTRY bytes for each entry
            if len(data) > st.st_size:  # it grew while read
                data += f.read(MAX_ENTRY + 1 - len(data))
        return data if len(data) <= MAX_ENTRY else None  # it grew while read
    except (OSError, ValueError):
        return None
    finally:
        for d in (fd, -1 if folder is None else folder):
            if d >= 0:
                os.close(d)


def _write_entry(entry: Path, data: bytes) -> None:
    """Write under a fresh, unguessable temporary name, created exclusively (a planted
    file or link there is never written through), then rename into place: readers see
    the old entry or the new one, never part of one."""
    folder, name = _open_folder(entry)
    tmp = f".{entry.stem}.{secrets.token_hex(8)}.tmp"
    src = tmp if folder is not None else entry.parent / tmp
    try:
        with os.fdopen(os.open(src, _CREATE, 0o600, dir_fd=folder), "wb") as f:
            f.write(data)
        os.replace(src, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(src, dir_fd=folder)
        raise
    finally:
        if folder is not None:
            os.close(folder)


def index_context(packs: tuple[Path, ...], options: Any) -> str | None:
    """The index's context (checker.cacheindex.context) for these added packs and
    options: computed without loading any pack."""
    from checker import cacheindex

    return cacheindex.context(code_fingerprint(), packs, _options(options))


def _options(options: Any) -> dict[str, Any]:
    return {
        "lang": options.lang,
        "as_of": options.as_of.isoformat() if options.as_of else None,
        "today": options.today.isoformat() if options.today else None,
        "select": sorted(options.select),
        "ignore": sorted(options.ignore),
    }


def context_of(packs: Any, options: Any) -> str:
    """What besides the bytes decides a file's result: the packs and the options."""
    # Compiled packs (checker.rules.snapshot) carry the digest of what they decide.
    parts = [packs.digest] if hasattr(packs, "digest") else [p.model_dump_json() for p in packs]
    parts.append(json.dumps(_options(options), sort_keys=True))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()
