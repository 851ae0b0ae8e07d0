"""The compiled snapshot of the rule packs: what `check` loads instead of the TOML.

Parsing the packs' TOML and validating them with the pydantic models costs a one-file
check most of its time. A pack file that passed that validation (checker.rules.pack) is
compiled into plain values (checker.rules.compiled) and the result is kept in the user's
cache folder (checker.cache.default_folder), so that the next run reads one JSON file
and builds the values with neither tomllib nor pydantic.

- Keyed by everything that decides its content: the snapshot format, the Python version,
  the checker's code and data (checker.cache.code_fingerprint: its source, the built-in
  packs, the catalog, the holidays package's version) and, for packs added with
  `--rules`, each file's path and bytes. A snapshot of another key is stale: rebuilt.
- Exactly what was written, or nothing: the file names its key and the SHA-256 of its
  body; a file that is truncated, corrupt, of another key, not a regular file or too
  large is ignored, and the packs are built from their TOML and the file rewritten.
  JSON, never pickle: a tampered cache can lie but cannot run code (as the result
  cache). Decoding checks every type; any surprise means "build from TOML".
- Written atomically (a fresh temporary file, then os.replace), so two runs building at
  once each leave a whole file; failing to write (a read-only folder, a full disk) is
  silently a no-op: the packs built in memory are used.
- Not a result cache: it never changes what a run reports (a test compares both paths
  over every fixture). A run with `--no-cache` still reads a snapshot that is there,
  but writes nothing into the cache folder (as for results); `checker cache clean`
  removes it with the results.
- `verify` and `rules`/`explain` keep loading the packs through pydantic
  (checker.rules.pack); a `--rules` pack that is not in the snapshot is validated in
  full (validate_pack) before it is compiled.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import secrets
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.report import Amendment, Citation, Confidence, DocKind, Severity
from checker.rules.compiled import (
    Cond,
    Cover,
    Pack,
    PackSet,
    Period,
    Rule,
    Text,
    tokens,
    unique,
)

if TYPE_CHECKING:
    from checker.i18n import Lang
    from checker.rules import pack as model
    from checker.sources import Catalog

FORMAT = "1"
MAGIC = b"checker-packs-snapshot"
MAX_SNAPSHOT = 16 << 20  # bytes; the built-in packs compile to a few hundred KB
_GITIGNORE = b"# created by checker\n*\n"  # the bytes checker.cache writes
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


# ---------------------------------------------------------------- compiling
def _text(t: Any) -> Text:
    return Text(t.vi, t.en)


def _period(p: Any) -> Period:
    return Period(p.start, p.end)


def condition(cond: model.Condition | None) -> Cond | None:
    """A pack's `when`, parsed once into a tree of tuples (see compiled.Cond)."""
    from checker.rules import pack as model

    if cond is None:
        return None
    if isinstance(cond, model.Equals):
        ((ptr, want),) = cond.equals.items()
        return ("equals", tokens(ptr), want)
    if isinstance(cond, model.IsPresent):
        return ("present", tokens(cond.present))
    if isinstance(cond, model.AnyOf):
        return ("any", tuple(condition(c) for c in cond.any))
    if isinstance(cond, model.AllOf):
        return ("all", tuple(condition(c) for c in cond.all))
    if isinstance(cond, model.Before):
        ((ptr, day),) = cond.before.items()
        return ("before", tokens(ptr), day)
    return ("not", condition(cond.not_))


