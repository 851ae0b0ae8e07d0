"""Finding and reading case files without ever hanging, following a loop, or reading
more than the size limit. Owns the file system side of a run; nothing here writes.

Every problem is returned as a Finding for that path (the run goes on to the next file);
nothing here raises for a bad file.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

from checker.i18n import Lang, t
from checker.loading import INPUT_RULE
from checker.report import Finding, Kind, Severity

CASE_SUFFIX = ".json"
DEFAULT_MAX_SIZE = 5 * 1024 * 1024  # a real case is 5-50 KB; 5 MiB leaves room for annexes
STDIN = "-"


@dataclass(frozen=True)
class Problem:
    """Why a folder met on the walk was not (or not again) gone into: a message key,
    the system's error number if any, the other path it duplicates, its severity."""

    key: str
    errno: int | None = None
    other: str = ""
    severity: Severity = Severity.ERROR


@dataclass(frozen=True)
class Source:
    """One file to check: its label in the report and where to read it (None: stdin);
    or a folder the walk names instead of going into it (problem). `named`: named on the
    command line (not found in a folder, nor passed by a hook with --force-exclude), so
    a file that is not a case is an error rather than skipped (checker.recognise)."""

    label: str
    path: Path | None
    problem: Problem | None = None
    named: bool = False


@dataclass(frozen=True)
class Skipped:
    """A file met on the walk that is not a case file: not checked, and noted in
    verbose mode. `reason` is a message key (checker.i18n), `schema` the `$schema` that
    named another schema, if that is why."""

    label: str
    reason: str
    schema: str = ""


def walk(arg: str, wanted: Callable[[Path], bool] | None = None,
         filter_files: bool = False) -> Iterator[Source]:
    """The case files an argument names: stdin, a file, or the case files below a folder
    (`wanted`, by default every *.json; sorted; hidden folders and files skipped). A file
    named on the command line is always checked, unless filter_files (for hooks). Which
    of the JSON files found are cases is decided when they are read (checker.recognise).

    Symbolic links to folders are followed, each folder once: a folder met again (a link
    to a parent, or a second link to the same folder) is named with a notice, so a link
    loop cannot trap the walk. A folder that cannot be read (permissions, a path too long
    for the system) is named with an error. Nothing is skipped silently."""
    is_case = wanted or (lambda p: p.name.endswith(CASE_SUFFIX))
    if arg == STDIN:
        yield Source("<stdin>", None, named=True)
        return
    root = Path(arg)
    if not root.is_dir():
        if not filter_files or is_case(root):
            yield Source(arg, root, named=not filter_files)
        return
    # Sorted by label; a file found is held as its label only until it is yielded, so a
    # folder of 100,000 files costs little more than their names (issue 15).
    found: list[str | Source] = [s.label if _plain(s) else s
                                 for s in _walk_folder(root, is_case)]
    found.sort(key=_label)
    for item in found:
        yield _source(item)


def _plain(s: Source) -> bool:
    """A file found on a walk, as `walk` makes it: Source(path.as_posix(), path)."""
    return s.problem is None and not s.named and s.path is not None \
        and s.label == s.path.as_posix()


def _label(item: str | Source) -> str:
    return item if isinstance(item, str) else item.label


class Sources(Sequence[Source]):
    """The sources of a run, kept small: a plain file found on a walk is held as its
    label, and its Source made again when asked for (the same one: Source(label,
    Path(label))). Everything else is held as it is."""

    def __init__(self) -> None:
        self._items: list[str | Source] = []
        self.stdin = False  # one of them is standard input

    def append(self, s: Source) -> None:
        self._items.append(s.label if _plain(s) else s)
        self.stdin = self.stdin or s.path is None

    def __iter__(self) -> Iterator[Source]:
        return (_source(x) for x in self._items)

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, i: int) -> Source: ...

    @overload
    def __getitem__(self, i: slice) -> list[Source]: ...

    def __getitem__(self, i: int | slice) -> Source | list[Source]:
        if isinstance(i, slice):
            return [_source(x) for x in self._items[i]]
        return _source(self._items[i])


def _source(item: str | Source) -> Source:
    return Source(item, Path(item)) if isinstance(item, str) else item


def _walk_folder(root: Path, is_case: Callable[[Path], bool]) -> Iterator[Source]:
    """Depth first, without recursion (no depth limit but the system's path length). A
    folder is identified by (device, inode) and entered once; folders reached through a
    symbolic link are entered after all the others, so that a folder met both ways is
    checked under its own name and the link is the one named as a duplicate."""
    plain: list[Path] = [root]  # a stack: depth first, first name first
    linked: deque[Path] = deque()  # reached through a symbolic link: afterwards, in order
    seen: dict[tuple[int, int], str] = {}
    while plain or linked:
        through_link = not plain
        folder = plain.pop() if plain else linked.popleft()
        try:
            st = os.stat(folder)
            ident = (st.st_dev, st.st_ino)
            if ident in seen:
                yield Source(folder.as_posix(), folder,
                             Problem("folder-seen", other=seen[ident], severity=Severity.INFO))
                continue
            seen[ident] = folder.as_posix()
            with os.scandir(folder) as it:
                entries = sorted((e for e in it if not e.name.startswith(".")),
                                 key=lambda e: e.name)
        except OSError as e:
            yield Source(folder.as_posix(), folder, Problem("folder-unreadable", e.errno))
            continue
        below: list[Path] = []
        for entry in entries:
            path = folder / entry.name
            try:
                is_dir = entry.is_dir()  # through a symbolic link too
            except OSError:  # a link loop or an unreadable link: read() names it
                is_dir = False
            if not is_dir:
                if is_case(path):
                    yield Source(path.as_posix(), path)
            elif through_link or entry.is_symlink():
                linked.append(path)
            else:
                below.append(path)
        plain.extend(reversed(below))


