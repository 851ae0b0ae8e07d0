"""Writing the report (or a template) to a file the user named, without ever losing data.

- A regular file is written whole beside the target, flushed to disk, then put in place
  in one step: a reader sees the old file or the new one, never half of one, and a
  failed write leaves the old file and no temporary file.
- Without --force nothing is replaced but what the caller's `replaceable` recognises (for
  `check -o`, a report the checker wrote before), and that is decided at the moment of
  writing, not only at start: the new file is linked into place (`link` never replaces),
  so a file that appeared during a long run is refused, not overwritten.
- A file being checked (named, reached through a folder, or the file behind standard
  input) is never the target, whatever its name: compared by device and inode.
- Anything that is not a regular file is never replaced. A named pipe (fifo), /dev/null
  and the terminal or pipe this process already writes to are written as a stream; any
  other device or a socket is refused (opening a device can have effects of its own).

Problems are raised as OutputError, carrying the key of the message in checker/i18n.py.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import BinaryIO

Identity = tuple[int, int]  # (st_dev, st_ino)

_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS,
                  errno.EXDEV}


class OutputError(Exception):
    """The output cannot be written: `key` names the message, `error` the system's reason."""

    def __init__(self, key: str, error: OSError | None = None) -> None:
        super().__init__(key)
        self.key = key
        self.error = error


def identity(st: os.stat_result) -> Identity:
    return st.st_dev, st.st_ino


def identities(paths: Collection[Path], stdin: bool) -> frozenset[Identity]:
    """The files a run reads: each path as it resolves now, and what is behind standard
    input if it is read (a file redirected with `< case.json`)."""
    out: set[Identity] = set()
    for p in paths:
        try:
            out.add(identity(os.stat(p)))
        except (OSError, ValueError):
            continue  # it cannot be read either: the report says so
    if stdin:
        with contextlib.suppress(OSError):
            out.add(identity(os.fstat(0)))
    return frozenset(out)


def _stat(name: str) -> os.stat_result | None:
    try:
        return os.stat(name)
    except FileNotFoundError:
        return None  # also a dangling symbolic link: the file it names is created
    except OSError as e:
        raise OutputError("output-failed", e) from None


def _streamable(st: os.stat_result) -> bool:
    """A fifo; or a character device that is /dev/null or what stdout or stderr already is
    (a terminal): writing to those has no effect beyond the bytes written."""
    if stat.S_ISFIFO(st.st_mode):
        return True
    if not stat.S_ISCHR(st.st_mode):
        return False
    known = []
    with contextlib.suppress(OSError):
        known.append(os.stat(os.devnull).st_rdev)
    for fd in (1, 2):
        try:
            own = os.fstat(fd)
        except OSError:
            continue
        if stat.S_ISCHR(own.st_mode):
            known.append(own.st_rdev)
    return st.st_rdev in known


def check_output(name: str, *, replace: bool, protected: Collection[Identity] = (),
                 replaceable: Callable[[str], bool] | None = None) -> None:
    """Raise the OutputError that writing to `name` would raise, before any work is done.
    write_output checks again when it writes."""
    _plan(name, replace=replace, protected=protected, replaceable=replaceable)


def _plan(name: str, *, replace: bool, protected: Collection[Identity],
          replaceable: Callable[[str], bool] | None = None) -> os.stat_result | None:
    """What is at `name` now (None: nothing). `replaceable` says whether an existing
    regular file may be replaced without `replace` (a report the checker wrote before)."""
    if not name:
        raise OutputError("output-empty")
    st = _stat(name)
    if st is None:
        return None
    if identity(st) in protected:
        raise OutputError("output-is-input")
    if stat.S_ISREG(st.st_mode):
        if not replace and not (replaceable is not None and replaceable(name)):
            raise OutputError("output-exists" if replaceable is None
                              else "output-exists-not-report")
        return st
    if stat.S_ISDIR(st.st_mode):
        raise OutputError("output-failed", IsADirectoryError(errno.EISDIR, "is a directory"))
    if not _streamable(st):
        raise OutputError("output-device")
    return st