def compile_pack(p: model.Pack, cat: Catalog) -> Pack:
    """A validated pack as plain values, its citations resolved (against `cat`, the
    built-in catalog, and its own sources, as parse_pack resolved them)."""
    from checker.rules.pack import citation
    from checker.sources import doc_kind

    rules = tuple(
        Rule(id=r.id, version=r.version, title=_text(r.title), severity=r.severity,
             procedures=tuple(str(x) for x in r.procedures), in_force=_period(r.in_force),
             selected_by=r.selected_by, when=condition(r.when),
             cites=unique([citation(c, cat) for c in r.cites]), explain=_text(r.explain),
             example=_text(r.example),
             messages={k: _text(v) for k, v in r.messages.items()},
             kind=r.check.kind, params=r.check.model_dump(mode="json"))
        for r in p.rules)
    covers = []
    for c in p.covers:
        src = cat.get(c.source)
        assert src is not None  # checked when the pack was loaded
        amended = cat.get(src.amends) if src.amends else None
        covers.append(Cover(
            layer=c.layer, procedures=tuple(str(x) for x in c.procedures), source=src.id,
            in_force=_period(c.in_force), selected_by=c.selected_by,
            when=condition(c.when), role=c.role,
            transition=citation(c.transition, cat) if c.transition is not None else None,
            number=src.number, kind=doc_kind(src),
            amends=amended.number if amended else None,
            amends_kind=doc_kind(amended) if amended else None))
    return Pack(id=p.id, version=p.version, title=_text(p.title), layer=p.layer,
                covers=tuple(covers), rules=rules,
                names={str(proc): {k: _text(v) for k, v in table.items()}
                       for proc, table in p.names.items()})


def compile_packs(packs: Sequence[model.Pack], digest: str) -> PackSet:
    from checker.sources import catalog

    cat = catalog()
    return PackSet((compile_pack(p, cat) for p in packs), digest)


# Pack tuples the engine was given (tests, verify, bench) and their compiled form, by
# identity; the tuple is held, so that its id cannot be reused while it is here.
_COMPILED: dict[int, tuple[object, PackSet]] = {}
_COMPILED_LIMIT = 64


def as_packset(packs: Sequence[Any]) -> PackSet:
    """The compiled form of the packs the engine was given: a PackSet as it is; a tuple
    of validated (pydantic) packs compiled once."""
    if isinstance(packs, PackSet):
        return packs
    found = _COMPILED.get(id(packs))
    if found is not None and found[0] is packs:
        return found[1]
    digest = hashlib.sha256("\0".join(p.model_dump_json() for p in packs).encode()).hexdigest()
    ps = compile_packs(packs, digest)
    if len(_COMPILED) >= _COMPILED_LIMIT:
        _COMPILED.clear()
    _COMPILED[id(packs)] = (packs, ps)
    return ps


# ---------------------------------------------------------------- encoding
def _d(v: dt.date | None) -> str | None:
    return v.isoformat() if v is not None else None


def _kind(k: DocKind | None) -> list[str] | None:
    return [k.vi, k.en] if k is not None else None


def _cite(c: Citation) -> dict[str, Any]:
    a = c.amended_by
    return {"source": c.source, "number": c.number, "article": c.article, "clause": c.clause,
            "point": c.point, "confidence": c.confidence.value, "url": c.url,
            "quote": c.quote, "section": c.section, "kind": _kind(c.kind),
            "amended_by": None if a is None else {
                "source": a.source, "number": a.number, "article": a.article,
                "clause": a.clause, "point": a.point, "kind": _kind(a.kind)}}


def _cond(c: Cond | None) -> Any:
    if c is None:
        return None
    op = c[0]
    if op in ("equals", "present"):
        return [op, list(c[1]), *c[2:]]
    if op == "before":
        return [op, list(c[1]), c[2].isoformat()]
    if op in ("any", "all"):
        return [op, [_cond(x) for x in c[1]]]
    return [op, _cond(c[1])]


