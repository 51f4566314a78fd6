"""Writing a file the way a team sharing a folder expects: atomic, with ordinary permissions.

Every file quizgen writes (bank files, the parse cache, exports) goes through
``atomic_writer``: the bytes go to a temporary file next to the target, are
fsynced, and the temporary file is renamed over the target, so a reader (or a
process killed half way) sees the old file or the new one, never half of one.

``tempfile.mkstemp`` would create that temporary file with mode 0600, and the
rename would hand the target that mode: a shared bank would become unreadable to
the rest of the team after one decision. Here the temporary file is created the
way ``open(path, "w")`` creates a file (0666 minus the umask, default ACLs of the
folder applied by the kernel), and a file that already exists keeps its mode, its
group (and its owner, when root rewrites it) and its access ACL, as an in-place
write would.

A temporary file's name says which host and process wrote it
(``.<target>.<host>.<pid>.<random>.tmp``). Nothing reads those names, and the next
write into the same folder removes the ones whose process is gone, so a writer
killed with SIGKILL leaves nothing that a later command trips over.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import socket
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from quizgen.errors import QuizgenError

TMP_SUFFIX = ".tmp"
STALE_AFTER_S = 24 * 3600  # a temporary file this old is dead whoever wrote it (another host, a reboot)
_ACL = "system.posix_acl_access"
_TEMP_RE = re.compile(r"^\.(?P<target>.+)\.(?P<host>[A-Za-z0-9-]{1,24})\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp$")

_REASONS = {
    errno.EACCES: "không có quyền ghi",
    errno.EPERM: "không có quyền ghi",
    errno.EROFS: "ổ đĩa hoặc thư mục chỉ cho đọc",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "đã hết hạn mức dung lượng",
    errno.EISDIR: "đường dẫn là một thư mục; hãy cho tên tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải là thư mục",
    errno.ENAMETOOLONG: "tên tệp quá dài",
}
READ_ONLY_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


class WriteError(QuizgenError):
    """A file could not be written; nothing was changed (the old file, if any, is intact)."""

    def __init__(self, path: Path, exc: OSError):
        self.errno = exc.errno
        reason = _REASONS.get(exc.errno or 0, exc.strerror or str(exc))
        super().__init__(f"không ghi được tệp ({reason}); không có gì bị thay đổi.", path=path)

    @property
    def read_only(self) -> bool:
        return self.errno in READ_ONLY_ERRNOS


def _host_tag() -> str:
    return re.sub(r"[^A-Za-z0-9-]", "", socket.gethostname())[:24] or "host"


def temp_path(target: Path) -> Path:
    return target.with_name(
        f".{target.name}.{_host_tag()}.{os.getpid()}.{secrets.token_hex(4)}{TMP_SUFFIX}"
    )


def is_temp_name(name: str) -> bool:
    return _TEMP_RE.match(name) is not None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def stale_temp_files(directory: Path, target_name: str | None = None) -> list[Path]:
    """Temporary files left in ``directory`` by writers that died (for ``target_name`` only, if given).

    Dead means: written on this host by a process that no longer exists, or older than a day.
    A live writer's file on another host sharing the folder is never taken.
    """
    found: list[Path] = []
    host = _host_tag()
    now = time.time()
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return []
    prefix = "." if target_name is None else f".{target_name}."
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(TMP_SUFFIX)):
            continue  # cheap test first: a bank folder holds many files and this runs on every write
        match = _TEMP_RE.match(entry.name)
        if match is None or (target_name is not None and match["target"] != target_name):
            continue
        dead = match["host"] == host and not _pid_alive(int(match["pid"]))
        if not dead:
            with contextlib.suppress(OSError):
                dead = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER_S
        if dead:
            found.append(Path(entry.path))
    return found


def remove_stale_temp_files(directory: Path, target_name: str | None = None) -> int:
    removed = 0
    for path in stale_temp_files(directory, target_name):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed


def _keep_attributes(fd: int, old: os.stat_result, path: Path) -> None:
    """Give the new file what an in-place write would have kept: group (owner for root), ACL, mode."""
    new = os.fstat(fd)
    if (new.st_uid, new.st_gid) != (old.st_uid, old.st_gid):
        uid = old.st_uid if os.geteuid() == 0 else -1
        with contextlib.suppress(OSError):  # not a member of the file's group: the file gets ours
            os.fchown(fd, uid, old.st_gid)
    if hasattr(os, "getxattr"):  # Linux: POSIX ACLs live in an extended attribute
        try:
            acl: bytes | None = os.getxattr(path, _ACL, follow_symlinks=False)
        except OSError:
            acl = None  # none, or no ACL support here: the mode says it all
        with contextlib.suppress(OSError):
            if acl is not None:
                os.setxattr(fd, _ACL, acl)
            else:
                os.removexattr(fd, _ACL)  # a default ACL the folder gave the new file, which the old lacked
    os.fchmod(fd, stat.S_IMODE(old.st_mode) & 0o1777)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):  # some filesystems refuse fsync on a folder
            os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(path: Path, *, make_parents: bool = True) -> Iterator[IO[bytes]]:
    """A binary handle whose bytes replace ``path`` atomically when the block ends without error.

    Raises WriteError (a QuizgenError) for any OSError on the way (folder or existing
    target not writable, disk full); other exceptions from the caller's block propagate
    unchanged. In every failure the temporary file is removed and the target left as it was.
    """
    path = Path(path)
    if path.is_symlink():  # a normal write goes through the link; a rename would replace the link itself
        path = Path(os.path.realpath(path))
    directory = path.parent
    try:
        if make_parents:
            directory.mkdir(parents=True, exist_ok=True)
        try:
            old: os.stat_result | None = os.stat(path)
        except FileNotFoundError:
            old = None
        if old is not None and not os.access(path, os.W_OK):
            # A normal write would fail on a read-only file; a rename would not: honour the mode.
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        remove_stale_temp_files(directory, path.name)
        tmp = temp_path(path)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    except OSError as exc:
        raise WriteError(path, exc) from exc
    try:
        try:
            if old is not None:
                _keep_attributes(fd, old, path)
            handle = os.fdopen(fd, "wb")
        except BaseException:
            os.close(fd)
            raise
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise WriteError(path, exc) from exc
        raise
    _fsync_dir(directory)


def atomic_write_bytes(path: Path, data: bytes, *, make_parents: bool = True) -> None:
    with atomic_writer(path, make_parents=make_parents) as handle:
        handle.write(data)


def atomic_write_text(path: Path, text: str, *, make_parents: bool = True) -> None:
    """Write ``text`` as UTF-8 to ``path``: readers see the old file or the new, never half."""
    atomic_write_bytes(path, text.encode("utf-8"), make_parents=make_parents)


def ensure_dir(path: Path) -> None:
    """``mkdir -p`` with the umask's mode; WriteError when it cannot be created."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(path, exc) from exc
