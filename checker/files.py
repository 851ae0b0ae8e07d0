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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from checker.i18n import Lang, t
from checker.loading import INPUT_RULE
from checker.report import Finding, Kind, Severity

CASE_SUFFIX = ".json"
DEFAULT_MAX_SIZE = 5 * 1024 * 1024  # a real case is 5-50 KB; 5 MiB leaves room for annexes
STDIN = "-"


@dataclass(frozen=True)
class Source:
    """One file to check: its label in the report and where to read it (None: stdin)."""

    label: str
    path: Path | None


def walk(arg: str, wanted: Callable[[Path], bool] | None = None,
         filter_files: bool = False) -> Iterator[Source]:
    """The case files an argument names: stdin, a file, or the case files below a folder
    (`wanted`, by default every *.json; sorted; hidden folders and files skipped;
    symlinked folders not followed, so a symlink loop cannot trap the walk). A file
    named on the command line is always checked, unless filter_files (for hooks)."""
    is_case = wanted or (lambda p: p.name.endswith(CASE_SUFFIX))
    if arg == STDIN:
        yield Source("<stdin>", None)
        return
    root = Path(arg)
    if not root.is_dir():
        if not filter_files or is_case(root):
            yield Source(arg, root)
        return
    found: list[Path] = []
    for top, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(top) / name for name in files
                     if not name.startswith(".") and is_case(Path(top) / name))
    for p in sorted(found, key=lambda p: p.as_posix()):
        yield Source(p.as_posix(), p)


def _problem(label: str, lang: Lang, key: str, **values: object) -> Finding:
    return Finding(INPUT_RULE, Severity.ERROR, Kind.INPUT, t(key, lang, **values), "")


def read(src: Source, lang: Lang, max_size: int = DEFAULT_MAX_SIZE) -> bytes | Finding:
    """The bytes of a case file, or a Finding saying why they cannot be had."""
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
            raw = f.read(max_size + 1)
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


def os_reason(e: OSError, lang: Lang) -> str:
    known = _REASONS.get(e.errno or -1)
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
