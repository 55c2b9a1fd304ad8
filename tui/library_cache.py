"""The library as last read, kept between starts: opening Tandem reads no YAML when nothing changed.

The cache is keyed by Tandem's and Python's versions and by the path, inode,
size, modification and change time of every exercise file and of the code that
reads them. A cache that is missing, stale, damaged, unreadable or writable by
others is ignored: the library is read from the files as usual and the cache
written anew.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path

from tui import __version__
from tui.core.library import ExerciseFolder, Library, exercise_files, load_library
from tui.store.storage import atomic_write, make_private_folder

CACHE_FILE = "library.pickle"
# The modules whose code decides what a file becomes; a change to any of them makes the cache stale.
READER_CODE = Path(__file__).parent / "core"


def load_library_cached(folders: Sequence[ExerciseFolder], cache_dir: Path) -> Library:
    try:
        key = _key(folders)
    except OSError:  # a file came or went while listing: just read them
        return load_library(folders)
    path = cache_dir / CACHE_FILE
    cached = _read(path)
    if cached is not None and cached[0] == key:
        return cached[1]
    library = load_library(folders)
    try:
        make_private_folder(cache_dir)
        atomic_write(path, pickle.dumps((key, library), protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError):
        pass  # a cache that cannot be written only costs the next start the reading
    return library


def _key(folders: Sequence[ExerciseFolder]) -> tuple:
    layers = tuple(
        (str(folder.path.resolve()), folder.builtin, _stamps(exercise_files(folder.path))) for folder in folders
    )
    return __version__, sys.version, _stamps(sorted(READER_CODE.glob("*.py"))), layers


def _stamps(paths: list[Path]) -> tuple[tuple[str, int, int, int, int], ...]:
    # The change time too: a file made readable again (chmod) keeps its size and modification time.
    return tuple(
        (str(path.resolve()), (status := path.stat()).st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)
        for path in paths
    )


def _read(path: Path) -> tuple[tuple, Library] | None:
    # Unpickling runs code: only a file that the user owns and nobody else may write is read.
    try:
        status = path.stat()
        if status.st_uid != os.getuid() or status.st_mode & 0o022:
            return None
        key, library = pickle.loads(path.read_bytes())
    except Exception:  # missing, cut short, or written by another version: any of a dozen errors
        return None
    return (key, library) if isinstance(library, Library) else None