def encode(packs: PackSet) -> dict[str, Any]:
    """The packs as JSON values (see decode). Citations are written once, in a table
    that rules and covers refer to by index (many rules cite the same place)."""
    table: dict[str, int] = {}
    cites: list[dict[str, Any]] = []

    def ref(c: Citation) -> int:
        value = _cite(c)
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        if text not in table:
            table[text] = len(cites)
            cites.append(value)
        return table[text]

    return {"digest": packs.digest, "packs": [{
        "id": p.id, "version": p.version, "title": [p.title.vi, p.title.en],
        "layer": p.layer,
        "names": {proc: {k: [v.vi, v.en] for k, v in table.items()}
                  for proc, table in p.names.items()},
        "covers": [{
            "layer": c.layer, "procedures": list(c.procedures), "source": c.source,
            "in_force": [_d(c.in_force.start), _d(c.in_force.end)],
            "selected_by": c.selected_by, "when": _cond(c.when), "role": c.role,
            "transition": ref(c.transition) if c.transition is not None else None,
            "number": c.number, "kind": _kind(c.kind), "amends": c.amends,
            "amends_kind": _kind(c.amends_kind)} for c in p.covers],
        "rules": [{
            "id": r.id, "version": r.version, "title": [r.title.vi, r.title.en],
            "severity": r.severity.value, "procedures": list(r.procedures),
            "in_force": [_d(r.in_force.start), _d(r.in_force.end)],
            "selected_by": r.selected_by, "when": _cond(r.when),
            "cites": [ref(c) for c in r.cites],
            "explain": [r.explain.vi, r.explain.en], "example": [r.example.vi, r.example.en],
            "messages": {k: [v.vi, v.en] for k, v in r.messages.items()},
            "kind": r.kind, "params": r.params} for r in p.rules],
    } for p in packs], "cites": cites}


class _Bad(Exception):
    """The snapshot is not what this module writes."""


def _str(v: Any) -> str:
    if not isinstance(v, str):
        raise _Bad
    return v


def _ostr(v: Any) -> str | None:
    return None if v is None else _str(v)


def _oint(v: Any) -> int | None:
    if v is not None and (not isinstance(v, int) or isinstance(v, bool)):
        raise _Bad
    return v


def _date(v: Any) -> dt.date:
    return dt.date.fromisoformat(_str(v))


def _odate(v: Any) -> dt.date | None:
    return None if v is None else _date(v)


def _pair(v: Any) -> list[Any]:
    if not isinstance(v, list) or len(v) != 2:
        raise _Bad
    return v


def _tx(v: Any) -> Text:
    if type(v) is list and len(v) == 2 and type(v[0]) is str and type(v[1]) is str:
        return Text(v[0], v[1])
    raise _Bad


def _dk(v: Any) -> DocKind | None:
    if v is None:
        return None
    vi, en = _pair(v)
    return DocKind(_str(vi), _str(en))


def _per(v: Any) -> Period:
    a, b = _pair(v)
    return Period(_date(a), _odate(b))


def _dict(v: Any) -> dict[str, Any]:
    if not isinstance(v, dict):
        raise _Bad
    return v


def _list(v: Any) -> list[Any]:
    if not isinstance(v, list):
        raise _Bad
    return v


def _strs(v: Any) -> tuple[str, ...]:
    return tuple(_str(x) for x in _list(v))


def _uncite(v: Any) -> Citation:
    d = _dict(v)
    a = d["amended_by"]
    amended = None
    if a is not None:
        a = _dict(a)
        amended = Amendment(_str(a["source"]), _str(a["number"]), _oint(a["article"]),
                            _oint(a["clause"]), _ostr(a["point"]), _dk(a["kind"]))
    return Citation(_str(d["source"]), _str(d["number"]), _oint(d["article"]),
                    _oint(d["clause"]), _ostr(d["point"]), Confidence(d["confidence"]),
                    _ostr(d["url"]), _ostr(d["quote"]), _ostr(d["section"]), amended,
                    _dk(d["kind"]))


def _uncond(v: Any) -> Cond | None:
    if v is None:
        return None
    c = _list(v)
    op = c[0]
    if op == "equals" and len(c) == 3:
        if not isinstance(c[2], str | bool | int):
            raise _Bad
        return (op, _strs(c[1]), c[2])
    if op == "present" and len(c) == 2:
        return (op, _strs(c[1]))
    if op == "before" and len(c) == 3:
        return (op, _strs(c[1]), _date(c[2]))
    if op in ("any", "all") and len(c) == 2:
        return (op, tuple(_uncond(x) for x in _list(c[1])))
    if op == "not" and len(c) == 2:
        return (op, _uncond(c[1]))
    raise _Bad


