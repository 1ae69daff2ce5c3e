"""The one SQLite connection a process holds per database file, and how threads share it."""

from __future__ import annotations

import functools
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

T = TypeVar("T")

NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "glusterfs", "ceph",
     "fuse.rclone", "davfs", "fuse.davfs2", "virtiofs", "vboxsf", "prl_fs", "fuse.s3fs"}
)  # fmt: skip


def rows_in(
    conn: sqlite3.Connection, sql: str, values: Sequence[object], size: int = 500
) -> Iterator[tuple]:
    """The rows of ``sql`` (which holds ``IN ({marks})``) for all ``values``, ``size`` values
    a query: SQLite limits how many parameters one statement takes."""
    for i in range(0, len(values), size):
        chunk = list(values[i : i + size])
        yield from conn.execute(sql.format(marks=", ".join("?" for _ in chunk)), chunk)


def filesystem_type(path: Path) -> str | None:
    """The type of the filesystem holding ``path`` (Linux /proc/mounts), or None if unknown."""
    try:
        target = path.resolve().parent
        best, fs = "", None
        with open("/proc/mounts", encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) < 3:
                    continue
                mount = parts[1].replace("\\040", " ")
                inside = str(target) == mount or str(target).startswith(mount.rstrip("/") + "/")
                if inside and len(mount) >= len(best):
                    best, fs = mount, parts[2]
        return fs
    except OSError:
        return None


def is_locked(err: sqlite3.OperationalError) -> bool:
    return "locked" in str(err) or "busy" in str(err)


class Shared:
    """The one SQLite connection this process holds on one database file.

    SQLite's locks are POSIX advisory locks, which belong to the process: closing *any*
    connection to a file drops them all, after which another process may checkpoint and
    delete the write-ahead log this process is still writing to (SQLite's "How To Corrupt
    An SQLite Database File", 2.2). So every ``Store`` on a file shares one connection,
    closed only when the last of them closes, and threads take turns through ``lock``.
    """

    def __init__(self, conn: sqlite3.Connection, warnings: list[str]) -> None:
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self.lock = threading.RLock()
        self.users = 0
        self.warnings = warnings
        #: how many claims hold each normalised word, and the claim count when it was read
        self.term_docs: dict[str, tuple[int, int]] = {}
        #: whether two such words are held by exactly the same claims, and the claim count
        self.together: dict[tuple[str, str], tuple[bool, int]] = {}


OPEN: dict[str, Shared] = {}
OPEN_LOCK = threading.Lock()


def path_key(path: Path) -> str:
    return os.path.realpath(path)


def serialized(method: Callable[..., T]) -> Callable[..., T]:
    """Run a Store method holding the connection's lock (threads share one connection)."""

    @functools.wraps(method)
    def locked(self: Any, *args: object, **kwargs: object) -> T:
        with self._shared.lock:
            return method(self, *args, **kwargs)

    return locked