def _problem(label: str, lang: Lang, key: str, **values: object) -> Finding:
    return Finding(INPUT_RULE, Severity.ERROR, Kind.INPUT, t(key, lang, **values), "")


def read(src: Source, lang: Lang, max_size: int = DEFAULT_MAX_SIZE) -> bytes | Finding:
    """The bytes of a case file, or a Finding saying why they cannot be had."""
    if src.problem is not None:
        p = src.problem
        from checker.reporters import path_text

        reason = os_reason(OSError(p.errno, os.strerror(p.errno)), lang) if p.errno else ""
        return Finding(INPUT_RULE, p.severity, Kind.INPUT,
                       t(p.key, lang, reason=reason, other=path_text(p.other)), "")
    if src.path is None:
        return _read_stdin(lang, max_size)
    try:
        st = os.stat(src.path)
        if stat.S_ISDIR(st.st_mode):
            return _problem(src.label, lang, "is-directory")
        if not stat.S_ISREG(st.st_mode):
            # a fifo, socket or device: opening it could block forever
            return _problem(src.label, lang, "not-regular")
        if st.st_size > max_size:
            return _problem(src.label, lang, "too-large", size=st.st_size, limit=max_size)
        with open(src.path, "rb") as f:
            # as many bytes as it has (a buffer of max_size would be allocated whole),
            # then, if it grew meanwhile, the rest up to the limit
            raw = f.read(min(st.st_size, max_size) + 1)
            if len(raw) > st.st_size:
                raw += f.read(max_size + 1 - len(raw))
    except FileNotFoundError:
        return _problem(src.label, lang, "not-found")
    except OSError as e:
        return _problem(src.label, lang, "read-error", reason=os_reason(e, lang))
    if len(raw) > max_size:  # it grew while we read it
        return _problem(src.label, lang, "too-large", size=len(raw), limit=max_size)
    return raw


_REASONS: dict[int, dict[Lang, str]] = {
    errno.EACCES: {"vi": "không có quyền đọc", "en": "permission denied"},
    errno.EPERM: {"vi": "không có quyền đọc", "en": "permission denied"},
    errno.ELOOP: {"vi": "liên kết tượng trưng tạo thành vòng lặp",
                  "en": "the symbolic links form a loop"},
    errno.ENOTDIR: {"vi": "một phần của đường dẫn không phải thư mục",
                    "en": "part of the path is not a directory"},
    errno.ENAMETOOLONG: {"vi": "đường dẫn quá dài", "en": "the path is too long"},
    errno.EIO: {"vi": "lỗi vào/ra của thiết bị", "en": "an input/output error"},
}


_WRITE_REASONS: dict[int, dict[Lang, str]] = {
    errno.EACCES: {"vi": "không có quyền ghi", "en": "permission denied"},
    errno.EPERM: {"vi": "không có quyền ghi", "en": "permission denied"},
    errno.ENOSPC: {"vi": "thiết bị đã hết chỗ trống", "en": "no space is left on the device"},
    errno.EDQUOT: {"vi": "đã vượt hạn mức dung lượng đĩa", "en": "the disk quota is exceeded"},
    errno.EFBIG: {"vi": "tệp vượt quá kích thước cho phép", "en": "the file is too large"},
    errno.EROFS: {"vi": "hệ thống tệp chỉ cho phép đọc", "en": "the file system is read-only"},
    errno.EISDIR: {"vi": "đó là một thư mục", "en": "it is a directory"},
    errno.ENOENT: {"vi": "thư mục chứa tệp không tồn tại",
                   "en": "the folder it would be in does not exist"},
}


def os_reason(e: OSError, lang: Lang, writing: bool = False) -> str:
    """The reason for an error of the system, in words of the run's language."""
    known = (_WRITE_REASONS.get(e.errno or -1) if writing else None) or _REASONS.get(
        e.errno or -1)
    return known[lang] if known else (e.strerror or type(e).__name__)


def _read_stdin(lang: Lang, max_size: int) -> bytes | Finding:
    stream = sys.stdin
    try:
        if stream is None or stream.closed:
            raise OSError("closed")
        raw = stream.buffer.read(max_size + 1)
    except (OSError, ValueError, AttributeError):
        return _problem("<stdin>", lang, "stdin-closed")
    if len(raw) > max_size:
        return _problem("<stdin>", lang, "too-large", size=f">{max_size}", limit=max_size)
    return raw