def decode(data: Any) -> PackSet:
    """The packs from their JSON values; _Bad (or a KeyError, ValueError, TypeError) for
    anything this module would not have written."""
    d = _dict(data)
    cites = [_uncite(c) for c in _list(d["cites"])]

    def cite(i: Any) -> Citation:
        if type(i) is not int or not 0 <= i < len(cites):
            raise _Bad
        return cites[i]
    packs = []
    for p in _list(d["packs"]):
        p = _dict(p)
        covers = tuple(Cover(
            layer=_str(c["layer"]), procedures=_strs(c["procedures"]), source=_str(c["source"]),
            in_force=_per(c["in_force"]), selected_by=_str(c["selected_by"]),
            when=_uncond(c["when"]), role=_str(c["role"]),
            transition=None if c["transition"] is None else cite(c["transition"]),
            number=_str(c["number"]), kind=_dk(c["kind"]) or DocKind("", ""),
            amends=_ostr(c["amends"]), amends_kind=_dk(c["amends_kind"]))
            for c in map(_dict, _list(p["covers"])))
        rules = tuple(Rule(
            id=_str(r["id"]), version=_oint(r["version"]) or 0, title=_tx(r["title"]),
            severity=Severity(r["severity"]), procedures=_strs(r["procedures"]),
            in_force=_per(r["in_force"]), selected_by=_str(r["selected_by"]),
            when=_uncond(r["when"]), cites=tuple(cite(x) for x in _list(r["cites"])),
            explain=_tx(r["explain"]), example=_tx(r["example"]),
            messages={_str(k): _tx(v) for k, v in _dict(r["messages"]).items()},
            kind=_str(r["kind"]), params=_dict(r["params"]))
            for r in map(_dict, _list(p["rules"])))
        names = {_str(proc): {_str(k): _tx(v) for k, v in _dict(table).items()}
                 for proc, table in _dict(p["names"]).items()}
        packs.append(Pack(id=_str(p["id"]), version=_str(p["version"]), title=_tx(p["title"]),
                          layer=_str(p["layer"]), covers=covers, rules=rules, names=names))
    return PackSet(packs, _str(d["digest"]))


def frame(magic: bytes, key: str, body: bytes) -> bytes:
    """A stored file: a header line (magic, format, key, SHA-256 of the body), then the
    body."""
    digest = hashlib.sha256(body).hexdigest()
    return b" ".join([magic, FORMAT.encode(), key.encode(), digest.encode()]) + b"\n" + body


def unframe(raw: bytes, magic: bytes, key: str) -> bytes | None:
    """The body of a file `frame` wrote with this magic and key; None for anything else
    (stale, of another format, truncated, corrupt)."""
    head, sep, body = raw.partition(b"\n")
    if not sep:
        return None
    parts = head.split(b" ")
    if parts[:3] != [magic, FORMAT.encode(), key.encode()] or len(parts) != 4:
        return None
    if hashlib.sha256(body).hexdigest().encode() != parts[3]:
        return None
    return body