def write_output(name: str, data: bytes, *, replace: bool,
                 protected: Collection[Identity] = (),
                 replaceable: Callable[[str], bool] | None = None) -> None:
    """Write data to the file called `name` (see the module's docstring); an existing
    file for which `replaceable` says yes is replaced as with `replace`."""
    st = _plan(name, replace=replace, protected=protected, replaceable=replaceable)
    if st is not None and not stat.S_ISREG(st.st_mode):
        _write_stream(name, data)
        return
    replace = replace or st is not None  # a regular file _plan let through
    # through a symbolic link, the file it points to is written and the link kept
    target = Path(os.path.realpath(name)) if os.path.islink(name) else Path(name)
    try:
        _write_file(target, data, replace=replace, protected=protected,
                    mode=st.st_mode & 0o777 if st is not None else None)
    except OSError as e:
        raise OutputError("output-failed", e) from None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _write_stream(name: str, data: bytes) -> None:
    try:
        # a fifo waits for its reader here, as the shell's `>` does
        fd = os.open(name, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as e:
        raise OutputError("output-failed", e) from None
    try:
        if not _streamable(os.fstat(fd)):  # it changed since we looked
            raise OutputError("output-device")
        _write_all(fd, data)
    except OSError as e:
        raise OutputError("output-failed", e) from None
    finally:
        os.close(fd)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write_file(target: Path, data: bytes, *, replace: bool,
                protected: Collection[Identity], mode: int | None) -> None:
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(fd, _default_mode() if mode is None else mode)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        _put_in_place(tmp, target, replace=replace, protected=protected, mode=mode)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _put_in_place(tmp: str, target: Path, *, replace: bool,
                  protected: Collection[Identity], mode: int | None) -> None:
    """The written temporary file `tmp` becomes `target` (see the module's docstring);
    the caller removes `tmp` afterwards, whatever happened."""
    if replace:
        # what is there now, not what was there at start
        now = _stat(str(target))
        if now is not None and identity(now) in protected:
            raise OutputError("output-is-input")
        if now is not None and not stat.S_ISREG(now.st_mode):
            if not _streamable(now):
                raise OutputError("output-device")
            _write_stream(str(target), Path(tmp).read_bytes())  # a fifo appeared
            return
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)  # never replaces: fails if the name exists by now
    except FileExistsError:
        raise OutputError("output-appeared") from None
    except OSError as e:
        if e.errno not in _NO_HARD_LINKS:
            raise
        _create_exclusive(target, Path(tmp).read_bytes(),
                          _default_mode() if mode is None else mode)


@contextlib.contextmanager
def output_stream(name: str, *, replace: bool, protected: Collection[Identity] = (),
                  replaceable: Callable[[str], bool] | None = None) -> Iterator[BinaryIO]:
    """write_output for a report written as it is made: the caller writes to the file
    yielded. A regular file is written beside the target and put in place only when the
    block ends without an exception (a run stopped half way leaves nothing, not half a
    report); a fifo or /dev/null is written as a stream."""
    st = _plan(name, replace=replace, protected=protected, replaceable=replaceable)
    if st is not None and not stat.S_ISREG(st.st_mode):
        try:
            # a fifo waits for its reader here, as the shell's `>` does
            fd = os.open(name, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC)
        except OSError as e:
            raise OutputError("output-failed", e) from None
        try:
            if not _streamable(os.fstat(fd)):  # it changed since we looked
                raise OutputError("output-device")
            with os.fdopen(fd, "wb", closefd=False) as f:
                yield f
        except OSError as e:
            raise OutputError("output-failed", e) from None
        finally:
            os.close(fd)
        return
    replace = replace or st is not None  # a regular file _plan let through
    # through a symbolic link, the file it points to is written and the link kept
    target = Path(os.path.realpath(name)) if os.path.islink(name) else Path(name)
    mode = st.st_mode & 0o777 if st is not None else None
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as e:
        raise OutputError("output-failed", e) from None
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(fd, _default_mode() if mode is None else mode)
            yield f
            f.flush()
            os.fsync(f.fileno())
        _put_in_place(tmp, target, replace=replace, protected=protected, mode=mode)
    except OSError as e:
        raise OutputError("output-failed", e) from None
    finally:
        Path(tmp).unlink(missing_ok=True)


def _create_exclusive(target: Path, data: bytes, mode: int) -> None:
    """For a file system without hard links: create the file only if it does not exist."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, mode)
    except FileExistsError:
        raise OutputError("output-appeared") from None
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        target.unlink(missing_ok=True)  # ours: created above
        raise
