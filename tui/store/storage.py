"""A TinyDB storage that never leaves a torn file, and moves damaged files aside.

A write goes to a temporary file in the same folder, is flushed and fsynced,
renamed over the old file, and the folder is fsynced: a crash at any instant
leaves either the old file or the new one. A file that does not parse is moved
to `<name>.damaged-<timestamp>` and reported, never overwritten.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from tinydb.storages import Storage

FILE_MODE = 0o600
FOLDER_MODE = 0o700
TEMP_SUFFIX = ".tmp"


class StoreError(Exception):
    """Something about the data folder that the user should be told in plain words."""


class ReadOnlyStore(StoreError):
    pass


@dataclass(frozen=True)
class DamagedFile:
    original: Path
    # Where it was moved; None when the store was opened read-only and left it in place.
    moved_to: Path | None
    # True when its contents were rebuilt from other files, so nothing was lost.
    rebuilt: bool = False

    def __str__(self) -> str:
        if self.moved_to is None:
            return f"{self.original} is damaged (left in place: opened read-only)"
        outcome = "rebuilt from the session files" if self.rebuilt else "a fresh one was started"
        return f"{self.original} was damaged: moved to {self.moved_to}; {outcome}"


def make_private_folder(path: Path) -> None:
    if not path.is_dir():
        path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        # mkdir's mode is filtered by the umask.
        path.chmod(FOLDER_MODE)


def atomic_write(path: Path, data: str | bytes) -> None:
    with atomic_file(path, binary=isinstance(data, bytes)) as handle:
        handle.write(data)


@contextmanager
def atomic_file(path: Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """A private file (text unless `binary`) that replaces `path` only if the block finishes."""
    # mkstemp creates the file 0600, whatever the umask.
    descriptor, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(descriptor, "wb" if binary else "w", encoding=None if binary else "utf-8") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def fsync_folder(path: Path) -> None:
    """Makes a rename durable: without it the new directory entry may not survive a power cut."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def move_aside(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    os.replace(path, target)
    fsync_folder(path.parent)
    return target


def read_json(path: Path) -> Any:
    """The parsed file, or None when it is missing or empty; raises ValueError when it does not parse."""
    try:
        text = path.read_bytes()
    except FileNotFoundError:
        return None
    if not text.strip():
        return None
    try:
        return json.loads(text)
    except UnicodeDecodeError as error:
        raise ValueError(str(error)) from error


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic writes and a parsed copy kept in memory.

    The in-memory copy is safe because the store holds an exclusive lock on the
    folder: nobody else writes these files while it is open. TinyDB changes the
    dict returned by `read()` and then passes it to `write()`; if the write
    fails the copy is dropped, so memory never runs ahead of the disk.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        read_only: bool = False,
        on_damaged: Callable[[DamagedFile], None] | None = None,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self._read_only = read_only
        self._on_damaged = on_damaged
        self._data: dict[str, dict[str, Any]] | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._data is None:
            self._data = self._load()
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self._read_only:
            raise ReadOnlyStore(f"{self.path} was opened read-only")
        try:
            atomic_write(self.path, dump_json(data))
        except BaseException:
            self._data = None
            raise
        self._data = data

    def close(self) -> None:
        self._data = None

    def _load(self) -> dict[str, dict[str, Any]] | None:
        try:
            data = read_json(self.path)
            if data is not None and not _is_tinydb_layout(data):
                raise ValueError("not a TinyDB file")
        except ValueError:
            moved = None if self._read_only else move_aside(self.path)
            if self._on_damaged is not None:
                self._on_damaged(DamagedFile(self.path, moved))
            return None
        return data


def _is_tinydb_layout(data: Any) -> bool:
    """Tables of documents: {table: {doc_id: {...}}}."""
    return isinstance(data, dict) and all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values()) for table in data.values()
    )