def dumps(packs: PackSet, key: str) -> bytes:
    """The snapshot file: framed (see frame), its body compact, sorted JSON."""
    body = json.dumps(encode(packs), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")
    return frame(MAGIC, key, body)


def loads(raw: bytes, key: str) -> PackSet | None:
    """The packs of a snapshot file of this key; None for anything else (stale, of
    another format, truncated, corrupt)."""
    body = unframe(raw, MAGIC, key)
    if body is None:
        return None
    try:
        return decode(json.loads(body))
    except (_Bad, KeyError, ValueError, TypeError, RecursionError):
        return None


# ---------------------------------------------------------------- the file
def snapshot_key(extra: Sequence[tuple[str, bytes]] = ()) -> str:
    """What a snapshot's content depends on (see the module's docstring); `extra`: each
    --rules pack's path as given and its bytes."""
    from checker.cache import code_fingerprint

    h = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{code_fingerprint()}".encode())
    for name, raw in extra:
        h.update(b"\0" + hashlib.sha256(name.encode("utf-8", "surrogateescape")).digest())
        h.update(hashlib.sha256(raw).digest())
    return h.hexdigest()


def snapshot_path(folder: Path, extra: Sequence[tuple[str, bytes]] = ()) -> Path:
    """One file for the built-in packs alone, one per list of --rules paths; a file's
    key says which version of them it holds."""
    if not extra:
        return folder / "packs-builtin.snapshot"
    names = "\0".join(n for n, _ in extra).encode("utf-8", "surrogateescape")
    return folder / f"packs-{hashlib.sha256(names).hexdigest()[:16]}.snapshot"


def read_snapshot(path: Path) -> bytes | None:
    """The file's bytes if it is a regular file (no link followed) within the limit;
    None otherwise, or if it cannot be read."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_SNAPSHOT:
            return None
        chunks = []
        size = 0
        while size <= MAX_SNAPSHOT:
            chunk = os.read(fd, MAX_SNAPSHOT + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks) if size <= MAX_SNAPSHOT else None
    except OSError:
        return None
    finally:
        os.close(fd)


def write_snapshot(path: Path, data: bytes) -> None:
    """Write atomically (a fresh temporary file beside it, then os.replace, which
    replaces the name, never writes through a link); any failure is a silent no-op."""
    folder = path.parent
    tmp = folder / f".{path.name}.{secrets.token_hex(8)}.tmp"
    try:
        if not folder.is_dir():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            with contextlib.suppress(FileExistsError):
                fd = os.open(folder / ".gitignore",
                             os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644)
                with os.fdopen(fd, "wb") as f:
                    f.write(_GITIGNORE)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def clean(folder: Path) -> None:
    """Remove the snapshots (and temporary files a crash left) from the cache folder:
    the packs' and the calendar's (checker.workdays)."""
    with contextlib.suppress(OSError), os.scandir(folder) as found:
        for f in found:
            name = f.name.lstrip(".")
            if name.startswith(("packs-", "calendar-")) and (name.endswith(".snapshot")
                                              or name.endswith(".tmp")) \
                    and f.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(f.path)


def _extra_bytes(paths: Sequence[Path]) -> list[tuple[str, bytes]] | None:
    """Each --rules file's path and bytes, read as validate_pack would (a regular file
    within the size limit); None if any is not, so that validation says why."""
    from checker.sources import MAX_TOML_SIZE

    out = []
    for p in paths:
        try:
            fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return None
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            raw = b""
            while len(raw) <= MAX_TOML_SIZE:
                chunk = os.read(fd, MAX_TOML_SIZE + 1 - len(raw))
                if not chunk:
                    break
                raw += chunk
        except OSError:
            return None
        finally:
            os.close(fd)
        if len(raw) > MAX_TOML_SIZE:
            return None
        out.append((p.as_posix(), raw))
    return out


def load_packs(extra: Sequence[Path] = (), lang: Lang = "en",
               folder: Path | None = None, *, write: bool = True) -> PackSet:
    """The built-in packs and any added with --rules, compiled: from the snapshot in
    `folder` when it holds this key, else validated and built from the TOML
    (checker.rules.pack.all_packs) and, if `write`, the snapshot rewritten. With no
    folder, built in memory. A broken pack is the RulePackError of all_packs, never a
    snapshot matter."""
    extras = _extra_bytes(extra) if extra else []
    key = snapshot_key(extras) if extras is not None else None
    path = snapshot_path(folder, extras) if folder is not None and extras is not None \
        else None
    if path is not None and key is not None:
        raw = read_snapshot(path)
        found = loads(raw, key) if raw is not None else None
        if found is not None:
            return found
    from checker.rules.pack import all_packs

    packs = all_packs(tuple(extra), lang)
    ps = compile_packs(packs, key or snapshot_key([(p.as_posix(), b"") for p in extra]))
    # Stored only if the --rules files still hold the bytes of the key: one changed while
    # it was validated must not be remembered under its old bytes.
    if write and path is not None and key is not None and (
            not extra or _extra_bytes(extra) == extras):
        write_snapshot(path, dumps(ps, key))
    return ps
